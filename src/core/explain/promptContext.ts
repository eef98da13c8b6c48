// Chooses what of an incident and a commit goes into a prompt, within a character budget: the
// error, the in-app frames, the evidence, and the commit's hunks nearest the suspect lines and
// frames first. Everything chosen is plain data; prompt.ts frames it as such.

import { allFrames, type Incident, type StackFrame } from '../incident/model';
import type { CauseToExplain, ExplainHunk } from './types';

const MAX_FRAMES = 8;
const MAX_EXCEPTIONS = 3;
const MAX_MESSAGE_CHARS = 500;
const MAX_COMMIT_MESSAGE_CHARS = 1000;
const MAX_LINE_CHARS = 200;
const MAX_HUNK_LINES = 40;
const MAX_BREADCRUMBS = 5;
const MAX_EVIDENCE = 10;

export interface PromptFrame {
  file: string;
  function?: string;
  line?: number;
  /** Source lines around the crash line, for the crash frame only. */
  code?: string[];
}

export interface PromptHunk {
  path: string;
  newStart: number;
  newLines: number;
  /** Removed lines prefixed `-`, then added lines prefixed `+`. */
  diff: string;
}

export interface PromptData {
  incident: {
    title: string;
    exceptions: { type: string; message: string }[];
    frames: PromptFrame[];
    firstSeen?: string;
    release?: string;
    environment?: string;
    breadcrumbs?: string[];
  };
  commit: { sha: string; date: string; message: string; rank: number; probability: number };
  evidence: string[];
  suspectLines: { path: string; line: number }[];
  hunks: PromptHunk[];
  /** Hunks left out to keep the prompt within budget. */
  omittedHunks: number;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** True when a runtime path (`/app/src/x.js`, `webpack:///./src/x.js`) names the repository path. */
export function pathsMatch(runtimePath: string, repoPath: string): boolean {
  const a = runtimePath.replace(/\\/g, '/');
  const b = repoPath.replace(/\\/g, '/').replace(/^\.\//, '');
  return a === b || a.endsWith(`/${b}`);
}

interface FocusPoint {
  path: string;
  line?: number;
}

function focusPoints(item: CauseToExplain, frames: readonly StackFrame[]): FocusPoint[] {
  const points: FocusPoint[] = [];
  for (const s of item.cause.suspectLines) points.push(s);
  for (const e of item.cause.evidence) if (e.path) points.push({ path: e.path, line: e.line });
  for (const f of frames) if (f.inApp) points.push({ path: f.file, line: f.line });
  return points;
}

function hunkSpan(h: ExplainHunk): number {
  return Math.max(h.newLines ?? h.added.length, 1);
}

/** 0 when a focus line falls inside the hunk, the line gap when only the file matches, else Infinity. */
export function hunkDistance(h: ExplainHunk, points: readonly FocusPoint[]): number {
  let best = Infinity;
  const end = h.newStart + hunkSpan(h) - 1;
  for (const p of points) {
    if (!pathsMatch(p.path, h.path) && !pathsMatch(h.path, p.path)) continue;
    // A point with no line (a file-level fact) counts as near, but less than a hit on a line.
    const gap = p.line === undefined ? 50 : p.line < h.newStart ? h.newStart - p.line : p.line > end ? p.line - end : 0;
    best = Math.min(best, gap);
  }
  return best;
}

function renderHunk(h: ExplainHunk): PromptHunk {
  const lines = [...h.removed.map((l) => `-${clip(l, MAX_LINE_CHARS)}`), ...h.added.map((l) => `+${clip(l, MAX_LINE_CHARS)}`)];
  const kept = lines.slice(0, MAX_HUNK_LINES);
  if (lines.length > kept.length) kept.push(`… ${lines.length - kept.length} more lines`);
  return { path: h.path, newStart: h.newStart, newLines: hunkSpan(h), diff: kept.join('\n') };
}

function promptFrames(frames: readonly StackFrame[]): PromptFrame[] {
  const inApp = frames.filter((f) => f.inApp);
  const chosen = (inApp.length > 0 ? inApp : frames).slice(0, MAX_FRAMES);
  return chosen.map((f, i) => {
    const frame: PromptFrame = { file: f.file };
    if (f.function) frame.function = f.function;
    if (f.line !== undefined) frame.line = f.line;
    if (i === 0 && f.context) frame.code = [...f.context.pre.slice(-3), `${f.context.line}    <-- crash line`, ...f.context.post.slice(0, 2)].map((l) => clip(l, MAX_LINE_CHARS));
    return frame;
  });
}

function incidentPart(incident: Incident): PromptData['incident'] {
  const part: PromptData['incident'] = {
    title: clip(incident.title, MAX_MESSAGE_CHARS),
    exceptions: incident.exceptions.slice(0, MAX_EXCEPTIONS).map((e) => ({ type: e.type, message: clip(e.message, MAX_MESSAGE_CHARS) })),
    frames: promptFrames(allFrames(incident)),
  };
  if (incident.firstSeen) part.firstSeen = incident.firstSeen;
  if (incident.release) part.release = incident.release;
  if (incident.environment) part.environment = incident.environment;
  const crumbs = (incident.breadcrumbs ?? []).slice(-MAX_BREADCRUMBS).map((b) => clip(b.message, MAX_LINE_CHARS));
  if (crumbs.length > 0) part.breadcrumbs = crumbs;
  return part;
}

/** The prompt data for one cause, with as many hunks (nearest first) as fit in `maxChars`. */
export function selectPromptData(incident: Incident, item: CauseToExplain, maxChars: number): PromptData {
  const { cause } = item;
  const data: PromptData = {
    incident: incidentPart(incident),
    commit: {
      sha: cause.commit.sha,
      date: cause.commit.date,
      message: clip(item.commitMessage ?? cause.commit.subject, MAX_COMMIT_MESSAGE_CHARS),
      rank: cause.rank,
      probability: cause.score,
    },
    evidence: cause.evidence.slice(0, MAX_EVIDENCE).map((e) => e.message),
    suspectLines: cause.suspectLines.slice(0, 10),
    hunks: [],
    omittedHunks: 0,
  };
  const points = focusPoints(item, allFrames(incident));
  const ordered = item.hunks
    .map((h, index) => ({ h, index, distance: hunkDistance(h, points) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index);
  let size = JSON.stringify(data).length;
  for (const { h } of ordered) {
    const rendered = renderHunk(h);
    const cost = JSON.stringify(rendered).length + 1;
    // The nearest hunk always goes in: an explanation without any code is worth little.
    if (data.hunks.length > 0 && size + cost > maxChars) {
      data.omittedHunks++;
      continue;
    }
    data.hunks.push(rendered);
    size += cost;
  }
  return data;
}
