import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../src/core/yaml/parse.ts';
import { clcUnitRegions } from '../../src/core/units/clc-places.ts';
import { documentSpan, regionAt } from '../../src/core/units/regions.ts';
import type { UnitRegion } from '../../src/core/units/regions.ts';
import { unitFileAtPath, unitFileTypeOf } from '../../src/core/units/names.ts';
import { Rng } from '../support/rng.ts';

function regions(doc: string): UnitRegion[] {
  return clcUnitRegions(parseYaml(doc));
}

/** 0-based line of a document offset */
function lineOf(doc: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) if (doc[i] === '\n' || (doc[i] === '\r' && doc[i + 1] !== '\n')) n++;
  return n;
}

/**
 * Every character of the unit text maps to a document character that reads as it (the same
 * character, a line break for a line break, or an escape or folded break producing it), the
 * map only grows, and toUnit inverts toDocument.
 */
function assertExactMap(doc: string, r: UnitRegion): void {
  assert.ok(r.exact, `no exact map for ${JSON.stringify(doc)}`);
  let last = -1;
  for (let i = 0; i < r.text.length; i++) {
    const d = r.toDocument(i)!;
    assert.ok(d > last, `map grows at ${i}`);
    last = d;
    const c = r.text[i]!;
    const src = doc[d]!;
    if (c === '\n' || c === ' ') assert.ok(src === c || src === '\n' || src === '\r' || src === '\\', `char ${i} ${JSON.stringify(c)} vs ${JSON.stringify(src)}`);
    else if (src !== '\\') assert.equal(src, c === "'" && src === "'" ? "'" : c, `char ${i}`);
    assert.equal(r.toUnit(d), i);
  }
}

