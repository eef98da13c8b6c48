// Prints the corpus summary: cases per language and split, window sizes, culprit positions and
// where the crash frame lies relative to the culprit's change.

function quantiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 'n/a';
  return `min ${sorted[0]} / median ${sorted[Math.floor((sorted.length - 1) / 2)]} / max ${sorted.at(-1)}`;
}

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k}: ${n}`).join(', ');
}

export function printSummary(manifests, { seconds, outDir }) {
  console.log(`\nCorpus in ${outDir}: ${manifests.length} cases (${seconds.toFixed(1)}s)`);
  console.log(`  per language/split: ${countBy(manifests, (m) => `${m.language}/${m.split}`)}`);
  console.log(`  window size (candidates): ${quantiles(manifests.map((m) => m.window.candidates))}`);
  console.log(`  culprit position from HEAD (0 = newest): ${quantiles(manifests.map((m) => m.culprit.positionFromHead))}`);
  const bucket = (m) => {
    const f = m.culprit.positionFraction;
    return f < 0.1 ? 'newest 10%' : f < 0.5 ? 'newer half' : f < 0.9 ? 'older half' : 'oldest 10%';
  };
  console.log(`  culprit position in window: ${countBy(manifests, bucket)}`);
  console.log(`  culprit folded into a release commit: ${manifests.filter((m) => m.culprit.folded).length}`);
  console.log(`  crash frame vs culprit: ${countBy(manifests, (m) => m.crash.relation)}`);
  console.log(`  only test frames in project: ${manifests.filter((m) => m.crash.testOnly).length}`);
  console.log(`  intent: ${countBy(manifests, (m) => m.intent ?? 'unspecified')}`);
}
