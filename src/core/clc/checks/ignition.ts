// ct's own checks on the top of a Container Linux Config (config/types/config.go).
import type { MethodTable } from '../../go/types.ts';

export const ERR_INVALID_VERSION = 'Invalid version. Only version 0 is supported';

export const methods: MethodTable = {
  Config: {
    fields: {
      Version: (c: { Version: number }) =>
        c.Version !== 0 ? [{ severity: 'error', message: ERR_INVALID_VERSION, code: 'config-version' }] : [],
    },
  },
};
