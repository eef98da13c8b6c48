// Human output of the CLI: a ranked table with the top evidence, and a progress bar for terminals.

import type { Explanation } from '../core/explain';
import type { InvestigationProgress, InvestigationResult } from '../core/investigation';

export function formatHuman(result: InvestigationResult, explanations: readonly Explanation[] = []): string {
  const lines: string[] = [];
  const ex = result.incident.exceptions[0];
  lines.push(`${ex ? `${ex.type}: ${ex.message}` : result.incident.title}`);
  const s = result.stats;
  lines.push(`${s.scored} candidate commits scored at ${s.revision.slice(0, 10)} (${s.locatedFrames}/${s.inAppFrames} in-app frames found, ${s.workers} workers, ${s.elapsedMs} ms)`);
  lines.push('');
  if (result.causes.length === 0) lines.push('No candidate commit found.');
  for (const cause of result.causes) {
    const pct = `${(cause.score * 100).toFixed(1)}%`.padStart(6);
    const verdict = cause.confirmed === true ? '  [confirmed by revert]' : '';
    lines.push(`#${cause.rank} ${pct}  ${cause.commit.sha.slice(0, 10)}  ${cause.commit.date.slice(0, 10)}  ${cause.commit.author}  ${cause.commit.subject}${verdict}`);
    for (const e of cause.evidence.slice(0, 3)) lines.push(`           ${e.weight > 0 ? '+' : e.weight < 0 ? '-' : '·'} ${e.message}`);
    const explanation = explanations.find((x) => x.sha === cause.commit.sha);
    if (explanation) {
      const by = explanation.origin === 'offline' ? 'offline' : explanation.author;
      lines.push(`           Why (${by}${explanation.fallback ? `, fell back: ${explanation.fallback.reason}` : ''}): ${explanation.summary}`);
      for (const s of explanation.suspectLines.slice(0, 3)) lines.push(`           Suspect ${s.path}:${s.startLine}${s.endLine > s.startLine ? `-${s.endLine}` : ''} ${s.reason}`);
      lines.push(`           Fix: ${explanation.suggestedFix}`);
    }
  }
  for (const w of result.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

/** Draws a one-line bar on a terminal; a no-op when output is piped. */
export function progressBar(stream: NodeJS.WriteStream): { update(p: InvestigationProgress): void; clear(): void } {
  if (!stream.isTTY) return { update() {}, clear() {} };
  return {
    update(p) {
      const width = 24;
      const ratio = p.total > 0 ? Math.min(1, p.scored / p.total) : 0;
      const bar = '#'.repeat(Math.round(ratio * width)).padEnd(width, '.');
      const lead = p.ranking[0] ? ` best so far ${p.ranking[0].commit.sha.slice(0, 8)}` : '';
      stream.write(`\r${p.phase.padEnd(8)} [${bar}] ${p.scored}/${p.total}${lead}`.padEnd(80));
    },
    clear() {
      stream.write(`\r${' '.repeat(80)}\r`);
    },
  };
}
