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
