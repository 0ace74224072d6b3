// Ignition's checks on the passwd part of the generated config (config/v2_3/types/passwd.go).
import type { MethodTable } from '../../go/types.ts';
import type { Diagnostic } from '../../report.ts';

export const ERR_PASSWD_CREATE_DEPRECATED = 'the create object has been deprecated in favor of user-level options';

const conflict = (field: string): string => `cannot use both the create object and the user-level ${field} field`;

interface IgnUser {
  Create: unknown;
  Gecos: string;
  Groups: string[] | null;
  HomeDir: string;
  NoCreateHome: boolean;
  NoLogInit: boolean;
  NoUserGroup: boolean;
  PrimaryGroup: string;
  Shell: string;
  System: boolean;
  UID: number | null;
}

export const methods: MethodTable = {
  PasswdUser: {
    validate: (u: IgnUser) => {
      if (u.Create === null || u.Create === undefined) return [];
      const out: Diagnostic[] = [{ severity: 'warning', message: ERR_PASSWD_CREATE_DEPRECATED, code: 'passwd-create-deprecated' }];
      // the user-level fields that may not be combined with `create`, in Ignition's order
      const set: Array<[boolean, string]> = [
        [u.Gecos !== '', 'gecos'],
        [(u.Groups?.length ?? 0) > 0, 'groups'],
        [u.HomeDir !== '', 'homeDir'],
        [u.NoCreateHome, 'noCreateHome'],
        [u.NoLogInit, 'noLogInit'],
        [u.NoUserGroup, 'noUserGroup'],
        [u.PrimaryGroup !== '', 'primaryGroup'],
        [u.Shell !== '', 'shell'],
        [u.System, 'system'],
        [u.UID !== null && u.UID !== undefined, 'uid'],
      ];
      for (const [isSet, field] of set) {
        if (isSet) out.push({ severity: 'error', message: conflict(field), code: 'passwd-create-conflict', data: { field } });
      }
      return out;
    },
  },
};
