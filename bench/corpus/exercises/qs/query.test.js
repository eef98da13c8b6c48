'use strict';
// Query-string behaviour the HTTP layer depends on; run with `node --test`.
var test = require('node:test');
var assert = require('node:assert');
var qs = require('..');

test('nested objects and arrays', function () {
    assert.deepStrictEqual(qs.parse('a[b][c]=d'), { a: { b: { c: 'd' } } });
    assert.deepStrictEqual(qs.parse('a[]=b&a[]=c'), { a: ['b', 'c'] });
    assert.deepStrictEqual(qs.parse('a[1]=c&a[0]=b'), { a: ['b', 'c'] });
});

test('limits', function () {
    assert.deepStrictEqual(qs.parse('a[21]=x'), { a: { 21: 'x' } });
    assert.deepStrictEqual(qs.parse('a=1&b=2&c=3', { parameterLimit: 2 }), { a: '1', b: '2' });
    assert.deepStrictEqual(qs.parse('a[b][c][d]=e', { depth: 1 }), { a: { b: { '[c][d]': 'e' } } });
});

test('decoding', function () {
    assert.deepStrictEqual(qs.parse('a=%20b+c'), { a: ' b c' });
    assert.deepStrictEqual(qs.parse('?a=b', { ignoreQueryPrefix: true }), { a: 'b' });
    assert.deepStrictEqual(qs.parse('a.b=c', { allowDots: true }), { a: { b: 'c' } });
});

test('stringify', function () {
    assert.strictEqual(qs.stringify({ a: { b: 'c' } }), 'a%5Bb%5D=c');
    assert.strictEqual(qs.stringify({ a: ['b', 'c'] }, { indices: false }), 'a=b&a=c');
    assert.strictEqual(qs.stringify({ a: 'b c', d: null }), 'a=b%20c&d=');
    assert.strictEqual(qs.stringify({ a: 'b', c: undefined }), 'a=b');
});
