// Loads the case modules under cases/ and expands each case with its module's defaults and its
// exercise files, so the builder and the regression finder see the same specs.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** [{ project, exercises, versions, cases }] with exercise file contents read from exercises/<project>/. */
export async function loadCaseModules(root) {
  const modules = [];
  for (const name of (await readdir(path.join(root, 'cases'))).filter((n) => n.endsWith('.mjs')).sort()) {
    const module = (await import(path.join(root, 'cases', name))).default;
    const exercises = {};
    for (const [key, exercise] of Object.entries(module.exercises)) {
      const files = [];
      for (const [repoPath, source] of exercise.files) files.push([repoPath, await readFile(path.join(root, 'exercises', module.project.id, source), 'utf8')]);
      exercises[key] = { ...exercise, files };
    }
    modules.push({ ...module, exercises });
  }
  return modules;
}

/** The full spec of one case: module defaults, then the case's own fields. */
export function expandCase(module, c) {
  return {
    density: module.density,
    ...c,
    language: module.project.language,
    versions: c.versions ?? module.versions,
    exercise: { ...module.exercises[c.exercise ?? 'app'], step: c.exerciseStep ?? module.exerciseStep },
    regression: { step: c.step, position: c.position ?? 'auto', edits: c.edits, message: c.message, bundleChance: c.bundleChance },
    window: { since: c.since },
    expect: c.expect ?? module.expect,
  };
}
