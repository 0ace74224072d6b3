// All of ct's checks on a Container Linux Config, by Go type name.
import type { MethodTable } from '../../go/types.ts';
import { mergeMethods } from '../../go/methods.ts';
import * as storage from './storage.ts';
import * as systemd from './systemd.ts';
import * as passwd from './passwd.ts';
import * as ignition from './ignition.ts';
import * as etcd from './etcd.ts';
import * as flannel from './flannel.ts';
import * as update from './update.ts';
import * as locksmith from './locksmith.ts';

export const clcMethods: MethodTable = mergeMethods(
  storage.methods, systemd.methods, passwd.methods, ignition.methods,
  etcd.methods, flannel.methods, update.methods, locksmith.methods,
);
