// The stack-trace language: contributed with its grammar, and its frames link to workspace files.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activeServices } from './support/extension';
import { NODE_CRASH } from './support/incidents';

describe('Stack-trace documents', () => {
  it('are a language whose frames link to the workspace file at the line', async () => {
    await activeServices();
    assert.ok((await vscode.languages.getLanguages()).includes('causelens-stacktrace'));
    const document = await vscode.workspace.openTextDocument({ language: 'causelens-stacktrace', content: NODE_CRASH });
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri, 10);
    const lines = links.map((l) => document.getText(l.range));
    // Runtime frames without a file name (node:internal/…) get no link.
    assert.deepEqual(lines, ['/app/src/users.js:12:40', '/app/src/users.js:18:22']);
    const users = vscode.Uri.file(join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'src', 'users.js'));
    assert.equal(links[0].target?.fsPath, users.fsPath);
    assert.equal(links[0].target?.fragment, 'L12');
    assert.equal(links[1].target?.fragment, 'L18');
    // Leave no unsaved untitled editor behind for the later tests and the screenshot.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
