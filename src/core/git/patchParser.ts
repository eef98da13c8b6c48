// Incremental parser for `git log -p` output in the format LOG_FORMAT prints: text goes in as
// it streams from git, whole commits (metadata, files, hunks) come out as soon as they end.

import type { CommitDiff, CommitInfo, FileChange, Hunk } from './model';
import { isFormattingOnly } from './formatting';

const COMMIT_MARK = '\x1eCL\x1f';
const FIELD = '\x1f';
const HEADER_END = '\x1d';

/** `--format` for `git log`: one record per commit, fields split by US, ended by GS. */
export const LOG_FORMAT = `--format=${'%x1eCL%x1f%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cI%x1f%s%x1f%b%x1d'}`;

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;
const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undoes git's C-style quoting of unusual paths (`"a/caf\303\251.txt"`). */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string): string | undefined {
  if (path === '/dev/null') return undefined;
  return path.startsWith('a/') || path.startsWith('b/') ? path.slice(2) : path;
}

/** `---`/`+++`/`rename from` values: unquoted, the a/ b/ prefix and any trailing tab removed. */
function headerPath(value: string, hasPrefix: boolean): string | undefined {
  const path = unquoteGitPath(value.replace(/\t$/, ''));
  return hasPrefix ? stripPrefix(path) : path;
}

