// Conversions between the core's plain results (offsets, kind names) and LSP types.

import {
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  InsertTextMode,
  SymbolKind,
} from 'vscode-languageserver';
import type { CompletionItem, Diagnostic as LspDiagnostic, DocumentSymbol, Range } from 'vscode-languageserver';
import type { Diagnostic, Span } from '../src/core/report.ts';
import type { LineIndex } from '../src/core/yaml/parse.ts';
import type { CompletionEntry, CompletionKind } from '../src/core/features/completion.ts';
import type { SymbolEntry, SymbolKindName } from '../src/core/features/symbols.ts';

export const SOURCE = 'clc';

export function toRange(lines: LineIndex, span: Span | undefined): Range {
  if (!span) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

export function toSeverity(s: Diagnostic['severity']): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
    case 'deprecated':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
  }
}

export function toLspDiagnostic(d: Diagnostic, lines: LineIndex): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(lines, d.span),
    severity: toSeverity(d.severity),
    message: d.message,
    source: SOURCE,
  };
  if (d.code) out.code = d.code;
  if (d.severity === 'deprecated') out.tags = [DiagnosticTag.Deprecated];
  // enough to find the core diagnostic again for quick fixes
  out.data = { severity: d.severity, ...(d.hint ? { hint: true } : {}), ...(d.span ? { span: d.span } : {}), ...(d.data ? { data: d.data } : {}) };
  return out;
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  field: CompletionItemKind.Variable,
  reference: CompletionItemKind.Reference,
  keyword: CompletionItemKind.Keyword,
};

export function toCompletionItem(e: CompletionEntry, lines: LineIndex): CompletionItem {
  const item: CompletionItem = {
    label: e.label,
    kind: COMPLETION_KINDS[e.kind],
    sortText: e.sortText,
    textEdit: { range: toRange(lines, e.replace), newText: e.insertText },
    insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
  };
  if (e.detail) item.detail = e.detail;
  if (e.documentation) item.documentation = { kind: 'markdown', value: e.documentation };
  if (e.filterText) item.filterText = e.filterText;
  if (e.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (e.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}

const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
  section: SymbolKind.Module,
  user: SymbolKind.Object,
  group: SymbolKind.Struct,
  unit: SymbolKind.Class,
  dropin: SymbolKind.Property,
  disk: SymbolKind.Package,
  partition: SymbolKind.Field,
  raid: SymbolKind.Array,
  filesystem: SymbolKind.Namespace,
  file: SymbolKind.File,
  directory: SymbolKind.Package,
  link: SymbolKind.Interface,
};

export function toDocumentSymbol(s: SymbolEntry, lines: LineIndex): DocumentSymbol {
  const out: DocumentSymbol = {
    name: s.name || ' ',
    kind: SYMBOL_KINDS[s.kind],
    range: toRange(lines, s.span),
    selectionRange: toRange(lines, s.selection),
    children: s.children.map((c) => toDocumentSymbol(c, lines)),
  };
  if (s.detail) out.detail = s.detail;
  return out;
}
