// Reads an incident for `--sentry-issue ID` through the Sentry REST API.

import { CauseLensError } from '../core/errors';
import type { Incident } from '../core/incident/model';
import type { InvestigateArgs } from './args';

export async function fetchIncidentFromSentry(_args: InvestigateArgs, _env: NodeJS.ProcessEnv, _signal?: AbortSignal): Promise<Incident> {
  throw new CauseLensError('bad-input', '--sentry-issue is not available in this build yet; export the event JSON and use --event FILE.');
}
