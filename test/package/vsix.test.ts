// The packaged extension (.vsix) holds what it needs at run time and nothing else: the bundles,
// Piscina's worker beside them, the wasm runtime and grammars, and no sources or node_modules.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { listZipEntries, readZipEntry, type ZipEntry } from './zipEntries';

const root = join(__dirname, '..', '..', '..');
const GRAMMARS = ['javascript', 'typescript', 'tsx', 'python', 'java', 'go', 'ruby', 'c_sharp', 'php', 'rust'];
const REQUIRED = [
  'extension/package.json',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/cli.js',
  'extension/dist/worker.js',
  'extension/dist/analysis-task.js',
  'extension/dist/web-tree-sitter.wasm',
  ...GRAMMARS.map((g) => `extension/dist/tree-sitter-${g}.wasm`),
];
/** Modules the bundles may leave to the host: VS Code's API, and piscina's optional native helper. */
const HOST_MODULES = new Set(['vscode', '@napi-rs/nice']);

describe('Packaged extension (.vsix)', function () {
  let scratch: string;
  let vsix: Buffer;
  let entries: Map<string, ZipEntry>;

  before(function () {
    scratch = mkdtempSync(join(tmpdir(), 'causelens-vsix-'));
    const out = join(scratch, 'causelens.vsix');
    // What `npm run package` runs after its build (`npm test` has just built).
    const r = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', out], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `vsce package failed:\n${r.stdout}\n${r.stderr}`);
    vsix = readFileSync(out);
    entries = new Map(listZipEntries(vsix).map((e) => [e.name, e]));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  const read = (name: string) => {
    const entry = entries.get(name);
    assert.ok(entry, `${name} is not in the package`);
    return readZipEntry(vsix, entry);
  };

  it('contains the bundles, the Piscina worker and every wasm file', () => {
    const missing = REQUIRED.filter((name) => !entries.has(name));
    assert.deepEqual(missing, []);
    for (const name of REQUIRED.filter((n) => n.endsWith('.wasm'))) {
      assert.equal(read(name).subarray(0, 4).toString('latin1'), '\0asm', `${name} is not a wasm module`);
    }
  });

  it('leaves out node_modules, sources, tests, build output and source maps', () => {
    const forbidden = [...entries.keys()].filter((name) =>
      /^extension\/(node_modules|src|test|out|bench|scripts|\.test-results|\.git)\//.test(name) || /\.(map|ts)$/.test(name),
    );
    assert.deepEqual(forbidden, []);
  });

  it('has a manifest whose main entry is packaged', () => {
    const manifest = JSON.parse(read('extension/package.json').toString('utf8'));
    assert.equal(manifest.name, 'causelens');
    const main = posix.join('extension', manifest.main);
    assert.ok(entries.has(main.endsWith('.js') ? main : `${main}.js`), `main ${manifest.main} is not packaged`);
  });

  it('bundles everything: the packaged scripts require only Node built-ins, VS Code, and packaged files', () => {
    const scripts = [...entries.keys()].filter((n) => n.startsWith('extension/dist/') && n.endsWith('.js'));
    assert.ok(scripts.length >= 4);
    const unresolved: string[] = [];
    for (const name of scripts) {
      const code = read(name).toString('utf8');
      for (const [, request] of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
        if (isBuiltin(request) || HOST_MODULES.has(request)) continue;
        const local = request.startsWith('.') ? posix.join(posix.dirname(name), request) : undefined;
        if (local && (entries.has(local) || entries.has(`${local}.js`))) continue;
        unresolved.push(`${name} requires ${request}`);
      }
    }
    assert.deepEqual(unresolved, []);
  });
});
