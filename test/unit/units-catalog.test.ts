import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  directiveInfo,
  directivesOf,
  manUrl,
  sectionInfo,
  sectionsDefining,
  sectionsOf,
  systemdVersion,
  unitFileTypeOf,
  type UnitFileType,
} from '../../src/core/units/catalog.ts';

const root = path.join(__dirname, '..', '..');
const unitTypes: UnitFileType[] = ['service', 'socket', 'timer', 'mount', 'automount', 'swap', 'path', 'target', 'slice', 'scope'];

describe('units catalog: file types', () => {
  it('takes the type from the name suffix, templates and instances included', () => {
    assert.equal(unitFileTypeOf('app.service'), 'service');
    assert.equal(unitFileTypeOf('app@.service'), 'service');
    assert.equal(unitFileTypeOf('app@x.y.service'), 'service');
    assert.equal(unitFileTypeOf('var-lib-docker.mount'), 'mount');
    assert.equal(unitFileTypeOf('10-eth0.network'), 'network');
    assert.equal(unitFileTypeOf('/etc/systemd/network/20-br.netdev'), 'netdev');
    assert.equal(unitFileTypeOf('99-default.link'), 'link');
    assert.equal(unitFileTypeOf('multi-user.target'), 'target');
    assert.equal(unitFileTypeOf('override.conf'), undefined);
    assert.equal(unitFileTypeOf('service'), undefined);
    assert.equal(unitFileTypeOf('.service'), undefined);
    assert.equal(unitFileTypeOf('app.services'), undefined);
  });

  it('says which systemd it follows', () => {
    assert.match(systemdVersion, /^25[6-9]/);
  });
});

describe('units catalog: sections', () => {
  it('gives every unit type [Unit], its own section and [Install]', () => {
    for (const type of unitTypes) {
      const names = sectionsOf(type).map((s) => s.name);
      const own = type[0].toUpperCase() + type.slice(1);
      assert.deepEqual(names, ['Unit', own, 'Install'], type);
    }
  });

  it('knows networkd and udev sections', () => {
    assert.ok(sectionsOf('network').some((s) => s.name === 'DHCPv4'));
    assert.ok(sectionsOf('netdev').some((s) => s.name === 'WireGuardPeer'));
    assert.deepEqual(
      sectionsOf('link').map((s) => s.name),
      ['Match', 'Link', 'SR-IOV'],
    );
    assert.equal(sectionInfo('service', 'Network'), undefined);
    assert.equal(sectionInfo('network', 'Service'), undefined);
  });

  it('names the man page of a section', () => {
    assert.equal(sectionInfo('service', 'Install')?.man, 'systemd.unit(5)');
    assert.equal(sectionInfo('service', 'Service')?.man, 'systemd.service(5)');
    assert.equal(sectionInfo('netdev', 'VLAN')?.man, 'systemd.netdev(5)');
    assert.equal(
      sectionInfo('timer', 'Timer')?.url,
      'https://www.freedesktop.org/software/systemd/man/latest/systemd.timer.html',
    );
  });
});

