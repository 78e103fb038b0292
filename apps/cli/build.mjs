// Bundles the treeline command (with the workspace packages) into dist/cli.js.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // PGlite loads its WASM and data files from its own package folder; pg has optional native bits.
  external: ['@electric-sql/pglite', 'pg', 'pg-native'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
