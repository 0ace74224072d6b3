import { quoteGoString } from '../../src/core/go/strconv.ts';
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  installSectionWarning,
  parseUnitBytes,
  parseUnitFile,
  unitInstallSummary,
  validateUnitContents,
  type UnitOption,
} from '../../src/core/ignition/unit-file.ts';
import { Rng } from '../support/rng.ts';

const opt = (section: string, name: string, value: string): UnitOption => ({ section, name, value });

function options(contents: string): UnitOption[] {
  const r = parseUnitFile(contents);
  if (!r.ok) assert.fail(`expected contents to parse, got error: ${r.error}`);
  return r.options;
}

function error(contents: string | Uint8Array): string {
  const r = typeof contents === 'string' ? parseUnitFile(contents) : parseUnitBytes(contents);
  if (r.ok) assert.fail(`expected an error, got options ${JSON.stringify(r.options)}`);
  return r.error;
}

const LINE_TOO_LONG = 'line too long (max 2048 bytes)';

describe('parseUnitFile: success shapes', () => {
  it('parses nothing from empty contents', () => {
    assert.deepEqual(parseUnitFile(''), { ok: true, options: [] });
  });

  it('parses sections and options in order, keeping duplicates', () => {
    assert.deepEqual(
      options('[Unit]\nDescription=Hello\n[Service]\nExecStart=/bin/a\nExecStart=/bin/b\n[Install]\nWantedBy=multi-user.target\n'),
      [
        opt('Unit', 'Description', 'Hello'),
        opt('Service', 'ExecStart', '/bin/a'),
        opt('Service', 'ExecStart', '/bin/b'),
        opt('Install', 'WantedBy', 'multi-user.target'),
      ],
    );
  });

  it('parses the last option without a trailing newline', () => {
    assert.deepEqual(options('[Service]\nExecStart=/usr/bin/true'), [opt('Service', 'ExecStart', '/usr/bin/true')]);
  });

  it('yields no options for sections without options', () => {
    assert.deepEqual(options('[Unit]'), []);
    assert.deepEqual(options('[Unit]\n\n[Service]\n'), []);
  });

  it('ignores everything before the first section, rune by rune', () => {
    assert.deepEqual(options('Foo=bar\ngarbage\n[S]\nA=b\n'), [opt('S', 'A', 'b')]);
    assert.deepEqual(options('Foo=bar\n'), []);
    // a '[' anywhere starts a section, even mid-line
    assert.deepEqual(options('junk[S]\nA=b'), [opt('S', 'A', 'b')]);
  });

  it('starts a comment at # or ; anywhere before the first section', () => {
    // "#bar\" continues onto the next line, which swallows "[S]"; "A=b" is then outside any section
    assert.deepEqual(options('foo#bar\\\n[S]\nA=b\n'), []);
    assert.deepEqual(options('foo;bar\n[S]\nA=b\n'), [opt('S', 'A', 'b')]);
  });

  it('skips comment lines inside sections', () => {
    assert.deepEqual(options('[S]\n#c1\n;c2\n  # indented\nA=b\n'), [opt('S', 'A', 'b')]);
  });

  it('continues a comment ending in a backslash (one trailing space allowed)', () => {
    assert.deepEqual(options('[S]\n# c \\\nA=b\nC=d\n'), [opt('S', 'C', 'd')]);
    assert.deepEqual(options('[S]\n# c \\ \nA=b\nC=d\n'), [opt('S', 'C', 'd')]);
    // two trailing spaces: only one is removed, so the line does not end in a backslash
    assert.deepEqual(options('[S]\n# c \\  \nA=b\n'), [opt('S', 'A', 'b')]);
    // a continued comment at the end of input
    assert.deepEqual(options('[S]\nA=b\n#c\\'), [opt('S', 'A', 'b')]);
  });

  it('does not treat # or ; after the start of a line as a comment', () => {
    assert.deepEqual(options('[S]\nA#=b ; c # d\n'), [opt('S', 'A#', 'b ; c # d')]);
  });

  it('trims names and values but keeps inner white space and equals signs', () => {
    assert.deepEqual(options('[S]\n  Name  =  a  b=c  \n'), [opt('S', 'Name', 'a  b=c')]);
    assert.deepEqual(options('[S]\nA B\t=\tc\n'), [opt('S', 'A B', 'c')]);
  });

  it('accepts an empty name and empty values', () => {
    assert.deepEqual(options('[S]\n=value\n'), [opt('S', '', 'value')]);
    assert.deepEqual(options('[S]\nA=\nB=   \nC='), [opt('S', 'A', ''), opt('S', 'B', ''), opt('S', 'C', '')]);
  });

  it('keeps section names verbatim, including spaces and line breaks', () => {
    assert.deepEqual(options('[ Install ]\nA=b'), [opt(' Install ', 'A', 'b')]);
    assert.deepEqual(options('[Un\nit]\nA=b'), [opt('Un\nit', 'A', 'b')]);
    assert.deepEqual(options('[]\nA=b'), [opt('', 'A', 'b')]);
  });

  it('allows white space after the closing bracket', () => {
    assert.deepEqual(options('[S]  \t \nA=b'), [opt('S', 'A', 'b')]);
  });

  it('starts a new section from a bracket at line start and after white space', () => {
    assert.deepEqual(options('[S]\nA=1\n  [T]\nB=2\n'), [opt('S', 'A', '1'), opt('T', 'B', '2')]);
  });

  it('joins continued values, keeping the backslashes and line breaks', () => {
    assert.deepEqual(options('[S]\nExecStart=/bin/foo \\\n  --bar \\\n  --baz\nNext=1\n'), [
      opt('S', 'ExecStart', '/bin/foo \\\n  --bar \\\n  --baz'),
      opt('S', 'Next', '1'),
    ]);
  });

  it('takes comment-looking continuation lines as part of the value', () => {
    assert.deepEqual(options('[S]\nA=x\\\n#not a comment\n'), [opt('S', 'A', 'x\\\n#not a comment')]);
  });

  it('ends a continued value at a blank or white-space-only line, keeping the final line break', () => {
    assert.deepEqual(options('[S]\nA=b\\\n\nC=d'), [opt('S', 'A', 'b\\\n'), opt('S', 'C', 'd')]);
    assert.deepEqual(options('[S]\nA=b\\\n   \nC=d'), [opt('S', 'A', 'b\\\n'), opt('S', 'C', 'd')]);
    assert.deepEqual(options('[S]\nA=b\\\n'), [opt('S', 'A', 'b\\\n')]);
  });

  it('keeps a trailing backslash at end of input without adding a line break', () => {
    assert.deepEqual(options('[S]\nA=b\\'), [opt('S', 'A', 'b\\')]);
    assert.deepEqual(options('[S]\nA=b\\\nc\\'), [opt('S', 'A', 'b\\\nc\\')]);
  });

  it('continues only when the backslash is the very last byte', () => {
    assert.deepEqual(options('[S]\nA=b\\ \nC=d'), [opt('S', 'A', 'b\\'), opt('S', 'C', 'd')]);
    assert.deepEqual(options('[S]\nA=b\\c\nD=e'), [opt('S', 'A', 'b\\c'), opt('S', 'D', 'e')]);
  });

  it('handles CRLF line endings (the CR stays in the line and is trimmed as white space)', () => {
    assert.deepEqual(options('[S]\r\nA=b\r\nC = d \r\n'), [opt('S', 'A', 'b'), opt('S', 'C', 'd')]);
    // with CRLF the backslash is not the last byte, so the value does not continue
    assert.deepEqual(options('[S]\r\nA=b\\\r\n\r\nC=d'), [opt('S', 'A', 'b\\'), opt('S', 'C', 'd')]);
    // a lone CR at end of input is dropped, so this backslash does continue
    assert.deepEqual(options('[S]\nA=b\\\r'), [opt('S', 'A', 'b\\')]);
    // a CR ending a comment line does not hide a continuation backslash either way
    assert.deepEqual(options('[S]\n#c\\\r\nA=b\n'), [opt('S', 'A', 'b')]);
  });

  it("uses Go's notion of white space", () => {
    // NBSP, NEL and the ideographic space are white space in Go; U+FEFF is not
    assert.deepEqual(options('[S]\n\u00a0A\u3000=\u0085b\u00a0\n'), [opt('S', 'A', 'b')]);
    assert.deepEqual(options('[S]\n\ufeffA=\ufeffb\ufeff\n'), [opt('S', '\ufeffA', '\ufeffb\ufeff')]);
    assert.deepEqual(options('[S]\u2028\nA=b'), [opt('S', 'A', 'b')]);
  });

  it('keeps non-ASCII text intact', () => {
    assert.deepEqual(options('[Ünit]\nDescription=héllo wörld ☃ 𝄞\n'), [opt('Ünit', 'Description', 'héllo wörld ☃ 𝄞')]);
  });

  it('reads a non-ASCII option name that straddles the 4096-byte buffer boundary', () => {
    // the name "xé" starts at offset 4094, so "é" takes the last byte of the first read and
    // the first byte of the next one
    const pad = 'A=' + 'x'.repeat(1000) + '\n'; // 1003 bytes
    const prefix = '[S]\n' + pad.repeat(4) + 'B=' + 'y'.repeat(75) + '\n'; // 4 + 4012 + 78
    assert.equal(Buffer.byteLength(prefix), 4094);
    const got = options(prefix + 'xé=1\n');
    assert.deepEqual(got[got.length - 1], opt('S', 'xé', '1'));
  });

  it('decodes invalid UTF-8 the way Go does', () => {
    // an invalid byte read as a rune becomes U+FFFD in option names; elsewhere bytes are kept
    // (here they come out as U+FFFD only because the result is a JavaScript string)
    const r = parseUnitBytes(Uint8Array.from([0x5b, 0x53, 0x5d, 0x0a, 0xff, 0x41, 0x3d, 0x62]));
    assert.deepEqual(r, { ok: true, options: [opt('S', '\ufffdA', 'b')] });
  });
});

