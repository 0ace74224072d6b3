// A lookup in a constant table keyed by the user's text. A plain object also answers for the
// names of Object.prototype (`toString`, `constructor`...), which are ordinary words in a config.

export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
