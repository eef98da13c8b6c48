// Turns a case spec into the list of commits of its repository (with authors and dates), the
// index of the culprit, and the final trees with and without the regression.
import { TreeState, groupVersionChanges, messageForGroup, shuffle, syntheticFor } from './history.mjs';
import { codeChangeMessage } from './messages.mjs';
import { createRng } from './prng.mjs';
import { applyOp } from './ops.mjs';
import { authorsFor } from './people.mjs';

const HOUR = 3600;

/** Builds the commit plan of one case. `versions[i].files` are the published files of each version. */
export function planCase(spec, project, versions) {
  const rng = createRng(spec.id);
  const people = authorsFor(project.id, rng);
  const state = new TreeState();
  const commits = [];
  const ctx = { spec, project, rng, people, state, commits, stopped: false, culpritIndex: -1, lastTime: 0, focusFile: null };

  // The registry's publish times are not trustworthy offline, so dates are synthesised: a start
  // date per project, then working-hours gaps between commits and longer gaps before releases.
  const first = versions[0];
  const start = Date.UTC(2018 + (rng.int(0, 4)), rng.int(0, 11), rng.int(1, 27), rng.int(8, 18)) / 1000;
  state.advance(new Map(first.files), []);
  commits.push({ message: project.initialMessage ?? `Initial commit (${project.pkg} ${first.version})`, author: people.maintainer, time: start, changes: new Map(first.files), tag: `v${first.version}`, kind: 'release' });
  ctx.lastTime = start;

  for (let i = 1; i < versions.length && !ctx.stopped; i++) planVersionStep(ctx, versions[i]);
  if (!ctx.stopped) planTail(ctx);
  if (ctx.culpritIndex < 0) throw new Error(`${spec.id}: the regression was never committed (check regression.step)`);
  const control = new Map(state.tree);
  for (const file of state.opsByFile.keys()) {
    const { content } = state.contentOf(file, { withoutRegression: true });
    if (content == null) control.delete(file);
    else control.set(file, content);
  }
  return { commits, culpritIndex: ctx.culpritIndex, folded: Boolean(ctx.folded), head: state.tree, control };
}

/**
 * The release's code commit the regression is folded into: the one changing the regression's file,
 * else one of its other code commits (work that spans files). None when the release has no code commit.
 */
function foldTargetOf(ctx, items) {
  const groups = items.filter((item) => item.type === 'group' && item.group.kind === 'code');
  const file = ctx.spec.regression.edits[0].file;
  const same = groups.find((item) => item.group.files.includes(file));
  return same ?? (groups.length > 0 ? ctx.rng.pick(groups) : null);
}

function placeEvents(ctx, step, items, folded) {
  const { spec, rng } = ctx;
  const events = [];
  if (spec.exercise.step === step) events.push({ type: 'exercise' });
  if (spec.regression.step === step && !folded) events.push({ type: 'culprit' });
  for (const event of events) {
    const position = event.type === 'culprit' && typeof spec.regression.position === 'number' ? spec.regression.position : rng.next();
    items.splice(Math.min(items.length, Math.floor(position * (items.length + 1))), 0, event);
  }
  if (events.length === 2 && items.findIndex((e) => e.type === 'culprit') < items.findIndex((e) => e.type === 'exercise')) {
    const a = items.findIndex((e) => e.type === 'culprit');
    const b = items.findIndex((e) => e.type === 'exercise');
    [items[a], items[b]] = [items[b], items[a]];
  }
}

function planVersionStep(ctx, version) {
  const { spec, rng, state } = ctx;
  const { groups, release } = groupVersionChanges(state, version.files, rng);
  const [minSynthetic, maxSynthetic] = spec.density ?? [1, 4];
  const items = groups.map((group) => ({ type: 'group', group }));
  for (let n = rng.int(minSynthetic, maxSynthetic); n > 0; n--) items.splice(rng.int(0, items.length), 0, { type: 'synthetic' });
  const foldTarget = spec.regression.step === version.version && spec.regression.position === 'fold' ? foldTargetOf(ctx, items) : null;
  placeEvents(ctx, version.version, items, Boolean(foldTarget));
  items.push({ type: 'release', files: release });
  if (foldTarget) {
    foldTarget.culprit = true;
    ctx.folded = true;
  }
  items.forEach((item) => {
    if (ctx.stopped) return;
    const gap = item.type === 'release' ? rng.int(2 * HOUR, 96 * HOUR) : rng.int(HOUR / 3, 30 * HOUR);
    runItem(ctx, item, version, ctx.lastTime + gap);
  });
}

