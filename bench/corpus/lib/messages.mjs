// Commit messages for changes taken from real releases and for the injected change, written by one
// generator so that the culprit's message has the same style as every other code commit.
import { changedRegion, codeLanguage, symbolsAround } from './text.mjs';

const CODE_VERBS = ['update', 'refactor', 'simplify', 'rework', 'tidy up', 'clean up', 'improve', 'adjust', 'handle more inputs in', 'reorganise'];

const GENERIC = ['address review comments', 'small cleanups', 'fix lint warnings', 'simplify', 'refactor', 'follow-up to previous change', 'minor fixes', 'code cleanup', 'tweak edge cases', 'prepare for the next release'];

function basename(path) {
  return path.split('/').pop();
}

/** Message for a commit changing one or more code files from `before` to `after` contents. */
export function codeChangeMessage(rng, files) {
  const [first] = files;
  if (files.length > 1) {
    const dir = first.path.includes('/') ? first.path.slice(0, first.path.lastIndexOf('/')) : 'core';
    return rng.pick([`update ${dir}`, `refactor ${dir} modules`, `${dir}: several cleanups`, `rework ${dir}`]);
  }
  if (first.before == null) return rng.pick([`add ${basename(first.path)}`, `introduce ${basename(first.path).replace(/\.\w+$/, '')}`]);
  if (first.after == null) return rng.pick([`remove ${basename(first.path)}`, `drop ${basename(first.path)}`]);
  const language = codeLanguage(first.path);
  const region = changedRegion(first.before, first.after);
  const symbols = language ? symbolsAround(language, region.afterLines, region.start, region.endAfter).slice(0, 2) : [];
  // Real messages name the function changed only part of the time; the rest name the file or
  // say nothing specific, for every code commit alike (the culprit included).
  const style = rng.weighted([['symbol', 50], ['file', 30], ['generic', 20]]);
  if (style === 'generic') return rng.pick(GENERIC);
  const subject = symbols.length > 0 && style === 'symbol' ? symbols.join(' and ') : basename(first.path);
  const verb = rng.pick(CODE_VERBS);
  return rng.chance(0.25) ? `${basename(first.path).replace(/\.\w+$/, '')}: ${verb} ${subject}` : `${verb} ${subject}`;
}

export function groupMessage(rng, kind, paths) {
  const name = basename(paths[0]);
  switch (kind) {
    case 'tests':
      return rng.pick([`test: update ${name}`, 'update tests', `tests for ${name.replace(/\.\w+$/, '')}`, 'test: more cases']);
    case 'docs':
      return rng.pick([`docs: update ${name}`, `update ${name}`, 'docs tweaks', `docs: ${name.replace(/\.\w+$/, '')} changes`]);
    default:
      return rng.pick([`chore: update ${name}`, `build: update ${name}`, `update ${name}`]);
  }
}
