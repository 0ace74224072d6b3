// The RAID levels Ignition accepts (2.x and 3.x alike), and which of them take spare devices:
// a level without redundancy has nothing a spare could replace.

const WITHOUT_SPARES = new Set(['linear', 'raid0', '0', 'stripe']);
const WITH_SPARES = new Set(['raid1', '1', 'mirror', 'raid4', '4', 'raid5', '5', 'raid6', '6', 'raid10', '10']);

export type RaidLevelKind = 'without-spares' | 'with-spares' | 'unknown';

export function raidLevelKind(level: string): RaidLevelKind {
  return WITHOUT_SPARES.has(level) ? 'without-spares' : WITH_SPARES.has(level) ? 'with-spares' : 'unknown';
}
