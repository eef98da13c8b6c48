// Removes what log collectors put before every line of a trace (an ISO timestamp, a container
// runtime's `stderr F `, `app[web.1]: `), so the runtime's own layout reaches the parsers.

const TIMESTAMP = /^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?\s/;

function longestCommonPrefix(lines: string[]): string {
  let prefix = lines[0] ?? '';
  for (const line of lines) {
    let n = 0;
    while (n < prefix.length && n < line.length && prefix[n] === line[n]) n++;
    prefix = prefix.slice(0, n);
    if (!prefix) break;
  }
  return prefix;
}

/**
 * Strips a per-line timestamp when most lines have one, then a prefix every line shares when it
 * starts with a visible character and ends at a space or colon (never the indentation of frames).
 */
export function stripLogPrefixes(lines: string[]): string[] {
  const nonEmpty = lines.filter((l) => l.trim());
  if (nonEmpty.length < 2) return lines;
  let out = lines;
  if (nonEmpty.filter((l) => TIMESTAMP.test(l)).length * 2 >= nonEmpty.length) {
    out = out.map((l) => l.replace(TIMESTAMP, ''));
  }
  const common = longestCommonPrefix(out.filter((l) => l.trim()));
  const boundary = Math.max(common.lastIndexOf(' '), common.lastIndexOf(':'));
  const prefix = boundary >= 0 ? common.slice(0, boundary + 1) : '';
  if (/^\S/.test(prefix) && /\S/.test(prefix.slice(0, -1))) out = out.map((l) => (l.startsWith(prefix) ? l.slice(prefix.length) : l));
  return out;
}
