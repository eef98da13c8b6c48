// The surfaces fed by a real run on a repository the test builds: the Ranked Causes and Stack
// trees, CodeLens and hovers on the suspect lines, the commit diff, cancellation and the settings
// that turn CodeLens off. Wiring only: the ranking itself is tested in test/unit/investigation.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { InvestigateResultSummary } from '../../src/vscode/commands/investigateIncident';
import type { Services } from '../../src/vscode/services';
import { investigateCapturingErrors } from './support/commands';
import { activeServices, replaceApiFunction, waitFor } from './support/extension';
import { markdownText } from './support/markdown';
import { buildShopRepository, CART_CRASH, type ShopRepository } from './support/repositories';

describe('Surfaces of a real investigation', function () {
  // The first CodeLens request waits for the TypeScript server the workbench starts for .js files.
  this.timeout(60_000);
  let services: Services;
  let shop: ShopRepository;
  let summary: InvestigateResultSummary;
  const cartUri = () => vscode.Uri.file(join(shop.dir, 'src', 'cart.js'));

  before(async () => {
    services = await activeServices();
    shop = buildShopRepository();
    await vscode.commands.executeCommand('causelens.clearResults');
    const result = await vscode.commands.executeCommand<InvestigateResultSummary>('causelens.investigateIncident', { text: CART_CRASH, folder: shop.dir });
    assert.ok(result, 'the investigation returned nothing');
    summary = result;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(shop.dir, { recursive: true, force: true });
  });

  it('ranks the culprit first and shows it in the Ranked Causes tree with its evidence and locations', () => {
    assert.equal(summary.ranking[0].sha, shop.culprit, JSON.stringify(summary.ranking));
    assert.equal(summary.candidates, shop.shas.length);
    const provider = services.rankedCauses;
    const [incident] = provider.getChildren();
    assert.equal(incident.kind, 'incident');
    const causes = provider.getChildren(incident).filter((n) => n.kind === 'cause');
    assert.equal(causes.length, shop.shas.length);
    const top = provider.getTreeItem(causes[0]);
    assert.match(String(top.label), new RegExp(`^#1 \\d+% ${shop.culprit.slice(0, 7)} cart: drop the free-item shortcut$`));
    assert.match(String(top.description), /^Bob · \d{4}-\d\d-\d\d$/);
    assert.ok(top.tooltip instanceof vscode.MarkdownString && top.tooltip.value.includes('CauseLens #1'));
    assert.equal(top.contextValue, 'cause');
    const evidence = provider.getChildren(causes[0]);
    assert.ok(evidence.length > 0 && evidence.every((e) => e.kind === 'evidence'));
    const located = evidence.find((e) => provider.getChildren(e).length > 0);
    assert.ok(located, 'no evidence item of the culprit has a location');
    const location = provider.getTreeItem(provider.getChildren(located)[0]);
    assert.equal(location.command?.command, 'vscode.open');
    assert.equal((location.command?.arguments?.[0] as vscode.Uri).fsPath, cartUri().fsPath);
  });

  it('shows the mapped stack: application frames open the file, library frames are dimmed', () => {
    const [exception] = services.stack.getChildren();
    const frames = services.stack.getChildren(exception).map((f) => services.stack.getTreeItem(f));
    assert.equal(frames[0].label, 'lineTotal');
    assert.equal(frames[0].contextValue, 'frame.located');
    assert.equal(frames[0].description, 'src/cart.js:5');
    assert.equal(frames[0].command?.command, 'vscode.open');
    const cartTotal = frames.find((f) => f.label === 'cartTotal');
    assert.equal(cartTotal?.description, 'src/cart.js:9');
    const runtime = frames.at(-1)!;
    assert.equal(runtime.label, 'process.processTicksAndRejections');
    assert.equal(runtime.contextValue, 'frame.library');
    assert.equal(runtime.command, undefined);
    assert.equal(runtime.resourceUri?.scheme, 'causelens-dimmed');
  });

  it('puts a CodeLens over the code the culprit changed', async () => {
    await vscode.window.showTextDocument(cartUri());
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', cartUri())).filter((l) => l.command?.title.startsWith('CauseLens'));
    assert.ok(lenses.length > 0, 'no CauseLens CodeLens in cart.js');
    const first = lenses.find((l) => l.command?.title.startsWith('CauseLens #1 '));
    assert.ok(first, `no lens for the top cause among ${lenses.map((l) => l.command?.title).join(', ')}`);
    assert.match(first.command!.title, new RegExp(`^CauseLens #1 \\(\\d+%\\): ${shop.culprit.slice(0, 7)} 'cart: drop the free-item shortcut' — Show Diff$`));
    assert.equal(first.command!.command, 'causelens.showCommitDiff');
    assert.deepEqual(first.command!.arguments, [shop.culprit]);
    const suspect = services.investigations.current!.result.causes[0].suspectLines.filter((l) => l.path === 'src/cart.js').map((l) => l.line);
    assert.equal(first.range.start.line, Math.min(...suspect) - 1);
  });

  it('annotates the suspect lines and explains the culprit in a hover with a diff link', async () => {
    await vscode.window.showTextDocument(cartUri());
    const cause = services.investigations.current!.result.causes[0];
    const line = Math.min(...cause.suspectLines.filter((l) => l.path === 'src/cart.js').map((l) => l.line));
    await waitFor(() => services.decorations.annotatedLines(cartUri()).includes(line), `the annotation on cart.js:${line}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cartUri(), new vscode.Position(line - 1, 2));
    const text = markdownText(hovers);
    assert.match(text, /CauseLens #1/);
    assert.ok(text.includes(cause.evidence[0].message), `the hover lacks the evidence "${cause.evidence[0].message}":\n${text}`);
    assert.ok(text.includes('command:causelens.showCommitDiff?'), 'no Show Diff link');
    assert.ok(text.includes(`Commit ${shop.culprit.slice(0, 7)}`), `no offline explanation in the hover:\n${text}`);
    assert.ok(text.includes('Explanation (offline)'), `the hover does not say the explanation is offline:\n${text}`);
    const elsewhere = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cartUri(), new vscode.Position(0, 2));
    assert.ok(!markdownText(elsewhere).includes('CauseLens #'), 'a hover on a line no suspect commit touched');
  });

  it('Show Commit Diff opens the parent ↔ commit diff of the changed file from git blobs', async () => {
    const opened = await vscode.commands.executeCommand<number>('causelens.showCommitDiff', shop.culprit);
    assert.equal(opened, 1);
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff, 'a diff editor');
    const input = vscode.window.tabGroups.activeTabGroup.activeTab!.input as vscode.TabInputTextDiff;
    assert.equal(input.original.scheme, 'causelens-git');
    assert.equal(input.modified.path, '/src/cart.js');
    const before = await vscode.workspace.openTextDocument(input.original);
    const after = await vscode.workspace.openTextDocument(input.modified);
    assert.ok(before.getText().includes('if (!item.price) return 0;'));
    assert.ok(!after.getText().includes('if (!item.price) return 0;'));
  });

  it('Copy Commit SHA puts the full sha of a tree node on the clipboard', async () => {
    const [incident] = services.rankedCauses.getChildren();
    const [top] = services.rankedCauses.getChildren(incident);
    assert.equal(await vscode.commands.executeCommand('causelens.copyCommitSha', top), shop.culprit);
    assert.equal(await vscode.env.clipboard.readText(), shop.culprit);
  });

  it('a cancelled run shows no error and leaves the results as they were', async () => {
    const previous = services.investigations.current;
    const source = new vscode.CancellationTokenSource();
    const running = investigateCapturingErrors({ text: CART_CRASH, folder: shop.dir, cancellation: source.token });
    source.cancel();
    const { result, errors } = await running;
    assert.equal(result, undefined);
    assert.deepEqual(errors, []);
    assert.equal(services.investigations.current, previous, 'the cancelled run replaced the results');
  });

  it('reports "Scored n/m · best so far <sha>" in its progress notification', async () => {
    const messages: string[] = [];
    const original = vscode.window.withProgress;
    const recording = ((options: vscode.ProgressOptions, task: Parameters<typeof original>[1]) =>
      // Only the investigation's notification: the explanations report in the status bar.
      original(options, (progress, token) => task({ report: (value) => { if (value.message && options.location === vscode.ProgressLocation.Notification) messages.push(value.message); progress.report(value); } }, token))) as typeof original;
    const restore = replaceApiFunction(vscode.window, 'withProgress', recording);
    try {
      await vscode.commands.executeCommand('causelens.investigateIncident', { text: CART_CRASH, folder: shop.dir });
    } finally {
      restore();
    }
    assert.ok(messages.some((m) => /^Scored \d+\/\d+ · best so far [0-9a-f]{7}$/.test(m)), messages.join('\n'));
    assert.equal(messages.at(-1), `Scored ${shop.shas.length}/${shop.shas.length} · best so far ${shop.culprit.slice(0, 7)}`);
  });

  it('causelens.codeLens.enabled = false removes the lenses', async () => {
    const config = vscode.workspace.getConfiguration('causelens');
    const lensCount = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', cartUri())).filter((l) => l.command?.title.startsWith('CauseLens')).length;
    try {
      await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
      await waitFor(() => !services.settings.settings.codeLensEnabled, 'the setting to reach the extension');
      assert.equal(await lensCount(), 0);
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => services.settings.settings.codeLensEnabled, 'the setting to return to its default');
    assert.ok((await lensCount()) > 0);
  });

  it('bounds the history window by causelens.history.maxCommits', async () => {
    const config = vscode.workspace.getConfiguration('causelens');
    try {
      await config.update('history.maxCommits', 2, vscode.ConfigurationTarget.Global);
      await waitFor(() => services.settings.settings.maxCommits === 2, 'the setting to reach the extension');
      const bounded = await vscode.commands.executeCommand<InvestigateResultSummary>('causelens.investigateIncident', { text: CART_CRASH, folder: shop.dir });
      assert.equal(bounded?.windowCommits, 2, JSON.stringify(bounded));
    } finally {
      await config.update('history.maxCommits', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => services.settings.settings.maxCommits === 500, 'the setting to return to its default');
  });
});
