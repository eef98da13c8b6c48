import * as assert from 'node:assert/strict';
import { chooseExplainProvider, ConsentToken, grantConsent, isLocalEndpoint, openAiConfigFromEnv, parseProviderSetting } from '../../../src/core/explain';
import { CauseLensError } from '../../../src/core/errors';

describe('explanation settings', () => {
  it('chooses a provider: auto prefers an endpoint, then a VS Code model, then offline', () => {
    assert.equal(chooseExplainProvider('auto', { openAi: true, vscodeLm: true }).provider, 'openai');
    assert.equal(chooseExplainProvider('auto', { openAi: false, vscodeLm: true }).provider, 'vscode-lm');
    assert.equal(chooseExplainProvider('auto', { openAi: false, vscodeLm: false }).provider, 'offline');
    assert.equal(chooseExplainProvider('offline', { openAi: true, vscodeLm: true }).provider, 'offline');
    const missing = chooseExplainProvider('openai', { openAi: false, vscodeLm: true });
    assert.equal(missing.provider, 'offline');
    assert.match(missing.note!, /No OpenAI-compatible endpoint/);
    assert.equal(chooseExplainProvider('vscode-lm', { openAi: true, vscodeLm: false }).provider, 'offline');
    assert.equal(parseProviderSetting(undefined), 'auto');
    assert.equal(parseProviderSetting(' OpenAI '), 'openai');
    assert.throws(() => parseProviderSetting('gpt'), (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input');
  });

  it('reads the CLI endpoint from the environment', () => {
    assert.equal(openAiConfigFromEnv({}), undefined);
    assert.deepEqual(openAiConfigFromEnv({ OPENAI_API_KEY: 'k1' }), { baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKey: 'k1' });
    assert.deepEqual(
      openAiConfigFromEnv({ CAUSELENS_LLM_BASE_URL: 'http://localhost:11434/v1', CAUSELENS_LLM_MODEL: 'llama3.2', CAUSELENS_LLM_API_KEY: 'k2', OPENAI_API_KEY: 'k1', CAUSELENS_LLM_TIMEOUT_MS: '5000' }),
      { baseURL: 'http://localhost:11434/v1', model: 'llama3.2', apiKey: 'k2', timeoutMs: 5000 },
    );
    assert.equal(openAiConfigFromEnv({ OPENAI_API_KEY: 'k', CAUSELENS_LLM_AZURE_API_VERSION: '2024-10-21' })!.azureApiVersion, '2024-10-21');
    assert.throws(() => openAiConfigFromEnv({ CAUSELENS_LLM_BASE_URL: 'http://localhost:1234/v1' }), /Set CAUSELENS_LLM_MODEL/);
    assert.throws(() => openAiConfigFromEnv({ CAUSELENS_LLM_BASE_URL: 'not a url', CAUSELENS_LLM_MODEL: 'm' }), /not a URL/);
    assert.throws(() => openAiConfigFromEnv({ CAUSELENS_LLM_BASE_URL: 'file:///etc', CAUSELENS_LLM_MODEL: 'm' }), /must be http/);
    assert.throws(() => openAiConfigFromEnv({ OPENAI_API_KEY: 'k', CAUSELENS_LLM_TIMEOUT_MS: 'soon' }), /positive whole number/);
  });

  it('binds consent to one endpoint and tells local endpoints apart', () => {
    const token = grantConsent('https://api.openai.com/v1');
    assert.ok(ConsentToken.covers(token, 'https://api.openai.com/v1'));
    assert.ok(!ConsentToken.covers(token, 'https://evil.example/v1'));
    assert.ok(!ConsentToken.covers({ endpoint: 'https://api.openai.com/v1' }, 'https://api.openai.com/v1'));
    assert.ok(!ConsentToken.covers(undefined, 'https://api.openai.com/v1'));
    assert.ok(isLocalEndpoint('http://localhost:11434/v1'));
    assert.ok(isLocalEndpoint('http://127.0.0.1:1234/v1'));
    assert.ok(isLocalEndpoint('http://[::1]:8000/v1'));
    assert.ok(!isLocalEndpoint('https://my-resource.openai.azure.com'));
    assert.ok(!isLocalEndpoint('vscode-lm:copilot'));
  });
});
