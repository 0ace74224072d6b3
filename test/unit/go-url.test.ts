// Expected values follow net/url.Parse / URL.String as documented for Go 1.19, and the errors ct
// printed in the conformance corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUrl, urlQuery, type GoUrl } from '../../src/core/go/url.ts';

function ok(raw: string): GoUrl {
  const r = parseUrl(raw);
  if (!r.ok) assert.fail(`expected ${raw} to parse, got: ${r.error}`);
  return r;
}

function err(raw: string): string {
  const r = parseUrl(raw);
  if (r.ok) assert.fail(`expected ${raw} to fail`);
  return r.error;
}

test('errors recorded from ct', () => {
  assert.equal(err('http://exa mple.com/file'), 'parse "http://exa mple.com/file": invalid character " " in host name');
  assert.equal(err('https://config.example.net:port/broken.ign'), 'parse "https://config.example.net:port/broken.ign": invalid port ":port" after host');
  assert.equal(err('https://update.example.com:80x/v1/update/'), 'parse "https://update.example.com:80x/v1/update/": invalid port ":80x" after host');
});

test('scheme errors', () => {
  assert.equal(err(':foo'), 'parse ":foo": missing protocol scheme');
  assert.equal(err('1a:b'), 'parse "1a:b": first path segment in URL cannot contain colon');
  assert.equal(err('a_b:c'), 'parse "a_b:c": first path segment in URL cannot contain colon');
});

test('host errors', () => {
  assert.equal(err('http://[::1'), 'parse "http://[::1": missing \']\' in host');
  assert.equal(err('http://[fe80::1'), 'parse "http://[fe80::1": missing \']\' in host');
  assert.equal(err('http://[::1]:namedport'), 'parse "http://[::1]:namedport": invalid port ":namedport" after host');
  assert.equal(err('http://[::1]x/'), 'parse "http://[::1]x/": invalid port "x" after host');
  assert.equal(err('http://a b.com/'), 'parse "http://a b.com/": invalid character " " in host name');
  assert.equal(err('http://a{b}/'), 'parse "http://a{b}/": invalid character "{" in host name');
  assert.equal(err('http://%41/'), 'parse "http://%41/": invalid URL escape "%41"');
  // A zone may %-escape only bytes a host could hold literally (or a space).
  assert.equal(err('http://[fe80::1%25%2F]/'), 'parse "http://[fe80::1%25%2F]/": invalid URL escape "%2F"');
  assert.equal(ok('http://[fe80::1%25%41]/').host, '[fe80::1%A]');
  assert.equal(ok('http://[fe80::1%25a%20b]/').host, '[fe80::1%a b]');
});

test('escape errors', () => {
  assert.equal(err('%zz'), 'parse "%zz": invalid URL escape "%zz"');
  assert.equal(err('http://host/a%2'), 'parse "http://host/a%2": invalid URL escape "%2"');
  assert.equal(err('http://host/a%'), 'parse "http://host/a%": invalid URL escape "%"');
  assert.equal(err('http://host/%zzzz'), 'parse "http://host/%zzzz": invalid URL escape "%zz"');
  assert.equal(err('http://%日本/'), 'parse "http://%日本/": invalid URL escape "%\\xe6\\x97"');
  // A bad fragment reports the whole input, anything else the part before '#'.
  assert.equal(err('http://host/#%zz'), 'parse "http://host/#%zz": invalid URL escape "%zz"');
  assert.equal(err('http://host/%zz#frag'), 'parse "http://host/%zz": invalid URL escape "%zz"');
});

test('control characters and userinfo', () => {
  assert.equal(err('a\x7f'), 'parse "a\\x7f": net/url: invalid control character in URL');
  assert.equal(err('http://x/\n'), 'parse "http://x/\\n": net/url: invalid control character in URL');
  assert.equal(err('http://x/\x00#y'), 'parse "http://x/\\x00": net/url: invalid control character in URL');
  assert.equal(err('http://us er@host/'), 'parse "http://us er@host/": net/url: invalid userinfo');
  assert.equal(err('http://u@a b/'), 'parse "http://u@a b/": invalid character " " in host name');
  assert.equal(err('http://u%zz@host/'), 'parse "http://u%zz@host/": invalid URL escape "%zz"');
});

test('fields of ordinary URLs', () => {
  const u = ok('HTTPS://user:p%40ss@Example.COM:8443/a/b?x=1&y=2#frag');
  assert.equal(u.scheme, 'https');
  assert.deepEqual(u.user, { username: 'user', password: 'p@ss' });
  assert.equal(u.host, 'Example.COM:8443');
  assert.equal(u.path, '/a/b');
  assert.equal(u.rawQuery, 'x=1&y=2');
  assert.equal(u.fragment, 'frag');
  assert.equal(u.opaque, '');
  assert.equal(u.string, 'https://user:p%40ss@Example.COM:8443/a/b?x=1&y=2#frag');

  const m = ok('mailto:someone@example.com');
  assert.equal(m.scheme, 'mailto');
  assert.equal(m.opaque, 'someone@example.com');
  assert.equal(m.host, '');
  assert.equal(m.string, 'mailto:someone@example.com');

  const d = ok('data:text/plain;charset=utf-8;base64,aGVsbG8gd29ybGQK');
  assert.equal(d.opaque, 'text/plain;charset=utf-8;base64,aGVsbG8gd29ybGQK');
  assert.equal(d.string, 'data:text/plain;charset=utf-8;base64,aGVsbG8gd29ybGQK');

  const s3 = ok('s3://bucket/key?versionId=');
  assert.equal(s3.host, 'bucket');
  assert.equal(s3.path, '/key');
  assert.equal(s3.rawQuery, 'versionId=');
  assert.equal(s3.string, 's3://bucket/key?versionId=');
});

