// Reads an incident for `--sentry-issue ID` through the Sentry REST API, with the token from
// SENTRY_AUTH_TOKEN (never a flag, so it stays out of shell history and process lists).

import { CauseLensError } from '../core/errors';
import { fetchIncident, SentryClient } from '../core/incident/sentry';
import type { Incident } from '../core/incident/model';
import type { InvestigateArgs } from './args';

export async function fetchIncidentFromSentry(args: InvestigateArgs, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<Incident> {
  if (args.input.kind !== 'sentry-issue') throw new CauseLensError('internal', 'not a Sentry issue input');
  const authToken = env.SENTRY_AUTH_TOKEN;
  if (!authToken) throw new CauseLensError('unauthorized', 'Set SENTRY_AUTH_TOKEN to a Sentry auth token with the event:read and project:read scopes.');
  if (!args.sentryOrg) throw new CauseLensError('bad-input', 'Give the Sentry organization slug with --sentry-org (or SENTRY_ORG).');
  const client = new SentryClient({ baseUrl: args.sentryUrl, organization: args.sentryOrg, authToken, ...(signal ? { signal } : {}) });
  return fetchIncident(client, args.input.id, signal ? { signal } : {});
}
