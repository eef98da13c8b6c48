// Words of a failing test's names and the product symbols they name.

import * as assert from 'node:assert/strict';
import { stem, symbolsNamedBy, testAnchorNames, testNameStems, MAX_NAMED_SYMBOLS } from '../../../src/core/analysis/testNames';

describe('code named by the failing test', () => {
  it('keeps the words that name behaviour, singular, from every naming style', () => {
    assert.deepEqual(testNameStems(['caret and tilde ranges']), ['caret', 'tilde', 'range']);
    assert.deepEqual(testNameStems(['ConditionsTest.test_conditions_are_applied']), ['condition', 'applied']);
    assert.deepEqual(testNameStems(['testJsonEncodingOfNulls', 'should work correctly']), ['json', 'encoding', 'null']);
    assert.deepEqual([stem('entries'), stem('class'), stem('args'), stem('its')], ['entry', 'class', 'arg', 'its']);
  });

  it('reads a test anchor by its titles, function, class and file, not by runner frames', () => {
    const names = testAnchorNames({ path: 'test/ranges.test.js', function: 'TestContext.<anonymous>' }, ['caret and tilde ranges']);
    assert.deepEqual(names, ['caret and tilde ranges', 'ranges.test']);
    const java = testAnchorNames({ path: 'src/test/java/org/acme/shop/CartTest.java', function: 'org.acme.shop.CartTest.testTotalWithCoupons' }, []);
    assert.deepEqual(testNameStems(java), ['cart', 'total', 'coupon'], 'the package names the project, not the code under test');
  });

  it('ranks product symbols by the words they share, and leaves test code out', () => {
    const at = (path: string, name: string) => ({ path, name, qualifiedName: name, startLine: 1, endLine: 2 });
    const named = symbolsNamedBy(['caret', 'range'], [at('lib/range.js', 'parseRange'), at('lib/range.js', 'replaceCarets'), at('lib/range.js', 'caretRange'), at('test/range.test.js', 'caretRangeFixture'), at('lib/semver.js', 'compare')]);
    assert.deepEqual(named.map((n) => `${n.name}:${n.shared.join('+')}`), ['caretRange:caret+range', 'parseRange:range', 'replaceCarets:caret']);
    const many = Array.from({ length: 40 }, (_, i) => at('lib/range.js', `range_${'x'.repeat(i + 1)}`));
    assert.equal(symbolsNamedBy(['range'], many).length, MAX_NAMED_SYMBOLS);
  });
});
