// How far a function had run when one of its lines was executing. Code below that point had not
// run yet in that call, so a change there cannot have produced the failure: this separates the
// commit that edited the crashing function's later lines from the one that broke its input.

import type { Node, Tree } from 'web-tree-sitter';

/** Loops in the grammars CauseLens reads: lines below the frame ran in earlier iterations. */
const LOOP = /^(?:for|for_in|for_of|enhanced_for|foreach|while|do|until|loop)(?:_statement|_expression)?$/;
/** A try's handlers and finally run as the error passes through. */
const TRY = /^(?:try|try_with_resources|begin)(?:_statement|_expression)?$/;
/** Containers of statements: a child of one is a whole statement. */
const STATEMENT_LIST = /(?:^|_)(?:block|body|suite|program|module|source_file|compilation_unit|translation_unit)$|^block/;

function lastLine(node: Node): number {
  const end = node.endPosition;
  return end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1;
}

/**
 * The last line of `within` (1-based, inclusive) that had run, or was running, when `line`
 * was executing: the rest of that line's statement (its header only, for a compound statement),
 * and the whole of every loop and try statement around it inside `within`.
 */
export function executedThrough(tree: Tree, line: number, column: number, within: { startLine: number; endLine: number }): number {
  let through = line;
  let node: Node | null = tree.rootNode.descendantForPosition({ row: line - 1, column });
  let statement: Node | undefined;
  while (node && node.parent) {
    const parent: Node = node.parent;
    const inside = node.startPosition.row + 1 >= within.startLine && lastLine(node) <= within.endLine;
    if (!inside) break;
    if (!statement && STATEMENT_LIST.test(parent.type) && node.startPosition.row + 1 <= line) statement = node;
    if (LOOP.test(node.type) || TRY.test(node.type)) through = Math.max(through, lastLine(node));
    node = parent;
  }
  if (statement) {
    // A compound statement's header ran (`if (a &&\n b) {`); its body had not, unless it holds the line.
    const body = statement.namedChildren.find((c) => c !== null && STATEMENT_LIST.test(c.type) && c.startPosition.row + 1 > line);
    const header = body?.previousSibling;
    through = Math.max(through, body ? (header ? lastLine(header) : line) : lastLine(statement));
  }
  return Math.min(Math.max(through, line), within.endLine);
}
