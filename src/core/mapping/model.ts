// Shapes of core/mapping: the workspace a frame is mapped into and the mapped frame it yields.

import type { StackFrame } from '../incident/model';

/** One folder of the workspace (a multi-root workspace has several), with its git-tracked files. */
export interface WorkspaceRoot {
  /** Absolute file-system path of the root. */
  path: string;
  /** Workspace-relative posix paths, as `git ls-files` lists them. */
  trackedFiles: string[];
  /** Display name (the folder name when absent). */
  name?: string;
}

/** A user rule: frame paths starting with `from` live under `to` in the workspace. */
export interface PathMapping {
  from: string;
  /** Workspace-relative folder, e.g. `services/api/`. */
  to: string;
  /** Name of the root `to` is relative to, when the workspace has several. */
  root?: string;
}

export interface Workspace {
  roots: WorkspaceRoot[];
  pathMappings?: PathMapping[];
}

/** Where one frame of an incident lives in the workspace, and how sure the mapping is. */
export interface MappedFrame {
  frame: StackFrame;
  exceptionIndex: number;
  frameIndex: number;
  /** Set for a frame of `Incident.otherFailures[failure - 1]` (the reported failure has none). */
  failure?: number;
  /** Absolute path of the workspace root holding `path`. */
  root?: string;
  /** Workspace-relative posix path of a tracked file inside `root`. */
  path?: string;
  /** 1-based line in the working tree. */
  line?: number;
  column?: number;
  /** 0 (not mapped) to 1 (certain). */
  confidence: number;
  /** Why this file and line were chosen, in words a user can check. */
  reason: string;
}

/** The result of mapping one frame, before it is tied to its place in the incident. */
export type FrameLocation = Omit<MappedFrame, 'frame' | 'exceptionIndex' | 'frameIndex'>;
