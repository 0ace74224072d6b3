// Ignition's checks on the storage part of the generated config.
import type { MethodTable } from '../../go/types.ts';

export const methods: MethodTable = {};
