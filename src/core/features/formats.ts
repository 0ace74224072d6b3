// The config formats the editor serves, and which one a document is: the one seam where the
// server (and the worker) choose between CLC and Butane. Everything format-specific sits behind
// the functions that take a ConfigFormat.

export type ConfigFormat = 'clc' | 'butane';

/** The format of a document by its LSP language id (anything unknown is treated as CLC). */
export function formatOfLanguage(languageId: string | undefined): ConfigFormat {
  return languageId === 'butane' ? 'butane' : 'clc';
}
