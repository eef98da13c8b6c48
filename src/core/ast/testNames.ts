// The titles a test framework gives the test running at a line (`describe('Range', () => { it('keeps
// carets', ...) })`). A failing test's name says which behaviour broke, so it names the code under
// test even when no frame of that code is on the stack.

import type { Node, Tree } from 'web-tree-sitter';

/** Calls that open a test or a group of tests in mocha, jest, jasmine, vitest, tap and node:test. */
const TEST_BLOCK = /^(?:describe|context|suite|it|test|specify|scenario)$/;
const STRING = /^(?:string|template_string)$/;

/** Titles of the test blocks around `line` (1-based), outermost first; none outside a test block. */
export function testTitlesAt(tree: Tree, line: number, column: number): string[] {
  const titles: string[] = [];
  for (let node: Node | null = tree.rootNode.descendantForPosition({ row: line - 1, column }); node; node = node.parent) {
    if (node.type !== 'call_expression') continue;
    // `it(...)`, `test.only(...)`, `describe.skip(...)`: the framework's name comes first.
    const callee = node.childForFieldName('function')?.text.split('.')[0] ?? '';
    if (!TEST_BLOCK.test(callee)) continue;
    const first = node.childForFieldName('arguments')?.namedChildren[0];
    if (first && STRING.test(first.type) && first.text.length > 2) titles.push(first.text.slice(1, -1));
  }
  return titles.reverse();
}
