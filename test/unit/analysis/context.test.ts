// The incident context: frames of the reported failure and of the other failures reported with
// it, how far each frame's function had run, and the error words of all of them.

import * as assert from 'node:assert/strict';
import { buildHypothesisContext, type CodeModel, type LocatedFrame } from '../../../src/core/analysis/context';
import type { SymbolSpan } from '../../../src/core/analysis/hypothesis';
import { readIncident } from '../../../src/core/incident';

/** A code model over fixed answers, recording what the context asked of it. */
function codeModel(): CodeModel & { asked: { path: string; executedThrough?: number }[] } {
  const asked: { path: string; executedThrough?: number }[] = [];
  return {
    asked,
    files: async () => ['tests/test_paths.py', 'lib/paths.py'],
    enclosingSymbol: async (path: string, line: number): Promise<SymbolSpan> => ({ name: `test_at_${line}`, startLine: line - 2, endLine: line + 5 }),
    executedThrough: async (_path: string, line: number) => line + 1,
    unresolvedNames: async () => ({ names: ['RelativePath'], bare: ['RelativePath'], files: ['lib/paths.py'] }),
    sourceLine: async (_path: string, line: number) => `    self.assertEqual(paths.relative_${line}(a), b)`,
    callNeighbours: async (path: string, at: { executedThrough?: number }) => {
      asked.push({ path, ...(at.executedThrough !== undefined ? { executedThrough: at.executedThrough } : {}) });
      return [];
    },
  };
}

describe('incident context', () => {
  it('interleaves the frames of other failures after the reported one, and reads their words', async () => {
    const text = [
      'FAIL: test_join (tests.test_paths.T)',
      'Traceback (most recent call last):',
      '  File "/repo/tests/test_paths.py", line 30, in test_join',
      "AssertionError: 'relative_join' != 'c/d.h'",
      '',
      'FAIL: test_split (tests.test_paths.T)',
      'Traceback (most recent call last):',
      '  File "/repo/tests/test_paths.py", line 22, in test_split',
      '  File "/repo/lib/paths.py", line 9, in split_path',
      "AssertionError: 'split_here'",
    ].join('\n');
    const incident = readIncident(text);
    const frames: LocatedFrame[] = [
      { exceptionIndex: 0, frameIndex: 0, path: 'lib/paths.py', line: 9 },
      { exceptionIndex: 0, frameIndex: 1, path: 'tests/test_paths.py', line: 22 },
      { exceptionIndex: 0, frameIndex: 0, path: 'tests/test_paths.py', line: 30, failure: 1 },
    ];
    const code = codeModel();
    const context = await buildHypothesisContext(incident, frames, code);
    assert.deepEqual(context.anchors.map((a) => `${a.path}:${a.line}`), ['lib/paths.py:9', 'tests/test_paths.py:30', 'tests/test_paths.py:22']);
    assert.deepEqual(context.anchors.map((a) => a.executedThrough), [10, 31, 23]);
    assert.deepEqual(code.asked.map((a) => a.executedThrough), [10, 31, 23]);
    const words = context.errorWords.map((w) => w.word);
    assert.ok(words.indexOf('split_here') >= 0 && words.indexOf('relative_join') > words.indexOf('split_here'), 'the reported failure\'s words come first');
    assert.deepEqual(context.unresolved, { names: ['RelativePath'], bare: ['RelativePath'], files: ['lib/paths.py'] });
  });
});
