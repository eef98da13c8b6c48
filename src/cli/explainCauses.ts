// `--explain` for the CLI: offline explanations unless an OpenAI-compatible endpoint is set in
// CAUSELENS_LLM_*; code leaves the machine only after the user has seen what is sent and where
// (`--allow-llm` once per endpoint, remembered in the user's config folder).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CauseLensError } from '../core/errors';
import { createOpenAiModel, explainCauses, grantConsent, openAiConfigFromEnv, previewExplanationPayload, readCausesToExplain, renderPayloadPreview, type Explanation } from '../core/explain';
import { openRepository } from '../core/git';
import type { InvestigationResult } from '../core/investigation';

const TOP = 3;

function consentFile(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'causelens', 'llm-consent.json');
}

function consentedEndpoints(file: string): string[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string') : [];
  } catch {
    return [];
  }
}

export interface ExplainIo {
  env: NodeJS.ProcessEnv;
  allowLlm: boolean;
  stderr: { write(s: string): unknown };
  signal?: AbortSignal;
}

export async function explainTopCauses(repoPath: string, result: InvestigationResult, io: ExplainIo): Promise<Explanation[]> {
  const repo = await openRepository(repoPath, io.signal);
  const request = { incident: result.incident, frames: result.frames, causes: await readCausesToExplain(repo, result.causes, { top: TOP, ...(io.signal ? { signal: io.signal } : {}) }) };
  const config = openAiConfigFromEnv(io.env);
  if (!config) return explainCauses(request, { top: TOP, ...(io.signal ? { signal: io.signal } : {}) });

  const model = createOpenAiModel(config);
  const file = consentFile(io.env);
  if (!consentedEndpoints(file).includes(model.endpoint)) {
    if (!io.allowLlm) {
      io.stderr.write(`${renderPayloadPreview(previewExplanationPayload(request, model, { top: TOP }))}\n`);
      throw new CauseLensError('forbidden', `Explanations would send the code above to ${model.endpoint}. Re-run with --allow-llm to agree (remembered for this endpoint), or unset CAUSELENS_LLM_BASE_URL to stay offline.`);
    }
    mkdirSync(dirname(file), { recursive: true });
    const known = existsSync(file) ? consentedEndpoints(file) : [];
    writeFileSync(file, `${JSON.stringify([...known, model.endpoint], null, 2)}\n`);
  }
  return explainCauses(request, { model, consent: grantConsent(model.endpoint), top: TOP, ...(io.signal ? { signal: io.signal } : {}) });
}
