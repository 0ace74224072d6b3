// Syntax errors in go-yaml's words where the shared reader (the `yaml` package) meets the same
// problem under another name. Only the renamings the differential campaign showed to land on
// go-yaml's line are made; other syntax errors keep the reader's wording (a listed difference,
// docs/reliability.md).

import type { Diagnostic } from '../report.ts';

/** The reader's message and where go-yaml puts the error, in go-yaml's words. */
export function goYamlSyntaxError(e: Diagnostic, text: string): { message: string; offset: number } {
  const at = e.span?.start ?? 0;
  switch (e.message) {
    case 'yaml: Implicit map keys need to be followed by map values':
    case 'yaml: Implicit keys need to be on a single line':
      return { message: "yaml: could not find expected ':'", offset: at };
    case 'yaml: Tabs are not allowed as indentation':
      return { message: 'yaml: found character that cannot start any token', offset: at };
    case 'yaml: Nested mappings are not allowed in compact mappings': {
      // go-yaml stops at the `:` that starts the nested mapping
      const colon = /:(?=[ \t\r\n]|$)/g;
      colon.lastIndex = at;
      const m = colon.exec(text);
      return { message: 'yaml: mapping values are not allowed in this context', offset: m ? m.index : at };
    }
    default:
      return { message: e.message, offset: at };
  }
}
