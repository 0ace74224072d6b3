// The config formats the editor serves, and which one a document is: the one seam where the
// server (and the worker) choose between CLC and Butane. Everything format-specific sits behind
// the functions that take a ConfigFormat.

import type { ClcDocument } from './document.ts';
import type { JsonSchema } from './schema.ts';
import { unquote } from './schema.ts';
import { butaneSchema, specFor } from '../butane/editor-schema.ts';
import { definition } from './definition.ts';
import type { DefinitionTarget } from './definition.ts';
import { butaneDefinition } from '../butane/definition.ts';

export type ConfigFormat = 'clc' | 'butane';

/** The format of a document by its LSP language id (anything unknown is treated as CLC). */
export function formatOfLanguage(languageId: string | undefined): ConfigFormat {
  return languageId === 'butane' ? 'butane' : 'clc';
}

/** What completion and hover need to know about a document's format. */
export interface FormatFeatures {
  /** the schema keys and values come from (undefined: the CLC schema) */
  schema?: JsonSchema;
  /** what the format's tool says about a key it does not know */
  unknownKeyNote?: (key: string) => string;
}

export function featuresFor(format: ConfigFormat, doc: ClcDocument): FormatFeatures {
  if (format === 'clc') return {};
  const head = butaneHead(doc);
  return {
    schema: butaneSchema(specFor(head.variant, head.version)),
    unknownKeyNote: (key) => `butane warns \`unused key ${key}\` and leaves it out`,
  };
}

/** The top-level `variant:` and `version:` as written (read off the lines: works on broken YAML). */
export function butaneHead(doc: ClcDocument): { variant?: string; version?: string } {
  const out: { variant?: string; version?: string } = {};
  for (const line of doc.scan.lines) {
    if (line.kind !== 'content' || line.key === undefined || line.keyCol !== 0) continue;
    if (line.key === 'variant' || line.key === 'version') out[line.key] = line.value !== undefined ? unquote(line.value.trim()) : undefined;
    if (out.variant !== undefined && out.version !== undefined) break;
  }
  return out;
}

/** Go to definition in the document's format. */
export function definitionFor(format: ConfigFormat, doc: ClcDocument, offset: number): DefinitionTarget[] {
  return format === 'butane' ? butaneDefinition(doc, offset) : definition(doc, offset);
}
