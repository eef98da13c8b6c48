// Prompt tokens per explanation: the top 3 causes of a few test incidents explained through the
// real openai SDK against the project's local OpenAI-compatible server, which reports usage.

import { readFileSync } from 'node:fs';
import type { HypothesisPool } from '../src/core/analysis/pool';
import { createCodeModel, locateFramesAtRevision } from '../src/core/engine';
import { createOpenAiModel, explainCauses, grantConsent, promptTokenReport, readCausesToExplain, type Explanation } from '../src/core/explain';
import { openRepository } from '../src/core/git';
import { readIncident } from '../src/core/incident';
import { investigate } from '../src/core/investigation';
import { startOpenAiServer } from '../src/devtools/openai-server/server';
import type { CorpusCase } from './accuracy';

export async function measurePromptTokens(cases: readonly CorpusCase[], pool: HypothesisPool, limit = 5): Promise<string> {
  const server = await startOpenAiServer({ port: 0 });
  const explanations: Explanation[] = [];
  try {
    const model = createOpenAiModel({ baseURL: server.baseURL, model: 'causelens-test' });
    for (const c of cases.slice(0, limit)) {
      const incident = readIncident(readFileSync(c.trace, 'utf8'));
      const result = await investigate(incident, {
        repoPath: c.repoPath, revision: c.incident.revision, previousRelease: c.window.sinceRevision, maxCommits: c.window.maxCommits,
        sinceDays: 100_000, top: 3, pool, locateFrames: locateFramesAtRevision, codeModel: createCodeModel,
      });
      const causes = await readCausesToExplain(await openRepository(c.repoPath), result.causes, { top: 3 });
      explanations.push(...(await explainCauses({ incident, causes }, { model, consent: grantConsent(model.endpoint), top: 3 })));
    }
  } finally {
    await server.close();
  }
  const report = promptTokenReport(explanations);
  const fromModel = explanations.filter((e) => e.origin === 'model').length;
  const max = Math.max(0, ...report.perExplanation.map((e) => e.promptTokens));
  return `Prompt tokens per explanation: mean ${report.meanPromptTokens}, max ${max}, over ${explanations.length} explanations (top 3 causes of ${Math.min(limit, cases.length)} test incidents; ${fromModel} answered by the model, token counts from the server's usage).`;
}
