// Keeps the engine free of VS Code: src/core and src/workers must never import 'vscode'.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const VSCODE_IMPORT = /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/;

describe('architecture', () => {
  for (const area of ['src/core', 'src/workers', 'src/cli']) {
    it(`${area} does not import vscode`, () => {
      const offenders = tsFiles(join(root, area))
        .filter((file) => VSCODE_IMPORT.test(readFileSync(file, 'utf8')))
        .map((file) => relative(root, file));
      assert.deepEqual(offenders, [], `these files import 'vscode': ${offenders.join(', ')}`);
    });
  }

  it('the check itself recognises every import form', () => {
    for (const line of [`import * as vscode from 'vscode';`, `const v = require("vscode");`, `await import('vscode')`]) {
      assert.ok(VSCODE_IMPORT.test(line), line);
    }
    assert.ok(!VSCODE_IMPORT.test(`import { x } from './vscode-free';`));
  });
});
