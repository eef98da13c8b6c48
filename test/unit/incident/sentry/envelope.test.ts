import * as assert from 'node:assert/strict';
import { EnvelopeError, parseEnvelope } from '../../../../src/devtools/sentry-server/envelope';

describe('Sentry envelope parsing (local server)', () => {
  it('reads items with and without a length, binary payloads and a missing final newline', () => {
    const attachment = Buffer.from([0x00, 0x0a, 0xff, 0x0a]);
    const body = Buffer.concat([
      Buffer.from('{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","dsn":"https://k@sentry.io/42"}\n'),
      Buffer.from('{"type":"attachment","length":4,"filename":"bin"}\n'),
      attachment,
      Buffer.from('\n{"type":"event"}\n{"message":"hello"}\n'),
      Buffer.from('{"type":"session","length":2}\n{}'),
    ]);
    const envelope = parseEnvelope(body);
    assert.equal(envelope.header.event_id, '9ec79c33ec9942ab8353589fcb2e04dc');
    assert.deepEqual(envelope.items.map((i) => i.header.type), ['attachment', 'event', 'session']);
    assert.deepEqual(envelope.items[0].payload, attachment);
    assert.deepEqual(JSON.parse(envelope.items[1].payload.toString()), { message: 'hello' });
    assert.equal(envelope.items[2].payload.toString(), '{}');
  });

  it('rejects a header that is not JSON and an item longer than the body', () => {
    assert.throws(() => parseEnvelope(Buffer.from('not json\n')), EnvelopeError);
    assert.throws(() => parseEnvelope(Buffer.from('{}\n{"type":"event","length":99}\n{}')), EnvelopeError);
    assert.throws(() => parseEnvelope(Buffer.from('{}\n[1]\n{}')), EnvelopeError);
  });
});