describe('parseUnitFile: errors', () => {
  it('reports a section without a closing bracket', () => {
    assert.equal(error('[Unit\nDescription=x\n'), 'unable to find end of section');
    assert.equal(error('['), 'unable to find end of section');
    assert.equal(error('[S]\nA=b\n[T'), 'unable to find end of section');
  });

  it('reports garbage after a section name as a list of byte values, with an empty section name', () => {
    assert.equal(
      error('[Service] extra\nExecStart=/bin/true\n'),
      'found garbage after section name : [101 120 116 114 97]',
    );
    assert.equal(error('[S] x y \n'), 'found garbage after section name : [120 32 121]');
    assert.equal(error('[S]]'), 'found garbage after section name : [93]');
    assert.equal(error('[S] # comment\n'), 'found garbage after section name : [35 32 99 111 109 109 101 110 116]');
    // UTF-8 bytes, not code points
    assert.equal(error('[S] é\n'), 'found garbage after section name : [195 169]');
    // a continuation backslash after a section is garbage too
    assert.equal(error('[S]\\\nA=b'), 'found garbage after section name : [92]');
    // CR LF: the CR is white space; a CR-only line break is not a line break
    assert.equal(error('[S]\rA=b\n'), 'found garbage after section name : [65 61 98]');
    assert.equal(error(Uint8Array.from([0x5b, 0x53, 0x5d, 0x20, 0xff, 0x0a])), 'found garbage after section name : [255]');
  });

  it('reports a line break inside an option name', () => {
    assert.equal(error('[Service]\nExecStart /bin/true\n'), 'unexpected newline encountered while parsing option name');
    assert.equal(error('[S]\nA\r=b\n'), 'unexpected newline encountered while parsing option name');
    // the line after a CRLF-terminated backslash line is read as a new option
    assert.equal(error('[S]\r\nA=b\\\r\nc\r\n'), 'unexpected newline encountered while parsing option name');
  });

  it('reports EOF when input ends inside an option name', () => {
    assert.equal(error('[Service]\nExecStart'), 'EOF');
    assert.equal(error('[S]\n   A  '), 'EOF');
  });
});

