// The risk shape of a change, read from its added and removed lines: guards and null checks
// removed, error handling changed, configuration changed. Language-agnostic on purpose: the
// patterns cover the keywords of the languages CauseLens reads.

export interface RiskShape {
  /** Removed lines that guarded against null/undefined/None/empty values or bad input. */
  guardsRemoved: number;
  /** The text of those removed guards (trimmed), to compare with the error. */
  removedGuards: string[];
  /** Guards added (a fix, or defensive code: a mild signal the area was fragile). */
  guardsAdded: number;
  /** Lines of try/catch/except/rescue/throw/raise added or removed. */
  errorHandlingChanged: number;
  /** The change touched configuration files. */
  configChanged: boolean;
  /**
   * Comparisons whose bound moved by one: a name compared with `>=` in a removed line and with
   * `>` (not `>=`) in an added one, or any such swap of `<`, `<=`, `>`, `>=`. Off-by-one at a boundary.
   */
  boundsChanged: { name: string; before: string; after: string; path: string }[];
  /**
   * Conditions inverted in place: a removed line and an added one alike but for the sense of a
   * test (`===` and `!==`, `==` and `!=`, `is` and `is not`, `in` and `not in`, a `!` or `not`).
   */
  conditionsInverted: { before: string; after: string; path: string }[];
}