test('String() normalisation recorded from ct', () => {
  assert.equal(
    ok('HTTPS://Files.Example.COM/some dir/%7Euser/file?x=a b&y=<1>#part two').string,
    'https://Files.Example.COM/some%20dir/~user/file?x=a b&y=<1>#part%20two',
  );
});

test('String(): paths, raw paths and fragments', () => {
  assert.equal(ok('/a b').string, '/a%20b');
  assert.equal(ok('http://x/a%2Fb').path, '/a/b');
  assert.equal(ok('http://x/a%2Fb').rawPath, '/a%2Fb');
  assert.equal(ok('http://x/a%2Fb').string, 'http://x/a%2Fb');
  assert.equal(ok('http://x/a%2fb').string, 'http://x/a%2fb');
  // A needless escape is kept: RawPath is a valid encoding of Path, so EscapedPath returns it.
  assert.equal(ok('http://x/%41').path, '/A');
  assert.equal(ok('http://x/%41').string, 'http://x/%41');
  assert.equal(ok('http://x/日本').string, 'http://x/%E6%97%A5%E6%9C%AC');
  assert.equal(ok('http://x/#a!b(c)*d e').string, 'http://x/#a!b(c)*d%20e');
  assert.equal(ok('http://x/#%41').fragment, 'A');
  assert.equal(ok('http://x/#%41').string, 'http://x/#%41');
  assert.equal(ok('http://x/a#').string, 'http://x/a');
});

test('String(): hosts', () => {
  assert.equal(ok('http://caf%C3%A9.com/').host, 'café.com');
  assert.equal(ok('http://caf%C3%A9.com/').string, 'http://caf%C3%A9.com/');
  assert.equal(ok('http://日本.jp/').string, 'http://%E6%97%A5%E6%9C%AC.jp/');
  const z = ok('http://[fe80::1%25en0]:8080/');
  assert.equal(z.host, '[fe80::1%en0]:8080');
  assert.equal(z.string, 'http://[fe80::1%25en0]:8080/');
  assert.equal(ok('http://[::1]').host, '[::1]');
  assert.equal(ok('http://x:/').host, 'x:');
  assert.equal(ok('tftp://10.0.0.2/pxe/file').string, 'tftp://10.0.0.2/pxe/file');
});

test('String(): queries', () => {
  const f = ok('http://x/a?');
  assert.equal(f.forceQuery, true);
  assert.equal(f.rawQuery, '');
  assert.equal(f.string, 'http://x/a?');
  const q = ok('http://x/a?b?');
  assert.equal(q.forceQuery, false);
  assert.equal(q.rawQuery, 'b?');
  assert.equal(q.string, 'http://x/a?b?');
});

test('String(): authority edge cases (Go 1.19 OmitHost)', () => {
  assert.equal(ok('file:///etc/x').string, 'file:///etc/x');
  const omit = ok('file:/etc/x');
  assert.equal(omit.omitHost, true);
  assert.equal(omit.string, 'file:/etc/x');
  assert.equal(ok('http:').string, 'http:');
  assert.equal(ok('http://').string, 'http:');
  assert.equal(ok('//host/path').host, 'host');
  assert.equal(ok('//host/path').string, '//host/path');
  assert.equal(ok('///path').path, '///path');
  assert.equal(ok('///path').string, '///path');
  assert.equal(ok('').string, '');
  assert.equal(ok('*').path, '*');
  assert.equal(ok('*').string, '*');
  assert.equal(ok('./this:that').string, './this:that');
  assert.equal(ok('http://u@h/').string, 'http://u@h/');
  assert.equal(ok('http://u:@h/').string, 'http://u:@h/');
});

test('Query(): values as ParseQuery decodes them, bad pairs dropped', () => {
  assert.deepEqual(urlQuery('versionId='), new Map([['versionId', ['']]]));
  assert.deepEqual(urlQuery('versionId'), new Map([['versionId', ['']]]));
  assert.deepEqual(urlQuery('versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY'), new Map([['versionId', ['3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY']]]));
  assert.deepEqual(urlQuery('a=1&a=2&b=x+y%21'), new Map([['a', ['1', '2']], ['b', ['x y!']]]));
  assert.deepEqual(urlQuery('version%49d=v'), new Map([['versionId', ['v']]]));
  assert.deepEqual(urlQuery('versionId=a;b&c=%zz&&d=1=2'), new Map([['d', ['1=2']]]));
  assert.deepEqual(urlQuery(''), new Map());
});
