// ct's config converter (config/types/config.go): timeouts and the config references to
// append or replace. A reference whose source url.Parse rejects is an error at its source.
import type { Node as YNode } from 'yaml';
import type { ConvertContext } from './context.ts';
import { childAt, spanOf } from './context.ts';
import type { IgnValue } from '../ignition/types.ts';
import { parseUrl } from '../go/url.ts';
import type { Diagnostic } from '../report.ts';

interface Verification {
  Hash: { Function: string; Sum: string };
}
interface ConfigReference {
  Source: string;
  Verification: Verification;
}

/** Verification with a hash only when both its function and sum are given ("function-sum"). */
export function convertVerification(v: Verification): IgnValue {
  if (v.Hash.Function === '' || v.Hash.Sum === '') return { Hash: null };
  return { Hash: `${v.Hash.Function}-${v.Hash.Sum}` };
}

function convertReference(ref: ConfigReference, node: YNode | null): { ok: true; value: IgnValue } | { ok: false; problem: Diagnostic } {
  const u = parseUrl(ref.Source);
  if (!u.ok) {
    const source = childAt(node, 'source');
    const problem: Diagnostic = { severity: 'error', message: u.error, code: 'config-source-url' };
    if (source) problem.span = spanOf(source);
    else {
      // ct gives no position when it cannot find the source key; the editor still needs one
      problem.span = spanOf(node);
      problem.unpositioned = true;
    }
    return { ok: false, problem };
  }
  return { ok: true, value: { Source: ref.Source, Verification: convertVerification(ref.Verification) } };
}

export function convert(ctx: ConvertContext): void {
  const cfg = ctx.in.Ignition;
  ctx.out.Ignition.Timeouts.HTTPResponseHeaders = cfg.Timeouts.HTTPResponseHeaders;
  ctx.out.Ignition.Timeouts.HTTPTotal = cfg.Timeouts.HTTPTotal;

  const appendNode = childAt(ctx.root, 'ignition', 'config', 'append');
  ((cfg.Config.Append ?? []) as ConfigReference[]).forEach((ref, i) => {
    const r = convertReference(ref, childAt(appendNode, i));
    if (!r.ok) {
      ctx.report.push(r.problem);
      return; // an invalid reference is left out
    }
    ((ctx.out.Ignition.Config.Append ??= []) as IgnValue[]).push(r.value);
  });

  const replace = cfg.Config.Replace as ConfigReference | null;
  if (replace) {
    const r = convertReference(replace, childAt(ctx.root, 'ignition', 'config', 'replace'));
    if (!r.ok) {
      ctx.report.push(r.problem);
      return;
    }
    ctx.out.Ignition.Config.Replace = r.value;
  }
}
