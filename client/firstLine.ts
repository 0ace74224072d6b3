// Recognises a Container Linux Config by its first line. Free of VS Code for unit tests.
// Keep FIRST_LINE_SOURCE in step with "firstLine" in package.json (a unit test checks this).

/** The regular expression VS Code matches against a file's first line. */
export const FIRST_LINE_SOURCE = '^#\\s*container-linux-config\\b';
const FIRST_LINE = new RegExp(FIRST_LINE_SOURCE);

/** True when `text` (the document, or just its first line) starts with the marker comment. */
export function hasClcMarker(text: string): boolean {
  const nl = text.indexOf('\n');
  let line = nl === -1 ? text : text.slice(0, nl);
  if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
  return FIRST_LINE.test(line.replace(/\r$/, ''));
}
