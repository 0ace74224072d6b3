// All of Ignition's checks on a generated config, by Go type name.
import type { MethodTable } from '../../go/types.ts';
import { mergeMethods } from '../../go/methods.ts';
import * as storage from './storage.ts';
import * as systemd from './systemd.ts';
import * as passwd from './passwd.ts';
import * as ignition from './ignition.ts';

export const ignitionMethods: MethodTable = mergeMethods(storage.methods, systemd.methods, passwd.methods, ignition.methods);
