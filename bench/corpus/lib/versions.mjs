// Chooses the published versions a case's history is built from.

function parse(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return m ? m.slice(1).map(Number) : null;
}

export function compareVersions(a, b) {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** Stable releases between `from` and `to` (inclusive), minus `skip`, with their publish times. */
export function selectVersions(meta, { from, to, skip = [] }) {
  const picked = meta.versions
    .filter((v) => parse(v) && !skip.includes(v))
    .filter((v) => compareVersions(v, from) >= 0 && compareVersions(v, to) <= 0)
    .sort(compareVersions);
  if (picked.length === 0) throw new Error(`no versions between ${from} and ${to}`);
  return picked.map((version) => ({ version, time: Math.floor(Date.parse(meta.time[version]) / 1000) }));
}
