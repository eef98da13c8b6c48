// Commands on a cause are called from the tree (with its node), from CodeLens and hover links
// (with the sha) and by other code ({ sha }): this finds the cause in the current investigation.

import type { RankedCause } from '../../core/analysis/ranking';
import type { Investigation } from './investigationStore';

export type CauseArgument = string | { sha?: string; cause?: RankedCause } | undefined;

export function shaOfArgument(arg: CauseArgument): string | undefined {
  if (typeof arg === 'string') return arg;
  return arg?.cause?.commit.sha ?? arg?.sha;
}

export function findCause(investigation: Investigation | undefined, arg: CauseArgument): RankedCause | undefined {
  const sha = shaOfArgument(arg);
  if (!investigation || !sha) return undefined;
  return investigation.result.causes.find((c) => c.commit.sha === sha || (sha.length >= 7 && c.commit.sha.startsWith(sha)));
}
