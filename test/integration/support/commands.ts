// Runs CauseLens commands from tests while recording the messages they show instead of showing them.
import * as vscode from 'vscode';
import { replaceApiFunction } from './extension';

type ShowErrorMessage = typeof vscode.window.showErrorMessage;

export interface ShownError {
  message: string;
  buttons: string[];
}

/** Runs the command with `args` while recording the error messages it shows instead of showing them. */
export async function investigateCapturingErrors(args: object): Promise<{ result: unknown; errors: ShownError[] }> {
  const errors: ShownError[] = [];
  const fake = ((message: string, ...buttons: unknown[]) => {
    errors.push({ message, buttons: buttons.filter((b): b is string => typeof b === 'string') });
    return Promise.resolve(undefined);
  }) as ShowErrorMessage;
  const restore = replaceApiFunction(vscode.window, 'showErrorMessage', fake);
  try {
    const result = await vscode.commands.executeCommand('causelens.investigateIncident', args);
    return { result, errors };
  } finally {
    restore();
  }
}

