// Explanations of the top causes for the hover and the tree tooltip, written by core/explain's
// offline explainer from the evidence and the commits' hunks (nothing leaves the machine).

import type * as vscode from 'vscode';
import { readCausesToExplain } from '../../core/explain/hunks';
import { explainOffline, type OfflineAnswer } from '../../core/explain/offline';
import type { InvestigationResult } from '../../core/investigation';
import { ANNOTATED_CAUSES } from './suspectIndex';

/** Offline explanations of the annotated causes by sha; empty (and logged) if git fails. */
export async function explainTopCauses(repoRoot: string, result: InvestigationResult, log: vscode.LogOutputChannel, signal?: AbortSignal): Promise<Map<string, OfflineAnswer>> {
  const explanations = new Map<string, OfflineAnswer>();
  if (result.causes.length === 0) return explanations;
  try {
    const items = await readCausesToExplain({ root: repoRoot }, result.causes, { top: ANNOTATED_CAUSES, ...(signal ? { signal } : {}) });
    for (const item of items) explanations.set(item.cause.commit.sha, explainOffline(result.incident, item));
  } catch (error) {
    log.warn(`The explanations of the top causes could not be written: ${error instanceof Error ? error.message : String(error)}`);
  }
  return explanations;
}
