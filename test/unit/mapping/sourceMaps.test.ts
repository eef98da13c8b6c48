import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { readIncident } from '../../../src/core/incident';
import { mapIncident, type Workspace } from '../../../src/core/mapping';
import { TempRepo } from './tempRepo';

const PRICES_TS = `// prices
interface Item { price?: { amount: number }; quantity: number }

export function totalOf(items: Item[]): number {
  let total = 0;
  for (const item of items) {
    total += item.price!.amount * item.quantity;
  }
  return total;
}
`;
const MAIN_TS = `import { totalOf } from './prices';

function checkout(): void {
  console.log(totalOf([{ price: { amount: 2 }, quantity: 1 }, { quantity: 3 }]));
}

checkout();
`;

/** Builds src/*.ts into dist/ with esbuild, runs it with node, and returns what it printed when it crashed. */
function buildAndCrash(repo: TempRepo, sourcemap: 'external' | 'inline'): string {
  const outfile = path.join(repo.dir, 'dist', 'main.js');
  rmSync(path.dirname(outfile), { recursive: true, force: true });
  mkdirSync(path.dirname(outfile), { recursive: true });
  buildSync({ entryPoints: [path.join(repo.dir, 'src/main.ts')], bundle: true, platform: 'node', outfile, sourcemap, logLevel: 'silent' });
  const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
  assert.notEqual(run.status, 0, 'the built program should crash');
  return run.stderr;
}

describe('source maps for built JavaScript', () => {
  let repo: TempRepo;
  let workspace: Workspace;

  before(() => {
    repo = new TempRepo();
    repo.commit('shop in TypeScript', { 'src/prices.ts': PRICES_TS, 'src/main.ts': MAIN_TS, '.gitignore': 'dist/\n' });
    workspace = { roots: [{ path: repo.dir, trackedFiles: repo.git('ls-files', '-z').split('\0').filter(Boolean) }] };
  });
  after(() => repo.cleanup());

  it('maps a real crash in an esbuild bundle back to the TypeScript line through the .map file', () => {
    const incident = readIncident(buildAndCrash(repo, 'external'));
    const [crash, caller] = mapIncident(incident, workspace).filter((m) => m.path);
    assert.equal(crash.frame.file, path.join(repo.dir, 'dist/main.js'));
    assert.deepEqual([crash.path, crash.line], ['src/prices.ts', 7]);
    assert.match(crash.reason, /source map dist\/main\.js\.map/);
    assert.ok(crash.confidence >= 0.9);
    assert.deepEqual([caller.path, caller.line], ['src/main.ts', 4]);
  });

  it('reads inline source maps, and finds the bundle when the runtime reports a deploy path', () => {
    const stderr = buildAndCrash(repo, 'inline').split(repo.dir).join('/usr/src/app');
    const incident = readIncident(stderr);
    const [crash] = mapIncident(incident, workspace).filter((m) => m.path);
    assert.deepEqual([crash.frame.file, crash.path, crash.line], ['/usr/src/app/dist/main.js', 'src/prices.ts', 7]);
    assert.match(crash.reason, /source map inline/);
  });

  it('falls back to path matching when the map is missing or broken', () => {
    buildAndCrash(repo, 'external');
    writeFileSync(path.join(repo.dir, 'dist/main.js.map'), '{ not json');
    const incident = readIncident(`TypeError: x\n    at totalOf (${repo.dir}/dist/main.js:7:30)\n`);
    const [mapped] = mapIncident(incident, workspace);
    assert.equal(mapped.path, undefined); // dist/ is not tracked and its map cannot be read
    assert.equal(mapped.confidence, 0);
  });
});
