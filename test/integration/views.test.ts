// The "Ranked Causes" view in the CauseLens activity-bar container: it opens, and it renders the
// incident's ranked causes. The last test leaves it open on them, with the suspect file showing its
// CodeLens and annotation, so the harness's screenshot shows the whole thing.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../src/vscode/services';
import type { RankedCausesNode } from '../../src/vscode/views/rankedCausesView';
import { activeServices, waitFor } from './support/extension';
import { NODE_CRASH, NODE_CRASH_TITLE } from './support/incidents';
import { ensureWorkspaceHistory, WORKSPACE_CULPRIT_SUBJECT } from './support/repositories';

interface TreeRequest {
  parent?: RankedCausesNode;
  children: RankedCausesNode[];
}

/** Records what the workbench asks the tree for while `body` runs. */
async function recordTreeRequests(services: Services, body: (requests: TreeRequest[]) => Promise<void>): Promise<void> {
  const provider = services.rankedCauses;
  const requests: TreeRequest[] = [];
  const original = provider.getChildren;
  provider.getChildren = (parent?: RankedCausesNode) => {
    const children = original.call(provider, parent);
    requests.push({ parent, children });
    return children;
  };
  try {
    await body(requests);
  } finally {
    provider.getChildren = original;
  }
}

async function showExplorerInstead(services: Services): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.explorer');
  await waitFor(() => !services.rankedCausesView.visible, 'the Ranked Causes view to be hidden behind the Explorer');
}

describe('Ranked Causes view', () => {
  let services: Services;
  before(async () => {
    ensureWorkspaceHistory();
    services = await activeServices();
  });

  it('opens from the CauseLens activity-bar container and from its focus command', async () => {
    await showExplorerInstead(services);
    await vscode.commands.executeCommand('workbench.view.extension.causelens');
    await waitFor(() => services.rankedCausesView.visible, 'the CauseLens container to show Ranked Causes');

    await showExplorerInstead(services);
    await vscode.commands.executeCommand('causelens.rankedCauses.focus');
    await waitFor(() => services.rankedCausesView.visible, 'causelens.rankedCauses.focus to show the view');
  });

  it('Investigate Incident brings the view forward, rendering the ranked causes, and annotates the suspect file', async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'the tests run with the sample workspace open');
    const usersUri = vscode.Uri.file(join(workspace.uri.fsPath, 'src', 'users.js'));
    await vscode.commands.executeCommand('causelens.clearResults');
    await showExplorerInstead(services);

    await recordTreeRequests(services, async (requests) => {
      await vscode.commands.executeCommand('causelens.investigateIncident', { text: NODE_CRASH });
      await waitFor(() => services.rankedCausesView.visible, 'Investigate Incident to show the view');
      // The incident node is expanded, so rendering it means asking for its causes.
      const causesRequest = () => requests.find((r) => r.parent?.kind === 'incident');
      await waitFor(() => causesRequest() !== undefined, 'the view to render the incident and ask for its causes');
      const { parent, children } = causesRequest()!;
      assert.equal(services.rankedCauses.getTreeItem(parent!).label, NODE_CRASH_TITLE);
      const labels = children.map((c) => String(services.rankedCauses.getTreeItem(c).label));
      assert.match(labels[0], new RegExp(`^#1 \\d+% [0-9a-f]{7} ${WORKSPACE_CULPRIT_SUBJECT}$`), labels.join('\n'));
      // The top cause is expanded too: the view asks for its evidence.
      await waitFor(() => requests.some((r) => r.parent?.kind === 'cause'), 'the view to render the evidence of the top cause');
    });

    // Leave the suspect line in view: the screenshot shows its CodeLens and annotation.
    const cause = services.investigations.current!.result.causes[0];
    const line = Math.min(...cause.suspectLines.filter((l) => l.path === 'src/users.js').map((l) => l.line));
    const editor = await vscode.window.showTextDocument(usersUri, { selection: new vscode.Range(line - 1, 0, line - 1, 0) });
    editor.revealRange(new vscode.Range(line - 1, 0, line - 1, 0), vscode.TextEditorRevealType.InCenter);
    await waitFor(() => services.decorations.annotatedLines(usersUri).includes(line), `the annotation on users.js:${line}`);
    await vscode.commands.executeCommand('causelens.rankedCauses.focus');
    await waitFor(() => services.rankedCausesView.visible, 'the Ranked Causes view to stay in front');
  });
});
