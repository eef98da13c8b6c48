// An index of every root's tracked files by file name, so a frame path is matched by its
// longest suffix in time proportional to the files sharing its name, not the whole repository.

import * as path from 'node:path';
import type { Workspace, WorkspaceRoot } from './model';

export interface IndexedRoot {
  root: WorkspaceRoot;
  tracked: Set<string>;
  byName: Map<string, string[]>;
  /** Lower-cased names, for paths reported by case-insensitive file systems. */
  byLowerName: Map<string, string[]>;
}

export interface WorkspaceIndex {
  workspace: Workspace;
  roots: IndexedRoot[];
}

export function isWorkspaceIndex(value: Workspace | WorkspaceIndex): value is WorkspaceIndex {
  return 'workspace' in value && Array.isArray((value as WorkspaceIndex).roots);
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes the tracked files of every root once; pass the index to map many frames. */
export function indexWorkspace(workspace: Workspace): WorkspaceIndex {
  const roots = workspace.roots.map((root) => {
    const byName = new Map<string, string[]>();
    const byLowerName = new Map<string, string[]>();
    const tracked = new Set<string>();
    for (const raw of root.trackedFiles) {
      const file = raw.replace(/\\/g, '/');
      tracked.add(file);
      const name = file.slice(file.lastIndexOf('/') + 1);
      push(byName, name, file);
      push(byLowerName, name.toLowerCase(), file);
    }
    return { root, tracked, byName, byLowerName };
  });
  return { workspace, roots };
}

export interface SuffixMatch {
  file: string;
  /** Trailing path segments shared with the frame path. */
  matched: number;
  /** Other tracked files that share as many segments (0 when the match is unique). */
  ties: number;
  caseInsensitive: boolean;
}

function sharedTail(a: string[], b: string[], lower: boolean): number {
  let n = 0;
  while (n < a.length && n < b.length) {
    const x = a[a.length - 1 - n];
    const y = b[b.length - 1 - n];
    if (lower ? x.toLowerCase() !== y.toLowerCase() : x !== y) break;
    n++;
  }
  return n;
}

/**
 * The tracked file sharing the longest run of trailing segments with `segments`; among equals,
 * the one whose full path is shortest (nearest the repository top), then alphabetical.
 */
export function longestSuffixMatch(index: IndexedRoot, segments: string[]): SuffixMatch | undefined {
  if (segments.length === 0) return undefined;
  const name = segments[segments.length - 1];
  let lower = false;
  let candidates = index.byName.get(name);
  if (!candidates) {
    candidates = index.byLowerName.get(name.toLowerCase());
    lower = true;
  }
  if (!candidates) return undefined;
  let best: string | undefined;
  let bestScore = 0;
  let ties = 0;
  for (const file of candidates) {
    const score = sharedTail(segments, file.split('/'), lower);
    if (score > bestScore) {
      best = file;
      bestScore = score;
      ties = 0;
    } else if (score === bestScore && best !== undefined) {
      ties++;
      if (file.length < best.length || (file.length === best.length && file < best)) best = file;
    }
  }
  return best ? { file: best, matched: bestScore, ties, caseInsensitive: lower } : undefined;
}

/** The root whose folder holds `absolutePosix`, with the path relative to it. */
export function rootHolding(index: WorkspaceIndex, absolutePosix: string): { root: IndexedRoot; relative: string } | undefined {
  for (const root of index.roots) {
    const rootPosix = root.root.path.replace(/\\/g, '/').replace(/^[A-Za-z]:/, '').replace(/\/+$/, '');
    if (absolutePosix.startsWith(`${rootPosix}/`)) {
      return { root, relative: path.posix.normalize(absolutePosix.slice(rootPosix.length + 1)) };
    }
  }
  return undefined;
}
