// Grammars load inside real Piscina worker threads: from out/ (wasm resolved in node_modules) and
// from an esbuild bundle whose wasm files sit beside it, as in dist/ of the packaged extension.

import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { Piscina } from 'piscina';
import { LANGUAGE_SPECS } from '../../../src/core/ast';
import type { ParseTask } from './support/parseTask';

const PY: ParseTask = { language: 'python', text: 'class Cart:\n    def total(self):\n        return sum(self.items)\n', line: 3 };
const GO: ParseTask = { language: 'go', text: 'package cart\n\ntype Cart struct{}\n\nfunc (c *Cart) Total() int {\n\treturn 0\n}\n', line: 6 };

async function runInPool(filename: string): Promise<void> {
  const pool = new Piscina({ filename, minThreads: 1, maxThreads: 2 });
  try {
    const [py, go, pyAgain] = await Promise.all([pool.run(PY), pool.run(GO), pool.run(PY)]);
    assert.deepEqual(py.chain, ['Cart.total', 'Cart']);
    assert.deepEqual(go.chain, ['Cart.Total']);
    assert.deepEqual(pyAgain.chain, ['Cart.total', 'Cart']);
    assert.equal(py.isMainThread, false);
    assert.notEqual(py.threadId, 0);
  } finally {
    await pool.destroy();
  }
}

describe('code model inside Piscina workers', () => {
  it('parses in worker threads when running unbundled from out/', async () => {
    await runInPool(join(__dirname, 'support', 'parseTask.js'));
  });

  it('parses in worker threads from a bundle with the wasm files beside it (the dist/ layout)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'causelens-bundle-'));
    try {
      await build({
        entryPoints: [join(__dirname, 'support', 'parseTask.js')],
        outfile: join(dir, 'parse-task.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        logLevel: 'error',
        alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
      });
      // Only the files scripts/build.mjs copies: the bundle cannot reach node_modules from tmp.
      for (const spec of ['web-tree-sitter/web-tree-sitter.wasm', LANGUAGE_SPECS.python.wasm, LANGUAGE_SPECS.go.wasm]) {
        copyFileSync(require.resolve(spec), join(dir, basename(spec)));
      }
      await runInPool(join(dir, 'parse-task.js'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
