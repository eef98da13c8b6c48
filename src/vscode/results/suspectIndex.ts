// Where the top suspect commits touched the working tree: per file, blocks of nearby suspect
// lines, each tied to its cause. CodeLens, decorations and hovers are all drawn from this.

import { isAbsolute, join, relative, sep } from 'node:path';
import type { RankedCause } from '../../core/analysis/ranking';
import type { Investigation } from './investigationStore';

/** Causes below this rank get no CodeLens or annotation: the editor would fill with noise. */
export const ANNOTATED_CAUSES = 3;
/** Below the top cause, a cause this unlikely gets no CodeLens or annotation either. */
const MIN_ANNOTATED_SCORE = 0.1;
/** Suspect lines this close together form one block (one lens, one annotation). */
const BLOCK_GAP = 2;

export interface SuspectBlock {
  cause: RankedCause;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  lines: number[];
}

/** Repository-relative path (forward slashes) of an absolute file path, or undefined when outside. */
export function repositoryPath(repoRoot: string, fsPath: string): string | undefined {
  const rel = relative(repoRoot, fsPath);
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

export function workingTreePath(repoRoot: string, path: string): string {
  return join(repoRoot, ...path.split('/'));
}

/** Suspect blocks of the top causes (the likely ones) in one file, highest-ranked cause first. */
export function suspectBlocksInFile(investigation: Investigation | undefined, fsPath: string, top = ANNOTATED_CAUSES): SuspectBlock[] {
  if (!investigation) return [];
  const path = repositoryPath(investigation.repoRoot, fsPath);
  if (!path) return [];
  const blocks: SuspectBlock[] = [];
  const annotated = investigation.result.causes.slice(0, top).filter((c) => c.rank === 1 || c.score >= MIN_ANNOTATED_SCORE);
  for (const cause of annotated) {
    const lines = [...new Set(cause.suspectLines.filter((l) => l.path === path).map((l) => l.line))].sort((a, b) => a - b);
    for (const line of lines) {
      const last = blocks.at(-1);
      if (last && last.cause === cause && line - last.endLine <= BLOCK_GAP) {
        last.endLine = line;
        last.lines.push(line);
      } else {
        blocks.push({ cause, startLine: line, endLine: line, lines: [line] });
      }
    }
  }
  return blocks;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/**
 * The evidence sentence that best explains a block in one line: evidence located at the block,
 * else evidence that names no line (it holds for the whole commit), else the strongest one.
 * Evidence is sorted by weight, so each `find` takes the strongest of its kind.
 */
export function blockEvidence(block: SuspectBlock, maxLength = 90): string {
  const { evidence } = block.cause;
  const here = evidence.find((e) => e.line !== undefined && e.line >= block.startLine - 1 && e.line <= block.endLine + 1);
  const general = evidence.find((e) => e.line === undefined);
  const message = (here ?? general ?? evidence[0])?.message ?? block.cause.commit.subject;
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

/** Lowercase the first letter so the sentence reads after "#1 a1b2c3d: ". */
export function asClause(sentence: string): string {
  return sentence.length > 1 && /^[A-Z][a-z]/.test(sentence) ? sentence[0].toLowerCase() + sentence.slice(1) : sentence;
}
