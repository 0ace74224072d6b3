// Test documents with the cursor written into the text as ‸ (U+2038), so a test reads like the
// document it is about: `storage:\n  fi‸`.

import { ClcDocument } from '../../src/core/features/document.ts';

export const CARET = '‸';

export function at(src: string): { doc: ClcDocument; offset: number; text: string } {
  const offset = src.indexOf(CARET);
  if (offset < 0) throw new Error('no caret (‸) in the test document');
  const text = src.slice(0, offset) + src.slice(offset + CARET.length);
  return { doc: new ClcDocument(text), offset, text };
}

/** Joins lines with \n (keeps multi-line YAML readable in tests). */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
