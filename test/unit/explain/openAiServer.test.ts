// The stand-in itself, spoken to over raw HTTP: the shapes a real OpenAI-compatible server returns.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startOpenAiServer, type OpenAiServer } from '../../../src/devtools/openai-server/server';

const chat = (messages: unknown[], extra: Record<string, unknown> = {}) => ({ model: 'causelens-test', messages, ...extra });
const DATA_PROMPT = 'Explain.\nBEGIN_UNTRUSTED_DATA abc\n{"commit":{"sha":"0123456789","message":"Fix it"},"incident":{"exceptions":[{"type":"Error","message":"boom"}],"frames":[{"file":"a.js","line":3}]},"hunks":[{"path":"a.js","newStart":2,"newLines":3,"diff":"-if (x) return;\\n+y()"}]}\nEND_UNTRUSTED_DATA abc';

describe('local OpenAI-compatible server', () => {
  let server: OpenAiServer;
  beforeEach(async () => {
    server = await startOpenAiServer({ port: 0, apiKey: 'k' });
  });
  afterEach(async () => server.close());
  const post = (body: unknown, key = 'k') => fetch(`${server.baseURL}/chat/completions`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('lists its models', async () => {
    const body = (await (await fetch(`${server.baseURL}/models`)).json()) as { object: string; data: { id: string }[] };
    assert.equal(body.object, 'list');
    assert.deepEqual(body.data.map((m) => m.id), ['causelens-test']);
  });

  it('answers a completion built from the data block it received, with usage', async () => {
    const response = await post(chat([{ role: 'user', content: DATA_PROMPT }]));
    const body = (await response.json()) as { object: string; choices: { message: { content: string } }[]; usage: { prompt_tokens: number } };
    assert.equal(body.object, 'chat.completion');
    assert.deepEqual(JSON.parse(body.choices[0].message.content), {
      explanation: 'Commit 0123456 ("Fix it") changed a.js:2; the error Error: boom is thrown at a.js:3. Received 1 hunks and 1 frames.',
      suspectLines: [{ path: 'a.js', startLine: 2, endLine: 4, reason: 'changed by the commit' }],
      suggestedFix: 'Restore the removed check: if (x) return;',
    });
    assert.ok(body.usage.prompt_tokens > 20);
    assert.equal(server.requests[0].text, DATA_PROMPT);
  });

  it('streams SSE chunks, a usage chunk when asked, then [DONE]', async () => {
    const response = await post(chat([{ role: 'user', content: DATA_PROMPT }], { stream: true, stream_options: { include_usage: true } }));
    assert.match(response.headers.get('content-type')!, /^text\/event-stream/);
    const events = (await response.text()).split('\n\n').filter(Boolean);
    assert.ok(events.every((e) => e.startsWith('data: ')));
    assert.equal(events.at(-1), 'data: [DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.slice(6)) as { choices: { delta: { content?: string }; finish_reason: string | null }[]; usage?: unknown });
    assert.ok(chunks.length > 4);
    assert.ok(chunks.at(-1)!.usage && chunks.at(-1)!.choices.length === 0);
    assert.equal(chunks.at(-2)!.choices[0].finish_reason, 'stop');
    const text = chunks.flatMap((c) => c.choices.map((x) => x.delta.content ?? '')).join('');
    assert.match(JSON.parse(text).explanation, /^Commit 0123456/);
  });

  it('answers like OpenAI when the key is wrong, the model unknown or the body bad', async () => {
    const unauthorized = await post(chat([{ role: 'user', content: 'x' }]), 'wrong');
    assert.equal(unauthorized.status, 401);
    assert.equal(((await unauthorized.json()) as { error: { code: string } }).error.code, 'invalid_api_key');
    assert.equal((await post({ model: 'nope', messages: [{ role: 'user', content: 'x' }] })).status, 404);
    assert.equal((await post({ model: 'causelens-test' })).status, 400);
    assert.equal((await fetch(`${server.url}/v2/other`)).status, 404);
  });

  it('plays queued faults in order: 429 with Retry-After, 500, then normal again', async () => {
    server.queueFaults({ kind: 'status', status: 429, retryAfter: 7 }, { kind: 'status', status: 500 });
    const limited = await post(chat([{ role: 'user', content: 'x' }]));
    assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '7']);
    assert.equal((await post(chat([{ role: 'user', content: 'x' }]))).status, 500);
    assert.equal((await post(chat([{ role: 'user', content: 'x' }]))).status, 200);
  });

  it('starts from the command line and prints where it listens', async () => {
    const cli = spawn(process.execPath, [join(__dirname, '../../../src/devtools/openai-server/cli.js'), '--port', '0', '--model', 'demo-model'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = (await once(createInterface({ input: cli.stdout! }), 'line')) as [string];
      const info = JSON.parse(line) as { baseURL: string };
      const body = (await (await fetch(`${info.baseURL}/models`)).json()) as { data: { id: string }[] };
      assert.deepEqual(body.data.map((m) => m.id), ['demo-model']);
    } finally {
      cli.kill('SIGTERM');
      await once(cli, 'exit');
    }
  });
});
