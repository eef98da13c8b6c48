'use strict'
// Range behaviour the release tooling depends on; run with `node --test`.
const { test } = require('node:test')
const assert = require('node:assert')
const semver = require('..')

test('caret and tilde ranges', () => {
  assert.strictEqual(semver.satisfies('1.2.9', '~1.2.3'), true)
  assert.strictEqual(semver.satisfies('1.3.0', '~1.2.3'), false)
  assert.strictEqual(semver.satisfies('1.9.0', '^1.2.3'), true)
  assert.strictEqual(semver.satisfies('0.3.0', '^0.2.3'), false)
})

test('max satisfying picks the newest match', () => {
  assert.strictEqual(semver.maxSatisfying(['1.2.3', '1.4.0', '2.0.0'], '^1.2.0'), '1.4.0')
  assert.strictEqual(semver.minSatisfying(['1.2.3', '1.4.0', '2.0.0'], '>=1.3.0'), '1.4.0')
})

test('increments', () => {
  assert.strictEqual(semver.inc('1.2.3', 'minor'), '1.3.0')
  assert.strictEqual(semver.inc('1.2.3-beta.1', 'prerelease'), '1.2.3-beta.2')
  assert.strictEqual(semver.diff('1.2.3', '2.0.0'), 'major')
})

test('comparison and sorting', () => {
  assert.deepStrictEqual(semver.sort(['1.10.0', '1.2.0', '1.2.0-rc.1']), ['1.2.0-rc.1', '1.2.0', '1.10.0'])
  assert.strictEqual(semver.gt('2.0.0', '1.99.99'), true)
  assert.strictEqual(semver.compare('1.0.0', '1.0.0'), 0)
})

test('coerce and clean', () => {
  assert.strictEqual(semver.coerce('v3.4 beta').version, '3.4.0')
  assert.strictEqual(semver.clean('  =v1.2.3  '), '1.2.3')
  assert.strictEqual(semver.valid('1.2'), null)
})

test('range intersections and outside', () => {
  assert.strictEqual(semver.intersects('^1.2.0', '>=1.5.0 <3'), true)
  assert.strictEqual(semver.gtr('3.0.0', '^2.0.0'), true)
  assert.strictEqual(semver.ltr('1.0.0', '^2.0.0'), true)
  assert.strictEqual(semver.minVersion('>=1.2.3 <2').version, '1.2.3')
})
