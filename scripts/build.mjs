// One build: esbuild bundles for the extension, the CLI and the Piscina task file, plus the
// .wasm files (web-tree-sitter runtime and grammars) copied beside them. Type-checking is
// `tsc -p .`, run before this by `npm run build`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(join(root, 'package.json'));

/** Grammar packages and the .wasm files they ship; copied next to the bundles. */
export const GRAMMAR_WASMS = [
  'tree-sitter-javascript/tree-sitter-javascript.wasm',
  'tree-sitter-typescript/tree-sitter-typescript.wasm',
  'tree-sitter-typescript/tree-sitter-tsx.wasm',
  'tree-sitter-python/tree-sitter-python.wasm',
  'tree-sitter-java/tree-sitter-java.wasm',
  'tree-sitter-go/tree-sitter-go.wasm',
  'tree-sitter-ruby/tree-sitter-ruby.wasm',
  'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm',
  'tree-sitter-php/tree-sitter-php.wasm',
  'tree-sitter-rust/tree-sitter-rust.wasm',
];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // The ESM build of web-tree-sitter needs import.meta.url, which a CommonJS bundle lacks;
  // its CommonJS build finds web-tree-sitter.wasm through __dirname, i.e. beside the bundle.
  // Same for piscina: its CommonJS main sits beside the worker.js it starts.
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter'), piscina: require.resolve('piscina') },
  external: ['vscode', '@napi-rs/nice'],
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await Promise.all([
  build({ ...common, entryPoints: { extension: join(root, 'src/extension.ts') }, outdir: dist }),
  build({
    ...common,
    entryPoints: { cli: join(root, 'src/cli/main.ts') },
    outdir: dist,
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The task file Piscina workers load; named apart from piscina's own worker.js.
  build({ ...common, entryPoints: { 'analysis-task': join(root, 'src/workers/analysisTask.ts') }, outdir: dist }),
  // Piscina resolves its worker as `__dirname/worker.js`; bundling piscina puts that beside us.
  build({ ...common, entryPoints: { worker: join(dirname(require.resolve('piscina')), 'worker.js') }, outdir: dist }),
]);

const wasmFiles = ['web-tree-sitter/web-tree-sitter.wasm', ...GRAMMAR_WASMS];
for (const spec of wasmFiles) {
  copyFileSync(require.resolve(spec), join(dist, basename(spec)));
}
console.log(`built dist/ (4 bundles, ${wasmFiles.length} wasm files)`);
