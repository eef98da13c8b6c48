// Commits that only rename: a local variable renamed throughout (`raw` -> `rawValue`), or a literal
// pulled out into a named constant (`"listen.port"` -> `LISTEN_PORT`). They rewrite lines of the
// stack without changing what runs, so, like a formatter pass, they cannot have caused a failure,
// unless the rename missed a use, which fails with an error that names the old name.

import { bindsAtRunTime } from './definitions';
import { languageForPath } from '../ast/languages';
import type { CandidateFile } from './hypothesis';
import { isDocumentation } from './paths';

const TOKEN = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|[A-Za-z_$][\w$]*|\d[\w.]*|\S/g;
const NAME = /^[A-Za-z_$][\w$]*$/;
const BLANK_OR_COMMENT = /^\s*(?:$|\/\/|\/\*|\*|#)/;
/** `private static final String LISTEN_PORT = "listen.port";`, `LISTEN_PORT = 'listen.port'`, `const MAX = 10;`. */
const CONSTANT_DEFINITION = /\b([A-Z][A-Z0-9_]*)\s*(?::[^=]+)?=\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\d[\w.]*)\s*;?\s*$/;
const KEYWORDS = new Set('if else for while do return new class def function const let var final static public private protected import from true false null None True False this self'.split(' '));

/**
 * What a commit renamed, when that is all it did (`raw -> rawValue`, `"listen.port" -> LISTEN_PORT`),
 * else undefined. `errorWords` (lower-case) are names the error involves: renaming one of those
 * may be the very cause (a producer renamed a field its consumers still read), so it never counts.
 */
export function renamedOnly(files: readonly CandidateFile[], errorWords: ReadonlySet<string>): string | undefined {
  const code = files.filter((f) => !isDocumentation(f.path));
  if (code.length === 0 || code.some((f) => f.binary || f.created || f.deleted || !languageForPath(f.path))) return undefined;
  const meaningful = (lines: readonly string[]) => lines.filter((l) => !BLANK_OR_COMMENT.test(l));
  // Constants the commit defined, by the literal they stand for.
  const constants = new Map<string, string>();
  const pairs: [string, string, boolean][] = [];
  for (const file of code) {
    const removed = meaningful(file.removed);
    const added = meaningful(file.added).filter((line) => {
      const definition = CONSTANT_DEFINITION.exec(line);
      if (!definition || !removed.some((r) => r.includes(definition[2]))) return true;
      constants.set(definition[2], definition[1]);
      return false;
    });
    if (added.length !== removed.length) return undefined;
    const dynamic = bindsAtRunTime(languageForPath(file.path));
    removed.forEach((line, i) => pairs.push([line, added[i], dynamic]));
  }
  const renames = new Map<string, string>();
  const renamedTo = new Map<string, string>();
  const uses = new Map<string, number>();
  for (const [before, after, dynamic] of pairs) {
    const a = before.match(TOKEN) ?? [];
    const b = after.match(TOKEN) ?? [];
    if (a.length !== b.length) return undefined;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (constants.get(a[i]) === b[i]) continue;
      if (!NAME.test(a[i]) || !NAME.test(b[i]) || KEYWORDS.has(a[i]) || KEYWORDS.has(b[i]) || errorWords.has(a[i].toLowerCase())) return undefined;
      // In JavaScript or Python a member, a key or a keyword argument renamed here may still be
      // used by its old name elsewhere.
      if (dynamic && (a[i - 1] === '.' || a[i + 1] === ':' || (a[i + 1] === '=' && (a[i - 1] === ',' || a[i - 1] === '(')))) return undefined;
      if ((renames.get(a[i]) ?? b[i]) !== b[i] || (renamedTo.get(b[i]) ?? a[i]) !== a[i]) return undefined;
      renames.set(a[i], b[i]);
      uses.set(a[i], (uses.get(a[i]) ?? 0) + 1);
      renamedTo.set(b[i], a[i]);
    }
  }
  // A name renamed at one place only may be a different variable written, not a rename:
  // `encodedMessage = message.toString()` -> `strMessage = message.toString()`.
  for (const [name, count] of uses) if (renames.has(name) && count < 2) return undefined;
  const said = [...renames].map(([a, b]) => `${a} to ${b}`).concat([...constants].map(([literal, name]) => `${literal} to ${name}`));
  return said.length > 0 ? said.slice(0, 3).join(', ') : undefined;
}
