// ct's docker converter (config/types/docker.go): docker.service, enabled, with the flags in a
// DOCKER_OPTS drop-in.
import type { ConvertContext } from './context.ts';
import type { IgnValue } from '../ignition/types.ts';
import { ignUnit } from './common.ts';

export function convert(ctx: ConvertContext): void {
  const docker = ctx.in.Docker as { Flags: string[] | null } | null;
  if (!docker) return;
  const contents = `[Service]\nEnvironment="DOCKER_OPTS=${(docker.Flags ?? []).join(' ')}"`;
  ((ctx.out.Systemd.Units ??= []) as IgnValue[]).push(
    ignUnit({ Name: 'docker.service', Enable: true, Dropins: [{ Name: '20-clct-docker.conf', Contents: contents }] }),
  );
}
