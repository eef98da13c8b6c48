// Reaching the CauseLens extension as VS Code loaded it (the bundled dist/extension.js), never a
// second copy of src/: tests import only types from src.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Services } from '../../../src/vscode/services';

export const EXTENSION_ID = 'causelens.causelens';

export function causeLensExtension(): vscode.Extension<Services> {
  const extension = vscode.extensions.getExtension<Services>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in this VS Code`);
  return extension;
}

/** The Services object activate() returned, activating through a command the way a user would. */
export async function activeServices(): Promise<Services> {
  const extension = causeLensExtension();
  if (!extension.isActive) await vscode.commands.executeCommand('causelens.clearResults');
  assert.ok(extension.isActive, 'running a CauseLens command did not activate the extension');
  return extension.exports;
}

/** Polls until `condition` holds: the workbench answers the extension host asynchronously. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Replaces one function of a VS Code API namespace object until the returned restore() is called. */
export function replaceApiFunction<T extends object, K extends keyof T>(owner: T, name: K, replacement: T[K]): () => void {
  const original = owner[name];
  owner[name] = replacement;
  return () => {
    owner[name] = original;
  };
}
