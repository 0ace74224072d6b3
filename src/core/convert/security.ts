// ct's security converter (config/types/security.go): TLS certificate authorities.
import type { ConvertContext } from './context.ts';
import type { IgnValue } from '../ignition/types.ts';
import { convertVerification } from './config.ts';

export function convert(ctx: ConvertContext): void {
  const cas = ctx.in.Ignition.Security.TLS.CertificateAuthorities as Array<{ Source: string; Verification: { Hash: { Function: string; Sum: string } } }> | null;
  for (const ca of cas ?? []) {
    ((ctx.out.Ignition.Security.CertificateAuthorities ??= []) as IgnValue[]).push({
      Source: ca.Source,
      Verification: convertVerification(ca.Verification),
    });
  }
}