/** Paths from `diff --git a/X b/Y`; only reliable when both are quoted or equal (no rename). */
function pathsFromDiffLine(rest: string): [string | undefined, string | undefined] {
  const quoted = /^("(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|\S+)$/.exec(rest);
  if (quoted && (quoted[1].startsWith('"') || quoted[2].startsWith('"'))) {
    return [stripPrefix(unquoteGitPath(quoted[1])), stripPrefix(unquoteGitPath(quoted[2]))];
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) {
    const path = rest.slice(2, half);
    return [path, path];
  }
  return [undefined, undefined];
}

export function parseCommitHeader(record: string): CommitInfo {
  const f = record.split(FIELD);
  return {
    sha: f[0],
    parents: f[1] ? f[1].split(' ') : [],
    authorName: f[2] ?? '',
    authorEmail: f[3] ?? '',
    authorDate: f[4] ?? '',
    committerDate: f[5] ?? '',
    subject: f[6] ?? '',
    body: (f[7] ?? '').trim(),
  };
}

export interface PatchParserOptions {
  /** Shas the repository's `.git-blame-ignore-revs` lists. */
  ignoreRevs?: ReadonlySet<string>;
}

export class LogPatchParser {
  private pending = '';
  private header: string | undefined;
  private commit: CommitInfo | undefined;
  private files: FileChange[] = [];
  private file: FileChange | undefined;
  private hunk: Hunk | undefined;
  private oldLeft = 0;
  private newLeft = 0;
  private oldLine = 0;
  private newLine = 0;
  private finished: CommitDiff[] = [];

  constructor(private readonly options: PatchParserOptions = {}) {}

  /** Feeds more output; returns the commits completed by it. */
  push(text: string): CommitDiff[] {
    const all = this.pending + text;
    let start = 0;
    for (let nl = all.indexOf('\n', start); nl !== -1; nl = all.indexOf('\n', start)) {
      this.line(all.slice(start, nl));
      start = nl + 1;
    }
    this.pending = all.slice(start);
    return this.drain();
  }

  /** Flushes the last commit at the end of the output. */
  end(): CommitDiff[] {
    if (this.pending) this.line(this.pending);
    this.pending = '';
    this.finishCommit();
    return this.drain();
  }

  private drain(): CommitDiff[] {
    const out = this.finished;
    this.finished = [];
    return out;
  }

  private line(line: string): void {
    if (this.header !== undefined) return this.headerLine(line);
    if (this.oldLeft > 0 || this.newLeft > 0) return this.hunkLine(line);
    if (line.startsWith(COMMIT_MARK)) {
      this.finishCommit();
      this.header = '';
      return this.headerLine(line.slice(COMMIT_MARK.length));
    }
    if (!this.commit) return;
    if (line.startsWith('diff --git ')) return this.startFile(line.slice('diff --git '.length));
    if (line.startsWith('@@ ')) return this.startHunk(line);
    if (this.file) this.fileHeaderLine(this.file, line);
  }

  private headerLine(line: string): void {
    const end = line.indexOf(HEADER_END);
    if (end === -1) {
      this.header += `${line}\n`;
      return;
    }
    this.commit = parseCommitHeader(this.header + line.slice(0, end));
    this.header = undefined;
  }

  private startFile(rest: string): void {
    const [oldPath, newPath] = pathsFromDiffLine(rest);
    this.file = { oldPath, newPath, status: 'M', binary: false, submodule: false, hunks: [] };
    this.files.push(this.file);
    this.hunk = undefined;
  }

  private fileHeaderLine(file: FileChange, line: string): void {
    if (line.startsWith('--- ')) file.oldPath = headerPath(line.slice(4), true);
    else if (line.startsWith('+++ ')) file.newPath = headerPath(line.slice(4), true);
    else if (line.startsWith('new file mode ')) {
      file.status = 'A';
      file.oldPath = undefined;
      file.submodule = line.endsWith('160000');
    } else if (line.startsWith('deleted file mode ')) {
      file.status = 'D';
      file.newPath = undefined;
      file.submodule = line.endsWith('160000');
    } else if (line.startsWith('rename from ')) {
      file.status = 'R';
      file.oldPath = headerPath(line.slice(12), false);
    } else if (line.startsWith('rename to ')) file.newPath = headerPath(line.slice(10), false);
    else if (line.startsWith('copy from ')) {
      file.status = 'C';
      file.oldPath = headerPath(line.slice(10), false);
    } else if (line.startsWith('copy to ')) file.newPath = headerPath(line.slice(8), false);
    else if (line.startsWith('similarity index ')) file.similarity = parseInt(line.slice(17), 10);
    else if (line.startsWith('index ')) file.submodule ||= line.endsWith(' 160000');
    else if (line.startsWith('Binary files ') || line === 'GIT binary patch') file.binary = true;
  }

  private startHunk(line: string): void {
    const m = HUNK_HEADER.exec(line);
    if (!m || !this.file) return;
    const hunk: Hunk = {
      oldStart: Number(m[1]),
      oldLines: m[2] === undefined ? 1 : Number(m[2]),
      newStart: Number(m[3]),
      newLines: m[4] === undefined ? 1 : Number(m[4]),
      removed: [],
      added: [],
    };
    if (m[5]) hunk.section = m[5];
    this.hunk = hunk;
    this.file.hunks.push(hunk);
    this.oldLeft = hunk.oldLines;
    this.newLeft = hunk.newLines;
    this.oldLine = hunk.oldStart;
    this.newLine = hunk.newStart;
  }

  private hunkLine(line: string): void {
    const hunk = this.hunk;
    if (!hunk) return;
    const kind = line[0];
    if (kind === '\\') return; // "\ No newline at end of file"
    if (kind === '-') {
      hunk.removed.push({ line: this.oldLine++, text: line.slice(1) });
      this.oldLeft--;
    } else if (kind === '+') {
      hunk.added.push({ line: this.newLine++, text: line.slice(1) });
      this.newLeft--;
    } else {
      this.oldLine++;
      this.newLine++;
      this.oldLeft--;
      this.newLeft--;
    }
  }

  private finishCommit(): void {
    const commit = this.commit;
    this.commit = undefined;
    this.file = undefined;
    this.hunk = undefined;
    this.oldLeft = this.newLeft = 0;
    const files = this.files;
    this.files = [];
    if (!commit) return;
    const ignored = this.options.ignoreRevs?.has(commit.sha) ?? false;
    const reformat = !ignored && isFormattingOnly(files);
    const diff: CommitDiff = { commit, files, isMerge: commit.parents.length > 1, formattingOnly: ignored || reformat };
    if (ignored) diff.formattingReason = 'blame-ignore-revs';
    else if (reformat) diff.formattingReason = 'whitespace';
    this.finished.push(diff);
  }
}

/** One commit's record of `git log -p` output, still raw: its bytes and its parsed header. */
export interface RawCommit {
  info: CommitInfo;
  /** From the commit mark up to the next commit's mark (or the end of the output). */
  bytes: Buffer;
}

const MARK_BYTES = Buffer.from(COMMIT_MARK, 'latin1');
const LINE_MARK_BYTES = Buffer.from(`\n${COMMIT_MARK}`, 'latin1');
const HEADER_END_BYTE = HEADER_END.charCodeAt(0);

/**
 * Cuts `git log -p` output (LOG_FORMAT) into whole commit records without parsing their diffs,
 * so the diffs can be parsed elsewhere (in the workers). A record ends where LogPatchParser would
 * start the next commit: at a commit mark opening a line after the header's end, since every
 * diff line after the header starts with a diff keyword or a +/-/space/backslash prefix. Fed the
 * records in order, LogPatchParser yields exactly what it yields for the whole output.
 */
export class RawCommitSplitter {
  private buffer = Buffer.alloc(64 * 1024);
  private length = 0;
  /** Where the current record starts (-1 until the first commit mark is seen). */
  private start = -1;
  private headerEnd = -1;
  /** Where to resume searching, so no byte is scanned twice. */
  private scanned = 0;
  /** Nothing has been dropped yet, so position 0 is the start of a line. */
  private atOutputStart = true;

  push(chunk: Buffer): RawCommit[] {
    this.append(chunk);
    return this.drain(false);
  }

  end(): RawCommit[] {
    return this.drain(true);
  }

  private append(chunk: Buffer): void {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + chunk.length));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    chunk.copy(this.buffer, this.length);
    this.length += chunk.length;
  }

  private drain(final: boolean): RawCommit[] {
    const out: RawCommit[] = [];
    const data = this.buffer.subarray(0, this.length);
    for (;;) {
      if (this.start === -1 && !this.findFirstMark(data)) break;
      if (this.headerEnd === -1) {
        const end = data.indexOf(HEADER_END_BYTE, Math.max(this.scanned, this.start + MARK_BYTES.length));
        if (end === -1) {
          this.scanned = this.length;
          break;
        }
        this.headerEnd = end;
        this.scanned = end + 1;
      }
      const next = data.indexOf(LINE_MARK_BYTES, Math.max(this.scanned - LINE_MARK_BYTES.length + 1, this.headerEnd + 1));
      if (next === -1) {
        this.scanned = this.length;
        break;
      }
      out.push(this.record(data, next + 1));
      this.start = next + 1;
      this.headerEnd = -1;
      this.scanned = this.start;
    }
    if (final) {
      if (this.start !== -1 && this.headerEnd !== -1) out.push(this.record(data, this.length));
      this.start = -1;
      this.length = 0;
    } else this.compact();
    return out;
  }

  /** Skips output before the first commit mark that opens a line (LogPatchParser ignores it too). */
  private findFirstMark(data: Buffer): boolean {
    if (this.atOutputStart) {
      if (this.length < MARK_BYTES.length) return false;
      if (data.subarray(0, MARK_BYTES.length).equals(MARK_BYTES)) {
        this.start = 0;
        return true;
      }
    }
    const at = data.indexOf(LINE_MARK_BYTES, Math.max(0, this.scanned - LINE_MARK_BYTES.length + 1));
    if (at === -1) {
      this.scanned = this.length;
      return false;
    }
    this.start = at + 1;
    this.scanned = this.start;
    return true;
  }

  private record(data: Buffer, end: number): RawCommit {
    const header = data.toString('utf8', this.start + MARK_BYTES.length, this.headerEnd);
    return { info: parseCommitHeader(header), bytes: Buffer.from(data.subarray(this.start, end)) };
  }

  /** Moves the unfinished record to the front, so the buffer holds at most one record. */
  private compact(): void {
    const keepFrom = this.start === -1 ? Math.max(0, this.length - LINE_MARK_BYTES.length) : this.start;
    if (keepFrom === 0) return;
    this.atOutputStart = false;
    this.buffer.copy(this.buffer, 0, keepFrom, this.length);
    this.length -= keepFrom;
    this.scanned = Math.max(0, this.scanned - keepFrom);
    if (this.start !== -1) {
      if (this.headerEnd !== -1) this.headerEnd -= keepFrom;
      this.start = 0;
    }
  }
}

/** Parses whole commit records (as RawCommitSplitter cuts them) into CommitDiffs, in order. */
export function parseCommitRecords(records: Uint8Array, options: PatchParserOptions = {}): CommitDiff[] {
  const parser = new LogPatchParser(options);
  const text = Buffer.from(records.buffer, records.byteOffset, records.byteLength).toString('utf8');
  return [...parser.push(text), ...parser.end()];
}
