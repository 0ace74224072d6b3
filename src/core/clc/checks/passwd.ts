// ct's own checks (Validate methods) on the passwd part of a Container Linux Config.
import type { MethodTable } from '../../go/types.ts';

export const methods: MethodTable = {};
