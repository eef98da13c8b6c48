import * as assert from 'node:assert/strict';
import { buildCausePrompt, previewExplanationPayload, type ExplanationModel } from '../../../src/core/explain';
import { hunkDistance, pathsMatch, selectPromptData } from '../../../src/core/explain/promptContext';
import { estimateTokens } from '../../../src/core/explain/prompt';
import { causeToExplain, guardHunk, incident, request } from './builders';

const manyHunks = () =>
  Array.from({ length: 60 }, (_, i) => guardHunk({ path: `src/generated/file${i}.js`, newStart: 1 + i, added: Array(12).fill(`  const value${i} = compute(${i}); // padding padding padding`), removed: [] }));

describe('prompt context', () => {
  it('matches runtime paths to repository paths by suffix', () => {
    assert.ok(pathsMatch('/app/src/users.js', 'src/users.js'));
    assert.ok(pathsMatch('webpack:///./src/users.js', './src/users.js'));
    assert.ok(!pathsMatch('/app/src/otherusers.js', 'src/users.js'));
  });

  it('measures how near a hunk lies to the suspect lines', () => {
    const points = [{ path: 'src/users.js', line: 12 }];
    assert.equal(hunkDistance(guardHunk(), points), 0);
    assert.equal(hunkDistance(guardHunk({ newStart: 30 }), points), 18);
    assert.equal(hunkDistance(guardHunk({ path: 'src/other.js' }), points), Infinity);
  });

  it('bounds the prompt, keeping the hunk at the crash line first and counting what it left out', () => {
    const hunks = [...manyHunks(), guardHunk()];
    const item = causeToExplain('a1b2c3d4e5f6', 1, hunks);
    const data = selectPromptData(incident(), item, 4000);
    assert.deepEqual([data.hunks[0].path, data.hunks[0].newStart], ['src/users.js', 10]);
    assert.ok(data.omittedHunks > 40, `omitted ${data.omittedHunks}`);
    assert.equal(data.hunks.length + data.omittedHunks, hunks.length);
    assert.ok(JSON.stringify(data).length <= 4000);
    const bounded = estimateTokens(buildCausePrompt(request([item]), item, 4000).messages);
    const unbounded = estimateTokens(buildCausePrompt(request([item]), item, 1_000_000).messages);
    assert.ok(bounded < 2000 && unbounded > 5 * bounded, `bounded ${bounded}, unbounded ${unbounded}`);
  });

  it('clips long lines and long hunks, and keeps only in-app frames with the crash line code', () => {
    const long = guardHunk({ added: Array(100).fill('x'.repeat(500)) });
    const data = selectPromptData(incident(), causeToExplain('a1', 1, [long]), 100_000);
    const diff = data.hunks[0].diff.split('\n');
    assert.equal(diff.length, 41);
    assert.equal(diff[40], '… 62 more lines');
    assert.ok(diff.every((l) => l.length <= 202));
    assert.deepEqual(data.incident.frames.map((f) => f.function), ['formatUser', 'handleProfile']);
    assert.deepEqual(data.incident.frames[0].code, ['function formatUser(user) {', '  const name = user.name;', '  return user.profile.email;    <-- crash line', '}']);
  });

  it('previews the prompts of the top causes with token estimates', () => {
    const model: ExplanationModel = { id: 'openai:x', endpoint: 'https://api.example.com/v1', complete: () => Promise.reject(new Error('not called')) };
    const preview = previewExplanationPayload(request([causeToExplain('c1', 1), causeToExplain('c2', 2), causeToExplain('c3', 3), causeToExplain('c4', 4)]), model);
    assert.deepEqual(preview.requests.map((r) => r.sha), ['c1', 'c2', 'c3']);
    assert.equal(preview.local, false);
    assert.equal(preview.totalPromptTokens, preview.requests.reduce((n, r) => n + r.promptTokens, 0));
    assert.equal(preview.requests[0].promptTokens, estimateTokens(preview.requests[0].messages));
  });
});
