// The values a line's formats and patterns accept: strptime formats (`'%Y-%m-%dT%H:%M:%S'`) and
// regular expressions, read as full-match JavaScript regular expressions. A parse error quotes
// the value it rejected; a commit that removed what accepted it took away the working path.

/** Directives of strptime / strftime formats, as patterns of what they accept. */
const STRPTIME: Record<string, string> = {
  Y: '\\d{4}', y: '\\d{2}', G: '\\d{4}', m: '\\d{1,2}', d: '\\d{1,2}', e: ' ?\\d{1,2}', H: '\\d{1,2}', I: '\\d{1,2}', M: '\\d{1,2}', S: '\\d{1,2}',
  f: '\\d{1,6}', j: '\\d{1,3}', V: '\\d{1,2}', U: '\\d{1,2}', W: '\\d{1,2}', u: '\\d', w: '\\d', z: '(?:[+-]\\d{2}:?\\d{2}|Z)', Z: '[A-Za-z]{1,5}',
  b: '[A-Za-z]+', B: '[A-Za-z]+', a: '[A-Za-z]+', A: '[A-Za-z]+', p: '[AaPp][Mm]', T: '\\d{1,2}:\\d{1,2}:\\d{1,2}', '%': '%',
};
const STRING_LITERAL = /(['"])((?:\\.|(?!\1).){2,120})\1/g;
/** A regular expression a line builds or declares: `re.compile(r"...")`, `new RegExp("...")`, `/.../`. */
const REGEX_LITERAL = /(?:re\.(?:compile|match|fullmatch|search)|RegExp|Pattern\.compile)\(\s*r?(['"])((?:\\.|(?!\1).)+)\1|(?:^|[=(,:]\s*)\/((?:\\.|[^/\n])+)\/[gimsuy]*/g;

/** What a line's formats and patterns would accept, as full-match regular expressions. */
export function acceptedPatterns(line: string): { text: string; accepts: RegExp }[] {
  const found: { text: string; accepts: RegExp }[] = [];
  for (const m of line.matchAll(STRING_LITERAL)) {
    const format = m[2];
    if (!/%[A-Za-z]/.test(format)) continue;
    let source = '';
    for (let i = 0; i < format.length; i++) {
      const directive = format[i] === '%' ? STRPTIME[format[i + 1] ?? ''] : undefined;
      if (directive !== undefined) {
        source += directive;
        i++;
      } else source += format[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    found.push({ text: format, accepts: new RegExp(`^${source}$`) });
  }
  for (const m of line.matchAll(REGEX_LITERAL)) {
    const source = m[2] ?? m[3];
    try {
      found.push({ text: source, accepts: new RegExp(`^(?:${source.replace(/^\^|\$$/g, '')})$`) });
    } catch {
      // Not a pattern JavaScript reads (Python's own syntax): nothing to say about it.
    }
  }
  return found;
}