const GUARD = new RegExp(
  [
    String.raw`\bif\b.*(?:[!=]==?\s*(?:null|undefined|nil|None|0|''|""))`,
    String.raw`\bif\b.*(?:\bis\s+(?:not\s+)?None\b|\bnot\s+\w+|!\s*[\w.$]+\s*\)|\.length\b|\.size\(\)|\.isEmpty\(\)|\.empty\?|\bisset\(|\bempty\()`,
    String.raw`\?\.|\?\?|\|\|\s*(?:\{\}|\[\]|''|""|0|null)\b`,
    String.raw`\bunless\b|\.nil\?|\bOptional\b|requireNonNull|\bassert\b|\bguard\b`,
    // `if key in table`, `if ('key' in obj)`: membership as a condition, not "in" in any sentence.
    String.raw`\bhasOwnProperty\b|\bif\b.*\bin\s+[\w.$]+|\.get\(\s*['"][^'"]+['"]\s*,`,
  ].join('|'),
);
const ERROR_HANDLING = /\b(?:try|catch|except|finally|rescue|ensure|throw|throws|raise|panic|recover|Result<|Err\(|\.catch\()\b/;
const CONFIG_FILE = /(?:^|\/)(?:\.env[^/]*|[^/]*\.(?:ya?ml|toml|ini|properties|conf|cfg)|(?:config|settings)[^/]*\.(?:json|js|ts|py)|package\.json|pom\.xml|build\.gradle(?:\.kts)?|requirements[^/]*\.txt|setup\.cfg|pyproject\.toml|go\.mod|Gemfile|composer\.json|Cargo\.toml)$/i;

/**
 * `a >= b`, `i < len(xs)`, `quantity > tier.minQuantity()`: spaced, so `List<Tier>`, `=>`, `->`
 * and shifts are not read as comparisons.
 */
const COMPARISON = /([A-Za-z_$][\w$.]*(?:\(\))?)\s+(<=|>=|<|>)\s+([A-Za-z_$][\w$.]*)?/g;
/** A quick test that most lines fail: no spaced comparison operator. */
const MAY_COMPARE = /\s[<>]=?\s/;
const MIRROR: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
const OTHER_STRICTNESS: Record<string, string> = { '<': '<=', '<=': '<', '>': '>=', '>=': '>' };

/** For each name compared in `lines` (its last part, lower-cased), the operators it is compared with, as seen from it. */
function comparisons(lines: Iterable<string>): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (operand: string, op: string) => {
    const name = operand.replace(/\(\)$/, '').split('.').pop()?.toLowerCase() ?? '';
    if (!name) return;
    let ops = found.get(name);
    if (!ops) found.set(name, (ops = new Set()));
    ops.add(op);
  };
  for (const line of lines) {
    if (!MAY_COMPARE.test(line)) continue;
    for (const m of line.matchAll(COMPARISON)) {
      add(m[1], m[2]);
      if (m[3]) add(m[3], MIRROR[m[2]]);
    }
  }
  return found;
}

/** Names whose comparison swapped `>=` for `>` (or any other bound for its neighbour) between `removed` and `added`. */
function movedBounds(path: string, removed: Iterable<string>, added: Iterable<string>): RiskShape['boundsChanged'] {
  const before = comparisons(removed);
  const after = comparisons(added);
  const moved: RiskShape['boundsChanged'] = [];
  for (const [name, ops] of before) {
    const now = after.get(name);
    if (!now) continue;
    for (const op of ops) {
      const other = OTHER_STRICTNESS[op];
      if (now.has(other) && !now.has(op) && !ops.has(other)) moved.push({ name, before: op, after: other, path });
    }
  }
  return moved;
}

/** A line whose sense can be inverted: a condition, a returned or assigned test, an assertion. */
const TESTS_SOMETHING = /\b(?:if|elif|while|unless|return|assert|when)\b|\?|&&|\|\||\band\b|\bor\b|[!=]==?/;

/** A line with the sense of its tests taken out: the same for `a === b`, `a !== b`, `!a` and `not a`. */
function withoutSense(line: string): string {
  return line.replace(/!==?/g, (op) => (op === '!==' ? '===' : '==')).replace(/!(?=[\w$(!])/g, '').replace(/\bis not\b/g, 'is').replace(/\bnot\s+/g, '').replace(/\s+/g, ' ');
}

/** How many times a line negates: `!=`, `!==`, a prefix `!`, `not` (`is not` and `not in` included). */
function negations(line: string): number {
  return (line.match(/!==?|!(?=[\w$(!])|\bnot\b/g) ?? []).length;
}

/**
 * Removed lines that came back with the sense of a test inverted and nothing else changed: an odd
 * number of negations more or fewer (`not a == b` and `a != b` say the same thing).
 */
function invertedConditions(path: string, removed: readonly string[], added: readonly string[]): RiskShape['conditionsInverted'] {
  const bySense = new Map<string, string>();
  for (const line of removed) if (TESTS_SOMETHING.test(line)) bySense.set(withoutSense(line), line);
  if (bySense.size === 0) return [];
  const inverted: RiskShape['conditionsInverted'] = [];
  for (const line of added) {
    const before = TESTS_SOMETHING.test(line) ? bySense.get(withoutSense(line)) : undefined;
    if (before !== undefined && (negations(before) - negations(line)) % 2 !== 0) inverted.push({ before, after: line, path });
  }
  return inverted;
}

export function isConfigPath(path: string): boolean {
  return CONFIG_FILE.test(path);
}

/** Words a guard's meaning rests on; every other name is the guard's subject, which a rename changes. */
const GUARD_WORDS = new Set('if elif unless not is in and or None null undefined nil typeof instanceof true false True False length size isEmpty empty get hasOwnProperty assert guard Optional requireNonNull isset'.split(' '));

/** A guard with its names blanked and its layout gone: `if field["x"] is None:` and `if spec["x"] is None:` alike. */
function guardShape(line: string): string {
  return line.replace(/[A-Za-z_$][\w$]*/g, (w) => (GUARD_WORDS.has(w) ? w : '_')).replace(/\s+/g, '').replace(/[{:]$/, '');
}

/** The same guard in both: renamed (`field` -> `spec`) or rewrapped (`if (c) f();` -> `if (c) {`). */
function sameGuard(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 6 && long.startsWith(short);
}

export function readRiskShape(change: { path: string; added: string[]; removed: string[] }[]): RiskShape {
  const shape: RiskShape = { guardsRemoved: 0, removedGuards: [], guardsAdded: 0, errorHandlingChanged: 0, configChanged: false, boundsChanged: [], conditionsInverted: [] };
  for (const file of change) {
    if (isConfigPath(file.path)) shape.configChanged = true;
    const added = new Set(file.added.map((l) => l.trim()));
    const removed = new Set(file.removed.map((l) => l.trim()));
    // A line moved or re-indented is no change of shape; nor is a guard renamed or rewrapped.
    const addedGuards = [...added].filter((l) => !removed.has(l) && GUARD.test(l)).map(guardShape);
    for (const line of removed) {
      if (added.has(line)) continue;
      if (GUARD.test(line)) {
        const kept = addedGuards.findIndex((g) => sameGuard(g, guardShape(line)));
        if (kept >= 0) addedGuards.splice(kept, 1);
        else {
          shape.guardsRemoved++;
          shape.removedGuards.push(line);
        }
      }
      if (ERROR_HANDLING.test(line)) shape.errorHandlingChanged++;
    }
    shape.guardsAdded += addedGuards.length;
    const gone = [...removed].filter((l) => !added.has(l));
    const come = [...added].filter((l) => !removed.has(l));
    shape.boundsChanged.push(...movedBounds(file.path, gone, come));
    shape.conditionsInverted.push(...invertedConditions(file.path, gone, come));
    for (const line of added) {
      if (!removed.has(line) && ERROR_HANDLING.test(line)) shape.errorHandlingChanged++;
    }
  }
  return shape;
}
