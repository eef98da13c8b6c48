// Really runs a case's exercise (node, node --test, python3, javac + java) in a directory and
// returns what the runtime printed, so every trace in the corpus comes from executing the code.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SHIMS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'java-shims');

function exec(command, args, options) {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 120_000, maxBuffer: 32 * 1024 * 1024, ...options }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, timedOut: Boolean(error?.killed) });
    });
  });
}

const ENV = { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', NO_COLOR: '1', PYTHONDONTWRITEBYTECODE: '1', PYTHONHASHSEED: '0' };

/** Compiles the shared Android/org.json stand-ins once per cache. */
async function javaShims(cacheRoot) {
  const out = path.join(cacheRoot, 'bench-java-shims');
  if (existsSync(path.join(out, '.done'))) return out;
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const { globSources } = await import('./files.mjs');
  const sources = await globSources(SHIMS_DIR, '.java');
  const result = await exec('javac', ['-nowarn', '-encoding', 'UTF-8', '-d', out, ...sources], { env: ENV });
  if (result.code !== 0) throw new Error(`java shims do not compile:\n${result.stderr}`);
  await writeFile(path.join(out, '.done'), '');
  return out;
}

/** Runs the exercise in `dir`; returns { code, output, command } with output exactly as printed. */
export async function runExercise(exercise, dir, cacheRoot) {
  switch (exercise.kind) {
    case 'node':
    case 'python': {
      const command = exercise.kind === 'node' ? 'node' : 'python3';
      const args = [...(exercise.args ?? []), exercise.entry];
      const r = await exec(command, args, { cwd: dir, env: ENV });
      return { code: r.code, output: r.stderr, command: [command, ...args] };
    }
    case 'node-test': {
      const args = ['--test', '--test-reporter=spec', exercise.entry];
      const r = await exec('node', args, { cwd: dir, env: ENV });
      return { code: r.code, output: r.stdout + r.stderr, command: ['node', ...args] };
    }
    case 'java': {
      const shims = await javaShims(cacheRoot);
      const classes = await mkdtemp(path.join(os.tmpdir(), 'causelens-javac-'));
      try {
        // Framework files come and go between releases (Whitelist became AllowList): compile those present.
        const sources = [...exercise.sources.filter((file) => existsSync(path.join(dir, file))), exercise.entry];
        const compile = await exec('javac', ['-g', '-nowarn', '-encoding', 'UTF-8', '-cp', shims, '-d', classes, ...sources], { cwd: dir, env: ENV });
        if (compile.code !== 0) return { code: compile.code, output: compile.stderr, command: ['javac', ...sources], compileError: true };
        const args = ['-cp', `${classes}${path.delimiter}${shims}`, exercise.mainClass];
        const r = await exec('java', args, { cwd: dir, env: ENV });
        return { code: r.code, output: r.stderr, command: ['java', exercise.mainClass] };
      } finally {
        await rm(classes, { recursive: true, force: true });
      }
    }
    default:
      throw new Error(`unknown exercise kind ${exercise.kind}`);
  }
}
