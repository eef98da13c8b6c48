// Chooses, from the case id alone, where the regression goes (which release step, and within it
// folded into one of the release's own code commits or on its own) and how far back the candidate window starts, so that
// culprit positions and window sizes vary across the corpus without hand-tuning each case.
import { applyOp } from './ops.mjs';
import { createRng } from './prng.mjs';

function opFor(edit) {
  return edit.rename ? { kind: 'rename', ...edit.rename } : { kind: 'edit', find: edit.find, replace: edit.replace };
}

function editsApply(edits, files) {
  return edits.every((edit) => {
    const content = files.get(edit.file);
    return content != null && applyOp(content.toString('utf8'), opFor(edit)) != null;
  });
}

/** Fills in regression.step/position and exercise.step where the spec leaves them to chance. */
export function resolvePlacement(spec, versions) {
  const rng = createRng(`${spec.id}:placement`);
  const regression = { ...spec.regression };
  const applies = versions.map((v) => editsApply(regression.edits, v.files));
  let stepIndex = regression.step == null ? null : regression.step === 'tail' ? versions.length : versions.findIndex((v) => v.version === regression.step);
  if (stepIndex == null) {
    const eligible = [];
    for (let i = 2; i < versions.length; i++) if (applies[i - 1] && applies[i]) eligible.push(i);
    if (applies.at(-1) && versions.length > 2 && rng.chance(0.12)) eligible.splice(0, eligible.length, versions.length);
    if (eligible.length === 0) throw new Error(`${spec.id}: the regression applies to no two consecutive releases`);
    stepIndex = rng.pick(eligible);
  }
  regression.step = stepIndex === versions.length ? 'tail' : versions[stepIndex].version;
  if (regression.position === 'auto' || regression.position == null) {
    // Real regressions mostly ride in with ordinary work: a commit of the release's own changes,
    // of its usual size. A culprit made only of the regression's few lines would let the ranking
    // learn "small commits are culprits", which real histories do not bear out.
    regression.position = stepIndex < versions.length && rng.chance(0.75) ? 'fold' : Number(rng.next().toFixed(3));
  }
  const exercise = { ...spec.exercise };
  if (exercise.step == null || versions.findIndex((v) => v.version === exercise.step) > stepIndex) {
    exercise.step = versions[rng.int(1, Math.min(stepIndex, versions.length - 1))].version;
  }
  return { ...spec, regression, exercise };
}

/** The release tag starting the candidate window: the one nearest a log-uniform target size in 20..500. */
export function chooseWindow(spec, commits, culpritIndex) {
  if (spec.window.since) return commits.findIndex((c) => c.tag === `v${spec.window.since}`);
  const rng = createRng(`${spec.id}:window`);
  const target = Math.round(20 * Math.pow(25, rng.next()));
  const head = commits.length - 1;
  let best = -1;
  for (let i = 0; i < culpritIndex; i++) {
    if (!commits[i].tag) continue;
    const size = head - i;
    if (best < 0 || Math.abs(size - target) < Math.abs(head - best - target) || (head - best < 20 && size >= 20)) {
      if (size <= 500 || best < 0) best = i;
    }
  }
  return best;
}
