// Markdown about a ranked cause for tooltips and hovers. Text from the incident or the repository
// is appended as plain text (escaped), never as markdown, and only the diff command is trusted.

import * as vscode from 'vscode';
import type { Evidence } from '../../core/analysis/features';
import type { RankedCause } from '../../core/analysis/ranking';
import type { Explanation } from '../../core/explain';
import { CommandIds } from '../commandIds';
import type { Investigation } from '../results/investigationStore';
import { percent, shortSha } from '../results/suspectIndex';

export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** An explanation to show with the endpoint its model runs at (absent for offline ones). */
export interface ShownExplanation {
  explanation: Explanation;
  endpoint?: string | undefined;
}

/** The shown investigation's explanation of one commit, with its model's endpoint. */
export function shownExplanation(investigation: Investigation | undefined, sha: string): ShownExplanation | undefined {
  const explanation = investigation?.explanations.get(sha);
  return explanation ? { explanation, endpoint: explanation.origin === 'offline' ? undefined : investigation?.explanationEndpoint } : undefined;
}

/** "causelens-test via http://127.0.0.1:8080/v1", "offline", or "offline, the model failed: timeout". */
export function explanationSource({ explanation, endpoint }: ShownExplanation): string {
  if (explanation.origin === 'offline') return explanation.fallback ? `offline; the model's answer was not used: ${explanation.fallback.reason}` : 'offline';
  const model = explanation.author.replace(/^(openai|vscode-lm):/, '');
  return `${model}${endpoint ? ` via ${endpoint}` : ''}${explanation.origin === 'cache' ? ', cached' : ''}`;
}

/** Heading, commit line, explanation, evidence bullets and (optionally) a Show Diff link. */
export function causeMarkdown(cause: RankedCause, options: { diffLink: boolean; explanation?: ShownExplanation | undefined }): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [CommandIds.showCommitDiff, CommandIds.copyCommitSha] };
  md.appendMarkdown(`**CauseLens #${cause.rank}** · ${percent(cause.score)} likely · confidence ${percent(cause.confidence)}\n\n`);
  md.appendMarkdown(`$(git-commit) \`${shortSha(cause.commit.sha)}\` `);
  md.appendText(`${cause.commit.subject} — ${cause.commit.author}, ${cause.commit.date.slice(0, 10)}`);
  md.appendMarkdown('\n\n');
  if (options.explanation) appendExplanation(md, options.explanation);
  for (const evidence of cause.evidence.slice(0, 8)) appendEvidence(md, evidence);
  if (options.diffLink) {
    md.appendMarkdown(`\n[$(diff) Show Diff](${commandLink(CommandIds.showCommitDiff, [cause.commit.sha])} "Open the commit's changes") · `);
    md.appendMarkdown(`[$(copy) Copy SHA](${commandLink(CommandIds.copyCommitSha, [cause.commit.sha])})`);
  }
  return md;
}

function appendExplanation(md: vscode.MarkdownString, shown: ShownExplanation): void {
  const { explanation } = shown;
  md.appendMarkdown('$(lightbulb) **');
  md.appendText(`Explanation (${explanationSource(shown)})`);
  md.appendMarkdown('**\n\n');
  md.appendText(explanation.summary);
  md.appendMarkdown('\n\n');
  for (const range of explanation.suspectLines.slice(0, 4)) {
    md.appendMarkdown('- $(debug-stackframe) ');
    md.appendText(`${range.path}:${range.startLine}${range.endLine > range.startLine ? `-${range.endLine}` : ''} ${range.reason}`);
    md.appendMarkdown('\n');
  }
  if (explanation.suggestedFix) {
    md.appendMarkdown('\n$(wrench) _Suggested fix:_ ');
    md.appendText(explanation.suggestedFix);
    md.appendMarkdown('\n');
  }
  if (explanation.fallback) {
    md.appendMarkdown('\n$(warning) ');
    md.appendText(`The model's explanation was not used (${explanation.fallback.reason}): ${explanation.fallback.detail}`);
    md.appendMarkdown('\n');
  }
  md.appendMarkdown('\n---\n\n');
}

function appendEvidence(md: vscode.MarkdownString, evidence: Evidence): void {
  md.appendMarkdown(`- $(${evidenceIcon(evidence.kind)}) `);
  md.appendText(evidence.message.replace(/\s+/g, ' '));
  md.appendMarkdown(` _(+${evidence.weight.toFixed(2)})_\n`);
}

/** Codicon per kind of evidence: locations, words, timing, risk shape, priors. */
export function evidenceIcon(kind: Evidence['kind']): string {
  switch (kind) {
    case 'frame-line':
    case 'crash-line-introduced':
      return 'debug-stackframe';
    case 'enclosing-symbol':
      return 'symbol-method';
    case 'callee':
      return 'call-outgoing';
    case 'frame-file':
      return 'file-code';
    case 'error-words':
      return 'whole-word';
    case 'first-release':
    case 'change-point':
      return 'history';
    case 'guard-removed':
    case 'guard-on-error-words':
      return 'shield';
    case 'definition-removed':
    case 'quoted-value-removed':
      return 'debug-disconnect';
    case 'error-handling':
      return 'error';
    case 'bound-changed':
    case 'condition-inverted':
      return 'symbol-operator';
    case 'config':
      return 'settings-gear';
    case 'size':
      return 'diff';
    case 'formatting-only':
      return 'symbol-text';
    default:
      // A kind added to the engine later still gets an icon.
      return 'info';
  }
}