function planTail(ctx) {
  const { spec, rng } = ctx;
  const items = [];
  for (let n = spec.tail ?? rng.int(2, 10); n > 0; n--) items.push({ type: 'synthetic' });
  placeEvents(ctx, 'tail', items, false);
  for (const item of items) {
    if (ctx.stopped) return;
    runItem(ctx, item, null, ctx.lastTime + rng.int(2 * HOUR, 60 * HOUR));
  }
}

function runItem(ctx, item, version, time) {
  const { state, rng, people, project } = ctx;
  let ops = [];
  let baseUpdates = new Map();
  let message;
  let author = rng.pick(people.contributors);
  let tag;
  let kind = item.type;
  if (item.type === 'group' || item.type === 'release') {
    for (const file of item.type === 'group' ? item.group.files : item.files) baseUpdates.set(file, version.files.get(file) ?? null);
    if (item.type === 'release') {
      message = project.releaseMessage(version.version);
      author = people.maintainer;
      tag = `v${version.version}`;
    } else {
      message = messageForGroup(state, item.group, version.files, rng);
      kind = item.group.kind;
    }
    if (item.culprit) ops = regressionOps(ctx);
  } else if (item.type === 'synthetic') {
    const synthetic = compatibleSynthetic(ctx);
    ops = synthetic.ops;
    message = synthetic.message;
    kind = synthetic.kind;
  } else if (item.type === 'exercise') {
    ops = ctx.spec.exercise.files.map(([file, content]) => ({ kind: 'write', file, content, required: true }));
    message = ctx.spec.exercise.message;
  } else if (item.type === 'culprit') {
    ops = regressionOps(ctx);
    if (rng.chance(ctx.spec.regression.bundleChance ?? 0.3)) ops.push(...syntheticFor(state, rng, null).ops);
  }
  const isCulprit = item.type === 'culprit' || item.culprit === true;
  const beforeTexts = isCulprit ? new Map(ctx.spec.regression.edits.map((e) => [e.file, state.textOf(e.file)])) : null;
  const changes = state.advance(baseUpdates, ops);
  if (changes == null) {
    if (isCulprit) throw new Error(`${ctx.spec.id}: the regression does not apply where it is injected`);
    ctx.stopped = true;
    return;
  }
  if (changes.size === 0) return;
  if (item.type === 'culprit') {
    message = ctx.spec.regression.message ?? codeChangeMessage(rng, ctx.spec.regression.edits.slice(0, 1).map((e) => ({ path: e.file, before: beforeTexts.get(e.file), after: state.textOf(e.file) })));
  }
  if (isCulprit) {
    ctx.culpritIndex = commits(ctx).length;
    ctx.focusFile = ctx.spec.regression.edits[0].file;
    kind = 'culprit';
  }
  ctx.lastTime = time;
  commits(ctx).push({ message, author, time, changes, tag, kind });
}

/** A churn commit that, before the culprit, leaves the regression's target text intact. */
function compatibleSynthetic(ctx) {
  const { state, rng } = ctx;
  for (let attempt = 0; ; attempt++) {
    const synthetic = syntheticFor(state, rng, ctx.culpritIndex >= 0 ? ctx.focusFile : null);
    if (ctx.culpritIndex >= 0 || attempt >= 8) return synthetic;
    const compatible = synthetic.ops.every((op) => {
      const edits = regressionOps(ctx).filter((edit) => edit.file === op.file);
      if (edits.length === 0) return true;
      const after = applyOp(state.textOf(op.file), op);
      return after == null || edits.every((edit) => applyOp(after, edit) != null);
    });
    if (compatible) return synthetic;
  }
}

function commits(ctx) {
  return ctx.commits;
}

function regressionOps(ctx) {
  return ctx.spec.regression.edits.map((edit) =>
    edit.rename
      ? { kind: 'rename', file: edit.file, ...edit.rename, required: true, regression: true }
      : { kind: 'edit', file: edit.file, find: edit.find, replace: edit.replace, required: true, regression: true },
  );
}

export { shuffle };
