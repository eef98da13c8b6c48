// Commits that only rename: a local variable renamed throughout (`raw` -> `rawValue`), or a literal
// pulled out into a named constant (`"listen.port"` -> `LISTEN_PORT`). They rewrite lines of the
// stack without changing what runs, so, like a formatter pass, they cannot have caused a failure,
// unless the rename missed a use, which fails with an error that names the old name.

import { bindsAtRunTime } from './definitions';
import { isIdentifierChar } from './errorWords';
import { languageForPath } from '../ast/languages';
import type { CandidateFile } from './hypothesis';
import { isDocumentation } from './paths';
import { isCommentLine } from './wordMatching';

const TOKEN = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|[A-Za-z_$][\w$]*|\d[\w.]*|\S/g;
const NAME = /^[A-Za-z_$][\w$]*$/;
/** `private static final String LISTEN_PORT = "listen.port";`, `LISTEN_PORT = 'listen.port'`, `const MAX = 10;`. */
const CONSTANT_DEFINITION = /\b([A-Z][A-Z0-9_]*)\s*(?::[^=]+)?=\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\d[\w.]*)\s*;?\s*$/;
const KEYWORDS = new Set('if else for while do return new class def function const let var final static public private protected import from true false null None True False this self'.split(' '));

const isNameStart = (code: number) => isIdentifierChar(code) && !(code >= 48 && code <= 57);

/**
 * A quick test, without splitting the lines: where they first differ, both hold a name (or,
 * with constants about, a literal that became one). Most edits change a number, an operator
 * or a call there, and fail it.
 */
function firstDifferenceInName(before: string, after: string, constants: boolean): boolean {
  let at = 0;
  while (at < before.length && at < after.length && before.charCodeAt(at) === after.charCodeAt(at)) at++;
  if (at === before.length && at === after.length) return true;
  while (at > 0 && isIdentifierChar(before.charCodeAt(at - 1))) at--;
  const a = before.charCodeAt(at);
  const b = after.charCodeAt(at);
  return isNameStart(b) && (isNameStart(a) || (constants && (a === 34 || a === 39 || a === 96)));
}

/**
 * What a commit renamed, when that is all it did (`raw -> rawValue`, `"listen.port" -> LISTEN_PORT`),
 * else undefined. `errorWords` (lower-case) are names the error involves: renaming one of those
 * may be the very cause (a producer renamed a field its consumers still read), so it never counts.
 */
export function renamedOnly(files: readonly CandidateFile[], errorWords: ReadonlySet<string>): string | undefined {
  const code = files.filter((f) => !isDocumentation(f.path));
  // A rename rewrites lines in place: every file both loses and gains some. Most commits fail here.
  if (code.length === 0 || code.some((f) => f.binary || f.created || f.deleted || f.added.length === 0 || f.removed.length === 0 || !languageForPath(f.path))) return undefined;
  const meaningful = (lines: readonly string[]) => lines.filter((l) => !isCommentLine(l));
  // Constants the commit defined, by the literal they stand for; each rename and how often it was made.
  const constants = new Map<string, string>();
  const renames = new Map<string, string>();
  const renamedTo = new Map<string, string>();
  const uses = new Map<string, number>();
  const sameBut = (before: string, after: string, dynamic: boolean): boolean => {
    if (!firstDifferenceInName(before, after, constants.size > 0)) return false;
    const a = before.match(TOKEN) ?? [];
    const b = after.match(TOKEN) ?? [];
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i] || constants.get(a[i]) === b[i]) continue;
      if (!NAME.test(a[i]) || !NAME.test(b[i]) || KEYWORDS.has(a[i]) || KEYWORDS.has(b[i]) || errorWords.has(a[i].toLowerCase())) return false;
      // In JavaScript or Python a member, a key or a keyword argument renamed here may still be
      // used by its old name elsewhere.
      if (dynamic && (a[i - 1] === '.' || a[i + 1] === ':' || (a[i + 1] === '=' && (a[i - 1] === ',' || a[i - 1] === '(')))) return false;
      if ((renames.get(a[i]) ?? b[i]) !== b[i] || (renamedTo.get(b[i]) ?? a[i]) !== a[i]) return false;
      renames.set(a[i], b[i]);
      renamedTo.set(b[i], a[i]);
      uses.set(a[i], (uses.get(a[i]) ?? 0) + 1);
    }
    return true;
  };
  for (const file of code) {
    const removed = meaningful(file.removed);
    let added = meaningful(file.added);
    // Lines beyond the rewritten ones may only define constants for literals the commit replaced.
    if (added.length > removed.length) {
      added = added.filter((line) => {
        const definition = CONSTANT_DEFINITION.exec(line);
        if (!definition || !removed.some((r) => r.includes(definition[2]))) return true;
        constants.set(definition[2], definition[1]);
        return false;
      });
    }
    if (added.length !== removed.length) return undefined;
    const dynamic = bindsAtRunTime(languageForPath(file.path));
    if (!removed.every((line, i) => sameBut(line, added[i], dynamic))) return undefined;
  }
  // A name renamed at one place only may be a different variable written, not a rename:
  // `encodedMessage = message.toString()` -> `strMessage = message.toString()`.
  if ([...uses.values()].some((count) => count < 2)) return undefined;
  const said = [...renames].map(([a, b]) => `${a} to ${b}`).concat([...constants].map(([literal, name]) => `${literal} to ${name}`));
  return said.length > 0 ? said.slice(0, 3).join(', ') : undefined;
}
