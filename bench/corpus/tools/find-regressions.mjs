#!/usr/bin/env node
// Development tool: tries candidate regressions (see lib/mutators.mjs) against the newest version of
// a case module's package and prints the ones whose exercise really fails, with the crash site.
// Usage: node bench/corpus/tools/find-regressions.mjs <module-id> [--exercise app] [--files regex] [--semantic]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCaseModules } from '../lib/caseModules.mjs';
import { packageMeta, ensureTarballs, readVersionFiles } from '../lib/registry.mjs';
import { selectVersions } from '../lib/versions.mjs';
import { runExercise } from '../lib/exercise.mjs';
import { writeTree } from '../lib/files.mjs';
import { mutationsFor, semanticMutationsFor } from '../lib/mutators.mjs';
import { applyOp } from '../lib/ops.mjs';
import { codeLanguage, isTestPath } from '../lib/text.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values, positionals } = parseArgs({ allowPositionals: true, options: { exercise: { type: 'string' }, files: { type: 'string' }, semantic: { type: 'boolean' }, version: { type: 'string' }, limit: { type: 'string' } } });
const cacheRoot = process.env.CAUSELENS_CACHE ?? path.join(os.homedir(), '.cache', 'causelens');
const module = (await loadCaseModules(ROOT)).find((m) => m.project.id === positionals[0]);
const exercise = module.exercises[values.exercise ?? 'app'];
const version = values.version ?? selectVersions(await packageMeta(cacheRoot, module.project.pkg), module.versions).at(-1).version;
await ensureTarballs(cacheRoot, module.project.pkg, [version]);
const tree = await readVersionFiles(cacheRoot, module.project.pkg, version, module.project.include);
for (const [file, content] of exercise.files) tree.set(file, Buffer.from(content));
const dir = await mkdtemp(path.join(os.tmpdir(), 'causelens-mutate-'));
await writeTree(dir, tree);
const baseline = await runExercise(exercise, dir, cacheRoot);
if (baseline.code !== 0) throw new Error(`exercise fails without mutation:\n${baseline.output}`);
const fileFilter = new RegExp(values.files ?? '.');
const language = module.project.language;
const candidates = [];
for (const [file, content] of tree) {
  if (!codeLanguage(file) || isTestPath(file) || !fileFilter.test(file) || exercise.files.some(([f]) => f === file)) continue;
  const text = content.toString('utf8');
  candidates.push(...(values.semantic ? semanticMutationsFor(language, file, text) : mutationsFor(language, file, text)));
}
console.error(`${candidates.length} candidates on ${module.project.pkg}@${version}`);
let found = 0;
for (const candidate of candidates.slice(0, Number(values.limit ?? 400))) {
  const [edit] = candidate.edits;
  const original = tree.get(edit.file);
  const op = edit.rename ? { kind: 'rename', ...edit.rename } : { kind: 'edit', find: edit.find, replace: edit.replace };
  const mutated = applyOp(original.toString('utf8'), op);
  if (mutated == null) continue;
  await writeFile(path.join(dir, edit.file), mutated);
  const result = await runExercise(exercise, dir, cacheRoot);
  await writeFile(path.join(dir, edit.file), original);
  if (result.code === 0 || result.compileError) continue;
  found++;
  const errorLine = result.output.split('\n').find((l) => /Error|Exception|error:/.test(l)) ?? '';
  const site = (result.output.match(/(?:at \S+ \(\/[^)]+\)|File "[^"]+", line \d+, in \w+|\([\w$]+\.java:\d+\))/g) ?? []).filter((s) => !s.includes('node:')).slice(0, 3).join(' | ').replaceAll(dir + '/', '');
  console.log(JSON.stringify({ label: candidate.label, error: errorLine.trim().slice(0, 160), site: site.slice(0, 300), edits: candidate.edits }));
}
console.error(`${found} crashing candidates`);
await rm(dir, { recursive: true, force: true });
