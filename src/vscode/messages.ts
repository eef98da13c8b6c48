// User-facing errors: say what happened and what to do, with a button that does it. Only
// commands call these; data providers never show UI.

import * as vscode from 'vscode';
import { isCauseLensError } from '../core/errors';
import { CommandIds } from './commandIds';

export interface MessageAction {
  title: string;
  run: () => unknown;
}

export function openSettingsAction(query: string): MessageAction {
  return { title: 'Open Settings', run: () => vscode.commands.executeCommand('workbench.action.openSettings', query) };
}

export const setTokenAction: MessageAction = { title: 'Set Token', run: () => vscode.commands.executeCommand(CommandIds.setSentryToken) };

export const openFolderAction: MessageAction = { title: 'Open Folder…', run: () => vscode.commands.executeCommand('workbench.action.files.openFolder') };

/** Shows `CauseLens: message` with buttons; the chosen button's action runs. */
export function showError(message: string, ...actions: MessageAction[]): void {
  void vscode.window.showErrorMessage(`CauseLens: ${message}`, ...actions.map((a) => a.title)).then((choice) => {
    const action = actions.find((a) => a.title === choice);
    if (action) void Promise.resolve(action.run());
  });
}

/** A user-facing error whose message already says what to do, plus the buttons that help do it. */
export class UserFacingError extends Error {
  readonly actions: MessageAction[];
  constructor(message: string, ...actions: MessageAction[]) {
    super(message);
    this.name = 'UserFacingError';
    this.actions = actions;
  }
}

/** The right message and buttons for an error from the engine or the glue; logs it too. */
export function reportFailure(error: unknown, what: string, log: vscode.LogOutputChannel, retry: MessageAction): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error(`${what} failed: ${message}`);
  if (error instanceof UserFacingError) return showError(message, ...error.actions);
  const showLog: MessageAction = { title: 'Show Log', run: () => log.show() };
  if (!isCauseLensError(error)) return showError(`${what} failed: ${message}`, showLog);
  switch (error.reason) {
    case 'bad-input':
      return showError(message, retry);
    case 'unauthorized':
    case 'forbidden':
      return showError(`${message} Set a Sentry auth token with the event:read and project:read scopes.`, setTokenAction, openSettingsAction('causelens.sentry'));
    case 'not-found':
    case 'no-history':
    case 'outside-workspace':
      return showError(message, retry, showLog);
    case 'rate-limited':
    case 'server-error':
    case 'timeout':
      return showError(`${message} Try again in a moment.`, retry, showLog);
    default:
      return showError(message, showLog);
  }
}
