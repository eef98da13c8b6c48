import * as assert from 'node:assert/strict';
import { retryAfterMs } from '../../../../src/core/incident/sentry/http';
import { nextCursor, parseLinkHeader } from '../../../../src/core/incident/sentry/link';

describe('Sentry Link header and Retry-After', () => {
  const sentryIo =
    '<https://sentry.io/api/0/projects/acme/web/issues/?&cursor=1541455200000:0:1>; rel="previous"; results="false"; cursor="1541455200000:0:1", ' +
    '<https://sentry.io/api/0/projects/acme/web/issues/?&cursor=1541455200000:100:0>; rel="next"; results="true"; cursor="1541455200000:100:0"';

  it('reads both links and takes the next cursor only when results="true"', () => {
    assert.deepEqual(parseLinkHeader(sentryIo).map((l) => [l.rel, l.results, l.cursor]), [
      ['previous', false, '1541455200000:0:1'],
      ['next', true, '1541455200000:100:0'],
    ]);
    assert.equal(nextCursor(sentryIo), '1541455200000:100:0');
    assert.equal(nextCursor(sentryIo.replace('rel="next"; results="true"', 'rel="next"; results="false"')), undefined);
  });

  it('accepts attributes in any order and a cursor only in the URL', () => {
    assert.equal(nextCursor('<https://x/api/0/a/?cursor=0:200:0>; results="true"; rel="next"'), '0:200:0');
    assert.equal(nextCursor(null), undefined);
    assert.equal(nextCursor('garbage'), undefined);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(retryAfterMs('3'), 3000);
    assert.equal(retryAfterMs('0.5'), 500);
    assert.equal(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1)), 10_000);
    assert.equal(retryAfterMs('soon'), undefined);
    assert.equal(retryAfterMs(null), undefined);
  });
});
