// ct's passwd converter (config/types/passwd.go): users (with the deprecated `create` block
// carried over as Ignition's Usercreate) and groups.
import type { ConvertContext } from './context.ts';
import type { IgnValue } from '../ignition/types.ts';

interface UserCreate {
  Uid: number | null;
  GECOS: string;
  Homedir: string;
  NoCreateHome: boolean;
  PrimaryGroup: string;
  Groups: string[] | null;
  NoUserGroup: boolean;
  System: boolean;
  NoLogInit: boolean;
  Shell: string;
}

interface User {
  Name: string;
  PasswordHash: string | null;
  SSHAuthorizedKeys: string[] | null;
  Create: UserCreate | null;
  UID: number | null;
  Gecos: string;
  HomeDir: string;
  NoCreateHome: boolean;
  PrimaryGroup: string;
  Groups: string[] | null;
  NoUserGroup: boolean;
  System: boolean;
  NoLogInit: boolean;
  Shell: string;
}

interface Group {
  Name: string;
  Gid: number | null;
  PasswordHash: string;
  System: boolean;
}

/** appending each item to a nil slice: an empty list stays nil */
const copyList = (l: string[] | null): string[] | null => (l && l.length ? [...l] : null);

/** Go's int(uint): values of 2^63 and above wrap around */
/** Go's int(uint) conversion: values of 2^63 and more wrap around to negative numbers. */
const uintToInt = (u: number | bigint | null): number | bigint | null => {
  if (u === null || typeof u === 'number') return u;
  const wrapped = BigInt.asIntN(64, u);
  return wrapped >= BigInt(Number.MIN_SAFE_INTEGER) && wrapped <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(wrapped) : wrapped;
};

export function convert(ctx: ConvertContext): void {
  for (const user of (ctx.in.Passwd.Users ?? []) as User[]) {
    const out: IgnValue = {
      Create: null,
      Gecos: user.Gecos,
      Groups: copyList(user.Groups),
      HomeDir: user.HomeDir,
      Name: user.Name,
      NoCreateHome: user.NoCreateHome,
      NoLogInit: user.NoLogInit,
      NoUserGroup: user.NoUserGroup,
      PasswordHash: user.PasswordHash,
      PrimaryGroup: user.PrimaryGroup,
      SSHAuthorizedKeys: copyList(user.SSHAuthorizedKeys),
      Shell: user.Shell,
      System: user.System,
      UID: user.UID,
    };
    const c = user.Create;
    if (c) {
      out.Create = {
        Gecos: c.GECOS,
        Groups: copyList(c.Groups),
        HomeDir: c.Homedir,
        NoCreateHome: c.NoCreateHome,
        NoLogInit: c.NoLogInit,
        NoUserGroup: c.NoUserGroup,
        PrimaryGroup: c.PrimaryGroup,
        Shell: c.Shell,
        System: c.System,
        UID: uintToInt(c.Uid),
      };
    }
    ((ctx.out.Passwd.Users ??= []) as IgnValue[]).push(out);
  }
  for (const group of (ctx.in.Passwd.Groups ?? []) as Group[]) {
    ((ctx.out.Passwd.Groups ??= []) as IgnValue[]).push({
      Gid: uintToInt(group.Gid),
      Name: group.Name,
      PasswordHash: group.PasswordHash,
      System: group.System,
    });
  }
}
