// Configs that exercise most of the code (parsing, every converter, the editor features), a
// Container Linux Config and a Butane config: running them at startup makes the first real
// request much faster than on cold code, whichever format the user opens.

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

/** The same for a Butane config (flatcar 1.1.0): users, files, directories, links, units with drop-ins. */
export function warmUpButaneText(copies: number): string {
  const out = ['variant: flatcar', 'version: 1.1.0', 'passwd:', '  users:', '    - name: core', '      ssh_authorized_keys: [ssh-ed25519 AAAA]', 'storage:', '  files:'];
  for (let i = 0; i < copies; i++) {
    out.push(`    - path: /etc/a${i}.conf`, '      mode: 0644', '      user: {name: core}', '      contents:', '        inline: |', `          a=${i}`);
  }
  out.push('  directories:', '    - {path: /srv, mode: 0755}', '  links:', '    - {path: /etc/l, target: /etc/a0.conf}', 'systemd:', '  units:');
  for (let i = 0; i < copies; i++) {
    out.push(`    - name: a${i}.service`, '      enabled: true', '      contents: |', '        [Service]', '        ExecStart=/bin/true', '        [Install]', '        WantedBy=multi-user.target', '      dropins: [{name: 10-a.conf, contents: "[Service]\\nNice=1"}]');
  }
  return out.join('\n') + '\n';
}