describe('unit regions: where unit texts are and exact offset maps', () => {
  it('finds units, drop-ins, networkd units and storage files under the systemd directories', () => {
    const doc = [
      'systemd:',
      '  units:',
      '    - name: app@.service',
      '      contents: |',
      '        [Service]',
      '        ExecStart=/bin/true',
      '      dropins:',
      '        - name: 10-x.conf',
      '          contents: "[Service]\\nUser=core\\n"',
      'networkd:',
      '  units:',
      '    - name: 10-eth.network',
      "      contents: '[Match]'",
      'storage:',
      '  files:',
      '    - path: /etc/systemd/system/foo.timer',
      '      contents:',
      '        inline: |',
      '          [Timer]',
      '    - path: /etc/systemd/system/foo.service.d/override.conf',
      '      contents: { inline: "[Service]" }',
      '    - path: /etc/motd',
      '      contents: { inline: "[Unit]" }',
    ].join('\n');
    const rs = regions(doc);
    assert.deepEqual(
      rs.map((r) => [r.fileType, r.name, r.dropin?.name, r.text]),
      [
        ['service', 'app@.service', undefined, '[Service]\nExecStart=/bin/true\n'],
        ['service', 'app@.service', '10-x.conf', '[Service]\nUser=core\n'],
        ['network', '10-eth.network', undefined, '[Match]'],
        ['timer', 'foo.timer', undefined, '[Timer]\n'],
        ['service', 'foo.service', 'override.conf', '[Service]'],
      ],
    );
    for (const r of rs) assertExactMap(doc, r);
    const exec = rs[0]!.text.indexOf('ExecStart');
    assert.equal(doc.slice(rs[0]!.toDocument(exec), rs[0]!.toDocument(exec)! + 9), 'ExecStart');
    assert.equal(regionAt(rs, doc.indexOf('User=core')), rs[1]);
    const user = rs[1]!.text.indexOf('User');
    assert.deepEqual(documentSpan(rs[1]!, { start: user, end: user + 4 }), { start: doc.indexOf('User=core'), end: doc.indexOf('User=core') + 4 });
  });

  const header = (h: string, body: string[], nl = '\n') => ['systemd:', '  units:', '    - name: a.service', `      contents: ${h}`, ...body].join(nl) + nl;
  const body = ['        [Unit]', '        Description=x', '', '        [Service]', '          ExecStart=/bin/a', '        Type=oneshot', '', ''];

  for (const h of ['|', '|-', '|+', '>', '>-', '>+', '|2', '|2-', '|1', '|+2', '>2', '|-  # comment']) {
    for (const nl of ['\n', '\r\n']) {
      it(`maps block scalar ${h} with ${nl === '\n' ? 'LF' : 'CRLF'} exactly, line by line`, () => {
        const doc = header(h, body, nl);
        const y = parseYaml(doc);
        assert.deepEqual(y.errors, []);
        const [r] = clcUnitRegions(y);
        assert.ok(r!.text.includes('ExecStart=/bin/a'));
        assertExactMap(doc, r!);
        // each unit line starts on the document line holding it (literal) or earlier (folded)
        if (h.startsWith('|')) {
          const unitLines = r!.text.split('\n');
          let at = 0;
          for (let k = 0; k < unitLines.length; k++) {
            if (at < r!.text.length) assert.equal(lineOf(doc, r!.toDocument(at)!), 4 + k);
            at += unitLines[k]!.length + 1;
          }
        }
      });
    }
  }

  it('maps double-quoted scalars through escapes and folding, single quotes through doubled quotes', () => {
    const docs = [
      'systemd:\n  units:\n    - name: a.service\n      contents: "[Unit]\\nDescription=caf\\u00e9 \\"q\\"\\n\\\n        [Service]\\tX\\n"\n',
      "systemd:\n  units:\n    - name: a.service\n      contents: '[Unit]\n\n        Description=it''s\n\n        [Service]'\n",
      'systemd:\n  units:\n    - name: a.service\n      contents: "a\n        b\n\n\n        c"\n',
    ];
    for (const doc of docs) {
      const [r] = regions(doc);
      assertExactMap(doc, r!);
    }
    const [r] = regions(docs[0]!);
    const d = r!.text.indexOf('Description');
    assert.equal(doc0Slice(docs[0]!, r!.toDocument(d)!, 11), 'Description');
    assert.equal(lineOf(docs[0]!, r!.toDocument(r!.text.indexOf('[Service]'))!), 4);
  });

  it('random literal and folded units with CRLF or LF map every character exactly', () => {
    const rng = new Rng(1010);
    let checked = 0;
    const words = ['[Unit]', '[Service]', 'ExecStart=/bin/sh -c "x"', 'A=b', '# c', '', '  more', 'X=1 \\'];
    for (let n = 0; n < 300; n++) {
      const lines = Array.from({ length: 1 + rng.int(8) }, () => rng.pick(words));
      const h = rng.pick(['|', '|-', '|+', '>', '>-', '>+', '|1', '>1']);
      const nl = rng.chance(0.3) ? '\r\n' : '\n';
      const doc = header(h, lines.map((l) => (l ? '        ' + l : l)), nl) + (rng.chance(0.5) ? 'ignition: {}' + nl : '');
      const y = parseYaml(doc);
      if (y.errors.length) continue;
      const [r] = clcUnitRegions(y);
      if (!r) continue;
      assertExactMap(doc, r);
      checked++;
    }
    assert.ok(checked > 200, `only ${checked} generated configs were readable`);
  });

  it('unit file names and paths', () => {
    assert.equal(unitFileTypeOf('app@x.service'), 'service');
    assert.equal(unitFileTypeOf('10-eth.network'), 'network');
    assert.equal(unitFileTypeOf('x.conf'), undefined);
    assert.deepEqual(unitFileAtPath('/etc/systemd/network/10-a.netdev'), { fileType: 'netdev', name: '10-a.netdev' });
    assert.deepEqual(unitFileAtPath('/etc/systemd/system/d.service.d/a.conf'), { fileType: 'service', name: 'd.service', dropin: { unit: 'd.service', name: 'a.conf' } });
    assert.equal(unitFileAtPath('/etc/systemd/system/multi-user.target.wants/a.service'), undefined);
    assert.equal(unitFileAtPath('/etc/systemd/system.conf'), undefined);
  });
});

function doc0Slice(doc: string, at: number, n: number): string {
  return doc.slice(at, at + n);
}
