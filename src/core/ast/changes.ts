// What a diff hunk touched in code terms: the symbols it changed on each side, and the
// identifiers and string words it added or removed.

import type { Node } from 'web-tree-sitter';
import type { Hunk } from '../git/model';
import type { LanguageId } from './languages';
import { withSyntaxTree } from './parse';
import { enclosingSymbols, type FileSyntax, type SymbolInfo } from './syntax';

export interface HunkSymbols {
  /** Innermost symbols of the old file that contain removed lines (or the insertion point). */
  before: SymbolInfo[];
  /** Innermost symbols of the new file that contain added lines (or the deletion point). */
  after: SymbolInfo[];
}

function innermostAll(file: FileSyntax | undefined, lines: number[]): SymbolInfo[] {
  if (!file) return [];
  const seen = new Set<SymbolInfo>();
  for (const line of lines) {
    const [inner] = enclosingSymbols(file, line);
    if (inner) seen.add(inner);
  }
  return [...seen];
}

/** With zero lines on one side, the change sits between `start` and `start + 1` there. */
function insertionPoint(file: FileSyntax | undefined, start: number): SymbolInfo[] {
  if (!file) return [];
  const [above] = enclosingSymbols(file, start);
  return above && above.endLine >= start + 1 ? [above] : [];
}

/** The symbols a hunk changed, before and after (either file may be absent: added/deleted). */
export function symbolsChangedByHunk(before: FileSyntax | undefined, after: FileSyntax | undefined, hunk: Hunk): HunkSymbols {
  const removedLines = hunk.removed.map((l) => l.line);
  const addedLines = hunk.added.map((l) => l.line);
  return {
    before: removedLines.length > 0 ? innermostAll(before, removedLines) : insertionPoint(before, hunk.oldStart),
    after: addedLines.length > 0 ? innermostAll(after, addedLines) : insertionPoint(after, hunk.newStart),
  };
}

export interface CodeWords {
  /** Identifiers (names of variables, functions, properties, types), in order of first use. */
  identifiers: string[];
  /** Words inside string literals (`reading 'email'` -> `reading`, `email`). */
  words: string[];
}

const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/g;
const IDENTIFIER_TYPES = /identifier|^name$|^constant$/;
const STRING_TYPES = /string_content|string_fragment|string_literal_content|^string$|^string_literal$|escape/;

function collectWords(root: Node): CodeWords {
  const identifiers = new Set<string>();
  const words = new Set<string>();
  const cursor = root.walk();
  try {
    for (let descending = true; ; ) {
      if (descending && cursor.gotoFirstChild()) continue;
      const node = cursor.currentNode;
      if (node.isNamed && node.childCount === 0) {
        if (IDENTIFIER_TYPES.test(node.type)) identifiers.add(node.text);
        else if (STRING_TYPES.test(node.type)) for (const w of node.text.match(WORD) ?? []) words.add(w);
      }
      if (cursor.gotoNextSibling()) {
        descending = true;
        continue;
      }
      if (!cursor.gotoParent()) break;
      descending = false;
    }
  } finally {
    cursor.delete();
  }
  return { identifiers: [...identifiers], words: [...words] };
}

/**
 * Identifiers and string words in some lines of code (a hunk's added or removed text). The
 * lines are parsed on their own; tree-sitter's error recovery still labels the tokens of a
 * fragment. Without a language, every word-like token counts as an identifier.
 */
export async function identifiersInLines(language: LanguageId | undefined, lines: readonly string[]): Promise<CodeWords> {
  const text = lines.join('\n');
  if (!language) return { identifiers: [...new Set(text.match(WORD) ?? [])], words: [] };
  const source = language === 'php' && !text.includes('<?php') ? `<?php\n${text}` : text;
  return withSyntaxTree(language, source, (tree) => collectWords(tree.rootNode));
}

export interface HunkWords {
  added: CodeWords;
  removed: CodeWords;
  /** Identifiers present in the added lines but not the removed ones. */
  introducedIdentifiers: string[];
  /** Identifiers present in the removed lines but not the added ones. */
  droppedIdentifiers: string[];
}

export async function hunkWords(language: LanguageId | undefined, hunk: Hunk): Promise<HunkWords> {
  const added = await identifiersInLines(language, hunk.added.map((l) => l.text));
  const removed = await identifiersInLines(language, hunk.removed.map((l) => l.text));
  const had = new Set(removed.identifiers);
  const has = new Set(added.identifiers);
  return {
    added,
    removed,
    introducedIdentifiers: added.identifiers.filter((id) => !had.has(id)),
    droppedIdentifiers: removed.identifiers.filter((id) => !has.has(id)),
  };
}
