// Plans one case's history: successive published versions split into ordinary commits, everyday
// churn between them, the exercise script, and the injected regression replayed on later versions.
import { applyOps } from './ops.mjs';
import { codeLanguage, isDocPath, isTestPath, isText } from './text.mjs';
import { syntheticCommit } from './synthetic.mjs';
import { codeChangeMessage, groupMessage } from './messages.mjs';

const RELEASE_FILES = /^(package\.json|CHANGELOG(\.md)?|HISTORY(\.md)?|History\.md|changelog\.md|Changelog\.md|VERSION)$/;

function sameContent(a, b) {
  if (a == null || b == null) return a == null && b == null;
  return a.equals(b);
}

/** The tree of a case as it evolves: published contents per file plus the edits replayed on top. */
class TreeState {
  constructor() {
    this.base = new Map();
    this.opsByFile = new Map();
    this.tree = new Map();
  }

  contentOf(file, { withoutRegression = false } = {}) {
    const base = this.base.get(file) ?? null;
    let ops = this.opsByFile.get(file) ?? [];
    if (withoutRegression) ops = ops.filter((op) => !op.regression);
    if (ops.length === 0 || (base && !isText(base))) return { content: base, failedRequired: [] };
    const { text, failedRequired } = applyOps(base ? base.toString('utf8') : null, ops);
    return { content: text == null ? null : Buffer.from(text, 'utf8'), failedRequired };
  }

  /** Applies base updates and new edits; returns the file changes, or null if a required edit failed. */
  advance(baseUpdates, newOps) {
    for (const [file, content] of baseUpdates) {
      if (content == null) this.base.delete(file);
      else this.base.set(file, content);
    }
    for (const op of newOps) {
      if (!this.opsByFile.has(op.file)) this.opsByFile.set(op.file, []);
      this.opsByFile.get(op.file).push(op);
    }
    const touched = new Set([...baseUpdates.keys(), ...newOps.map((op) => op.file)]);
    const changes = new Map();
    for (const file of touched) {
      const { content, failedRequired } = this.contentOf(file);
      if (failedRequired.length > 0) return null;
      if (!sameContent(content, this.tree.get(file) ?? null)) changes.set(file, content);
    }
    for (const [file, content] of changes) {
      if (content == null) this.tree.delete(file);
      else this.tree.set(file, content);
    }
    return changes;
  }

  textOf(file) {
    return this.tree.get(file)?.toString('utf8') ?? null;
  }
}

function groupVersionChanges(state, next, rng) {
  const changed = [...new Set([...state.base.keys(), ...next.keys()])].filter(
    (file) => !sameContent(state.base.get(file) ?? null, next.get(file) ?? null),
  );
  const release = [];
  const tests = [];
  const docs = [];
  const other = [];
  const code = [];
  for (const file of changed.sort()) {
    if (RELEASE_FILES.test(file)) release.push(file);
    else if (codeLanguage(file) && isTestPath(file)) tests.push(file);
    else if (codeLanguage(file)) code.push(file);
    else if (isDocPath(file)) docs.push(file);
    else other.push(file);
  }
  let codeGroups = code.map((file) => [file]);
  if (codeGroups.length > 14) {
    const byDir = new Map();
    for (const file of code) {
      const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
      byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
    }
    codeGroups = [...byDir.values()].flatMap((files) => chunk(files, Math.ceil(code.length / 12)));
  }
  const groups = codeGroups.map((files) => ({ kind: 'code', files }));
  if (tests.length) groups.push(...chunk(tests, 20).map((files) => ({ kind: 'tests', files })));
  if (docs.length) groups.push({ kind: 'docs', files: docs });
  if (other.length) groups.push(...chunk(other, 40).map((files) => ({ kind: 'other', files })));
  shuffle(groups, rng);
  return { groups, release };
}

function chunk(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function shuffle(items, rng) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export { TreeState, groupVersionChanges, shuffle, sameContent };

/** Message for a group of published changes about to be committed. */
export function messageForGroup(state, group, next, rng) {
  if (group.kind !== 'code') return groupMessage(rng, group.kind, group.files);
  const files = group.files.map((path) => ({ path, before: state.textOf(path), after: next.get(path)?.toString('utf8') ?? null }));
  return codeChangeMessage(rng, files);
}

export function syntheticFor(state, rng, focusFile) {
  return syntheticCommit(state.tree, rng, focusFile);
}
