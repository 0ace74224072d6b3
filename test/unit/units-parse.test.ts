import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assignmentAt, parseUnitText, sectionAt } from '../../src/core/units/parse.ts';

const slice = (t: string, s: { start: number; end: number }) => t.slice(s.start, s.end);

describe('parseUnitText: systemd reading with positions', () => {
  it('reads sections and assignments with key and value spans', () => {
    const t = '[Unit]\nDescription = Hello world \n\n[Service]\nExecStart=/bin/a\n';
    const p = parseUnitText(t);
    assert.deepEqual(p.sections.map((s) => s.name), ['Unit', 'Service']);
    assert.deepEqual(p.assignments.map((a) => [a.section.name, a.key, a.value, a.line]), [
      ['Unit', 'Description', 'Hello world', 1],
      ['Service', 'ExecStart', '/bin/a', 4],
    ]);
    const d = p.assignments[0]!;
    assert.equal(slice(t, d.keySpan), 'Description');
    assert.equal(slice(t, d.valueSpan), 'Hello world');
    assert.equal(slice(t, p.sections[1]!.nameSpan), 'Service');
    assert.equal(slice(t, p.sections[1]!.headerSpan), '[Service]');
    assert.deepEqual(p.problems, []);
  });

  it('skips comments (# and ;), also inside a continued value, and joins continuations with a space', () => {
    const t = '# top\n[Service]\n; note\nExecStart=/bin/sh -c \\\n  # a comment line is skipped\n  "echo hi"\nX=1\n';
    const p = parseUnitText(t);
    assert.equal(p.comments.length, 3);
    const a = p.assignments[0]!;
    assert.equal(a.key, 'ExecStart');
    assert.equal(a.value, '/bin/sh -c    "echo hi"');
    assert.equal(a.line, 3);
    assert.equal(a.lastLine, 5);
    assert.equal(slice(t, a.valueSpan), '/bin/sh -c \\\n  # a comment line is skipped\n  "echo hi"');
    assert.equal(p.assignments[1]!.key, 'X');
  });

  it('an escaped backslash at the end does not continue; an empty line ends a continuation', () => {
    const p = parseUnitText('[S]\nA=x\\\\\nB=y\\\n\nC=z\n');
    assert.deepEqual(p.assignments.map((a) => [a.key, a.value]), [
      ['A', 'x\\\\'],
      ['B', 'y'],
      ['C', 'z'],
    ]);
  });

  it('empty values (list resets) are assignments with an empty value span after the =', () => {
    const t = '[Service]\nExecStart=\n';
    const a = parseUnitText(t).assignments[0]!;
    assert.equal(a.value, '');
    assert.equal(a.valueSpan.start, t.indexOf('=') + 1);
    assert.equal(a.valueSpan.end, a.valueSpan.start);
  });

  it('reports line problems as systemd does, stopping at a broken header', () => {
    const t = 'Before=1\n[Unit]\nnoequals\n=value\n[Service] # c\nA=b\n';
    const p = parseUnitText(t);
    assert.deepEqual(p.problems.map((x) => [x.kind, x.line, x.fatal, slice(t, x.span)]), [
      ['assignment-outside-section', 0, false, 'Before=1'],
      ['missing-equals', 2, false, 'noequals'],
      ['missing-key', 3, false, '=value'],
      ['invalid-section-header', 4, true, '[Service] # c'],
    ]);
    assert.equal(p.assignments.length, 0);
    assert.equal(p.stoppedAt, t.indexOf('[Service]'));
    assert.equal(parseUnitText('[Se"x]\n').problems[0]!.kind, 'bad-section-characters');
  });

  it('ends lines at LF, CRLF and a lone CR; drops a byte order mark', () => {
    const p = parseUnitText('\ufeff[Unit]\r\nA=1\rB=2\n');
    assert.deepEqual(p.assignments.map((a) => [a.key, a.value, a.line]), [
      ['A', '1', 1],
      ['B', '2', 2],
    ]);
    assert.equal(p.sections[0]!.name, 'Unit');
  });

  it('finds the section and assignment at an offset', () => {
    const t = '[Unit]\nA=1\n[Service]\n\nType=simple\n';
    const p = parseUnitText(t);
    assert.equal(sectionAt(p, t.indexOf('\n\nType') + 1)!.name, 'Service');
    assert.equal(sectionAt(p, 2)!.name, 'Unit');
    assert.equal(sectionAt(p, 0)!.name, 'Unit');
    assert.equal(assignmentAt(p, t.indexOf('simple') + 2)!.key, 'Type');
    assert.equal(assignmentAt(p, t.indexOf('\n\nType') + 1), undefined);
  });
});
