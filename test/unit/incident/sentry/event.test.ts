import * as assert from 'node:assert/strict';
import { CauseLensError } from '../../../../src/core/errors';
import { parseSentryEvent } from '../../../../src/core/incident/sentry';
import { readFixture, SentryContract } from './support';

const isBadInput = (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input';

describe('parseSentryEvent', () => {
  it('reads an SDK event from @sentry/node with the crash site first', () => {
    const incident = parseSentryEvent(readFixture('node-sdk-event.json'));
    assert.equal(incident.source, 'sentry-event');
    assert.equal(incident.platform, 'javascript');
    assert.equal(incident.id, '647f95dbb0ba429bb66c8e49d21d6a1c');
    assert.equal(incident.release, 'demo@1.0.0');
    assert.equal(incident.environment, 'test');
    assert.equal(incident.firstSeen, new Date(1795771893.488 * 1000).toISOString());
    const [exception] = incident.exceptions;
    assert.equal(exception.type, 'Error');
    assert.equal(exception.message, 'config has no name: {"version": 2}');
    assert.equal(exception.mechanism, 'generic');
    assert.deepEqual(
      exception.frames.slice(0, 3).map((f) => [f.file, f.function, f.line, f.column, f.inApp]),
      [
        ['/srv/sentry-demo/lib.cjs', 'parseConfig', 5, 11, true],
        ['/srv/sentry-demo/app.cjs', 'loadSettings', 11, 10, true],
        ['/srv/sentry-demo/app.cjs', 'Object.?', 14, 3, true],
      ],
    );
    assert.equal(exception.frames[exception.frames.length - 1].file, 'node:internal/main/run_main_module');
    assert.equal(exception.frames[exception.frames.length - 1].inApp, false);
    assert.deepEqual(exception.frames[0].context, {
      pre: ['// second file of the demo', 'function parseConfig(text) {', '  const obj = JSON.parse(text);', '  if (!obj.name) {'],
      line: "    throw new Error('config has no name: ' + text);",
      post: ['  }', '  return obj;', '}', 'module.exports = { parseConfig };'],
    });
    assert.deepEqual(incident.warnings, []);
  });

  it('reads an API event: chained causes reversed, camelCase frames, numbered context, breadcrumbs, tags', () => {
    const incident = parseSentryEvent(readFixture('api-event-python-chained.json'));
    assert.equal(incident.platform, 'python');
    assert.equal(incident.title, 'RuntimeError: could not load invoice 42');
    assert.deepEqual(incident.exceptions.map((e) => e.type), ['RuntimeError', 'KeyError']);
    const [reported, cause] = incident.exceptions;
    assert.equal(reported.mechanism, 'excepthook');
    assert.deepEqual(reported.frames.map((f) => [f.file, f.line, f.inApp, f.module]), [
      ['/srv/app/billing/views.py', 60, true, 'billing.views'],
      ['/srv/app/billing/views.py', 58, true, 'billing.views'],
      ['/usr/local/lib/python3.12/site-packages/django/core/handlers/base.py', 197, false, 'django.core.handlers.base'],
    ]);
    assert.deepEqual(cause.frames[1].context, { pre: ['    row = self.db.fetch(invoice_id)', '    data = dict(row)'], line: "    customer = data['customer_id']", post: ['    return Invoice(customer, data)'] });
    assert.equal(cause.frames[0].context, undefined);
    assert.equal(incident.release, 'billing@2.4.1');
    assert.equal(incident.commit, '3c1f9a0b7d2e4f5a6b7c8d9e0f1a2b3c4d5e6f70');
    assert.equal(incident.environment, 'staging');
    assert.equal(incident.firstSeen, '2026-03-02T08:15:30.125Z');
    assert.deepEqual(incident.tags, { environment: 'staging', release: 'billing@2.4.1', handled: 'no' });
    assert.deepEqual(incident.breadcrumbs, [
      { message: 'SELECT * FROM invoices WHERE id = %s', time: '2026-03-02T08:15:29.900Z', category: 'query', level: 'info' },
      { message: 'GET http://pricing/api/rates [200]', time: new Date(1772439330.01 * 1000).toISOString(), category: 'httplib', level: 'info' },
    ]);
    assert.match(incident.warnings.join('\n'), /omitted frames 10–14/);
  });

  it("reads Sentry's own example event from the OpenAPI contract", () => {
    const contract = new SentryContract();
    const example = contract.example('/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/events/{event_id}/');
    const incident = parseSentryEvent(example);
    assert.equal(incident.platform, 'javascript');
    assert.equal(incident.exceptions[0].type, 'ForbiddenError');
    assert.equal(incident.exceptions[0].frames[0].function, 'apply');
    assert.equal(incident.exceptions[0].frames[0].line, 74);
    assert.equal(incident.exceptions[0].frames[0].file, 'webpack:////usr/src/getsentry/src/sentry/node_modules/reflux-core/lib/PublisherMethods.js');
    assert.equal(incident.exceptions[0].frames[0].context?.line, '            me.trigger.apply(me, args);');
    assert.equal(incident.release, 'b65bc521378269d3eaefdc964f8ef56621414943');
    assert.equal(incident.commit, 'b65bc521378269d3eaefdc964f8ef56621414943');
    assert.equal(incident.environment, 'prod');
    assert.equal(incident.breadcrumbs?.length, 3);
    assert.equal(incident.breadcrumbs?.[1].message, 'GET /api/0/internal/health/ [200]');
  });

  it('accepts the event as JSON text', () => {
    const text = JSON.stringify(readFixture('node-sdk-event.json'));
    assert.equal(parseSentryEvent(text).exceptions[0].frames[0].function, 'parseConfig');
  });

  it('rejects input that is not a Sentry event with a bad-input error', () => {
    assert.throws(() => parseSentryEvent('{"exception": '), isBadInput);
    assert.throws(() => parseSentryEvent(42), isBadInput);
    assert.throws(() => parseSentryEvent(null), isBadInput);
    assert.throws(() => parseSentryEvent({ hello: 'world' }), isBadInput);
    assert.throws(() => parseSentryEvent([{ exception: {} }]), isBadInput);
  });

  it('keeps what it can from a damaged event and says what it dropped', () => {
    const incident = parseSentryEvent({
      event_id: 'abc',
      platform: 'node',
      exception: {
        values: [
          'not an exception',
          { type: 'TypeError', value: 'x is undefined', stacktrace: { frames: [{ lineno: 3 }, 'junk', { filename: '/app/a.js', lineno: 'seven', in_app: 'yes' }, { filename: '/app/node_modules/lib/index.js', lineno: 9 }] } },
        ],
      },
      tags: { build: 7, ok: true },
      breadcrumbs: { values: [null, { timestamp: 'not a date', category: 'ui.click' }] },
      timestamp: 'whenever',
    });
    assert.equal(incident.exceptions.length, 1);
    assert.deepEqual(incident.exceptions[0].frames.map((f) => [f.file, f.line, f.inApp]), [
      ['/app/node_modules/lib/index.js', 9, false],
      ['/app/a.js', undefined, true],
    ]);
    assert.equal(incident.firstSeen, undefined);
    assert.deepEqual(incident.tags, { build: '7' });
    assert.deepEqual(incident.breadcrumbs, [{ message: 'ui.click', category: 'ui.click' }]);
    assert.ok(incident.warnings.some((w) => /malformed exception/.test(w)));
    assert.ok(incident.warnings.some((w) => /without filename/.test(w)));
  });

  it('turns a message event without exception into a partial incident with a warning', () => {
    const incident = parseSentryEvent({ event_id: 'm1', platform: 'python', logentry: { formatted: 'disk almost full' }, threads: { values: [{ current: true, stacktrace: { frames: [{ filename: 'jobs/cleanup.py', lineno: 4, in_app: true }] } }] } });
    assert.equal(incident.exceptions[0].message, 'disk almost full');
    assert.equal(incident.exceptions[0].frames[0].file, 'jobs/cleanup.py');
    assert.match(incident.warnings[0], /no exception/);
  });

  it('gives an event with neither exception, message nor stack no exceptions and says so', () => {
    const incident = parseSentryEvent({ eventID: 'e1', message: '', entries: [{ type: 'request', data: {} }] });
    assert.deepEqual(incident.exceptions, []);
    assert.match(incident.warnings.join(' '), /no frames to map/);
  });
});
