// Edits that are replayed on top of every later published version, so that an injected
// regression, a formatting pass or an added comment persists in the history like a real commit.

/** Applies one edit to a file's text; returns the new text, or null when it no longer applies. */
export function applyOp(text, op) {
  switch (op.kind) {
    case 'write':
      return op.content;
    case 'append':
      return (text ?? '') + op.text;
    case 'edit': {
      if (text == null) return null;
      const at = text.indexOf(op.find);
      if (at < 0) return null;
      return text.slice(0, at) + op.replace + text.slice(at + op.find.length);
    }
    case 'rename': {
      // A rename that leaves the line `exceptLine` (a missed call site) untouched.
      if (text == null) return null;
      const pattern = new RegExp(`(?<![.\\w$])${op.from.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
      let renamed = 0;
      let kept = op.exceptLine == null;
      const next = text.split('\n').map((line) => {
        if (op.exceptLine != null && line.trim() === op.exceptLine) {
          kept = true;
          return line;
        }
        return line.replace(pattern, () => {
          renamed++;
          return op.to;
        });
      });
      return renamed > 0 && kept ? next.join('\n') : null;
    }
    case 'insertBefore': {
      if (text == null) return null;
      const lines = text.split('\n');
      const at = lines.indexOf(op.anchor);
      if (at < 0) return null;
      const indent = /^\s*/.exec(op.anchor)[0];
      lines.splice(at, 0, ...op.lines.map((line) => indent + line));
      return lines.join('\n');
    }
    case 'transform': {
      if (text == null) return null;
      const changed = TRANSFORMS[op.name](text);
      return changed;
    }
    default:
      throw new Error(`unknown edit kind ${op.kind}`);
  }
}

/** Replays a file's edits in order; reports which required edits (the regression) failed. */
export function applyOps(base, ops) {
  let text = base;
  const failedRequired = [];
  for (const op of ops) {
    const next = applyOp(text, op);
    if (next == null) {
      if (op.required) failedRequired.push(op);
      continue;
    }
    text = next;
  }
  return { text, failedRequired };
}

function mapCodeLines(text, predicate, change) {
  return text
    .split('\n')
    .map((line) => (predicate(line) ? change(line) : line))
    .join('\n');
}

const plainCode = (line) => !/["'`\/\\#]/.test(line);

/** Behaviour-preserving formatting passes, like the ones formatters and linters apply. */
export const TRANSFORMS = {
  trailingWhitespace: (text) => text.replace(/[ \t]+$/gm, ''),
  commentSpaceJs: (text) => text.replace(/^(\s*)\/\/(?=[A-Za-z0-9])/gm, '$1// '),
  commentSpacePy: (text) => text.replace(/^(\s*)#(?=[A-Za-z0-9])/gm, '$1# '),
  blankLines: (text) => text.replace(/\n{4,}/g, '\n\n\n'),
  keywordSpacing: (text) =>
    mapCodeLines(text, plainCode, (line) => line.replace(/\b(if|for|while|switch|catch)\(/g, '$1 (').replace(/\)\{/g, ') {')),
  anonymousFunctionSpacing: (text) => mapCodeLines(text, plainCode, (line) => line.replace(/\bfunction \(/g, 'function(')),
  doubleQuotesJs: (text) =>
    mapCodeLines(
      text,
      (line) => !/["`\/\\]/.test(line) && !/^\s*\*/.test(line) && (line.match(/'/g) ?? []).length % 2 === 0,
      (line) => line.replace(/'([^'\n]*)'/g, '"$1"'),
    ),
  doubleQuotesPy: (text) =>
    mapCodeLines(
      text,
      (line) => !/["\\#]|'''/.test(line) && (line.match(/'/g) ?? []).length % 2 === 0 && !/^\s*[rbuf]?'/.test(line.trim()),
      (line) => line.replace(/(?<![A-Za-z])'([^'\n]*)'/g, '"$1"'),
    ),
  commaSpacing: (text) => mapCodeLines(text, plainCode, (line) => line.replace(/,(?=[A-Za-z0-9_$(\[])/g, ', ')),
};

export const TRANSFORMS_BY_LANGUAGE = {
  js: ['trailingWhitespace', 'commentSpaceJs', 'blankLines', 'keywordSpacing', 'anonymousFunctionSpacing', 'doubleQuotesJs', 'commaSpacing'],
  py: ['trailingWhitespace', 'commentSpacePy', 'blankLines', 'doubleQuotesPy', 'commaSpacing'],
  java: ['trailingWhitespace', 'commentSpaceJs', 'blankLines', 'keywordSpacing', 'commaSpacing'],
};
