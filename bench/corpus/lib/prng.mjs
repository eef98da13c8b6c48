// Deterministic pseudo-random choices, seeded from a case id, so every rebuild of the corpus is identical.
import { createHash } from 'node:crypto';

/** A 32-bit seed derived from any string. */
export function seedOf(text) {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** A small seeded generator (mulberry32) with the helpers the builders need. */
export function createRng(seedText) {
  let state = seedOf(seedText);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    weighted: (table) => {
      const total = table.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of table) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return table[table.length - 1][0];
    },
  };
}
