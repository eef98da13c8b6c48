// The offline explainer: explanations written on this machine from the evidence the ranking
// gathered and the commit's hunks (which frame and symbol it changed, which guard it removed,
// which words of the error it touched, when it shipped). Always available; nothing leaves.

import { extractErrorWords, identifierParts } from '../analysis/errorWords';
import { readRiskShape } from '../analysis/riskShape';
import { allFrames, type Incident } from '../incident/model';
import { pathsMatch } from './promptContext';
import type { CauseToExplain, ExplainHunk, SuspectRange } from './types';

export interface OfflineAnswer {
  summary: string;
  suspectLines: SuspectRange[];
  suggestedFix: string;
}

const LOCATION_KINDS = ['crash-line-introduced', 'frame-line', 'enclosing-symbol', 'callee', 'frame-file'] as const;
const MISSING_VALUE = /\b(?:undefined|null|None|NoneType|nil|NullPointer\w*|NullReference\w*)\b/;
const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/g;
const NEARBY_LINES = 3;

function code(line: string): string {
  const text = line.trim();
  return `\`${text.length > 100 ? `${text.slice(0, 100)}…` : text}\``;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Guard lines the commit removed and did not add back. */
export function removedGuards(hunks: readonly ExplainHunk[]): { line: string; hunk: ExplainHunk }[] {
  const found: { line: string; hunk: ExplainHunk }[] = [];
  for (const hunk of hunks) {
    const added = new Set(hunk.added.map((l) => l.trim()));
    for (const line of hunk.removed) {
      if (added.has(line.trim())) continue;
      if (readRiskShape([{ path: hunk.path, added: [], removed: [line] }]).guardsRemoved > 0) found.push({ line, hunk });
    }
  }
  return found;
}

/** Words of the error that the commit's added or removed lines use, with one such line each. */
export function errorWordsInDiff(incident: Incident, hunks: readonly ExplainHunk[]): { word: string; line: string; added: boolean }[] {
  const matches: { word: string; line: string; added: boolean }[] = [];
  for (const { word } of extractErrorWords(incident)) {
    const key = word.toLowerCase();
    const hit = hunks
      .flatMap((h) => [...h.added.map((line) => ({ line, added: true })), ...h.removed.map((line) => ({ line, added: false }))])
      .find(({ line }) => [...line.matchAll(IDENTIFIER)].some((m) => identifierParts(m[0]).includes(key)));
    if (hit) matches.push({ word, ...hit });
  }
  return matches;
}

function hoursBetween(fromIso: string, toIso: string): number | undefined {
  const gap = Date.parse(toIso) - Date.parse(fromIso);
  return Number.isFinite(gap) ? gap / 3_600_000 : undefined;
}

function timingSentence(commitDate: string, firstSeen: string | undefined): string | undefined {
  if (!firstSeen) return undefined;
  const hours = hoursBetween(commitDate, firstSeen);
  if (hours === undefined) return undefined;
  if (hours < 0) return `It was committed ${formatHours(-hours)} after the error was first seen (${firstSeen}), so it cannot have started it, though it may have changed it.`;
  return `It was committed ${formatHours(hours)} before the error was first seen (${firstSeen}).`;
}

function formatHours(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

/** Ranges around the cause's suspect lines, widened to the hunk that contains each. */
export function suspectRanges(item: CauseToExplain, crash: { path: string; line: number } | undefined): SuspectRange[] {
  const ranges: SuspectRange[] = [];
  const points = item.cause.suspectLines.length > 0 ? item.cause.suspectLines : item.hunks.slice(0, 3).map((h) => ({ path: h.path, line: h.newStart }));
  const span = (h: ExplainHunk) => ({ start: h.newStart, end: h.newStart + Math.max(h.newLines ?? h.added.length, 1) - 1 });
  for (const point of points) {
    // Diffs without context lines put the change just beside the crash line: join the two.
    const hunk = item.hunks.find((h) => h.path === point.path && point.line >= span(h).start - NEARBY_LINES && point.line <= span(h).end + NEARBY_LINES);
    const startLine = hunk ? Math.min(span(hunk).start, point.line) : point.line;
    const endLine = hunk ? Math.max(span(hunk).end, point.line) : point.line;
    if (ranges.some((r) => r.path === point.path && r.startLine <= point.line && r.endLine >= point.line)) continue;
    const isCrash = crash !== undefined && crash.path === point.path && crash.line === point.line;
    const reason = isCrash ? 'the crash line' : hunk ? 'changed by this commit' : 'a frame of the stack';
    ranges.push({ path: point.path, startLine, endLine, reason });
    if (ranges.length === 5) break;
  }
  return ranges;
}

function crashLocation(incident: Incident, item: CauseToExplain, frames: readonly { path: string; line: number }[]): { path: string; line: number; symbol?: string } | undefined {
  const crash = allFrames(incident).find((f) => f.inApp && f.line !== undefined);
  if (!crash) return undefined;
  const known = [...item.cause.suspectLines, ...frames].find((s) => pathsMatch(crash.file, s.path) && s.line === crash.line);
  return { path: known?.path ?? crash.file, line: crash.line!, symbol: crash.function };
}

function suggestFix(incident: Incident, item: CauseToExplain, guards: ReturnType<typeof removedGuards>, crash: ReturnType<typeof crashLocation>): string {
  const short = item.cause.commit.sha.slice(0, 7);
  const kinds = new Set(item.cause.evidence.map((e) => e.kind));
  const where = crash ? `${crash.path}:${crash.line}${crash.symbol ? ` in ${crash.symbol}` : ''}` : undefined;
  const error = incident.exceptions[0];
  if (guards.length > 0) {
    return `Restore the check ${code(guards[0].line)} that ${short} removed from ${guards[0].hunk.path}, or handle the missing value before ${where ?? 'it is used'}.`;
  }
  if (error && MISSING_VALUE.test(`${error.type} ${error.message}`) && where) {
    return `Check for the missing value before ${where}: the code changed by ${short} assumes it is always present.`;
  }
  if (kinds.has('error-handling')) {
    return `Review the error handling ${short} changed${where ? ` near ${where}` : ''}: restore the handling of ${error?.type ?? 'the error'} or catch it where it now escapes.`;
  }
  if (kinds.has('config')) {
    return `Compare the configuration ${short} changed with the values used in ${incident.environment ?? 'production'}, and restore the previous value if they disagree.`;
  }
  return `Revert ${short} (\`git revert ${short}\`) to confirm it is the cause, then correct ${where ?? 'the code it changed'}.`;
}

export function explainOffline(incident: Incident, item: CauseToExplain, frames: readonly { path: string; line: number }[] = []): OfflineAnswer {
  const { cause } = item;
  const short = cause.commit.sha.slice(0, 7);
  const error = incident.exceptions[0];
  const errorText = error ? `${error.type}: ${error.message}` : incident.title;
  const crash = crashLocation(incident, item, frames);
  const sentences: string[] = [];

  const location = LOCATION_KINDS.map((k) => cause.evidence.find((e) => e.kind === k)).find((e) => e !== undefined);
  const lead = `Commit ${short} ("${cause.commit.subject}")`;
  sentences.push(location ? `${lead} ${lowerFirst(location.message)}, on the path of ${errorText}.` : `${lead} did not touch the frames of ${errorText}; it ranks on weaker evidence.`);

  const guards = removedGuards(item.hunks);
  if (guards.length > 0) sentences.push(`It removed the guard ${code(guards[0].line)} from ${guards[0].hunk.path}${guards.length > 1 ? ` and ${guards.length - 1} more` : ''}.`);
  const words = errorWordsInDiff(incident, item.hunks).slice(0, 2);
  for (const w of words) sentences.push(`Its ${w.added ? 'added' : 'removed'} line ${code(w.line)} uses '${w.word}', a word of the error.`);
  if (cause.evidence.some((e) => e.kind === 'error-handling')) sentences.push('It changed error handling.');
  if (cause.evidence.some((e) => e.kind === 'config')) sentences.push('It changed configuration.');
  if (cause.evidence.some((e) => e.kind === 'formatting-only')) sentences.push('It only reformatted code, which makes it an unlikely cause.');
  const timing = timingSentence(cause.commit.date, incident.firstSeen);
  if (timing) sentences.push(timing);
  for (const kind of ['first-release', 'change-point'] as const) {
    const e = cause.evidence.find((x) => x.kind === kind);
    if (e) sentences.push(`${e.message}.`);
  }
  return { summary: sentences.join(' '), suspectLines: suspectRanges(item, crash), suggestedFix: suggestFix(incident, item, guards, crash) };
}
