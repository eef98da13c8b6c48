// Reads the captured and published stack-trace fixtures under test/fixtures/traces.

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'test', 'fixtures'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('repository root not found above ' + __dirname);
  }
}

export const TRACES_DIR = path.join(repoRoot(), 'test', 'fixtures', 'traces');

/**
 * The folder the captured traces were recorded in (their frames hold its absolute paths), which
 * differs from TRACES_DIR when the repository is checked out elsewhere (CI).
 */
export const RECORDED_TRACES_DIR: string = (JSON.parse(readFileSync(path.join(TRACES_DIR, 'recorded-at.json'), 'utf8')) as { tracesDir: string }).tracesDir;

export function traceFixture(relative: string): string {
  return readFileSync(path.join(TRACES_DIR, relative), 'utf8');
}
