import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOpenAiModel, explainCauses, ExplanationCache, formatPromptTokenLine, grantConsent, promptTokenReport, type ExplanationModel } from '../../../src/core/explain';
import { CauseLensError } from '../../../src/core/errors';
import { startOpenAiServer, type OpenAiServer } from '../../../src/devtools/openai-server/server';
import { causeToExplain, guardHunk, request } from './builders';

describe('explainCauses against the local OpenAI-compatible server', () => {
  let server: OpenAiServer;
  beforeEach(async () => {
    server = await startOpenAiServer({ port: 0, apiKey: 'test-key' });
  });
  afterEach(async () => server.close());

  const model = (extra: Partial<Parameters<typeof createOpenAiModel>[0]> = {}) => createOpenAiModel({ baseURL: server.baseURL, model: 'causelens-test', apiKey: 'test-key', ...extra });

  for (const stream of [true, false]) {
    it(`explains the top causes from the model's answer (${stream ? 'streaming' : 'non-streaming'})`, async () => {
      const m = model({ stream });
      const texts: string[] = [];
      const seen: string[] = [];
      const req = request([causeToExplain('a1b2c3d4e5f6', 1), causeToExplain('b2c3d4e5f6a1', 2, [guardHunk({ path: 'src/routes.js', newStart: 38, newLines: 5 })], { suspectLines: [{ path: 'src/routes.js', line: 40 }] })]);
      const out = await explainCauses(req, { model: m, consent: grantConsent(m.endpoint), onText: (_sha, t) => texts.push(t), onExplanation: (e) => seen.push(e.sha) });
      assert.deepEqual(out.map((e) => [e.sha, e.rank, e.origin, e.author]), [['a1b2c3d4e5f6', 1, 'model', 'openai:causelens-test'], ['b2c3d4e5f6a1', 2, 'model', 'openai:causelens-test']]);
      assert.deepEqual(seen, ['a1b2c3d4e5f6', 'b2c3d4e5f6a1']);
      // The stand-in builds its answer from the prompt: the commit, the error and the hunks arrived.
      assert.match(out[0].summary, /Commit a1b2c3d \("Show the profile email on the account page"\) changed src\/users\.js:10; the error TypeError: Cannot read properties of undefined \(reading 'email'\) is thrown at \/app\/src\/users\.js:12 in formatUser/);
      assert.deepEqual(out[0].suspectLines, [{ path: 'src/users.js', startLine: 10, endLine: 13, reason: 'changed by the commit' }]);
      assert.equal(out[0].suggestedFix, 'Restore the removed check: if (!user.profile) return "";');
      assert.deepEqual(out[1].suspectLines.map((r) => r.path), ['src/routes.js']);
      assert.equal(server.requests.length, 2);
      assert.ok(server.requests.every((r) => r.stream === stream && r.authorization === 'Bearer test-key'));
      // Structured output was asked for.
      assert.equal((server.requests[0].body as { response_format: { type: string } }).response_format.type, 'json_schema');
      // The explanation streamed in as growing text, ending with the final summary.
      assert.ok(texts.length >= (stream ? 3 : 1), `only ${texts.length} progress callbacks`);
      assert.ok(out[0].summary.startsWith(texts.find((t) => t.startsWith('Commit a1b2c3d'))!.slice(0, 20)));
      // Prompt tokens come from the server's usage, which counts differently from chars/4.
      assert.equal(out[0].promptTokensSource, 'usage');
      assert.ok(out[0].promptTokens > 100);
      assert.ok(out[0].completionTokens! > 10);
    });
  }

  it('explains only `top` causes', async () => {
    const m = model();
    const out = await explainCauses(request([causeToExplain('c1', 1), causeToExplain('c2', 2), causeToExplain('c3', 3)]), { model: m, consent: grantConsent(m.endpoint), top: 2 });
    assert.deepEqual(out.map((e) => e.sha), ['c1', 'c2']);
    assert.equal(server.requests.length, 2);
  });

  it('refuses to send without consent for that endpoint, and sends nothing', async () => {
    const m = model();
    await assert.rejects(explainCauses(request(), { model: m }), (e: unknown) => e instanceof CauseLensError && e.reason === 'forbidden' && /has not agreed/.test(e.message));
    await assert.rejects(explainCauses(request(), { model: m, consent: grantConsent('https://api.openai.com/v1') }), /has not agreed/);
    // An object that merely looks like a token is not one.
    await assert.rejects(explainCauses(request(), { model: m, consent: { endpoint: m.endpoint, grantedAt: '' } as never }), /has not agreed/);
    assert.equal(server.requests.length, 0);
  });

  it('falls back to the offline explanation on 401 and does not ask again in the same run', async () => {
    const m = model({ apiKey: 'wrong-key' });
    const out = await explainCauses(request([causeToExplain('c1', 1), causeToExplain('c2', 2)]), { model: m, consent: grantConsent(m.endpoint) });
    assert.deepEqual(out.map((e) => [e.origin, e.fallback?.reason]), [['offline', 'unauthorized'], ['offline', 'skipped-after-failure']]);
    assert.match(out[0].fallback!.detail, /HTTP 401.*Check the API key/);
    assert.equal(server.requests.length, 1);
    assert.match(out[0].summary, /Commit c1 \("Show the profile email/);
    assert.equal(out[0].promptTokensSource, 'estimate');
    assert.equal(out[1].promptTokensSource, 'none');
  });

  it('falls back on 429 and reports Retry-After', async () => {
    server.queueFaults({ kind: 'status', status: 429, retryAfter: 30 });
    const m = model();
    const [e] = await explainCauses(request(), { model: m, consent: grantConsent(m.endpoint) });
    assert.equal(e.origin, 'offline');
    assert.deepEqual([e.fallback?.reason, e.fallback?.retryAfterSeconds], ['rate-limited', 30]);
    // maxRetries is 0 by default: one request, no waiting out the Retry-After.
    assert.equal(server.requests.length, 1);
  });

  it('falls back on 500 and 503', async () => {
    for (const status of [500, 503]) {
      server.queueFaults({ kind: 'status', status });
      const m = model();
      const [e] = await explainCauses(request(), { model: m, consent: grantConsent(m.endpoint) });
      assert.deepEqual([e.origin, e.fallback?.reason], ['offline', 'server-error'], `HTTP ${status}`);
    }
  });

  it('times out a stalled request, and a stream that stops half way', async () => {
    for (const kind of ['stall', 'stall-mid-stream'] as const) {
      server.queueFaults({ kind });
      const m = model();
      const texts: string[] = [];
      // Long enough for the first chunk to arrive on a busy machine; the stall itself never ends.
      const timeoutMs = kind === 'stall' ? 300 : 3000;
      const [e] = await explainCauses(request(), { model: m, consent: grantConsent(m.endpoint), timeoutMs, onText: (_sha, t) => texts.push(t) });
      assert.deepEqual([e.origin, e.fallback?.reason], ['offline', 'timeout'], kind);
      // Half a streamed answer is not taken for a whole one, nor retried as an invalid one.
      if (kind === 'stall-mid-stream') assert.ok(texts.length > 0, 'the first chunk should have arrived');
    }
    assert.equal(server.requests.length, 2);
  });

  it('asks once more after an answer that is not JSON, and uses the second answer', async () => {
    server.queueFaults({ kind: 'invalid-json' });
    const m = model();
    const [e] = await explainCauses(request(), { model: m, consent: grantConsent(m.endpoint) });
    assert.equal(e.origin, 'model');
    assert.equal(server.requests.length, 2);
    // The retry repeats the conversation and says what was wrong.
    assert.match(server.requests[1].text, /That answer was not valid \(not JSON/);
  });

  it('falls back after two answers off the schema (or garbage bodies)', async () => {
    server.queueFaults({ kind: 'off-schema' }, { kind: 'invalid-json' });
    const m = model();
    const [e] = await explainCauses(request(), { model: m, consent: grantConsent(m.endpoint) });
    assert.deepEqual([e.origin, e.fallback?.reason], ['offline', 'invalid-output']);
    assert.match(e.fallback!.detail, /did not follow the schema twice/);
    for (const stream of [true, false]) {
      server.queueFaults({ kind: 'garbage-body' });
      const m2 = model({ stream });
      const [g] = await explainCauses(request(), { model: m2, consent: grantConsent(m2.endpoint) });
      assert.equal(g.origin, 'offline', `garbage body, stream=${stream}`);
      assert.ok(g.fallback);
    }
  });

  it('retries without response_format when the server does not support json_schema', async () => {
    await server.close();
    server = await startOpenAiServer({ port: 0, jsonSchema: false });
    const m = createOpenAiModel({ baseURL: server.baseURL, model: 'causelens-test' });
    const out = await explainCauses(request([causeToExplain('c1', 1), causeToExplain('c2', 2)]), { model: m, consent: grantConsent(m.endpoint) });
    assert.deepEqual(out.map((e) => e.origin), ['model', 'model']);
    // One 400, then it remembers: three requests for two explanations.
    assert.equal(server.requests.length, 3);
    assert.equal((server.requests[2].body as { response_format?: unknown }).response_format, undefined);
  });

  it('reports an unknown model as rejected', async () => {
    const m = model({ model: 'no-such-model' });
    const [e] = await explainCauses(request(), { model: m, consent: grantConsent(m.endpoint) });
    assert.deepEqual([e.origin, e.fallback?.reason], ['offline', 'rejected']);
    assert.match(e.fallback!.detail, /404.*Check the base URL and the model name/);
  });

  it('throws `cancelled` when the caller aborts, without waiting for the model', async () => {
    server.queueFaults({ kind: 'stall' });
    const m = model();
    const controller = new AbortController();
    const run = explainCauses(request(), { model: m, consent: grantConsent(m.endpoint), signal: controller.signal, timeoutMs: 60_000 });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(run, (e: unknown) => e instanceof CauseLensError && e.reason === 'cancelled');
  });

  it('caches by incident, commit and model, in memory and in a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'causelens-explain-cache-'));
    try {
      const m = model();
      const consent = grantConsent(m.endpoint);
      const first = await explainCauses(request(), { model: m, consent, cache: new ExplanationCache({ dir }) });
      assert.equal(first[0].origin, 'model');
      assert.equal(readdirSync(dir).filter((f) => f.endsWith('.json')).length, 1);
      // A new in-memory cache over the same directory: answered from disk, no request.
      const again = await explainCauses(request(), { model: m, consent, cache: new ExplanationCache({ dir }) });
      assert.equal(again[0].origin, 'cache');
      assert.equal(again[0].summary, first[0].summary);
      assert.equal(server.requests.length, 1);
      // Another incident or another model is another key.
      const other = request(undefined, { ...request().incident, id: 'sentry:9999' });
      await explainCauses(other, { model: m, consent, cache: new ExplanationCache({ dir }) });
      assert.equal(server.requests.length, 2);
      // Fallbacks are not cached: the next run asks the model again.
      const memory = new ExplanationCache();
      server.queueFaults({ kind: 'status', status: 500 });
      await explainCauses(other, { model: model({ model: 'causelens-test' }), consent, cache: memory });
      assert.equal(memory.size, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps only suspect lines inside the files it was given', async () => {
    server.queueFaults({
      kind: 'reply',
      content: JSON.stringify({
        explanation: 'The guard was removed.',
        suspectLines: [
          { path: '/etc/passwd', startLine: 1, endLine: 1, reason: 'look here' },
          { path: '/app/src/users.js', startLine: 12, endLine: 99999, reason: 'crash' },
        ],
        suggestedFix: 'Restore the guard.',
      }),
    });
    const m = model();
    const [e] = await explainCauses(request(), { model: m, consent: grantConsent(m.endpoint) });
    assert.deepEqual(e.suspectLines, [{ path: 'src/users.js', startLine: 12, endLine: 212, reason: 'crash' }]);
  });
});

describe('explainCauses without a model', () => {
  it('explains offline and sends nothing', async () => {
    const out = await explainCauses(request([causeToExplain('c1', 1), causeToExplain('c2', 2)]));
    assert.deepEqual(out.map((e) => [e.origin, e.author, e.promptTokens, e.promptTokensSource]), [['offline', 'offline', 0, 'none'], ['offline', 'offline', 0, 'none']]);
  });

  it('accepts any ExplanationModel, such as the VS Code one, and estimates tokens when it reports no usage', async () => {
    const received: string[] = [];
    const fake: ExplanationModel = {
      id: 'vscode-lm:test',
      endpoint: 'vscode-lm:test',
      async complete(messages, { onText }) {
        received.push(messages.map((m) => m.content).join('\n'));
        const text = JSON.stringify({ explanation: 'It removed the profile check.', suspectLines: [], suggestedFix: 'Check user.profile first.' });
        onText?.(text);
        return { text };
      },
    };
    const [e] = await explainCauses(request(), { model: fake, consent: grantConsent('vscode-lm:test') });
    assert.equal(e.summary, 'It removed the profile check.');
    // No usable lines from the model: the evidence's lines stand in.
    assert.deepEqual(e.suspectLines, [{ path: 'src/users.js', startLine: 10, endLine: 13, reason: 'the crash line' }]);
    assert.equal(e.promptTokensSource, 'estimate');
    assert.equal(e.promptTokens, Math.ceil(received[0].split('\n').length) > 0 ? e.promptTokens : -1);
    assert.ok(e.promptTokens > 200);
    assert.match(formatPromptTokenLine([e]), /^explain: 1 explanation, prompt tokens \d+ \(mean \d+; estimate\)$/);
    assert.equal(promptTokenReport([e]).totalPromptTokens, e.promptTokens);
  });
});
