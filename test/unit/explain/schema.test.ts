import * as assert from 'node:assert/strict';
import { parseModelAnswer, partialExplanation, validateModelAnswer } from '../../../src/core/explain/schema';

const valid = { explanation: 'It removed the guard.', suspectLines: [{ path: 'src/a.js', startLine: 3, endLine: 5, reason: 'guard removed' }], suggestedFix: 'Restore the guard.' };

describe('explanation schema', () => {
  it('accepts a valid answer, bare or in a json code fence', () => {
    assert.deepEqual(parseModelAnswer(JSON.stringify(valid)), { ok: true, value: valid });
    assert.deepEqual(parseModelAnswer('```json\n' + JSON.stringify(valid, null, 2) + '\n```'), { ok: true, value: valid });
    assert.equal(validateModelAnswer({ ...valid, suspectLines: [] }).ok, true);
  });

  const bad: [string, unknown, RegExp][] = [
    ['not an object', ['x'], /JSON object/],
    ['an extra property (e.g. an injected "rank")', { ...valid, rank: 1 }, /unexpected properties: rank/],
    ['a missing explanation', { suspectLines: [], suggestedFix: 'x' }, /explanation must be a string/],
    ['an empty fix', { ...valid, suggestedFix: '  ' }, /suggestedFix is empty/],
    ['a too long explanation', { ...valid, explanation: 'x'.repeat(1201) }, /longer than 1200/],
    ['suspectLines not an array', { ...valid, suspectLines: 'src/a.js:3' }, /must be an array/],
    ['too many ranges', { ...valid, suspectLines: Array(6).fill(valid.suspectLines[0]) }, /more than 5/],
    ['a fractional line', { ...valid, suspectLines: [{ ...valid.suspectLines[0], startLine: 2.5 }] }, /startLine must be an integer/],
    ['a zero line', { ...valid, suspectLines: [{ ...valid.suspectLines[0], startLine: 0 }] }, /startLine must be an integer >= 1/],
    ['an end before the start', { ...valid, suspectLines: [{ ...valid.suspectLines[0], startLine: 9 }] }, /endLine is before startLine/],
    ['an extra range property', { ...valid, suspectLines: [{ ...valid.suspectLines[0], url: 'x' }] }, /unexpected properties: url/],
    ['an empty path', { ...valid, suspectLines: [{ ...valid.suspectLines[0], path: '' }] }, /path must be a non-empty string/],
  ];
  for (const [name, value, message] of bad) {
    it(`rejects ${name}`, () => {
      const result = validateModelAnswer(value);
      assert.equal(result.ok, false);
      assert.match((result as { error: string }).error, message);
    });
  }

  it('rejects text that is not JSON', () => {
    const result = parseModelAnswer('Sure! Here it is: {"explanation": "x"');
    assert.equal(result.ok, false);
    assert.match((result as { error: string }).error, /^not JSON/);
  });

  it('reads the explanation out of a partial streamed answer', () => {
    assert.equal(partialExplanation('{"suspectLines": []'), undefined);
    assert.equal(partialExplanation('{"explanation": "The gua'), 'The gua');
    assert.equal(partialExplanation('{"explanation": "a \\"quoted\\" word\\nand \\u00e9'), 'a "quoted" word\nand é');
    // A cut inside an escape waits for the rest.
    assert.equal(partialExplanation('{"explanation": "ends with \\'), 'ends with ');
    assert.equal(partialExplanation('{"explanation": "done", "suggestedFix": "x"}'), 'done');
  });
});
