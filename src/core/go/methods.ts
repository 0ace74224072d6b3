// Joins per-section method tables; a type may get field checks from several sections.
import type { MethodTable } from './types.ts';

export function mergeMethods(...tables: MethodTable[]): MethodTable {
  const out: MethodTable = {};
  for (const t of tables) {
    for (const [name, m] of Object.entries(t)) {
      const cur = (out[name] ??= {});
      if (m.validate) {
        if (cur.validate) throw new Error(`two Validate() methods for ${name}`);
        cur.validate = m.validate;
      }
      if (m.fields) cur.fields = { ...(cur.fields ?? {}), ...m.fields };
    }
  }
  return out;
}