describe('parseUnitFile: line length limit', () => {
  it('rejects the over-long line from the conformance corpus', () => {
    const contents = '[Service]\nExecStart=/usr/bin/echo ' + 'x'.repeat(2100) + '\n';
    assert.equal(error(contents), LINE_TOO_LONG);
  });

  it('counts the line break: 2047 bytes plus newline pass, 2048 bytes without one fail', () => {
    assert.equal(error('[S]\nA=' + 'x'.repeat(2046) + '\n'), LINE_TOO_LONG);
    assert.deepEqual(options('[S]\nA=' + 'x'.repeat(2045) + '\n'), [opt('S', 'A', 'x'.repeat(2045))]);
  });

  it('measures bytes, not characters', () => {
    // 2 + 1023 * 2 = 2048 bytes without a line break
    assert.equal(error('[S]\nA=' + 'é'.repeat(1023) + '\n'), LINE_TOO_LONG);
    assert.deepEqual(options('[S]\nA=' + 'é'.repeat(1022) + 'x\n'), [opt('S', 'A', 'é'.repeat(1022) + 'x')]);
  });

  it('accepts a CR within the window as a line break', () => {
    assert.deepEqual(options('[S]\nA=' + 'x'.repeat(1000) + '\r' + 'y'.repeat(1500) + '\n'), [
      opt('S', 'A', 'x'.repeat(1000) + '\r' + 'y'.repeat(1500)),
    ]);
  });

  it('applies to comments and to text before the first section', () => {
    assert.equal(error('[S]\n#' + 'c'.repeat(2100) + '\nA=b\n'), LINE_TOO_LONG);
    // the first rune is read before anything is buffered; after it, 2048 buffered bytes without a
    // line break fail the check
    assert.equal(error('x'.repeat(2049)), LINE_TOO_LONG);
    assert.deepEqual(options('x'.repeat(2048)), []);
  });

  it('only checks when at least 2048 bytes are buffered', () => {
    // an unterminated last line shorter than the limit is fine
    assert.deepEqual(options('[S]\nA=' + 'x'.repeat(2000)), [opt('S', 'A', 'x'.repeat(2000))]);
    // a long line that starts when less than 2048 bytes of the first 4096-byte read remain goes
    // unnoticed: the whole line is read in one step, and the buffer is refilled within it
    const shortLine = 'A=' + 'a'.repeat(98) + '\n'; // 101 bytes
    const contents = '[S]\n' + shortLine.repeat(30) + 'B=' + 'b'.repeat(5000) + '\nC=c\n';
    const got = options(contents);
    assert.equal(got.length, 32);
    assert.deepEqual(got[30], opt('S', 'B', 'b'.repeat(5000)));
    assert.deepEqual(got[31], opt('S', 'C', 'c'));
  });

  it('checks again between continuation lines of a value', () => {
    const first = 'A=x\\\n';
    assert.equal(error('[S]\n' + first + 'y'.repeat(2100) + '\n'), LINE_TOO_LONG);
  });
});

