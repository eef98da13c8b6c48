import * as assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/core/explain/redact';

// Fake secrets built at run time, so this file never holds anything a scanner mistakes for one.
const fake = (prefix: string, body: string, n: number) => prefix + body.repeat(Math.ceil(n / body.length)).slice(0, n);

const CASES: { name: string; text: string; secret: string; kind: string }[] = [
  { name: 'AWS access key', text: `aws_key_id: ${fake('AKIA', 'IOSFODNN7EXAMPL', 16)}`, secret: fake('AKIA', 'IOSFODNN7EXAMPL', 16), kind: 'aws-access-key' },
  { name: 'GitHub classic token', text: `git clone https://${fake('ghp_', 'aB3dE5', 36)}@github.com/x/y`, secret: fake('ghp_', 'aB3dE5', 36), kind: 'github-token' },
  { name: 'GitHub fine-grained token', text: `GH=${fake('github_pat_', '11ABCD_ef', 60)}`, secret: fake('github_pat_', '11ABCD_ef', 60), kind: 'github-token' },
  { name: 'OpenAI key', text: `const client = new OpenAI({ apiKey: "${fake('sk-proj-', 'Ab3_x9', 48)}" });`, secret: fake('sk-proj-', 'Ab3_x9', 48), kind: 'openai-key' },
  { name: 'Slack bot token', text: `slack.token(${fake('xoxb-', '1234-', 40)})`, secret: fake('xoxb-', '1234-', 40), kind: 'slack-token' },
  { name: 'Slack webhook', text: `post(${fake('https://hooks.slack.com/services/', 'T0B1X2/', 30)})`, secret: fake('https://hooks.slack.com/services/', 'T0B1X2/', 30), kind: 'slack-webhook' },
  {
    name: 'JWT',
    text: `cookie session=${['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'].join('.')}; path=/`,
    secret: 'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
    kind: 'jwt',
  },
  { name: 'Bearer token', text: `Authorization: Bearer ${fake('', 'q8Zx-3kP_', 40)}`, secret: fake('', 'q8Zx-3kP_', 40), kind: 'bearer-token' },
  { name: 'password= assignment', text: 'DB_PASSWORD=hunter2horse', secret: 'hunter2horse', kind: 'assigned-secret' },
  { name: 'letters-only secret in a .env line', text: 'export STRIPE_SECRET=correcthorsebattery', secret: 'correcthorsebattery', kind: 'assigned-secret' },
  { name: 'bare password with digits in config', text: 'spring.datasource.password: pa55word', secret: 'pa55word', kind: 'assigned-secret' },
  { name: 'quoted password assignment in code', text: `const password = 'correct horse battery';`, secret: 'correct horse battery', kind: 'assigned-secret' },
  { name: 'secret: in YAML', text: 'client_secret: "9f8e7d6c5b4a"', secret: '9f8e7d6c5b4a', kind: 'assigned-secret' },
  { name: 'api_key in a URL query', text: 'GET /v1/data?api_key=Zm9vYmFy1234&page=2', secret: 'Zm9vYmFy1234', kind: 'assigned-secret' },
  { name: 'JSON api key', text: '{"apiKey": "live-7d1c5e4f"}', secret: 'live-7d1c5e4f', kind: 'assigned-secret' },
  {
    name: 'PEM private key',
    text: `key = """-----BEGIN RSA PRIVATE KEY-----\n${fake('', 'MIIEowIBAAKCAQEA7', 64)}\n${fake('', 'q2Zs9', 64)}\n-----END RSA PRIVATE KEY-----"""`,
    secret: fake('', 'q2Zs9', 64),
    kind: 'private-key',
  },
  { name: 'PEM key cut off before its end line', text: `-----BEGIN PRIVATE KEY-----\n${fake('', 'MIIEvQIBADANBg', 64)}`, secret: fake('', 'MIIEvQIBADANBg', 64), kind: 'private-key' },
  { name: 'postgres URL with credentials', text: 'DATABASE_URL=postgres://app:s3cr3tP4ss@db.internal:5432/app', secret: 's3cr3tP4ss', kind: 'connection-credentials' },
  { name: 'mongodb+srv URL', text: 'mongoose.connect("mongodb+srv://admin:Pa55w0rd@cluster0.mongodb.net/db")', secret: 'Pa55w0rd', kind: 'connection-credentials' },
  { name: 'ADO.NET connection string', text: 'Server=db;Database=shop;User Id=sa;Password=Sup3rS3cret!;', secret: 'Sup3rS3cret!', kind: 'connection-credentials' },
  { name: 'email address', text: 'Failed to send receipt to jane.doe+shop@example.co.uk (SMTP 550)', secret: 'jane.doe+shop@example.co.uk', kind: 'email' },
];

describe('redactSecrets', () => {
  for (const c of CASES) {
    it(`removes a ${c.name}`, () => {
      const result = redactSecrets(c.text);
      assert.ok(!result.text.includes(c.secret), `still contains the secret: ${result.text}`);
      assert.ok((result.counts as Record<string, number>)[c.kind] >= 1, `expected a ${c.kind} count, got ${JSON.stringify(result.counts)} for ${result.text}`);
      assert.match(result.text, /\[REDACTED:[a-z-]+\]/);
    });
  }

  it('keeps the shape around a secret: scheme and host of a URL, the header name, the key name', () => {
    assert.equal(redactSecrets('postgres://app:pw12345@db:5432/app').text, 'postgres://[REDACTED:connection-credentials]@db:5432/app');
    assert.equal(redactSecrets(`Authorization: Bearer ${'x'.repeat(30)}`).text, 'Authorization: Bearer [REDACTED:bearer-token]');
    assert.equal(redactSecrets(`password = "hunter22"`).text, 'password = "[REDACTED:assigned-secret]"');
  });

  it('leaves ordinary code alone', () => {
    const code = [
      'function login(password: string, token?: Token): Promise<Session> {',
      '  const hashed = await bcrypt.hash(password, 10);',
      '  if (password == "") throw new Error("empty");',
      '  const password2 = req.body.password;',
      '  const apiKey = process.env.OPENAI_API_KEY;',
      '  const secret = config.get("secret");',
      '  pwd = os.getenv("PWD")',
      '  SECRET_KEY = os.environ["SECRET_KEY"]',
      '  API_TOKEN = getToken()',
      "  fetch(url, { credentials: 'include', headers });",
      '  const tokens = tokenize(source);',
      '  const nextToken = lexer.next();',
      '  return { password: hashed, token: nextToken, secretName: name };',
      '  // see https://example.com/docs?page=2 and @types/node, import x from "@scope/pkg"',
      '  const skipped = items.filter((x) => x.sk !== undefined); // sk-learn style names',
      '  background: url(logo@2x.png);',
      '  const user = { email: user.email, name };',
      '  git rev-parse HEAD~1 && echo "AKIA is a prefix"',
      '  const jwt = sign(payload, key);  Bearer realm="api"',
      '}',
    ].join('\n');
    const result = redactSecrets(code);
    assert.equal(result.text, code, `changed: ${JSON.stringify(result.counts)}`);
    assert.deepEqual(result.counts, {});
  });

  it('redacts every occurrence and counts them', () => {
    const result = redactSecrets('a@example.com, b@example.org and c@example.net');
    assert.equal(result.counts.email, 3);
    assert.equal(result.text, '[REDACTED:email], [REDACTED:email] and [REDACTED:email]');
  });
});
