// Mocha entry of the VS Code integration suite: VS Code calls run() inside the extension host,
// both under the offline code-server harness and under @vscode/test-electron (runElectron.ts).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { RESULTS_MARKER, SUITE_OUTPUT_PREFIX, type SuiteTotals, WORKBENCH_CHECKED_FILE_ENV, WORKBENCH_READY_MARKER } from './harnessProtocol';
import { EXTENSION_ID } from './support/extension';

const WORKBENCH_CHECK_TIMEOUT_MS = 90_000;

export async function run(): Promise<void> {
  const underHarness = process.env[WORKBENCH_CHECKED_FILE_ENV] !== undefined;
  // Under the harness the reporter's lines reach it mixed with the workbench's own logs: mark them.
  if (underHarness) Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(SUITE_OUTPUT_PREFIX + format(...args));
  console.log(`[causelens] running in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI)`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const totals = await runMocha(mocha);
  console.log(`${RESULTS_MARKER} ${JSON.stringify(totals)}`);
  await letHarnessInspectWorkbench();
  if (totals.failed > 0) throw new Error(`${totals.failed} integration test(s) failed`);
  if (totals.passed === 0) throw new Error('no integration test ran');
}

/**
 * Every compiled `*.test.js` below this folder whose `.ts` source still exists (tsc never deletes
 * the output of a removed or renamed test), sorted so the order, and so the last test, is stable.
 */
function testFiles(dir: string): string[] {
  const sourceDir = join(dir, '..', '..', '..', 'test', 'integration');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js') && existsSync(join(sourceDir, f.replace(/\.js$/, '.ts'))))
    .sort()
    .map((f) => join(dir, f));
}

function runMocha(mocha: Mocha): Promise<SuiteTotals> {
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const stats = runner.stats;
        resolve({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0 });
      });
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * Under the code-server harness: announce that the workbench may be looked at (it checks the view and
 * takes the screenshot while the extension host still serves the view), then wait for its reply file.
 */
async function letHarnessInspectWorkbench(): Promise<void> {
  const replyFile = process.env[WORKBENCH_CHECKED_FILE_ENV];
  if (!replyFile) return;
  const services = vscode.extensions.getExtension(EXTENSION_ID)?.exports as { rankedCauses?: { current?: { title: string } } } | undefined;
  console.log(`${WORKBENCH_READY_MARKER} ${JSON.stringify({ incidentTitle: services?.rankedCauses?.current?.title })}`);
  const deadline = Date.now() + WORKBENCH_CHECK_TIMEOUT_MS;
  while (!existsSync(replyFile) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
