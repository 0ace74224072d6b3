// Problems found in a config. Positions are source offsets (not lines), so every consumer
// (CLI, language server, tests) derives lines/columns the same way from one text.

export type Severity = 'error' | 'warning' | 'info' | 'deprecated';

export interface Span {
  /** offset of the first character */
  start: number;
  /** offset just past the last character */
  end: number;
}

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** where the problem is; absent for whole-config problems ct prints without a position */
  span?: Span;
  /** stable identifier of the rule, e.g. "unknown-key", "yaml-syntax" */
  code?: string;
  /** set on hints that ct itself does not print (shown by the editor, by clct only with --hints) */
  hint?: boolean;
  /**
   * Where ct prints this problem when that is not `span`: ct looks positions up in the YAML by
   * index and sometimes only knows the enclosing node. The CLI prints this; the editor uses `span`.
   */
  ctSpan?: Span;
  /**
   * For a check on a whole value: the path (config keys and indices, from that value's node) of
   * what the problem is about, so the editor can point at it rather than at the value.
   */
  path?: Array<string | number>;
  /** ct prints this one without a position (the editor still shows it at `span`) */
  unpositioned?: boolean;
  /** machine-readable details for quick fixes (e.g. the key a typo should become) */
  data?: Record<string, unknown>;
}

/** A list of diagnostics with ct's "fill in missing positions from the enclosing node" rule. */
export class Report {
  readonly entries: Diagnostic[] = [];

  add(severity: Severity, message: string, span?: Span, code?: string, data?: Record<string, unknown>): void {
    this.entries.push({ severity, message, span, code, ...(data ? { data } : {}) });
  }

  push(d: Diagnostic): void {
    this.entries.push(d);
  }

  merge(other: Report | Diagnostic[]): void {
    const list = other instanceof Report ? other.entries : other;
    for (const d of list) this.entries.push(d);
  }

  /** Gives a position to every entry that has none yet (ct's AddPosition). */
  addPosition(span: Span | undefined): void {
    if (!span) return;
    for (const d of this.entries) if (!d.span) d.span = span;
  }

  get isFatal(): boolean {
    return this.entries.some((d) => d.severity === 'error');
  }

  get length(): number {
    return this.entries.length;
  }
}

export function isFatal(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
