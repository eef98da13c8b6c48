// Command line for the local OpenAI-compatible stand-in: `node out/src/devtools/openai-server/cli.js
// --port 11435 [--model causelens-test] [--api-key KEY] [--no-json-schema]`; prints where it listens
// as one JSON line and runs until killed.

import { parseArgs } from 'node:util';
import { startOpenAiServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      model: { type: 'string', multiple: true },
      'api-key': { type: 'string' },
      'no-json-schema': { type: 'boolean', default: false },
    },
  });
  const server = await startOpenAiServer({
    port: Number(values.port),
    host: values.host,
    models: values.model && values.model.length > 0 ? values.model : undefined,
    apiKey: values['api-key'],
    jsonSchema: !values['no-json-schema'],
  });
  // One JSON line first so a parent process (the demo script) can read where the server is.
  console.log(JSON.stringify({ url: server.url, baseURL: server.baseURL, models: values.model ?? ['causelens-test'] }));
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`openai-server: ${(error as Error).message}`);
  process.exit(1);
});
