// A config that exercises most of the code (parsing, every converter, the editor features):
// running it once at startup makes the first real request much faster than on cold code.

export function warmUpText(copies: number): string {
  const out = ['passwd:', '  users:', '    - name: core', '      ssh_authorized_keys: [ssh-ed25519 AAAA]', 'storage:', '  filesystems:', '    - name: data', '      mount: {device: /dev/sdb, format: ext4}', '  files:'];
  for (let i = 0; i < copies; i++) {
    out.push(`    - path: /etc/a${i}.conf`, '      filesystem: data', '      mode: 0644', '      contents:', '        inline: |', `          a=${i}`);
  }
  out.push('  directories:', '    - {path: /srv, mode: 0755}', '  links:', '    - {path: /etc/l, target: /etc/a.conf}', 'systemd:', '  units:');
  for (let i = 0; i < copies; i++) {
    out.push(`    - name: a${i}.service`, '      enabled: true', '      contents: |', '        [Service]', '        ExecStart=/bin/true', '        [Install]', '        WantedBy=multi-user.target', '      dropins: [{name: 10-a.conf, contents: "[Service]\\nNice=1"}]');
  }
  out.push('etcd:', '  version: 3.5.0', '  name: "{HOSTNAME}"', 'update:', '  group: stable', 'locksmith:', '  reboot_strategy: "off"', '');
  return out.join('\n');
}

