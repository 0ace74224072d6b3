// The config formats the editor serves, and which one a document is: the one seam where the
// server (and the worker) choose between CLC and Butane. Everything format-specific sits behind
// the functions that take a ConfigFormat.

import type { ClcDocument } from './document.ts';
import type { JsonSchema } from './schema.ts';
import { butaneSchema, specFor } from '../butane/editor-schema.ts';
import { butaneHead } from '../butane/head.ts';
import { definition } from './definition.ts';
import type { DefinitionTarget } from './definition.ts';
import { butaneDefinition } from '../butane/definition.ts';
import { codeActions } from './codeActions.ts';
import type { CodeAction } from './codeActions.ts';
import { butaneCodeActions } from '../butane/codeActions.ts';
import type { Diagnostic } from '../report.ts';

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


/** Go to definition in the document's format. */
export function definitionFor(format: ConfigFormat, doc: ClcDocument, offset: number): DefinitionTarget[] {
  return format === 'butane' ? butaneDefinition(doc, offset) : definition(doc, offset);
}

/** Quick fixes in the document's format (the unit-file fixes apply to both). */
export function codeActionsFor(format: ConfigFormat, doc: ClcDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  if (format === 'clc') return codeActions(doc, diagnostics);
  return [...butaneCodeActions(doc, diagnostics), ...codeActions(doc, diagnostics.filter((d) => d.hint))];
}
