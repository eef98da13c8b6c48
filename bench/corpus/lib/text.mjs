// Text helpers shared by the history builder: text detection, language of a path, the changed
// region between two versions of a file and the symbol enclosing a line (for commit messages).

export function isText(buffer) {
  return !buffer.subarray(0, 8000).includes(0);
}

const LANGUAGE_BY_EXT = { '.js': 'js', '.cjs': 'js', '.mjs': 'js', '.ts': 'js', '.py': 'py', '.java': 'java', '.gyp': 'py', '.gypi': 'py' };

/** 'js' | 'py' | 'java' | null for code files, by extension. */
export function codeLanguage(path) {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? null : LANGUAGE_BY_EXT[path.slice(dot)] ?? null;
}

export function isTestPath(path) {
  return /(^|\/)(tests?|spec|__tests__|androidTest)(\/|$)|[._-](test|spec)\.[a-z]+$|_test\.py$/.test(path);
}

export function isDocPath(path) {
  return /\.(md|markdown|txt|rst)$/i.test(path) || /(^|\/)(docs?|doc)\//.test(path) || /^(README|CHANGELOG|HISTORY|AUTHORS|LICENSE)/i.test(path);
}

const DEFINITION = {
  js: /^\s*(?:export\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(|^\s*(?:var\s+|let\s+|const\s+)?((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?function\b|^\s*([A-Za-z_$][\w$]*)\s*:\s*function\b/,
  py: /^\s*(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)/,
  java: /^\s*(?:(?:public|private|protected|static|final|synchronized|abstract|native)\s+)+[\w<>\[\], .?]+\s+([a-zA-Z_]\w*)\s*\([^;]*$/,
};

/** Name of the function/method defined on this line, or null. */
export function definitionName(language, line) {
  const match = DEFINITION[language]?.exec(line);
  if (!match) return null;
  const name = match[1] ?? match[2] ?? match[3];
  return name.split('.').pop();
}

/** Index of the first and last differing line between two texts (by common prefix/suffix). */
export function changedRegion(beforeText, afterText) {
  const a = beforeText.split('\n');
  const b = afterText.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  return { start, endAfter: endB, afterLines: b };
}

/** Names of definitions enclosing or inside a region of lines (nearest first), for messages. */
export function symbolsAround(language, lines, start, end) {
  const names = [];
  for (let i = Math.min(start, lines.length - 1); i >= 0 && names.length === 0; i--) {
    const name = definitionName(language, lines[i]);
    if (name) names.push(name);
  }
  for (let i = start; i <= end && i < lines.length; i++) {
    const name = definitionName(language, lines[i]);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}
