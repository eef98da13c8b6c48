// Command line for the local Sentry stand-in: `node out/src/devtools/sentry-server/cli.js
// --port 9000 [--org causelens] [--seed releases.json]`; prints the URL, DSN and token, runs until killed.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSentryServer, type ReleaseSeed } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      org: { type: 'string', default: 'causelens' },
      seed: { type: 'string' },
    },
  });
  const releases = values.seed ? (JSON.parse(readFileSync(values.seed, 'utf8')) as ReleaseSeed[]) : [];
  const server = await startSentryServer({ port: Number(values.port), host: values.host, organization: values.org, releases });
  // One JSON line first so a parent process can read where the server is.
  console.log(JSON.stringify({ url: server.url, dsn: server.dsn(), organization: server.organization, project: server.store.projects[0].slug, token: server.token }));
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sentry-server: ${(error as Error).message}`);
  process.exit(1);
});
