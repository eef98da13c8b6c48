// Assigns each case to train or test from a hash of its id only, half of each language to each
// side, so the split depends on nothing a ranker sees.
import { createHash } from 'node:crypto';

export function assignSplits(cases) {
  const byLanguage = new Map();
  for (const c of cases) byLanguage.set(c.language, [...(byLanguage.get(c.language) ?? []), c.id]);
  const splits = new Map();
  for (const ids of byLanguage.values()) {
    const ordered = ids
      .map((id) => ({ id, key: createHash('sha256').update(`causelens-split:${id}`).digest('hex') }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    ordered.forEach(({ id }, i) => splits.set(id, i % 2 === 0 ? 'test' : 'train'));
  }
  return splits;
}
