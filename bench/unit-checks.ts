// What the unit checks add to a diagnosis: a 10,000-line config with 200 units (services with
// drop-ins, timers, sockets, networkd files), diagnosed with clc.unitChecks off and on. "first"
// is the first diagnosis of the text (every unit text read anew); "again" a later one (a
// keystroke elsewhere: unit texts that did not change are not read again).

import { performance } from 'node:perf_hooks';
import { diagnose } from '../src/core/features/diagnostics.ts';
import { clearUnitParseCache, unitDiagnostics } from '../src/core/units/diagnostics.ts';
import { clcUnitRegions } from '../src/core/units/clc-places.ts';
import { parseYaml } from '../src/core/yaml/parse.ts';
import { median } from './core.ts';

export function unitConfig(targetLines: number, unitCount: number): string {
  const units: string[] = ['systemd:', '  units:'];
  const network: string[] = ['networkd:', '  units:'];
  for (let i = 0; i < unitCount; i++) {
    const kind = i % 5;
    if (kind <= 2) {
      units.push(
        `    - name: app-${i}.service`,
        '      enabled: true',
        '      contents: |',
        '        # an application',
        '        [Unit]',
        `        Description=Application ${i}`,
        '        After=network-online.target docker.service',
        '        Wants=network-online.target',
        '        [Service]',
        '        Type=simple',
        '        Restart=on-failure',
        '        RestartSec=5s',
        '        TimeoutStartSec=0',
        `        ExecStartPre=-/usr/bin/docker rm -f app-${i}`,
        `        ExecStart=/usr/bin/docker run --name app-${i} \\`,
        `          -p ${8000 + i}:80 nginx`,
        `        ExecStop=/usr/bin/docker stop app-${i}`,
        '        MemoryMax=512M',
        '        [Install]',
        '        WantedBy=multi-user.target',
        '      dropins:',
        '        - name: 10-env.conf',
        '          contents: |',
        '            [Service]',
        `            Environment=INSTANCE=${i}`,
        '            LimitNOFILE=65536',
      );
    } else if (kind === 3) {
      units.push(
        `    - name: job-${i}.timer`,
        '      enabled: true',
        '      contents: |',
        '        [Unit]',
        `        Description=Job ${i}`,
        '        [Timer]',
        '        OnCalendar=daily',
        '        Persistent=true',
        '        RandomizedDelaySec=10min',
        '        [Install]',
        '        WantedBy=timers.target',
      );
    } else {
      network.push(
        `    - name: 10-eth${i}.network`,
        '      contents: |',
        '        [Match]',
        `        Name=eth${i}`,
        '        [Network]',
        '        DHCP=yes',
        `        Address=10.0.${i % 250}.2/24`,
        '        [DHCPv4]',
        '        UseDNS=false',
      );
    }
  }
  const files: string[] = ['storage:', '  files:'];
  let f = 0;
  while (units.length + network.length + files.length + 8 < targetLines) {
    files.push(`    - path: /etc/bench/file-${f}.conf`, '      filesystem: root', '      mode: 0644', '      contents:', '        inline: |', `          key_${f}=value_${f}`);
    f++;
  }
  return [...files, ...units, ...network].join('\n') + '\n';
}

/**
 * Runs the variants in turn, round after round, so that a machine getting busier or quieter
 * during the run affects all alike; returns each variant's times.
 */
function interleaved(rounds: number, variants: Array<{ run: () => void; before?: () => void }>): number[][] {
  const out = variants.map(() => [] as number[]);
  for (let r = 0; r <= rounds; r++) {
    variants.forEach((v, k) => {
      v.before?.();
      const a = performance.now();
      v.run();
      if (r > 0) out[k]!.push(performance.now() - a); // round 0 warms up
    });
  }
  return out;
}

const best = (xs: number[]): number => Math.min(...xs);

export function benchUnits(): Array<Record<string, string | number>> {
  const text = unitConfig(10_000, 200);
  const yaml = parseYaml(text);
  const [off, onFirst, onAgain, checksFirst, checksAgain] = interleaved(21, [
    { run: () => diagnose(text, { unitChecks: false }) },
    { run: () => diagnose(text, { unitChecks: true }), before: clearUnitParseCache },
    { run: () => diagnose(text, { unitChecks: true }) },
    { run: () => unitDiagnostics(text, clcUnitRegions(yaml)), before: clearUnitParseCache },
    { run: () => unitDiagnostics(text, clcUnitRegions(yaml)) },
  ]) as [number[], number[], number[], number[], number[]];
  const lines = text.split('\n').length - 1;
  const row = (benchmark: string, xs: number[], base?: number[]) => ({
    benchmark,
    'median ms': +median(xs).toFixed(2),
    'best ms': +best(xs).toFixed(2),
    ...(base ? { 'added ms (median)': +(median(xs) - median(base)).toFixed(2), 'added ms (best)': +(best(xs) - best(base)).toFixed(2) } : {}),
  });
  return [
    row(`diagnosis ${lines} lines, 200 units, unit checks off`, off),
    row('diagnosis, unit checks on (first)', onFirst, off),
    row('diagnosis, unit checks on (again)', onAgain, off),
    row('unit checks alone (first)', checksFirst),
    row('unit checks alone (again)', checksAgain),
  ];
}

if (require.main === module) console.table(benchUnits());
