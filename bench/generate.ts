// Generates realistic Container Linux Configs of a given length for the benchmarks:
// users, filesystems, many files with inline contents, directories, links, and systemd units
// with drop-ins, plus etcd and update sections. Deterministic for a given line count.

export function generateConfig(targetLines: number): string {
  const head: string[] = [
    '# generated benchmark config',
    'passwd:',
    '  users:',
    '    - name: core',
    '      ssh_authorized_keys:',
    '        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPE0auGV6JxcRBWaM6krM core@bench',
    '    - name: ops',
    '      groups: [sudo, docker]',
    '      shell: /bin/bash',
    'etcd:',
    '  version: 3.5.0',
    '  name: "{HOSTNAME}"',
    '  advertise_client_urls: "http://{PRIVATE_IPV4}:2379"',
    '  listen_client_urls: http://0.0.0.0:2379',
    'update:',
    '  group: stable',
    'locksmith:',
    '  reboot_strategy: etcd-lock',
    '  window_start: Sun 04:00',
    '  window_length: 1h',
    'storage:',
    '  filesystems:',
    '    - name: data',
    '      mount:',
    '        device: /dev/disk/by-label/DATA',
    '        format: ext4',
    '        wipe_filesystem: false',
  ];
  const files: string[] = ['  files:'];
  const dirs: string[] = ['  directories:'];
  const links: string[] = ['  links:'];
  const units: string[] = ['systemd:', '  units:'];
  const total = () => head.length + files.length + dirs.length + links.length + units.length;
  let i = 0;
  while (total() < targetLines) {
    const kind = i % 6;
    if (kind <= 2) {
      files.push(
        `    - path: /etc/bench/file-${i}.conf`,
        `      filesystem: ${i % 5 === 0 ? 'data' : 'root'}`,
        '      mode: 0644',
        '      contents:',
        '        inline: |',
        `          # file ${i}`,
        `          key_${i}=value_${i}`,
        '          other=true',
      );
    } else if (kind === 3) {
      units.push(
        `    - name: bench-${i}.service`,
        '      enabled: true',
        '      contents: |',
        '        [Unit]',
        `        Description=Bench service ${i}`,
        '        [Service]',
        '        Type=oneshot',
        `        ExecStart=/usr/bin/echo ${i}`,
        '        [Install]',
        '        WantedBy=multi-user.target',
        '      dropins:',
        '        - name: 10-env.conf',
        '          contents: |',
        '            [Service]',
        `            Environment=N=${i}`,
      );
    } else if (kind === 4) {
      dirs.push(`    - path: /var/lib/bench/dir-${i}`, '      filesystem: root', '      mode: 0755', '      user:', '        name: core');
    } else {
      links.push(`    - path: /etc/bench/link-${i}`, `      target: /etc/bench/file-${i - 3}.conf`, '      hard: false');
    }
    i++;
  }
  const parts = [...head, ...files];
  if (dirs.length > 1) parts.push(...dirs);
  if (links.length > 1) parts.push(...links);
  if (units.length > 2) parts.push(...units);
  return parts.join('\n') + '\n';
}

/**
 * A realistic flatcar 1.1.0 Butane config of about `targetLines` lines for the language-server
 * benchmark: users with SSH keys, files with inline contents (some owned by a user, some
 * appended to), directories, links, and systemd units with contents and drop-ins. Deterministic
 * for a given line count; butane accepts it with no warning (every mode is octal).
 */
export function generateButaneEditorConfig(targetLines: number): string {
  const users: string[] = [
    '  users:',
    '    - name: core',
    '      ssh_authorized_keys:',
    '        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPE0auGV6JxcRBWaM6krM core@bench',
    '    - name: ops',
    '      groups: [sudo, docker]',
    '      shell: /bin/bash',
    '      ssh_authorized_keys:',
    '        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq2bK7vKjQfFe1sU9nZp3 ops@bench',
  ];
  const files: string[] = ['  files:'];
  const dirs: string[] = ['  directories:'];
  const links: string[] = ['  links:'];
  const units: string[] = ['systemd:', '  units:'];
  const total = () => 3 + users.length + 1 + files.length + dirs.length + links.length + units.length;
  let i = 0;
  while (total() < targetLines) {
    const kind = i % 8;
    if (kind <= 2) {
      files.push(
        `    - path: /etc/bench/file-${i}.conf`,
        '      mode: 0644',
        ...(i % 4 === 0 ? ['      user:', '        name: core', '      group:', '        name: core'] : []),
        '      contents:',
        '        inline: |',
        `          # file ${i}`,
        `          key_${i}=value_${i}`,
        '          other=true',
      );
    } else if (kind === 3) {
      units.push(
        `    - name: bench-${i}.service`,
        '      enabled: true',
        '      contents: |',
        '        [Unit]',
        `        Description=Bench service ${i}`,
        '        After=network-online.target',
        '        Wants=network-online.target',
        '        [Service]',
        '        Type=oneshot',
        `        ExecStart=/usr/bin/echo ${i}`,
        '        [Install]',
        '        WantedBy=multi-user.target',
        '      dropins:',
        '        - name: 10-env.conf',
        '          contents: |',
        '            [Service]',
        `            Environment=N=${i}`,
      );
    } else if (kind === 4) {
      dirs.push(`    - path: /var/lib/bench/dir-${i}`, '      mode: 0755', '      user:', '        name: core');
    } else if (kind === 5) {
      links.push(`    - path: /etc/bench/link-${i}`, `      target: /etc/bench/file-${i - 3}.conf`, '      hard: false');
    } else if (kind === 6) {
      files.push(`    - path: /etc/bench/append-${i}.conf`, '      append:', `        - inline: extra_${i}=1`, '      mode: 0600');
    } else {
      // drop-ins only (the unit itself comes from elsewhere)
      units.push(`    - name: bench-extra-${i}.service`, '      dropins:', '        - name: 20-limits.conf', '          contents: |', '            [Service]', `            LimitNOFILE=${1024 + i}`);
    }
    i++;
  }
  return ['variant: flatcar', 'version: 1.1.0', 'passwd:', ...users, 'storage:', ...files, ...dirs, ...links, ...units].join('\n') + '\n';
}
