// The "Ranked Causes" view in the CauseLens activity-bar container: it opens, and it renders the
// incident. The last test leaves it open on an incident so the harness's screenshot shows it.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../src/vscode/services';
import type { RankedCausesNode } from '../../src/vscode/views/rankedCausesView';
import { activeServices, waitFor } from './support/extension';
import { NODE_CRASH, NODE_CRASH_TITLE } from './support/incidents';

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

  it('Investigate Incident brings the view forward, rendering the incident and its frames', async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'the tests run with the sample workspace open');
    const source = await vscode.workspace.openTextDocument(join(workspace.uri.fsPath, 'src', 'users.js'));
    await vscode.window.showTextDocument(source, { selection: new vscode.Range(11, 0, 11, 0) });
    await vscode.commands.executeCommand('causelens.clearResults');
    await showExplorerInstead(services);

    await recordTreeRequests(services, async (requests) => {
      await vscode.commands.executeCommand('causelens.investigateIncident', { text: NODE_CRASH });
      await waitFor(() => services.rankedCausesView.visible, 'Investigate Incident to show the view');
      // The incident node is expanded, so rendering it means asking for its frames.
      const framesRequest = () => requests.find((r) => r.parent?.kind === 'incident');
      await waitFor(() => framesRequest() !== undefined, 'the view to render the incident and ask for its frames');
      const { parent, children } = framesRequest()!;
      assert.equal(services.rankedCauses.getTreeItem(parent!).label, NODE_CRASH_TITLE);
      const labels = children.map((f) => services.rankedCauses.getTreeItem(f).label);
      assert.equal(labels[0], 'formatUser', 'the crash frame comes first');
      assert.ok(labels.includes('listUsers'), `frames shown: ${labels.join(', ')}`);
    });
  });
});
