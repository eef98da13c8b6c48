// Builds one case end to end: repository from the plan, the real crash at the incident revision,
// the control run without the regression, and case.json + trace.txt.
import { mkdir, readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planCase } from './planner.mjs';
import { writeRepository } from './gitwrite.mjs';
import { runExercise } from './exercise.mjs';
import { writeTree } from './files.mjs';
import { describeCrash } from './analyze.mjs';
import { resolvePlacement, chooseWindow } from './placement.mjs';

/** The existing manifest when case.json records the same spec hash and split (and the repo exists). */
export async function reusableManifest(caseDir, specHash, split) {
  const manifestPath = path.join(caseDir, 'case.json');
  if (!existsSync(manifestPath) || !existsSync(path.join(caseDir, 'repo', '.git'))) return null;
  const existing = JSON.parse(await readFile(manifestPath, 'utf8'));
  return existing.specHash === specHash && existing.split === split ? existing : null;
}

/** Builds the case from scratch into caseDir. */
export async function buildCase({ spec: rawSpec, project, versions, caseDir, cacheRoot, specHash, split }) {
  await rm(caseDir, { recursive: true, force: true });
  await mkdir(caseDir, { recursive: true });
  const spec = resolvePlacement(rawSpec, versions);
  const plan = planCase(spec, project, versions);
  const repoDir = path.join(caseDir, 'repo');
  const shas = await writeRepository(repoDir, plan.commits);
  const exercise = { ...spec.exercise, sources: spec.exercise.sources ?? [] };
  const crash = await runExercise(exercise, repoDir, cacheRoot);
  const expect = new RegExp(spec.expect);
  if (crash.code === 0 || !expect.test(crash.output)) {
    throw new Error(`${spec.id}: expected a crash matching /${spec.expect}/ at HEAD, got exit ${crash.code}:\n${crash.output.slice(0, 3000)}`);
  }
  await verifyControl(spec, exercise, plan.control, cacheRoot);
  const headIndex = plan.commits.length - 1;
  const sinceIndex = chooseWindow(spec, plan.commits, plan.culpritIndex);
  if (sinceIndex < 0 || sinceIndex >= plan.culpritIndex) throw new Error(`${spec.id}: no release tag before the culprit to start the window`);
  const candidates = headIndex - sinceIndex;
  const culprit = plan.commits[plan.culpritIndex];
  const culpritSha = shas[plan.culpritIndex];
  const trackedFiles = new Set(plan.head.keys());
  const described = await describeCrash({
    language: spec.language, trace: crash.output, repoDir, revision: shas[headIndex], culpritSha,
    culpritFiles: [...culprit.changes.keys()], trackedFiles,
  });
  await writeFile(path.join(caseDir, 'trace.txt'), crash.output);
  const firstSeen = plan.commits[headIndex].time + 3600 * (2 + (plan.commits.length % 20));
  const manifest = {
    id: spec.id,
    language: spec.language,
    split,
    specHash,
    project: { package: project.pkg, versions: [versions[0].version, versions.at(-1).version], builtThrough: releaseReached(plan.commits) },
    repo: 'repo',
    repoPath: repoDir,
    incident: { revision: shas[headIndex], ref: 'HEAD', firstSeen: new Date(firstSeen * 1000).toISOString(), command: crash.command, exitCode: crash.code },
    trace: 'trace.txt',
    culprit: {
      sha: culpritSha,
      message: culprit.message,
      author: culprit.author.name,
      files: [...culprit.changes.keys()].sort(),
      folded: plan.folded,
      positionFromHead: headIndex - plan.culpritIndex,
      positionFraction: Number(((headIndex - plan.culpritIndex) / candidates).toFixed(3)),
    },
    window: { since: plan.commits[sinceIndex].tag, sinceRevision: shas[sinceIndex], maxCommits: candidates, candidates },
    crash: { relation: described.relation, testOnly: described.testOnly, frame: described.crashFrame ?? null, inProjectFrames: described.frames.length },
    intent: spec.intent,
    notes: spec.notes ?? '',
  };
  await writeFile(path.join(caseDir, 'case.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { manifest, reused: false };
}

function releaseReached(commits) {
  return commits.filter((c) => c.tag).at(-1).tag;
}

async function verifyControl(spec, exercise, controlTree, cacheRoot) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'causelens-control-'));
  try {
    await writeTree(dir, controlTree);
    const control = await runExercise(exercise, dir, cacheRoot);
    if (control.code !== 0) {
      throw new Error(`${spec.id}: the exercise also fails without the regression (exit ${control.code}):\n${control.output.slice(0, 3000)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
