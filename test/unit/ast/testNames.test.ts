// The titles of the test blocks around a failing line, read from the syntax tree: nested
// describe/it, node:test's test(), `.only` variants, and nothing outside a test block.

import * as assert from 'node:assert/strict';
import { testTitlesAt, withSyntaxTree, type LanguageId } from '../../../src/core/ast';

async function titles(language: LanguageId, text: string, line: number): Promise<string[]> {
  const column = Math.max(0, text.split('\n')[line - 1].search(/\S/));
  return withSyntaxTree(language, text, (tree) => testTitlesAt(tree, line, column));
}

const MOCHA = `const assert = require('assert')
describe('Range', () => {
  describe.only("caret ranges", function () {
    it(\`keeps the minor version\`, () => {
      assert.equal(satisfies('1.9.0', '^1.2.3'), true)
    })
  })
})
helper('not a test', () => {
  assert.ok(true)
})
`;

describe('code model: test titles around a line', () => {
  it('reads nested describe/it titles, outermost first, in every string form', async () => {
    assert.deepEqual(await titles('javascript', MOCHA, 5), ['Range', 'caret ranges', 'keeps the minor version']);
  });

  it('reads node:test titles in TypeScript', async () => {
    const text = `import { test } from 'node:test'\ntest('max satisfying picks the newest', () => {\n  assert.strictEqual(maxSatisfying(v, r), '1.4.0')\n})\n`;
    assert.deepEqual(await titles('typescript', text, 3), ['max satisfying picks the newest']);
  });

  it('finds no title outside a test block or in a language without such blocks', async () => {
    assert.deepEqual(await titles('javascript', MOCHA, 10), []);
    assert.deepEqual(await titles('python', 'def test_split():\n    assert split("a/b") == ["a", "b"]\n', 2), []);
  });
});
