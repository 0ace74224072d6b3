// ct's own checks on the update part of a Container Linux Config (config/types/update.go).
import type { MethodTable } from '../../go/types.ts';
import { parseUrl } from '../../go/url.ts';
import { goToLower } from '../../go/strings.ts';

export const ERR_UNKNOWN_GROUP = 'unknown update group';

/** the channels ct knows; any other group needs a server */
export const KNOWN_UPDATE_GROUPS = ['stable', 'beta', 'alpha'];

export const methods: MethodTable = {
  Update: {
    validate: (u: { Group: string; Server: string }) => {
      if (KNOWN_UPDATE_GROUPS.includes(goToLower(u.Group))) return [];
      if (u.Server === '') return [{ severity: 'warning', message: ERR_UNKNOWN_GROUP, code: 'update-group' }];
      return [];
    },
  },
  UpdateServer: {
    validate: (s: string) => {
      const u = parseUrl(s);
      return u.ok ? [] : [{ severity: 'error', message: u.error, code: 'update-server' }];
    },
  },
};
