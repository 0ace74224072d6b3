// How the Node language server process is started: by the extension (client/node.ts) and by the
// benchmarks that measure it (bench/server.ts), so that both run the same thing.
//
// The main thread answers completion and hover from a cached scan of the document; each request
// leaves only short-lived garbage. With V8's default young generation (semi-spaces that grow to
// 16 MiB) that garbage kept about 12 MiB more resident on a 10,000-line config than it needs;
// 1 MiB semi-spaces keep the peak down with no measurable cost per request. (The validation
// worker sets its own limits when it is started, see server/worker.ts.)
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];