describe('validateUnitContents', () => {
  it('wraps lexer errors the way Ignition does', () => {
    assert.equal(validateUnitContents('[Unit\nDescription=x\n'), 'invalid unit content: unable to find end of section');
    assert.equal(validateUnitContents('[Service]\nExecStart'), 'invalid unit content: EOF');
    assert.equal(
      validateUnitContents('[Service]\nExecStart=/usr/bin/echo ' + 'x'.repeat(2099) + '\n'),
      'invalid unit content: line too long (max 2048 bytes)',
    );
  });

  it('returns null for valid and empty contents', () => {
    assert.equal(validateUnitContents('[Service]\nExecStart=/bin/true\n'), null);
    assert.equal(validateUnitContents(''), null);
  });
});

describe('installSectionWarning', () => {
  const noInstall = [opt('Unit', 'Description', 'x'), opt('Service', 'ExecStart', '/usr/bin/true')];
  const withInstall = [...noInstall, opt('Install', 'WantedBy', 'multi-user.target')];
  const warning = (name: string) => `unit "${name}" is enabled, but has no install section so enable does nothing`;

  it('warns for an enabled unit whose contents have no [Install] section', () => {
    assert.equal(installSectionWarning('no-install.service', true, false, noInstall), warning('no-install.service'));
  });

  it('does not warn when there is an [Install] section', () => {
    assert.equal(installSectionWarning('a.service', true, false, withInstall), null);
  });

  it('does not warn for units that are not enabled', () => {
    assert.equal(installSectionWarning('a.service', false, false, noInstall), null);
  });

  it('does not warn when the contents are empty', () => {
    assert.equal(installSectionWarning('a.service', true, true, []), null);
  });

  it('does not warn when parsing failed or produced no options', () => {
    assert.equal(installSectionWarning('a.service', true, false, null), null);
    assert.equal(installSectionWarning('a.service', true, false, undefined), null);
    assert.equal(installSectionWarning('a.service', true, false, []), null);
    // e.g. contents "[Unit]" or only comments: go-systemd returns no options at all
    assert.equal(installSectionWarning('a.service', true, false, options('[Unit]\n# nothing\n')), null);
  });

  it('matches the section name exactly', () => {
    assert.equal(installSectionWarning('a.service', true, false, options('[ Install ]\nWantedBy=x\n')), warning('a.service'));
    assert.equal(installSectionWarning('a.service', true, false, options('[install]\nWantedBy=x\n')), warning('a.service'));
    assert.equal(installSectionWarning('a.service', true, false, options('[Install]\nWantedBy=x\n')), null);
  });

  it('quotes the unit name like Go %q', () => {
    assert.equal(
      installSectionWarning('a"b\\c.service', true, false, noInstall),
      'unit "a\\"b\\\\c.service" is enabled, but has no install section so enable does nothing',
    );
  });
});

