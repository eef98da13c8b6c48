// Recognises commits that only reformat code, and reads the repository's own list of them
// (`.git-blame-ignore-revs`), so ranking can discount both.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChange } from './model';

export const BLAME_IGNORE_FILE = '.git-blame-ignore-revs';

/** Full shas listed in the text of a `.git-blame-ignore-revs` file (comments and blanks skipped). */
export function parseIgnoreRevs(text: string): Set<string> {
  const revs = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim().toLowerCase();
    if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(line)) revs.add(line);
  }
  return revs;
}

/** The working tree's `.git-blame-ignore-revs`, or an empty set when it has none. */
export function readIgnoreRevs(repoRoot: string): Set<string> {
  const file = join(repoRoot, BLAME_IGNORE_FILE);
  return existsSync(file) ? parseIgnoreRevs(readFileSync(file, 'utf8')) : new Set();
}

type Dialect = 'c-like' | 'indent' | 'strict';

function dialectOf(path: string): Dialect {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'json', 'css', 'scss'].includes(ext)) return 'c-like';
  if (['py', 'pyi', 'yaml', 'yml'].includes(ext)) return 'indent';
  return 'strict';
}

/**
 * Token text with layout removed. For JS/TS-like files also the things formatters change
 * without changing meaning: semicolons, trailing commas, single vs double quotes. Ruby/PHP
 * quotes differ in meaning, so other languages only lose whitespace.
 */
function normalise(text: string, dialect: Dialect): string {
  let out = text.replace(/\s+/g, '');
  if (dialect === 'c-like' || dialect === 'indent') out = out.replace(/'/g, '"').replace(/,(?=[\])}])/g, '');
  if (dialect === 'c-like') out = out.replace(/;/g, '');
  return out;
}

function leadingIndent(text: string): string {
  return /^[ \t]*/.exec(text)?.[0] ?? '';
}

/**
 * The sum of the codes of the ASCII letters and digits of the lines. Layout changes never touch
 * those (normalise keeps every one, in order), so differing sums prove a real change: most
 * changes are told apart by this one pass, without building the normalised texts.
 */
function letterAndDigitSum(lines: readonly string[]): number {
  let sum = 0;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) sum += c;
    }
  }
  return sum;
}

/** A text file that existed before and after the commit: only such a file can be reformatted. */
function isModifiedText(file: FileChange): boolean {
  return !file.binary && !file.submodule && (file.status === 'M' || file.status === 'R');
}

function fileIsReformatOnly(file: FileChange): boolean {
  if (!isModifiedText(file)) return false;
  const path = file.newPath ?? file.oldPath ?? '';
  return isLayoutOnly(path, file.hunks.flatMap((h) => h.removed.map((l) => l.text)), file.hunks.flatMap((h) => h.added.map((l) => l.text)));
}

/**
 * True when one hunk of a modified file only changed layout (a formatter rewrapped or requoted
 * it): its lines keep their meaning, so they are not the commit's own.
 */
function isLayoutOnlyHunk(file: FileChange, hunk: FileChange['hunks'][number]): boolean {
  if (!isModifiedText(file) || hunk.removed.length === 0 || hunk.added.length === 0) return false;
  return isLayoutOnly(file.newPath ?? file.oldPath ?? '', hunk.removed.map((l) => l.text), hunk.added.map((l) => l.text));
}

/**
 * Which hunks of each file only changed layout. A formatter's diff often matches an unchanged line
 * of the old text (a closing brace, a `return x;` that moved one block out) to a different one in
 * the new: the hunks around it are then layout only together, with that line on either side, and
 * no single hunk is. So in a commit that is clearly reformatting (several hunks, a third of them,
 * are layout one by one), every hunk of a file counts as layout when the file's changed lines hold
 * the same words and operators before and after: only their order, brackets, commas and quotes moved.
 */
export function layoutOnlyHunks(files: readonly FileChange[]): boolean[][] {
  const flags = files.map((file) => file.hunks.map((h) => isLayoutOnlyHunk(file, h)));
  const all = flags.flat();
  const layout = all.filter(Boolean).length;
  if (layout < 2 || layout * 3 < all.length) return flags;
  return files.map((file, i) => {
    if (flags[i].every(Boolean) || !isModifiedText(file)) return flags[i];
    const removed = file.hunks.flatMap((h) => h.removed.map((l) => l.text));
    const added = file.hunks.flatMap((h) => h.added.map((l) => l.text));
    return letterAndDigitSum(removed) === letterAndDigitSum(added) && tokenBag(removed) === tokenBag(added) ? flags[i].map(() => true) : flags[i];
  });
}

