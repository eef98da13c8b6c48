// Finds the file:line locations of frames in stack-trace text, line by line, for every runtime the
// grammar knows (V8, Firefox/Safari, Python, Java/Kotlin, .NET, Go, Ruby, PHP). Pure text work.

export interface FrameLocationMatch {
  /** 0-based line of the document. */
  line: number;
  /** Character range of the path-and-line text on that line. */
  start: number;
  end: number;
  path: string;
  /** 1-based line in the file. */
  fileLine: number;
}

interface LocationPattern {
  regex: RegExp;
  /** Index of the capture groups holding the path and the line number. */
  path: number;
  line: number;
}

// Each regex captures the whole linkable span as group 1, so its offset is known (the `d` flag).
const PATTERNS: LocationPattern[] = [
  { regex: /File "(([^"]+)", line (\d+))/d, path: 2, line: 3 },
  { regex: / in ((.+?):line (\d+))\s*$/d, path: 2, line: 3 },
  { regex: /\(((?:[\w$.-]+)\.(?:java|kt|scala|groovy|clj)):(\d+)\)/d, path: 1, line: 2 },
  { regex: /^\s*(?:#\d+\s+)?(([^\s()]+\.php)\((\d+)\))/d, path: 2, line: 3 },
  { regex: /(((?:[a-z][\w+.-]*:\/\/\/?)?(?:[A-Za-z]:)?[^\s():"'@]*[/\\][^\s():"'@]*\.\w+|[\w.-]+\.\w+):(\d+)(?::\d+)?)/d, path: 2, line: 3 },
];

/** Frame locations in `text`, at most one per line (the first pattern that matches wins). */
export function findFrameLocations(text: string): FrameLocationMatch[] {
  const found: FrameLocationMatch[] = [];
  text.split(/\r?\n/).forEach((lineText, line) => {
    for (const pattern of PATTERNS) {
      const match = pattern.regex.exec(lineText);
      if (!match?.indices?.[1]) continue;
      const fileLine = Number(match[pattern.line]);
      if (!(fileLine >= 1)) continue;
      const [start, end] = match.indices[pattern.path === 1 ? 0 : 1];
      // Java's group 1 is the bare file name inside the parentheses: link "File.java:12".
      const span = pattern.path === 1 ? [start + 1, end - 1] : [start, end];
      found.push({ line, start: span[0], end: span[1], path: match[pattern.path], fileLine });
      break;
    }
  });
  return found;
}

const DEPLOY_PREFIX = /^(?:file:\/\/|webpack:\/\/\/?(?:\.\/)?|app:\/\/\/|[a-z][\w+.-]*:\/\/[^/]*)/i;

/** Path segments of a frame path with URL schemes and hosts removed, for suffix matching. */
export function frameSegments(path: string): string[] {
  return path.replace(DEPLOY_PREFIX, '').replace(/\\/g, '/').split('/').filter((p) => p && p !== '.');
}

/** How many trailing segments two paths share (0 when even the file names differ). */
export function sharedSuffixLength(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
