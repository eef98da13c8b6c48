// Starts code-server (VS Code's server + web workbench) on a free loopback port in its own
// process group, with every directory it writes to inside a throwaway folder; stops it again.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const HEALTH_TIMEOUT_MS = 60_000;

/** Settings for the throwaway profile: no welcome page, no update or telemetry traffic, no trust prompt. */
const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
  // Keeps the Chat side bar out of the way (and out of the screenshot).
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** HOME and XDG dirs for code-server and Chromium, so nothing lands in the real ~/.config. */
export function isolatedHomeEnv(tempDir) {
  const dirs = {
    HOME: join(tempDir, 'home'),
    XDG_CONFIG_HOME: join(tempDir, 'home', '.config'),
    XDG_DATA_HOME: join(tempDir, 'home', '.local', 'share'),
    XDG_CACHE_HOME: join(tempDir, 'home', '.cache'),
    XDG_RUNTIME_DIR: join(tempDir, 'runtime'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dirs;
}

async function waitForHealth(baseUrl, child, startedAt) {
  let lastError = 'no answer yet';
  while (Date.now() - startedAt < HEALTH_TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before answering /healthz; see its log`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer /healthz within ${HEALTH_TIMEOUT_MS / 1000} s (${lastError})`);
}

/**
 * Starts code-server and resolves once /healthz answers. `env` is added to the server's environment
 * (the extension host inherits it). The returned `stop()` kills the whole process group.
 */
export async function startCodeServer({ tools, tempDir, logFile, env = {} }) {
  const port = await freeLoopbackPort();
  const userDataDir = join(tempDir, 'user-data');
  const extensionsDir = join(tempDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(QUIET_USER_SETTINGS, null, 2));

  const args = [
    tools.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', '/dev/null',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const log = createWriteStream(logFile);
  const startedAt = Date.now();
  // detached: the child calls setsid(), so it leads a new process group we can kill as a whole.
  const child = spawn(tools.node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...isolatedHomeEnv(tempDir), ...env },
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      killGroup(child.pid, 'SIGTERM');
      const gone = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
      if (!gone) killGroup(child.pid, 'SIGKILL');
    }
    // Children of the server (extension host, file watcher) may outlive it: kill the group again.
    killGroup(child.pid, 'SIGKILL');
    log.end();
  };
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, child, startedAt);
    return { host: '127.0.0.1', port, baseUrl, stop, startupMs: Date.now() - startedAt };
  } catch (error) {
    await stop();
    throw error;
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
