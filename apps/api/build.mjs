// Bundles the API server (with the workspace packages) into dist/ for `node dist/server.js`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // PGlite loads its WASM and data files from its own package folder; pg has optional native bits.
  external: ['@electric-sql/pglite', 'pg', 'pg-native'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
