// Where a declaration that starts on a line ends: a constant table (`ROUTES = {...}`,
// `static final Map<...> UNITS = Map.ofEntries(...)`) spans the lines of its whole statement.

import type { Node, Tree } from 'web-tree-sitter';

/** Nodes whose children are the declarations of a file or class. */
const CONTAINERS = new Set(['program', 'module', 'source_file', 'class_body', 'block', 'declaration_list', 'statement_block', 'compilation_unit']);

/**
 * The last line of the declaration that starts at `line` (1-based) and `column`: the outermost
 * node starting there, short of the file or class holding it.
 */
export function declarationEnd(tree: Tree, line: number, column: number): number {
  let node: Node | null = tree.rootNode.descendantForPosition({ row: line - 1, column });
  while (node?.parent && node.parent.startPosition.row === line - 1 && !CONTAINERS.has(node.parent.type)) node = node.parent;
  if (!node) return line;
  const end = node.endPosition;
  // A node ending at column 0 ends on the line before (its trailing newline).
  return end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1;
}
