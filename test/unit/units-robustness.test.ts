// Random unit texts in random scalar styles: reading, judging and placing them never throws,
// every problem lands inside its unit's scalar, and where the map is exact on the very line the
// unit text has it on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../../src/core/features/diagnostics.ts';
import { codeActions } from '../../src/core/features/codeActions.ts';
import { ClcDocument } from '../../src/core/features/document.ts';
import { isUnitCode } from '../../src/core/units/diagnostics.ts';
import { Rng } from '../support/rng.ts';

const PIECES = ['[Unit]', '[Service]', '[Install]', '[Servce]', '[X-A]', '[Broken', 'ExecStart=/bin/true', 'ExecStar=/bin/x', 'Type=oneshot', 'Restart=sometimes', 'RestartSec=5x', 'WantedBy=multi-user.target', 'junk', '=x', '# c', '; c', 'A=b \\', '  cont', '', 'Description=café ünïcode', 'MemoryMax=1GiB', 'DynamicUser=maybe', 'X-Y=1'];

function scalar(rng: Rng, lines: string[]): string {
  const style = rng.int(4);
  if (style === 0) return '|' + (rng.chance(0.3) ? '-' : '') + '\n' + lines.map((l) => (l ? '        ' + l : '')).join('\n');
  if (style === 1) return '>\n' + lines.map((l) => (l ? '        ' + l : '')).join('\n\n');
  if (style === 2) return JSON.stringify(lines.join('\n') + '\n');
  return "'" + lines.join('\n\n        ').replace(/'/g, "''") + "'";
}

test('random unit texts: no throw, problems inside their scalar, fixes well-formed', () => {
  const rng = new Rng(10_10);
  let flagged = 0;
  for (let n = 0; n < 300; n++) {
    const lines = Array.from({ length: 1 + rng.int(10) }, () => rng.pick(PIECES));
    const name = rng.pick(['a.service', 'b.timer', 'c.network', 'd@.service', 'e.conf', 'f']);
    let text = `systemd:\n  units:\n    - name: ${name}\n      contents: ${scalar(rng, lines)}\n`;
    if (rng.chance(0.3)) text = text.replace(/\n/g, '\r\n');
    const { diagnostics } = diagnose(text);
    const doc = new ClcDocument(text);
    for (const d of diagnostics.filter((x) => isUnitCode(x.code))) {
      flagged++;
      assert.ok(d.span && d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end, `${d.message} in ${JSON.stringify(text)}`);
      assert.ok(d.span.start >= text.indexOf('name:'), 'inside the unit');
    }
    for (const a of codeActions(doc, diagnostics)) {
      for (const e of a.edits) assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end);
    }
  }
  assert.ok(flagged > 300, `only ${flagged} problems`);
});
