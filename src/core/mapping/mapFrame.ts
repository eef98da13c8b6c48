// Maps one stack frame to a tracked workspace file and line: user path mappings, source maps,
// paths inside a root, deploy-prefix stripping, longest-suffix match and module names, best first.

import type { Platform, StackFrame } from '../incident/model';
import { normalizeFramePath } from './framePath';
import type { FrameLocation, PathMapping, Workspace } from './model';
import { moduleCandidates } from './moduleNames';
import { resolveInsideRoot } from './safePath';
import { SourceMapResolver } from './sourceMaps';
import { type IndexedRoot, type WorkspaceIndex, indexWorkspace, isWorkspaceIndex, longestSuffixMatch, rootHolding } from './workspaceIndex';

export interface MapFrameOptions {
  platform?: Platform;
  /** Reuse one resolver across the frames of an incident so each source map is parsed once. */
  sourceMaps?: SourceMapResolver;
}

interface Candidate {
  root: IndexedRoot;
  file: string;
  line?: number;
  column?: number;
  confidence: number;
  reason: string;
  /** Only the file name matched: too little to trust for a library frame. */
  nameOnly?: boolean;
}

const round = (n: number): number => Math.round(n * 100) / 100;

function fromUserMapping(frame: StackFrame, index: WorkspaceIndex, mappings: PathMapping[]): Candidate | undefined {
  const file = frame.file.replace(/\\/g, '/');
  for (const mapping of mappings) {
    const from = mapping.from.replace(/\\/g, '/');
    if (!from || !file.startsWith(from)) continue;
    const joined = `${mapping.to.replace(/\\/g, '/').replace(/\/?$/, '/')}${file.slice(from.length)}`;
    const normalized = normalizeFramePath(joined);
    if (normalized.climbs) continue; // a mapping may not be used to climb out of the workspace
    const relative = normalized.segments.join('/');
    for (const root of index.roots) {
      if (mapping.root && mapping.root !== (root.root.name ?? root.root.path)) continue;
      if (root.tracked.has(relative)) {
        return { root, file: relative, confidence: 1, reason: `path mapping "${mapping.from}" → "${mapping.to}" gives the tracked file ${relative}` };
      }
    }
  }
  return undefined;
}

function fromSourceMap(frame: StackFrame, index: WorkspaceIndex, resolver: SourceMapResolver, notes: string[]): Candidate | undefined {
  const original = resolver.resolve(frame);
  if (!original) return undefined;
  if ('problem' in original) {
    notes.push(original.problem);
    return undefined;
  }
  const source = normalizeFramePath(original.source);
  const inRoot = source.posix.startsWith('/') ? rootHolding(index, source.posix) : undefined;
  let file = inRoot && inRoot.root.tracked.has(inRoot.relative) ? inRoot.relative : undefined;
  let root = inRoot?.root ?? original.root;
  let confidence = 0.9;
  if (!file) {
    const match = longestSuffixMatch(original.root, source.segments);
    if (!match) return undefined;
    file = match.file;
    root = original.root;
    confidence = match.ties > 0 ? 0.9 / (match.ties + 1) : match.matched >= 2 || match.matched === source.segments.length ? 0.9 : 0.6;
  }
  return {
    root,
    file,
    line: original.line,
    column: original.column,
    confidence: round(confidence),
    reason: `source map ${original.mapFile}: ${original.builtFile}:${frame.line}${frame.column ? `:${frame.column}` : ''} → ${file}:${original.line}`,
  };
}

function fromPath(frame: StackFrame, index: WorkspaceIndex): Candidate | undefined {
  const normalized = normalizeFramePath(frame.file);
  if (normalized.posix.startsWith('/') && !normalized.climbs) {
    const held = rootHolding(index, normalized.posix);
    if (held && held.root.tracked.has(held.relative)) {
      return { root: held.root, file: held.relative, confidence: 1, reason: `the path is inside the workspace folder ${held.root.root.path}` };
    }
  }
  if (normalized.relative && !normalized.climbs) {
    for (const root of index.roots) {
      if (root.tracked.has(normalized.relative)) {
        const how = normalized.stripped ? `after removing "${normalized.stripped}", ` : '';
        return { root, file: normalized.relative, confidence: 0.95, reason: `${how}${normalized.relative} is a tracked file` };
      }
    }
  }
  return bestSuffix(index, normalized.segments, `the path ${frame.file}`);
}

