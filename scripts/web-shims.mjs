// Injected into the web bundles (scripts/build.mjs): Node's Buffer for the code that needs it.
export { Buffer } from 'buffer';
