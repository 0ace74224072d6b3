// Which npm scripts a shell text (a workflow step, a README) runs.

/** `npm run x`, `npm run-script x`, and the `npm test`/`start`/`stop`/`restart` shorthands. */
export function npmScriptsIn(shell: string): string[] {
  const out: string[] = [];
  for (const m of shell.matchAll(/\bnpm\s+(?:run|run-script)\s+([A-Za-z0-9:_.-]+)/g)) out.push(m[1]);
  for (const m of shell.matchAll(/\bnpm\s+(test|start|stop|restart)\b/g)) out.push(m[1]);
  return out;
}