function bestSuffix(index: WorkspaceIndex, segments: string[], what: string): Candidate | undefined {
  let best: Candidate | undefined;
  for (const root of index.roots) {
    const match = longestSuffixMatch(root, segments);
    if (!match) continue;
    let confidence = match.matched >= 3 ? 0.85 : match.matched === 2 ? 0.75 : 0.45;
    if (match.matched === segments.length && segments.length > 1) confidence += 0.1;
    if (match.caseInsensitive) confidence *= 0.9;
    if (match.ties > 0) confidence /= match.ties + 1;
    const tail = segments.slice(segments.length - match.matched).join('/');
    const ambiguity = match.ties > 0 ? `; ${match.ties + 1} tracked files end with "${tail}", picked the shortest path` : '';
    const candidate: Candidate = { root, file: match.file, confidence: round(confidence), reason: `${what} ends with "${tail}", matching ${match.file}${ambiguity}`, nameOnly: match.matched < 2 };
    if (!best || candidate.confidence > best.confidence) best = candidate;
  }
  return best;
}

function fromModule(frame: StackFrame, index: WorkspaceIndex, platform?: Platform): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of moduleCandidates(frame, platform)) {
    const found = bestSuffix(index, candidate.segments, candidate.describe);
    if (found && (!best || found.confidence > best.confidence)) best = found;
  }
  return best;
}

/**
 * Maps one frame into the workspace; the result has no path when nothing matched safely. Never
 * throws: a frame that cannot be mapped (odd input, unreadable files) says why in its reason.
 */
export function mapFrameToWorkspace(frame: StackFrame, workspace: Workspace | WorkspaceIndex, options: MapFrameOptions = {}): FrameLocation {
  try {
    return locate(frame, isWorkspaceIndex(workspace) ? workspace : indexWorkspace(workspace), options);
  } catch (e) {
    return { confidence: 0, reason: `the frame could not be mapped: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function locate(frame: StackFrame, index: WorkspaceIndex, options: MapFrameOptions): FrameLocation {
  if (!frame.file && !frame.module) return { confidence: 0, reason: 'the frame names no file or module' };
  const resolver = options.sourceMaps ?? new SourceMapResolver(index);
  const notes: string[] = [];
  const candidates = [
    fromUserMapping(frame, index, index.workspace.pathMappings ?? []),
    // Library frames (node_modules, runtime) are not worth a search for their source maps.
    frame.file && frame.inApp ? fromSourceMap(frame, index, resolver, notes) : undefined,
    frame.file ? fromPath(frame, index) : undefined,
    fromModule(frame, index, options.platform),
  ].filter((c): c is Candidate => c !== undefined);
  // The first certain answer wins (mapping, source map, in-root path); otherwise the most confident.
  const chosen = candidates.find((c) => c.confidence >= 0.9) ?? candidates.sort((a, b) => b.confidence - a.confidence)[0];
  const noted = notes.length > 0 ? `; ${notes.join('; ')}` : '';
  if (!chosen) return { confidence: 0, reason: `no tracked file matches ${frame.file || frame.module}${noted}` };
  if (!frame.inApp && chosen.nameOnly) {
    return { confidence: 0, reason: `a library frame; only its file name matches the tracked ${chosen.file}, which is too little to map it${noted}` };
  }
  if (!resolveInsideRoot(chosen.root.root.path, chosen.file)) {
    return { confidence: 0, reason: `refused ${chosen.file}: it resolves outside the workspace folder (a symlink or an unsafe path)` };
  }
  const location: FrameLocation = { root: chosen.root.root.path, path: chosen.file, confidence: chosen.confidence, reason: chosen.reason + noted };
  // A source map gives the original line and column; every other way keeps the frame's own.
  const line = chosen.line ?? frame.line;
  const column = chosen.line !== undefined ? chosen.column : frame.column;
  if (line !== undefined) location.line = line;
  if (column !== undefined) location.column = column;
  return location;
}
