// Verdicts on unit files, ours and systemd's, in one comparable shape: per file the lines
// flagged and why (unknown key or section, unreadable value, broken line), and for a service
// whether systemd refuses it. systemd's come from `systemd-analyze verify`.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkUnitFile, serviceRefusal } from '../../src/core/units/checks.ts';
import { parseUnitText } from '../../src/core/units/parse.ts';
import type { UnitCase } from './unit-cases.ts';

export type FlagKind = 'unknown-key' | 'unknown-section' | 'bad-value' | 'syntax';

export interface Flag {
  line: number;
  kind: FlagKind;
  message: string;
}

export interface Verdict {
  /** file name (the unit, or `unit.d/dropin.conf`) -> flagged lines */
  files: Record<string, Flag[]>;
  /** systemd's refusal of the service, if any */
  refused?: string;
  /** other things systemd printed about the files (exec paths, dependencies...): not compared */
  other?: string[];
}

/** The kind of a systemd line-level message, or undefined for what we do not judge. */
export function classify(message: string): FlagKind | undefined {
  if (/^Unknown key '/.test(message) || /^Unknown key name '/.test(message)) return 'unknown-key';
  if (/^Unknown section '/.test(message)) return 'unknown-section';
  if (/^(Invalid section header|Bad characters in section header|Missing '='|Missing key name before '='|Assignment outside of section)/.test(message)) return 'syntax';
  if (/^Failed to parse |^Invalid memory limit|^Memory limit .* out of range/.test(message)) return 'bad-value';
  return undefined;
}

const REFUSAL = /^(Service has .*Refusing\.|Service is of type D-Bus .*Refusing\.)$/;

export function systemdAvailable(): boolean {
  return spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function systemdVersion(): string {
  return /systemd (\d+)/.exec(execFileSync('systemd-analyze', ['--version'], { encoding: 'utf8' }))?.[1] ?? '?';
}

/** Runs the cases through `systemd-analyze verify` (in batches) and reads its verdicts. */
export function systemdVerdicts(cases: readonly UnitCase[]): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  const dir = mkdtempSync(path.join(tmpdir(), 'clc-units-'));
  try {
    for (let at = 0; at < cases.length; at += 200) {
      const batch = cases.slice(at, at + 200);
      const files: string[] = [];
      for (const c of batch) {
        writeFileSync(path.join(dir, c.name), c.text);
        for (const d of c.dropins ?? []) {
          mkdirSync(path.join(dir, c.name + '.d'), { recursive: true });
          writeFileSync(path.join(dir, c.name + '.d', d.name), d.text);
        }
        files.push(path.join(dir, c.name));
        out.set(c.name, { files: { [c.name]: [], ...Object.fromEntries((c.dropins ?? []).map((d) => [`${c.name}.d/${d.name}`, []])) } });
      }
      const r = spawnSync('systemd-analyze', ['verify', '--man=no', '--generators=no', ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
      for (const line of (r.stdout + r.stderr).split('\n')) {
        const m = /^(.*?):(\d+): (.*)$/.exec(line);
        if (m && m[1]!.startsWith(dir + '/')) {
          const rel = m[1]!.slice(dir.length + 1);
          const unit = rel.split('.d/')[0]!.split('/')[0]!;
          const v = out.get(rel.includes('.d/') ? unit : rel);
          if (!v) continue;
          const kind = classify(m[3]!);
          if (kind) (v.files[rel] ??= []).push({ line: Number(m[2]), kind, message: m[3]! });
          else (v.other ??= []).push(`${m[2]}: ${m[3]}`);
          continue;
        }
        const u = /^([^ :/]+): (.*)$/.exec(line);
        if (u && out.has(u[1]!)) {
          const v = out.get(u[1]!)!;
          if (REFUSAL.test(u[2]!)) v.refused = u[2]!;
          else (v.other ??= []).push(u[2]!);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const OUR_KIND: Record<string, FlagKind> = {
  'unit-unknown-key': 'unknown-key',
  'unit-unknown-section': 'unknown-section',
  'unit-bad-value': 'bad-value',
  'unit-syntax': 'syntax',
};

/** Our verdict on a case, in the same shape. */
export function ourVerdict(c: UnitCase): Verdict {
  const v: Verdict = { files: {} };
  const texts = [{ file: c.name, text: c.text, dropin: undefined as string | undefined }, ...(c.dropins ?? []).map((d) => ({ file: `${c.name}.d/${d.name}`, text: d.text, dropin: d.name }))];
  const parsed = texts.map((t) => ({ ...t, parsed: parseUnitText(t.text) }));
  for (const t of parsed) {
    v.files[t.file] = checkUnitFile(c.fileType, t.parsed).map((p) => ({ line: p.line + 1, kind: OUR_KIND[p.code]!, message: p.message }));
  }
  if (c.fileType === 'service') {
    const r = serviceRefusal({ parsed: parsed[0]!.parsed }, parsed.slice(1).map((t) => ({ parsed: t.parsed, dropin: t.dropin })));
    if (r) v.refused = r.message;
  }
  return v;
}

/** The comparable form: sorted `file:line kind` strings. */
export function flagSet(v: Verdict): string[] {
  const out: string[] = [];
  for (const [file, flags] of Object.entries(v.files)) for (const f of flags) out.push(`${file}:${f.line} ${f.kind}`);
  return [...new Set(out)].sort();
}
