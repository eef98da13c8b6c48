// `npm run demo`: the whole product on a real crash. Builds the shop service's git history in a
// temp folder, starts the local Sentry-compatible server, runs the service with the real
// @sentry/node SDK until it crashes, then asks the CauseLens CLI which commit caused the Sentry
// issue (reading it back through the REST API) and explains the top causes offline.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoHistory } from '../demo/history.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { startSentryServer } = require(join(root, 'out/src/devtools/sentry-server/server.js'));
const { runShopServiceCrash } = require(join(root, 'demo/run-shop-service.js'));

function git(dir, args, env = {}) {
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
}

function buildRepository(dir) {
  git(dir, ['init', '-q', '-b', 'main']);
  for (const step of demoHistory(join(root, 'demo/shop-service'))) {
    for (const [path, text] of Object.entries(step.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    git(dir, ['add', '-A']);
    const who = { GIT_AUTHOR_NAME: step.author.name, GIT_AUTHOR_EMAIL: step.author.email, GIT_AUTHOR_DATE: step.date, GIT_COMMITTER_NAME: step.author.name, GIT_COMMITTER_EMAIL: step.author.email, GIT_COMMITTER_DATE: step.date };
    git(dir, ['commit', '-q', '-m', step.message], who);
    if (step.tag) git(dir, ['tag', step.tag]);
  }
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'causelens-demo-'));
  const repo = join(work, 'shop-service');
  mkdirSync(repo);
  buildRepository(repo);
  // Sanity: the built history ends exactly at the committed service sources.
  cpSync(join(root, 'demo/shop-service/src'), join(work, 'check'), { recursive: true });
  const head = git(repo, ['rev-parse', 'HEAD']).trim();
  const commits = git(repo, ['log', '--format=%H%x09%an%x09%ae%x09%aI%x09%s', 'v1.0.0..v1.1.0']).trim().split('\n').map((l) => l.split('\t'));
  console.log(`Built ${repo}: ${git(repo, ['rev-list', '--count', 'HEAD']).trim()} commits by 4 authors, releases v1.0.0 and v1.1.0.`);

  const release = 'shop-service@1.1.0';
  const server = await startSentryServer({
    port: 0,
    releases: [{
      version: release, projects: ['shop-service'], ref: head,
      commits: commits.map(([id, authorName, authorEmail, timestamp, message]) => ({ id, author_name: authorName, author_email: authorEmail, timestamp, message })),
      deploys: [{ environment: 'production', name: 'deploy 1.1.0', dateStarted: new Date(Date.now() - 30 * 60_000).toISOString(), dateFinished: new Date(Date.now() - 25 * 60_000).toISOString() }],
    }],
  });
  try {
    console.log(`Local Sentry-compatible server at ${server.url}; running the shop service until it crashes…`);
    const crash = await runShopServiceCrash({ dsn: server.dsn(), serviceDir: repo, release });
    console.log(`shop-service exited with code ${crash.exitCode} after GET /orders/ord-1002/receipt.`);
    await server.waitForEvents(1, 20_000);
    const issues = await (await fetch(`${server.url}/api/0/projects/${server.organization}/shop-service/issues/`, { headers: { Authorization: `Bearer ${server.token}` } })).json();
    const issue = issues[0];
    console.log(`Sentry issue ${issue.id}: ${issue.title}\n`);
    console.log(`$ causelens investigate --repo ${repo} --sentry-issue ${issue.id} --explain\n`);
    // Asynchronously: the Sentry server answering the CLI runs in this process.
    const cli = spawn(process.execPath, [join(root, 'dist/cli.js'), 'investigate', '--repo', repo, '--sentry-issue', issue.id, '--sentry-url', server.url, '--sentry-org', server.organization, '--window-days', '30', '--explain'], {
      stdio: 'inherit',
      env: { ...process.env, SENTRY_AUTH_TOKEN: server.token, CAUSELENS_LLM_BASE_URL: '', CAUSELENS_LLM_API_KEY: '', OPENAI_API_KEY: '' },
    });
    process.exitCode = await new Promise((resolve) => cli.on('exit', (code) => resolve(code ?? 1)));
  } finally {
    await server.close();
    if (!process.env.CAUSELENS_KEEP_DEMO) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`demo failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
