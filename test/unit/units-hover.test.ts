// Hover inside unit texts embedded in a config, with the cursor written into the document.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/core/features/hover.ts';
import { at, yaml } from '../support/caret.ts';

function hoverAt(src: string): { contents: string; covered: string } | null {
  const { doc, offset, text } = at(src);
  const h = hover(doc, offset);
  return h && { contents: h.contents, covered: text.slice(h.span.start, h.span.end) };
}
const unit = (name: string, ...contents: string[]) =>
  yaml('systemd:', '  units:', `    - name: ${name}`, '      contents: |', ...contents.map((l) => '        ' + l));

describe('unit hover', () => {
  it('documents a section header with its man page', () => {
    const h = hoverAt(unit('app.service', '[Ins‸tall]', 'WantedBy=multi-user.target'))!;
    assert.equal(h.covered, '[Install]');
    assert.match(h.contents, /systemctl enable/);
    assert.match(h.contents, /\[systemd\.unit\(5\)\]\(https:\/\/www\.freedesktop\.org\/software\/systemd\/man\/latest\/systemd\.unit\.html\)/);
  });

  it('documents a directive: description, value kind with its values, man page and anchor', () => {
    const h = hoverAt(unit('app.service', '[Service]', 'Rest‸art=always'))!;
    assert.equal(h.covered, 'Restart');
    assert.match(h.contents, /restarts the service/);
    assert.match(h.contents, /`on-failure`/);
    assert.match(h.contents, /systemd\.service\.html#Restart=/);
    const exec = hoverAt(unit('app.service', '[Service]', 'Us‸er=core'))!;
    assert.match(exec.contents, /\[systemd\.exec\(5\)\]/, 'shared exec settings link to systemd.exec');
    assert.match(hoverAt(unit('app.service', '[Service]', 'Remain‸AfterExit=yes'))!.contents, /boolean/);
    assert.match(hoverAt(unit('app.service', '[Service]', 'Restart‸Sec=5'))!.contents, /time span/);
  });

  it('documents the directive from its value, and a well-known unit named there', () => {
    const h = hoverAt(unit('app.service', '[Install]', 'WantedBy=multi-user.tar‸get'))!;
    assert.equal(h.covered, 'multi-user.target');
    assert.match(h.contents, /^\*\*multi-user\.target\*\*/);
    assert.match(h.contents, /WantedBy=/);
  });

  it('documents networkd directives', () => {
    const h = hoverAt(yaml('networkd:', '  units:', '    - name: 10-eth.network', '      contents: |', '        [Network]', '        DH‸CP=yes'))!;
    assert.equal(h.covered, 'DHCP');
    assert.match(h.contents, /systemd\.network\.html#DHCP=/);
  });

  it('says nothing on unknown directives, comments and units of unknown type', () => {
    assert.equal(hoverAt(unit('app.service', '[Service]', 'ExecSt‸ar=/bin/true')), null);
    assert.equal(hoverAt(unit('app.service', '[Service]', '# Res‸tart=always')), null);
    assert.equal(hoverAt(unit('app.service', '[Unit]', 'Ty‸pe=oneshot')), null, 'Type is no [Unit] directive');
    assert.equal(hoverAt(unit('app', '[Service]', 'Ty‸pe=oneshot')), null);
  });

  it('keeps the YAML hover outside the unit text', () => {
    const h = hoverAt(yaml('systemd:', '  units:', '    - name: app.service', '      cont‸ents: |', '        [Service]'))!;
    assert.match(h.contents, /systemd\.units\[\]\.contents/);
  });
});
