import * as assert from 'node:assert/strict';
import { detectChangePoint, errorOnset } from '../../../src/core/analysis/timing';

const hours = (counts: number[]) => counts.map((count, i) => ({ time: new Date(Date.UTC(2026, 0, 1, i)).toISOString(), count }));

describe('change point of the error rate', () => {
  it('finds the bucket where the rate rose', () => {
    assert.equal(detectChangePoint(hours([0, 1, 0, 0, 1, 0, 25, 30, 28, 31])), '2026-01-01T06:00:00.000Z');
  });

  it('reports none for a flat, a falling or a too short series', () => {
    assert.equal(detectChangePoint(hours([5, 6, 5, 4, 6, 5, 5, 6])), undefined);
    assert.equal(detectChangePoint(hours([30, 28, 2, 1, 0])), undefined);
    assert.equal(detectChangePoint(hours([0, 9])), undefined);
    assert.equal(detectChangePoint(undefined), undefined);
  });

  it('falls back to first seen', () => {
    assert.equal(errorOnset({ firstSeen: '2026-01-02T00:00:00Z', eventCounts: hours([1, 1, 1]) }), '2026-01-02T00:00:00Z');
  });
});
