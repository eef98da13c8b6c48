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

export function traceFixture(relative: string): string {
  return readFileSync(path.join(TRACES_DIR, relative), 'utf8');
}
