// The `variant:` and `version:` a Butane config declares, read off the scanned lines so that it
// works while the YAML is broken (completion and hover pick their schema with it).

import type { ClcDocument } from '../features/document.ts';
import { unquote } from '../features/schema.ts';

/** The top-level `variant:` and `version:` as written (read off the lines: works on broken YAML). */
export function butaneHead(doc: ClcDocument): { variant?: string; version?: string } {
  const out: { variant?: string; version?: string } = {};
  for (const line of doc.scan.lines) {
    if (line.kind !== 'content' || line.key === undefined || line.keyCol !== 0) continue;
    if (line.key === 'variant' || line.key === 'version') out[line.key] = line.value !== undefined ? unquote(line.value.trim()) : undefined;
    if (out.variant !== undefined && out.version !== undefined) break;
  }
  return out;
}