describe('units catalog: directives', () => {
  it('merges the shared exec, kill and resource-control settings into the sections that take them', () => {
    for (const type of ['service', 'socket', 'mount', 'swap'] as const) {
      const own = type[0].toUpperCase() + type.slice(1);
      assert.equal(directiveInfo(type, own, 'User')?.man, 'systemd.exec(5)', type);
      assert.equal(directiveInfo(type, own, 'KillMode')?.man, 'systemd.kill(5)', type);
      assert.equal(directiveInfo(type, own, 'MemoryMax')?.man, 'systemd.resource-control(5)', type);
    }
    assert.equal(directiveInfo('slice', 'Slice', 'MemoryMax')?.kind, 'text');
    assert.equal(directiveInfo('slice', 'Slice', 'User'), undefined);
    assert.equal(directiveInfo('timer', 'Timer', 'User'), undefined);
    assert.equal(directiveInfo('scope', 'Scope', 'KillSignal')?.kind, 'signal');
  });

  it('gives value kinds from the parser', () => {
    const restart = directiveInfo('service', 'Service', 'Restart')!;
    assert.equal(restart.kind, 'enum');
    assert.equal(restart.parser, 'config_parse_service_restart');
    assert.ok(restart.values!.includes('on-failure'));
    assert.ok(!restart.values!.includes('sometimes'));
    assert.deepEqual(
      [...directiveInfo('service', 'Service', 'Type')!.values!].sort(),
      ['dbus', 'exec', 'forking', 'idle', 'notify', 'notify-reload', 'oneshot', 'simple'],
    );
    assert.equal(directiveInfo('service', 'Service', 'RestartSec')?.kind, 'timespan');
    assert.equal(directiveInfo('service', 'Service', 'RemainAfterExit')?.kind, 'boolean');
    assert.equal(directiveInfo('service', 'Service', 'ExecStart')?.kind, 'command');
    assert.equal(directiveInfo('service', 'Unit', 'After')?.kind, 'unit-list');
    assert.equal(directiveInfo('service', 'Install', 'WantedBy')?.kind, 'unit-list');
    assert.equal(directiveInfo('service', 'Service', 'Environment')?.kind, 'environment');
    assert.equal(directiveInfo('service', 'Service', 'UMask')?.kind, 'mode');
    assert.equal(directiveInfo('timer', 'Timer', 'OnCalendar')?.kind, 'calendar');
    assert.equal(directiveInfo('service', 'Unit', 'ConditionPathExists')?.kind, 'condition');
    // ProtectSystem=yes works as well as =full: an enum that takes booleans too
    const protect = directiveInfo('service', 'Service', 'ProtectSystem')!;
    assert.equal(protect.kind, 'enum');
    assert.equal(protect.acceptsBoolean, true);
    // StandardOutput=file:/x is valid: its table is only a suggestion
    const stdout = directiveInfo('service', 'Service', 'StandardOutput')!;
    assert.equal(stdout.kind, 'text');
    assert.ok(stdout.values!.includes('journal'));
  });

  it('matches names exactly, as systemd does', () => {
    assert.ok(directiveInfo('service', 'Service', 'ExecStart'));
    assert.equal(directiveInfo('service', 'Service', 'execstart'), undefined);
    assert.equal(directiveInfo('service', 'Service', 'ExecStar'), undefined);
    assert.equal(directiveInfo('service', 'Unit', 'Type'), undefined);
  });

  it('finds the section a misplaced directive belongs to', () => {
    assert.deepEqual(sectionsDefining('service', 'WantedBy'), ['Install']);
    assert.deepEqual(sectionsDefining('service', 'Type'), ['Service']);
    assert.deepEqual(sectionsDefining('service', 'Description'), ['Unit']);
    assert.deepEqual(sectionsDefining('service', 'NoSuchThing'), []);
    assert.deepEqual(sectionsDefining('network', 'Gateway').slice(0, 2), ['Network', 'Route']);
    assert.deepEqual(sectionsDefining('netdev', 'Kind'), ['NetDev']);
  });

  it('links every directive to its man page anchor', () => {
    const d = directiveInfo('service', 'Service', 'ExecStart')!;
    assert.equal(d.man, 'systemd.service(5)');
    assert.equal(d.url, 'https://www.freedesktop.org/software/systemd/man/latest/systemd.service.html#ExecStart=');
    assert.equal(directiveInfo('network', 'Match', 'Name')?.man, 'systemd.network(5)');
    assert.equal(manUrl('systemd.link(5)', 'MACAddressPolicy='), 'https://www.freedesktop.org/software/systemd/man/latest/systemd.link.html#MACAddressPolicy=');
    for (const type of [...unitTypes, 'network', 'netdev', 'link'] as UnitFileType[]) {
      for (const s of sectionsOf(type)) {
        for (const info of directivesOf(type, s.name)) {
          assert.match(info.man, /^systemd\.[a-z-]+\(5\)$/, `${type} ${s.name} ${info.name}`);
          assert.ok(info.url.endsWith(`#${info.name}=`), info.url);
        }
      }
    }
  });

  it('knows networkd, netdev and link directives', () => {
    assert.equal(directiveInfo('network', 'Network', 'DHCP')?.parser, 'config_parse_dhcp');
    assert.equal(directiveInfo('network', 'Network', 'Address')?.section, 'Network');
    assert.ok(directiveInfo('netdev', 'NetDev', 'Kind'));
    assert.ok(directiveInfo('netdev', 'WireGuardPeer', 'AllowedIPs'));
    assert.equal(directiveInfo('link', 'Link', 'MACAddressPolicy')?.kind, 'enum');
    assert.equal(directiveInfo('network', 'Network', 'ExecStart'), undefined);
  });
});

