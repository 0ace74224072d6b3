import { complete } from '/work/wt/first-hour/src/core/features/completion.ts';
import { at, yaml } from '/work/wt/first-hour/test/support/caret.ts';
for (const src of [yaml('passwd:', '  users:', '    - name: core', '    ‸'), yaml('passwd:', '  users:', '  - name: core', '  ‸'), yaml('passwd:', '  users:', '    - name: core', '    ss‸'), yaml('systemd:', '  units:', '    - name: a', '    ‸', '    - name: b'),'‸', yaml('systemd:','  units:','    - name: a','      con‸')]) {
  const { doc, offset } = at(src);
  console.log(JSON.stringify(src));
  console.log(complete(doc, offset).map(e => `${e.label}|${e.kind}|${e.sortText}|${JSON.stringify(e.insertText)}|${e.detail}`).join('\n'));
}
