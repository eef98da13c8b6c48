import * as assert from 'node:assert/strict';
import { IncidentLineTracker, mapLineThroughHunks } from '../../../src/core/analysis/lineTracking';

const hunk = (oldStart: number, oldLines: number, newStart: number, newLines: number, added: number[] = []) => ({
  oldStart, oldLines, newStart, newLines, added: added.map((line) => ({ line })),
});

describe('line tracking to the incident revision', () => {
  it('shifts lines below an insertion and keeps lines above it', () => {
    const hunks = [hunk(3, 0, 4, 2)]; // two lines inserted after line 3
    assert.deepEqual(mapLineThroughHunks(3, hunks), { line: 3, exact: true });
    assert.deepEqual(mapLineThroughHunks(4, hunks), { line: 6, exact: true });
  });

  it('marks a rewritten line as not exact and points at its replacement', () => {
    const hunks = [hunk(5, 2, 5, 3)];
    assert.deepEqual(mapLineThroughHunks(6, hunks), { line: 5, exact: false });
    assert.deepEqual(mapLineThroughHunks(7, hunks), { line: 8, exact: true });
  });

  it('carries an old commit forward through newer ones and follows renames', () => {
    const tracker = new IncidentLineTracker(['src/b.js']);
    // Newest: inserted 10 lines at the top of src/b.js.
    const newest = tracker.track([{ oldPath: 'src/b.js', newPath: 'src/b.js', hunks: [hunk(0, 0, 1, 10, [1])] }]);
    assert.equal(newest[0].incidentPath, 'src/b.js');
    // Middle: renamed src/a.js -> src/b.js without content change.
    tracker.track([{ oldPath: 'src/a.js', newPath: 'src/b.js', hunks: [] }]);
    // Oldest: added line 4 of src/a.js, which is line 14 today.
    const oldest = tracker.track([{ oldPath: 'src/a.js', newPath: 'src/a.js', hunks: [hunk(3, 0, 4, 1, [4])] }]);
    assert.deepEqual(oldest, [{ incidentPath: 'src/b.js', spans: [{ start: 14, end: 14, exact: true }], survivingAddedLines: [14] }]);
  });

  it('does not claim a line that a newer commit rewrote', () => {
    const tracker = new IncidentLineTracker(['x.py']);
    tracker.track([{ oldPath: 'x.py', newPath: 'x.py', hunks: [hunk(2, 1, 2, 1, [2])] }]);
    const older = tracker.track([{ oldPath: 'x.py', newPath: 'x.py', hunks: [hunk(1, 1, 1, 2, [2])] }]);
    assert.deepEqual(older[0].survivingAddedLines, []);
    assert.deepEqual(older[0].spans, [{ start: 1, end: 1, exact: true }, { start: 2, end: 2, exact: false }]);
  });

  it('does not claim the lines newer commits inserted inside what it added', () => {
    const tracker = new IncidentLineTracker(['T.java']);
    // Newest: a test method of 5 lines inserted after line 40 (git put it inside the older block).
    tracker.track([{ oldPath: 'T.java', newPath: 'T.java', hunks: [hunk(40, 0, 41, 5, [41, 42, 43, 44, 45])] }]);
    // Oldest: two methods, lines 31-43.
    const older = tracker.track([{ oldPath: 'T.java', newPath: 'T.java', hunks: [hunk(30, 0, 31, 13, [31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43])] }]);
    assert.deepEqual(older[0].spans, [{ start: 31, end: 40, exact: true }, { start: 46, end: 48, exact: true }]);
    assert.deepEqual(older[0].survivingAddedLines, [31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 46, 47, 48]);
  });

  it('ignores files outside the tracked set', () => {
    const tracker = new IncidentLineTracker(['a.js']);
    assert.deepEqual(tracker.track([{ oldPath: 'z.js', newPath: 'z.js', hunks: [hunk(1, 1, 1, 1, [1])] }]), []);
  });
});

describe('line tracking through formatting-only commits', () => {
  it('keeps an older line exact through a commit that only reformatted it', () => {
    const tracker = new IncidentLineTracker(['a.js']);
    // Newest: reformatted lines 2-3 (same count).
    tracker.track([{ oldPath: 'a.js', newPath: 'a.js', hunks: [{ oldStart: 2, oldLines: 2, newStart: 2, newLines: 2, added: [{ line: 2 }, { line: 3 }] }] }], true);
    const older = tracker.track([{ oldPath: 'a.js', newPath: 'a.js', hunks: [{ oldStart: 2, oldLines: 0, newStart: 3, newLines: 1, added: [{ line: 3 }] }] }]);
    assert.deepEqual(older[0].survivingAddedLines, [3]);
    assert.equal(older[0].spans[0].exact, true);
  });
});
