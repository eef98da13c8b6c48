import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { detectStackFormat } from '../../../../src/core/incident';
import { TRACES_DIR, traceFixture } from '../traceFixtures';

const EXPECTED: Record<string, string> = {
  node: 'v8',
  python: 'python',
  java: 'java',
  'published/go': 'go',
  'published/dotnet': 'dotnet',
  'published/ruby': 'ruby',
  'published/php': 'php',
  'published/firefox': 'firefox',
  'published/safari': 'firefox',
  'published/node': 'v8',
};

describe('detectStackFormat', () => {
  const fixtures = ['node', 'python', 'java', 'published'].flatMap((dir) =>
    readdirSync(path.join(TRACES_DIR, dir))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `${dir}/${f}`),
  );

  it('recognises every fixture as the runtime that printed it', () => {
    assert.ok(fixtures.length >= 20, `only ${fixtures.length} fixtures found`);
    for (const fixture of fixtures) {
      const key = Object.keys(EXPECTED).find((k) => fixture.startsWith(k.includes('/') ? k : `${k}/`) || fixture.startsWith(`${k}-`));
      assert.ok(key, `no expectation for ${fixture}`);
      assert.equal(detectStackFormat(traceFixture(fixture)), EXPECTED[key], fixture);
    }
  });

  it('finds nothing in prose, logs or code', () => {
    assert.equal(detectStackFormat('The server went down at 3am after the deploy.'), undefined);
    assert.equal(detectStackFormat('2024-05-01 12:00:01 INFO started on :8080\n2024-05-01 12:00:02 WARN slow'), undefined);
    assert.equal(detectStackFormat('function f() {\n  return g(1, 2);\n}'), undefined);
  });
});