describe('quoteGoString (the %q used in unit messages)', () => {
  it('escapes like strconv.Quote', () => {
    assert.equal(quoteGoString('plain'), '"plain"');
    assert.equal(quoteGoString('a b'), '"a b"');
    assert.equal(quoteGoString('"\\'), '"\\"\\\\"');
    assert.equal(quoteGoString('\x07\b\f\n\r\t\v'), '"\\a\\b\\f\\n\\r\\t\\v"');
    assert.equal(quoteGoString('\x00\x1f\x7f'), '"\\x00\\x1f\\x7f"');
    assert.equal(quoteGoString('héllo ☃ 𝄞'), '"héllo ☃ 𝄞"');
    assert.equal(quoteGoString('\u00a0\u00ad\u2028\ufeff'), '"\\u00a0\\u00ad\\u2028\\ufeff"');
    assert.equal(quoteGoString('\u{e0001}'), '"\\U000e0001"');
  });
});

test('the line-by-line reading of simple unit files gives exactly the lexer\'s answer', () => {
  // random unit files from pieces that matter to the lexer: sections (also broken ones),
  // options with spaces around `=`, comments with both markers, text before the first section
  const pieces = ['[Unit]', '[Service]', '[Install]', '[X', ']', '[a b]', '  [Unit]  ', '[Unit] x', 'Description=demo', 'ExecStart = /bin/true  ',
    'A=', '=b', 'Key', ' K = v = w ', '# comment', '; comment', '  # indented', 'a#b=c', 'x;y', '\t', ' ', '', 'WantedBy=multi-user.target',
    'é=1', 'Exec=a \\', 'b\r', '\v', '\f', '[', 'Name[x]=y'];
  const rng = new Rng(11);
  let simple = 0;
  for (let i = 0; i < 20000; i++) {
    const n = rng.int(8);
    const lines: string[] = [];
    for (let j = 0; j < n; j++) lines.push(pieces[rng.int(pieces.length)] + (rng.chance(0.2) ? pieces[rng.int(pieces.length)] : ''));
    const text = lines.join('\n') + (rng.chance(0.7) ? '\n' : '');
    const exact = parseUnitBytes(new TextEncoder().encode(text));
    assert.deepEqual(parseUnitFile(text), exact, JSON.stringify(text));
    // the summary Ignition 3's checks take: parses or not, an option in [Install] or not
    const summary = exact.ok ? { ok: true, hasInstallOption: exact.options.some((o) => o.section === 'Install') } : exact;
    assert.deepEqual(unitInstallSummary(text, 'ct'), summary, JSON.stringify(text));
    if (exact.ok && !/[^\x00-\x7f]|[\r\\]/.test(text)) simple++;
  }
  assert.ok(simple > 5000, `only ${simple} simple files`);
  // a line long enough for the length check goes to the lexer
  const long = '[Unit]\nDescription=' + 'x'.repeat(3000) + '\n';
  assert.deepEqual(parseUnitFile(long), parseUnitBytes(new TextEncoder().encode(long)));
});
