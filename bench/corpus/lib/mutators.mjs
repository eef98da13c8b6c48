// Candidate regressions of the kinds real changes introduce (a rename that misses a call site, a
// dropped guard, an off-by-one, a stricter accessor, a flipped comparison). Used by the
// find-regressions tool to discover edits that really crash an exercise; cases then pin them.

const SYNONYMS = [
  [/^parse/, 'read'], [/^replace/, 'rewrite'], [/^test/, 'check'], [/^is/, 'looks'], [/^get/, 'fetch'], [/^make/, 'build'],
  [/^compare/, 'cmp'], [/^to/, 'as'], [/^normalize/, 'canonical'], [/^format/, 'render'], [/^load/, 'read'], [/^find/, 'lookup'],
  [/^_/, '_do'], [/^has/, 'contains'], [/^set/, 'assign'], [/^create/, 'new'],
];

export function renamedIdentifier(name) {
  for (const [pattern, replacement] of SYNONYMS) {
    if (pattern.test(name)) {
      const rest = name.replace(pattern, '');
      return replacement + (rest && replacement !== '_do' ? rest[0].toUpperCase() + rest.slice(1) : rest);
    }
  }
  return `${name}Impl`;
}

export function identifierRegex(name) {
  return new RegExp(`(?<![.\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
}

function uniqueFind(lines, index, dropLine) {
  // The line plus its predecessor, so the edit hits this occurrence even if the line repeats.
  const before = index > 0 ? lines[index - 1] + '\n' : '';
  return { find: before + lines[index] + '\n', replace: before + (dropLine ? '' : null) };
}

/** Mutations of one file's text: [{ label, edits: [{ file, find, replace, ... }] }]. */
export function mutationsFor(language, file, text) {
  const lines = text.split('\n');
  const out = [];
  const defRe =
    language === 'python' ? /^\s*def ([A-Za-z_]\w*)\(/
    : language === 'java' ? null
    : /^\s*(?:export\s+)?(?:function\s+([A-Za-z_$][\w$]*)\s*\(|const ([A-Za-z_$][\w$]*) = (?:async )?(?:\([^)]*\)|\w+) =>|(?:var|let|const) ([A-Za-z_$][\w$]*) = function\b)/;
  if (defRe) {
    for (const line of lines) {
      const match = defRe.exec(line);
      const name = match?.[1] ?? match?.[2] ?? match?.[3];
      if (!name || name.length < 3 || name.startsWith('__')) continue;
      const rename = renamedIdentifier(name);
      const uses = lines.filter((l) => (l.match(identifierRegex(name)) ?? []).length > 0);
      if (uses.length > 12) continue;
      for (const use of new Set(uses)) {
        if (use === line) continue;
        out.push({ label: `rename ${name}->${rename} missing "${use.trim()}"`, edits: [{ file, rename: { from: name, to: rename, exceptLine: use.trim() } }] });
      }
      out.push({ label: `rename ${name}->${rename} in ${file} only`, edits: [{ file, rename: { from: name, to: rename, exceptLine: null } }] });
    }
  }
  const localFunctions = new Set(defRe ? lines.map((l) => defRe.exec(l)).filter(Boolean).map((m) => m[1] ?? m[2] ?? m[3]) : []);
  lines.forEach((line, i) => {
    const drop = () => {
      const { find, replace } = uniqueFind(lines, i, true);
      out.push({ label: `drop "${line.trim()}"`, edits: [{ file, find, replace }] });
    };
    const swap = (label, next) => {
      if (next === line) return;
      const before = i > 0 ? lines[i - 1] + '\n' : '';
      out.push({ label: `${label} "${line.trim()}"`, edits: [{ file, find: before + line + '\n', replace: before + next + '\n' }] });
    };
    for (const m of line.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)\(([^(),]+), ([^(),]+)\)/g)) {
      if (!localFunctions.has(m[1]) || defRe.test(line)) continue;
      swap(`drop argument of ${m[1]} in`, line.replace(m[0], `${m[1]}(${m[2]})`));
    }
    if (language === 'javascript') {
      swap('drop default', line.replace(/\((\w+(?:\.\w+)*) \|\| (''|\[\]|\{\})\)/, '$1'));
      if (/^\s*if \(.*\) (return|throw)\b[^{]*$/.test(line)) drop();
      if (/^\s*(\w+) = \1 \|\| [^|]+$/.test(line)) drop();
      if (/^\s*(\w+) = \w+\(\1\);?$/.test(line)) drop();
      swap('unguard', line.replace(/(\b[\w.]+) && \1(\.|\[)/, '$1$2'));
    } else if (language === 'python') {
      if (/^\s*if .*: (return|raise|continue)\b/.test(line)) drop();
      if (/^\s*(\w+) = \1 or /.test(line)) drop();
      swap('strict-get', line.replace(/\.get\(('[^']+'|"[^"]+")\)/, '[$1]'));
      swap('unguard', line.replace(/(\b[\w.]+) and \1(\.|\[)/, '$1$2'));
    } else if (language === 'java') {
      if (/^\s*if \(\w+ == null\) (return|throw)\b.*;\s*$/.test(line)) drop();
      swap('strict-json', line.replace(/\.opt(String|Int|Long|Boolean|JSONObject|JSONArray|Double)\(/, '.get$1('));
      swap('unguard', line.replace(/(\b[\w.]+) != null && /, ''));
      swap('off-by-one', line.replace(/(for \(int \w+ = 0; \w+) < ([\w.]+(?:\.length|\.size\(\)|\.length\(\)))/, '$1 <= $2'));
      swap('equals-order', line.replace(/("[^"]*")\.equals\((\w+(?:\.\w+\(\))?)\)/, '$2.equals($1)'));
      swap('drop-initializer', line.replace(/^(\s*(?:private|protected|public)\s+)(?:final\s+)?([\w<>, ]+ \w+) = new [\w<>]+\([^)]*\);/, '$1$2;'));
      if (/^\s*this\.\w+ = \w+;\s*$/.test(line)) drop();
      if (/^\s*if \(\w+(?:\.\w+)* == null\) \{\s*$/.test(line)) {
        const indent = /^\s*/.exec(line)[0];
        const end = lines.findIndex((l, j) => j > i && l === `${indent}}`);
        if (end > i && end - i <= 6) {
          const before = i > 0 ? lines[i - 1] + '\n' : '';
          out.push({ label: `drop null branch "${line.trim()}"`, edits: [{ file, find: before + lines.slice(i, end + 1).join('\n') + '\n', replace: before }] });
        }
      }
    }
  });
  return out;
}

/** Wrong-result mutations for test-runner cases: flipped comparisons and boundaries. */
export function semanticMutationsFor(language, file, text) {
  const lines = text.split('\n');
  const out = [];
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|#|\*)/.test(line)) return;
    const before = i > 0 ? lines[i - 1] + '\n' : '';
    const flips = [[/ < /, ' <= '], [/ > /, ' >= '], [/ <= /, ' < '], [/ >= /, ' > '], [/ === /, ' !== '], [/ == /, ' != ']];
    for (const [from, to] of flips) {
      if (!from.test(line)) continue;
      out.push({ label: `flip "${line.trim()}"`, edits: [{ file, find: before + line + '\n', replace: before + line.replace(from, to) + '\n' }] });
      break;
    }
  });
  return out;
}
