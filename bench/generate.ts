// Builds realistic Container Linux Configs of a requested size (users, files, units with
// drop-ins, directories), for benchmarks and stress tests.

export function generateConfig(targetLines: number): string {
  const users: string[] = ['passwd:', '  users:'];
  const files: string[] = ['storage:', '  files:'];
  const dirs: string[] = ['  directories:'];
  const units: string[] = ['systemd:', '  units:'];
  let lines = 5;
  let i = 0;
  while (lines < targetLines) {
    const kind = i % 4;
    if (kind === 0) {
      users.push(`    - name: user${i}`, '      ssh_authorized_keys:', `        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${i}key user${i}@example.com`, '      groups: [docker, wheel]');
      lines += 4;
    } else if (kind === 1) {
      files.push(`    - path: /etc/app/conf-${i}.conf`, '      filesystem: root', '      mode: 0644', '      contents:', `        inline: "key${i}=value ${i} & <tag>"`);
      lines += 5;
    } else if (kind === 2) {
      units.push(
        `    - name: app-${i}.service`,
        '      enabled: true',
        '      contents: |',
        '        [Unit]',
        `        Description=Application ${i}`,
        '        [Service]',
        `        ExecStart=/usr/bin/app --id ${i}`,
        '        [Install]',
        '        WantedBy=multi-user.target',
        '      dropins:',
        '        - name: 10-env.conf',
        '          contents: |',
        '            [Service]',
        `            Environment=ID=${i}`,
      );
      lines += 14;
    } else {
      dirs.push(`    - path: /var/lib/app-${i}`, '      filesystem: root', '      mode: 0755');
      lines += 3;
    }
    i++;
  }
  return [...users, ...files, ...dirs, ...units, ''].join('\n');
}
