// The CLI end to end on a built repository: exit codes, JSON shape, explanations and consent.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInvestigateArgs } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/main';
import { startOpenAiServer } from '../../../src/devtools/openai-server/server';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';

function capture(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env }, out: () => out.join(''), err: () => err.join('') };
}

describe('causelens CLI', function () {
  this.timeout(60000);
  let repo: BuiltRepo;
  let dir: string;
  let stack: string;
  let culprit: string;
  before(() => {
    const b = new TestRepoBuilder();
    b.commit({ message: 'users', files: { 'src/users.js': 'function formatUser(user) {\n  if (!user.profile) return user.name;\n  return user.profile.email;\n}\nmodule.exports = { formatUser };\n', 'run.js': "require('./src/users').formatUser({ name: 'ada' });\n" } });
    const c = b.commit({ message: 'drop the profile check', files: { 'src/users.js': 'function formatUser(user) {\n  return user.profile.email;\n}\nmodule.exports = { formatUser };\n' } });
    b.commit({ message: 'docs', files: { 'README.md': 'x\n' } });
    repo = b.build();
    culprit = repo.sha(c);
    dir = mkdtempSync(join(tmpdir(), 'causelens-cli-'));
    stack = join(dir, 'stack.txt');
    writeFileSync(stack, "TypeError: Cannot read properties of undefined (reading 'email')\n    at formatUser (/app/src/users.js:2:23)\n");
  });
  after(() => {
    repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the ranking as JSON in the documented shape and exits 0', async () => {
    const c = capture();
    assert.equal(await runCli(['investigate', '--repo', repo.dir, '--stack', stack, '--json', '--top', '2'], c.io), 0);
    const json = JSON.parse(c.out());
    assert.deepEqual(Object.keys(json).sort(), ['causes', 'incident', 'stats', 'warnings']);
    assert.equal(json.causes.length, 2);
    const first = json.causes[0];
    assert.equal(first.rank, 1);
    assert.equal(first.commit.sha, culprit);
    assert.deepEqual(Object.keys(first.commit).sort(), ['author', 'date', 'sha', 'subject']);
    assert.ok(typeof first.score === 'number' && typeof first.confidence === 'number');
    assert.ok(first.evidence.every((e: { kind: string; weight: number; message: string }) => e.kind && typeof e.weight === 'number' && e.message));
    assert.ok(Array.isArray(first.suspectLines));
  });

  it('reaches back at least 300 commits by default; --min-commits 1 keeps to the days alone', () => {
    const parsed = (...extra: string[]) => parseInvestigateArgs(['--stack', stack, ...extra]);
    assert.deepEqual([parsed(), parsed('--min-commits', '1'), parsed('--window-days', '3')].map((a) => (a === 'help' ? a : [a.windowDays, a.minCommits])), [[14, 300], [14, 1], [3, 300]]);
    assert.throws(() => parsed('--min-commits', '0'), /min-commits/);
  });

  it('takes 100 older commits of the related code by default; --older-commits 0 takes none', () => {
    const parsed = (...extra: string[]) => parseInvestigateArgs(['--stack', stack, ...extra]);
    assert.deepEqual([parsed(), parsed('--older-commits', '0'), parsed('--older-commits', '7')].map((a) => (a === 'help' ? a : a.olderCommits)), [100, 0, 7]);
    assert.throws(() => parsed('--older-commits', '-1'), /older-commits/);
    assert.throws(() => parsed('--older-commits', 'x'), /older-commits/);
  });

  it('exits 2 with a one-line reason on bad input', async () => {
    for (const args of [['investigate'], ['investigate', '--stack', join(dir, 'missing.txt'), '--repo', repo.dir], ['investigate', '--stack', stack, '--top', 'zero'], ['frobnicate']]) {
      const c = capture();
      assert.equal(await runCli(args, c.io), 2, args.join(' '));
      assert.match(c.err(), /^causelens: /);
    }
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n');
    const c = capture();
    assert.equal(await runCli(['investigate', '--repo', repo.dir, '--stack', empty], c.io), 2);
    assert.match(c.err(), /empty/);
  });

  it('explains the top causes offline with --explain', async () => {
    const c = capture();
    assert.equal(await runCli(['investigate', '--repo', repo.dir, '--stack', stack, '--explain'], c.io), 0);
    assert.match(c.out(), /Why \(offline\): Commit [0-9a-f]{7} \("drop the profile check"\)/);
  });

  it('confirms the culprit by reverting it in a temporary worktree with --repro', async () => {
    const c = capture();
    assert.equal(await runCli(['investigate', '--repo', repo.dir, '--stack', stack, '--repro', 'node run.js', '--json'], c.io), 0, c.err());
    const causes = JSON.parse(c.out()).causes;
    assert.equal(causes[0].commit.sha, culprit);
    assert.equal(causes[0].confirmed, true);
    assert.equal(causes[0].evidence[0].kind, 'intervention');
    assert.ok(causes.slice(1).every((x: { confirmed?: boolean }) => x.confirmed !== true));
  });

  it('asks once before sending code to an OpenAI-compatible endpoint, then explains through it', async () => {
    const server = await startOpenAiServer({ port: 0 });
    const env = { CAUSELENS_LLM_BASE_URL: server.baseURL, CAUSELENS_LLM_MODEL: 'causelens-test', XDG_CONFIG_HOME: join(dir, 'config') };
    try {
      const refused = capture(env);
      assert.equal(await runCli(['investigate', '--repo', repo.dir, '--stack', stack, '--explain'], refused.io), 2);
      assert.match(refused.err(), /--allow-llm/);
      assert.equal(server.requests.length, 0, 'nothing was sent before consent');
      const agreed = capture(env);
      assert.equal(await runCli(['investigate', '--repo', repo.dir, '--stack', stack, '--explain', '--allow-llm', '--json'], agreed.io), 0);
      assert.ok(server.requests.length > 0);
      const explanation = JSON.parse(agreed.out()).causes[0].explanation;
      assert.equal(explanation.origin, 'model', JSON.stringify(explanation));
      const remembered = capture(env);
      assert.equal(await runCli(['investigate', '--repo', repo.dir, '--stack', stack, '--explain'], remembered.io), 0, remembered.err());
    } finally {
      await server.close();
    }
  });
});