/**
 * For each layout-only hunk (`flags`), the new line each of its old lines went to: the one holding
 * the same point of the file's changed text, counted in characters a formatter keeps. Counted over
 * all those hunks together, since a formatter's lines may land in the next hunk (see above).
 */
export function layoutLineMaps(file: FileChange, flags: readonly boolean[]): (number[] | undefined)[] {
  const dialect = dialectOf(file.newPath ?? file.oldPath ?? '');
  const starts: { offset: number; line: number }[] = [];
  let length = 0;
  file.hunks.forEach((h, j) => {
    if (!flags[j]) return;
    for (const l of h.added) {
      starts.push({ offset: length, line: l.line });
      length += normalise(l.text, dialect).length;
    }
  });
  let offset = 0;
  let at = 0;
  return file.hunks.map((h, j) => {
    if (!flags[j] || starts.length === 0) return undefined;
    return h.removed.map((l) => {
      while (at + 1 < starts.length && starts[at + 1].offset <= offset) at++;
      offset += normalise(l.text, dialect).length;
      return starts[at].line;
    });
  });
}

/** The words and operator characters of the lines, sorted: what stays when only layout changes. */
function tokenBag(lines: readonly string[]): string {
  const tokens: string[] = [];
  for (const line of lines) {
    for (const m of line.matchAll(/[A-Za-z0-9_$]+|[^A-Za-z0-9_$\s(){}[\],;'"`]/g)) tokens.push(m[0]);
  }
  return tokens.sort().join(' ');
}

function isLayoutOnly(path: string, removed: readonly string[], added: readonly string[]): boolean {
  const dialect = dialectOf(path);
  if (letterAndDigitSum(removed) !== letterAndDigitSum(added)) return false;
  if (normalise(removed.join('\n'), dialect) !== normalise(added.join('\n'), dialect)) return false;
  // Where indentation is syntax, re-indenting a line in place can move it into or out of a
  // block; only re-wrapping (a different line count) is accepted as layout there.
  if (dialect === 'indent' && removed.length === added.length) {
    return removed.every((line, i) => leadingIndent(line) === leadingIndent(added[i]));
  }
  return true;
}

/** Languages whose comments start with `#` (Python's docstrings are handled with them). */
const HASH_COMMENTS = new Set(['py', 'pyi', 'rb', 'sh', 'bash', 'pl', 'r', 'yaml', 'yml', 'toml']);

/**
 * True when one hunk only changed comments, docstrings or blank lines: it changed no code, so
 * its lines are not a change of the symbol around them (they still move older lines down).
 */
export function isCommentOnlyHunk(file: FileChange, hunk: FileChange['hunks'][number]): boolean {
  if (file.binary || file.submodule || hunk.removed.length + hunk.added.length === 0) return false;
  const path = file.newPath ?? file.oldPath ?? '';
  const hash = HASH_COMMENTS.has(path.slice(path.lastIndexOf('.') + 1).toLowerCase());
  return holdsNoCode(hunk.removed.map((l) => l.text), hash) && holdsNoCode(hunk.added.map((l) => l.text), hash);
}

/** Lines that are whole comments: `#` lines and docstrings, or `//` lines, `/* *\/` blocks and their `*` lines. */
function holdsNoCode(lines: readonly string[], hash: boolean): boolean {
  const text = lines.join('\n');
  const rest = hash
    ? text.replace(/^[ \t]*(?:"""[\s\S]*?"""|'''[\s\S]*?''')[ \t]*$/gm, '').replace(/^[ \t]*#.*$/gm, '')
    : text.replace(/^[ \t]*\/\*[\s\S]*?\*\/[ \t]*$/gm, '').replace(/^[ \t]*(?:\/\/|\*).*$/gm, '');
  return rest.trim() === '';
}

/** True when every changed file only changed layout (and at least one file changed content). */
export function isFormattingOnly(files: FileChange[]): boolean {
  const withHunks = files.filter((f) => f.hunks.length > 0);
  if (withHunks.length === 0 || withHunks.length !== files.length) return false;
  return withHunks.every(fileIsReformatOnly);
}
