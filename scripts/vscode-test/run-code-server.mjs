// `npm run test:integration`: runs test/integration inside a real VS Code extension host, offline:
// code-server's VS Code driven by Debian's Chromium. Installs its tools on first use (install-tools.mjs),
// streams the suite's output, checks the rendered workbench, saves a screenshot and log under
// .test-results/, writes $CAUSELENS_RESULTS_DIR/<suite>.json and exits with the suite's exit code.
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './code-server.mjs';
import { ensureHarnessTools } from './install-tools.mjs';
import { runWorkbenchChecks } from './workbench-checks.mjs';
import { extensionTestUrl, isolatedEnvForBrowser, openWorkbench } from './workbench.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const suite = process.env.CAUSELENS_SUITE || 'integration';
const resultsDir = process.env.CAUSELENS_RESULTS_DIR || join(root, '.test-results');
const timeoutMs = Number(process.env.CAUSELENS_VSCODE_TIMEOUT_S || 300) * 1000;
const testsIndex = join(root, 'out', 'test', 'integration', 'index.js');

function say(message) {
  console.log(`[harness] ${message}`);
}

class HarnessFailure extends Error {}

function requireBuilt() {
  for (const file of [testsIndex, join(root, 'dist', 'extension.js')]) {
    if (!existsSync(file)) throw new HarnessFailure(`${file} is missing; run \`npm run build\` first (\`npm test\` does).`);
  }
  // The markers shared with the test index, from its compiled protocol module.
  return createRequire(import.meta.url)(join(root, 'out', 'test', 'integration', 'harnessProtocol.js'));
}

/** Whether a workbench log line belongs on the console: the suite's own output, or an error about us. */
function consoleText(protocol, type, text) {
  if (text.startsWith(protocol.SUITE_OUTPUT_PREFIX)) return text.slice(protocol.SUITE_OUTPUT_PREFIX.length);
  if (text.startsWith('[causelens')) return text;
  if (type === 'error' && (/causelens/i.test(text) || text.includes(root))) return `[${type}] ${text}`;
  return undefined;
}

/**
 * Collects the run's output: keeps everything in the log file, echoes the suite's lines (workbench
 * chatter, such as failed open-vsx.org lookups, stays in the log), and spots the markers.
 */
function createOutputWatcher(protocol, logStream, onReady) {
  const state = { totals: undefined, lastLines: [] };
  const onLog = (type, text) => {
    logStream.write(`[${type}] ${text}\n`);
    for (const line of text.replace(protocol.SUITE_OUTPUT_PREFIX, '').split('\n')) {
      state.lastLines = [...state.lastLines.slice(-19), line];
      if (line.startsWith(protocol.RESULTS_MARKER)) state.totals = JSON.parse(line.slice(protocol.RESULTS_MARKER.length));
      else if (line.startsWith(protocol.WORKBENCH_READY_MARKER)) onReady(JSON.parse(line.slice(protocol.WORKBENCH_READY_MARKER.length)));
    }
    const shown = consoleText(protocol, type, text);
    if (shown !== undefined) console.log(shown);
  };
  return { state, onLog };
}

function timeout(ms) {
  return new Promise((resolve) => setTimeout(() => resolve({ timedOut: true }), ms).unref());
}

/** code-server leads its own process group, so an interrupted run must stop it explicitly. */
function stopServerOnSignal(server, tempDir) {
  const onSignal = (signal) =>
    void server.stop().finally(() => {
      rmSync(tempDir, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

async function runSuite(protocol, tools, tempDir) {
  mkdirSync(resultsDir, { recursive: true });
  const workspaceDir = join(tempDir, 'workspace');
  cpSync(join(root, 'test', 'integration', 'workspace'), workspaceDir, { recursive: true });
  const replyFile = join(tempDir, 'workbench-checked');
  const logStream = createWriteStream(join(resultsDir, `${suite}.log`));
  const screenshotPath = join(resultsDir, 'workbench.png');
  const server = await startCodeServer({
    tools,
    tempDir,
    logFile: join(resultsDir, `${suite}-code-server.log`),
    env: { [protocol.WORKBENCH_CHECKED_FILE_ENV]: replyFile },
  });
  say(`code-server ${server.baseUrl} answered in ${server.startupMs} ms`);
  const stopHandlingSignals = stopServerOnSignal(server, tempDir);
  let workbench;
  let checks;
  let checksDone = Promise.resolve([]);
  const screenshot = () => workbench.page.screenshot({ path: screenshotPath }).catch((e) => say(`screenshot failed: ${e.message}`));
  const watcher = createOutputWatcher(protocol, logStream, (expected) => {
    checksDone = runWorkbenchChecks(workbench.page, expected, { screenshot, log: say }).then((results) => {
      checks = results;
      writeFileSync(replyFile, 'done');
      return results;
    });
  });
  try {
    const url = extensionTestUrl(server, { workspaceDir, extensionDevelopmentPath: root, extensionTestsPath: testsIndex });
    workbench = await openWorkbench({ url, tempDir, env: isolatedEnvForBrowser(tempDir), onLog: watcher.onLog });
    const outcome = await Promise.race([workbench.exitCode.then((code) => ({ code })), timeout(timeoutMs)]);
    if (outcome.timedOut) {
      await screenshot();
      throw new HarnessFailure(
        `the suite did not finish within ${timeoutMs / 1000} s (set CAUSELENS_VSCODE_TIMEOUT_S to change); last output:\n  ${watcher.state.lastLines.join('\n  ')}`,
      );
    }
    await checksDone;
    if (!checks) await screenshot();
    return { code: outcome.code, totals: watcher.state.totals, checks: checks ?? [] };
  } finally {
    stopHandlingSignals();
    await workbench?.close().catch(() => {});
    await server.stop();
    logStream.end();
  }
}

/** Suite totals plus the workbench checks; the exit code says whether everything passed. */
function report({ code, totals, checks }) {
  if (!totals) throw new HarnessFailure(`the suite reported no results (exit code ${code}); see ${join(resultsDir, `${suite}.log`)}`);
  for (const check of checks) console.log(check.error ? `  ✗ workbench: ${check.title}: ${check.error}` : `  ✔ workbench: ${check.title}`);
  const failedChecks = checks.filter((c) => c.error).length;
  const result = { suite, passed: totals.passed + checks.length - failedChecks, failed: totals.failed + failedChecks, skipped: totals.skipped };
  writeFileSync(join(resultsDir, `${suite}.json`), JSON.stringify(result));
  say(`screenshot: ${join(resultsDir, 'workbench.png')}`);
  if (code !== 0) return code || 1;
  return result.failed > 0 ? 1 : 0;
}

async function main() {
  const protocol = requireBuilt();
  const tools = await ensureHarnessTools(say);
  say(`Node ${tools.nodeVersion}, code-server from ${tools.cacheDir}`);
  const tempDir = mkdtempSync(join(tmpdir(), 'causelens-vscode-'));
  try {
    return report(await runSuite(protocol, tools, tempDir));
  } finally {
    rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[harness] FAILED: ${error instanceof HarnessFailure ? error.message : error.stack}`);
    process.exit(1);
  },
);
