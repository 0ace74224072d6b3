// Users and groups without a name. ct copies them into the Ignition config as `"name": ""`, and
// Ignition fails the boot when it runs useradd/groupadd with no name.

import { isMap, isScalar } from 'yaml';
import type { Diagnostic } from '../report.ts';
import type { ParsedYaml } from '../yaml/parse.ts';
import { nodeSpan } from '../yaml/parse.ts';
import { itemsOf, pairOf, pairsOf, scalarString, valueOf } from './ast.ts';

export const ACCOUNT_CODES = { nameless: 'nameless-account' } as const;

export function namelessAccounts(yaml: ParsedYaml): Diagnostic[] {
  const out: Diagnostic[] = [];
  const passwd = valueOf(yaml.root, 'passwd');
  for (const [list, what] of [
    ['users', 'user'],
    ['groups', 'group'],
  ] as const) {
    for (const item of itemsOf(valueOf(passwd, list))) {
      if (!isMap(item)) continue; // ct reports that one itself
      const pair = pairOf(item, 'name');
      const name = pair?.value && isScalar(pair.value) ? scalarString(pair.value) : pair?.value ? undefined : '';
      if (name === undefined || name.trim() !== '') continue; // a name, or a non-scalar ct already rejects
      // point at the empty value, at `name:` with none, or at the entry's first key when name is missing
      const valueSpan = nodeSpan(pair?.value);
      const at = pair ? (valueSpan && valueSpan.end > valueSpan.start ? valueSpan : nodeSpan(pair.key)) : nodeSpan(pairsOf(item)[0]?.key ?? item);
      const how = pair ? 'an empty name' : 'no name';
      out.push({
        severity: 'warning',
        message: `this ${what} has ${how}: ct accepts it, but Ignition fails at boot when it creates a ${what} without a name`,
        span: at,
        code: ACCOUNT_CODES.nameless,
        hint: true,
      });
    }
  }
  return out;
}
