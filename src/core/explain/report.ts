// Prompt-token figures per explanation, for benchmark lines and the CLI's JSON output: the
// server's `usage` when it reported one, else an estimate of about four characters per token.

import type { Explanation } from './types';

export interface PromptTokenReport {
  perExplanation: { sha: string; rank: number; promptTokens: number; source: Explanation['promptTokensSource'] }[];
  totalPromptTokens: number;
  /** Mean over the explanations that sent a prompt; 0 when none did. */
  meanPromptTokens: number;
}

export function promptTokenReport(explanations: readonly Explanation[]): PromptTokenReport {
  const perExplanation = explanations.map((e) => ({ sha: e.sha, rank: e.rank, promptTokens: e.promptTokens, source: e.promptTokensSource }));
  const sent = perExplanation.filter((e) => e.source !== 'none');
  const totalPromptTokens = sent.reduce((n, e) => n + e.promptTokens, 0);
  return { perExplanation, totalPromptTokens, meanPromptTokens: sent.length > 0 ? Math.round(totalPromptTokens / sent.length) : 0 };
}

/** One line such as `explain: 3 explanations, prompt tokens 812 790 805 (mean 802; usage)`. */
export function formatPromptTokenLine(explanations: readonly Explanation[]): string {
  const report = promptTokenReport(explanations);
  const sources = [...new Set(report.perExplanation.map((e) => e.source))].join('+') || 'none';
  const each = report.perExplanation.map((e) => e.promptTokens).join(' ');
  return `explain: ${explanations.length} explanation${explanations.length === 1 ? '' : 's'}, prompt tokens ${each || '-'} (mean ${report.meanPromptTokens}; ${sources})`;
}
