// The "Sentry issue…" source: the unresolved issues of causelens.sentry.project in a QuickPick,
// then the chosen issue read as an Incident through the REST client.

import * as vscode from 'vscode';
import type { Incident } from '../../core/incident/model';
import { fetchIncident, SentryClient, type SentryIssue } from '../../core/incident/sentry';
import type { CauseLensSettings } from '../config';
import { openSettingsAction, setTokenAction, UserFacingError } from '../messages';
import type { SecretValue } from '../secretValue';

type IssuePick = vscode.QuickPickItem & { issue: SentryIssue };

/** A client for the configured project, or a UserFacingError naming the missing setting or token. */
export async function sentryClientFromSettings(settings: CauseLensSettings, tokens: SecretValue, signal?: AbortSignal): Promise<SentryClient> {
  if (!settings.sentryOrganization.trim()) {
    throw new UserFacingError('Set your Sentry organization slug (setting causelens.sentry.organization) to pick a Sentry issue.', openSettingsAction('causelens.sentry'));
  }
  if (!settings.sentryProject.trim()) {
    throw new UserFacingError('Set the Sentry project slug (setting causelens.sentry.project) whose unresolved issues CauseLens should list.', openSettingsAction('causelens.sentry'));
  }
  const authToken = await tokens.get();
  if (!authToken) {
    throw new UserFacingError('No Sentry auth token is set. Run "CauseLens: Set Sentry Auth Token" with a token that has the event:read and project:read scopes.', setTokenAction);
  }
  return new SentryClient({
    baseUrl: settings.sentryBaseUrl,
    organization: settings.sentryOrganization.trim(),
    project: settings.sentryProject.trim(),
    authToken,
    ...(signal ? { signal } : {}),
  });
}

function lastSeenText(issue: SentryIssue): string {
  if (!issue.lastSeen) return '';
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(issue.lastSeen)) / 60_000));
  if (Number.isNaN(minutes)) return '';
  if (minutes < 60) return `last seen ${minutes} min ago`;
  if (minutes < 48 * 60) return `last seen ${Math.round(minutes / 60)} h ago`;
  return `last seen ${Math.round(minutes / 1440)} days ago`;
}

export function issuePickItem(issue: SentryIssue): IssuePick {
  return {
    label: issue.title,
    description: issue.culprit ?? '',
    detail: [issue.shortId, `${issue.count} events`, `${issue.userCount} users`, lastSeenText(issue)].filter(Boolean).join(' · '),
    issue,
  };
}

/** Lists the project's unresolved issues, lets the user pick one and reads it; undefined if dismissed. */
export async function pickSentryIncident(settings: CauseLensSettings, tokens: SecretValue): Promise<Incident | undefined> {
  const client = await sentryClientFromSettings(settings, tokens);
  const issues = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `CauseLens: loading the unresolved issues of ${settings.sentryProject}…`, cancellable: true },
    (_progress, token) => client.listUnresolvedIssues({ maxPages: 1, signal: abortSignalOf(token) }),
  );
  if (issues.length === 0) {
    void vscode.window.showInformationMessage(`CauseLens: the Sentry project ${settings.sentryProject} has no unresolved issue in the last 24 hours.`);
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(issues.map(issuePickItem), {
    title: `CauseLens: unresolved issues of ${settings.sentryProject}`,
    placeHolder: 'Which issue should CauseLens investigate?',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick) return undefined;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `CauseLens: reading ${pick.issue.shortId} from Sentry…`, cancellable: true },
    (_progress, token) => fetchIncident(client, pick.issue.id, { signal: abortSignalOf(token) }),
  );
}

/** An AbortSignal that follows a CancellationToken (the engine speaks AbortSignal). */
export function abortSignalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
