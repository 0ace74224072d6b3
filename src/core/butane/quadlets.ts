// Podman quadlets (spec 1.2.0-experimental): each becomes a file under /etc/containers/systemd
// (users/ when not rootful), its drop-ins files under <name>.d/, and a template instance
// (foo@bar.container) a symlink to its template (foo@.container).

import { join } from '../go/path.ts';

/** butane's isTemplateInstance: "a@b.ext" is an instance of "a@.ext"; returns the template name or null. */
export function templateOf(name: string): string | null {
  const at = name.indexOf('@');
  if (at < 0) return null;
  const dot = name.lastIndexOf('.');
  if (dot < 0 || at + 1 === dot) return null;
  return `${name.slice(0, at)}@.${name.slice(dot + 1)}`;
}

export const isTemplateInstance = (name: string): boolean => templateOf(name) !== null;

export function quadletPath(rootful: boolean, name: string): string {
  return join(rootful ? '/etc/containers/systemd' : '/etc/containers/systemd/users', name);
}