describe('units catalog: descriptions', () => {
  it('describes the directives configs use most, in every section that takes them', () => {
    const common: [UnitFileType, string, string][] = [
      ['service', 'Unit', 'Description'], ['service', 'Unit', 'After'], ['service', 'Unit', 'Requires'],
      ['service', 'Service', 'ExecStart'], ['service', 'Service', 'Type'], ['service', 'Service', 'Restart'],
      ['service', 'Service', 'User'], ['socket', 'Socket', 'User'], ['service', 'Service', 'LimitNOFILE'],
      ['service', 'Install', 'WantedBy'], ['timer', 'Install', 'WantedBy'], ['timer', 'Timer', 'OnCalendar'],
      ['mount', 'Mount', 'What'], ['mount', 'Mount', 'Where'], ['network', 'Match', 'Name'],
      ['network', 'Network', 'DHCP'], ['netdev', 'NetDev', 'Kind'], ['link', 'Link', 'NamePolicy'],
    ];
    for (const [type, section, key] of common) {
      assert.ok(directiveInfo(type, section, key)?.description, `${type} [${section}] ${key}`);
    }
    assert.match(sectionInfo('service', 'Install')!.description!, /enable/);
    let described = 0;
    for (const type of [...unitTypes, 'network', 'netdev', 'link'] as UnitFileType[]) {
      for (const s of sectionsOf(type)) described += directivesOf(type, s.name).filter((d) => d.description).length;
    }
    assert.ok(described >= 200, `${described} described`);
  });

  it('keeps Mount Type apart from Service Type', () => {
    assert.notEqual(directiveInfo('mount', 'Mount', 'Type')!.description, directiveInfo('service', 'Service', 'Type')!.description);
  });
});

describe('units catalog: against Debian systemd 252 --dump-configuration-items', () => {
  // The committed dump is systemd's own list; every directive it names must be accepted here,
  // in the same section, so nothing Debian's systemd takes is ever flagged.
  const dump = readFileSync(path.join(root, 'schemas/systemd/debian-252-dump.txt'), 'utf8');
  const typeOfSection: Record<string, UnitFileType[]> = {
    Unit: unitTypes,
    Install: unitTypes,
    Service: ['service'],
    Socket: ['socket'],
    Mount: ['mount'],
    Automount: ['automount'],
    Swap: ['swap'],
    Timer: ['timer'],
    Path: ['path'],
    Slice: ['slice'],
    Scope: ['scope'],
  };
  it('accepts every directive of the dump in its section', () => {
    let section = '';
    let checked = 0;
    for (const line of dump.split('\n')) {
      const header = /^\[(.+)\]$/.exec(line);
      if (header) {
        section = header[1];
        assert.ok(typeOfSection[section], `a section the test knows: ${section}`);
        continue;
      }
      const eq = line.indexOf('=');
      if (eq < 0) continue;
      const key = line.slice(0, eq);
      for (const type of typeOfSection[section]) {
        assert.ok(directiveInfo(type, section, key), `${type} [${section}] ${key}`);
        checked++;
      }
    }
    assert.ok(checked > 1100, `checked ${checked}`);
  });

  it('is what the generator makes of its inputs', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/gen-systemd-units.mjs'), '--check'], { stdio: 'pipe' });
  });
});
