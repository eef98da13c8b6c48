'use strict'
// Resolves the dependency ranges of a small manifest against the versions a registry offers and
// prints the upgrade plan, the way a release tool does before bumping.
var semver = require('..')

var registry = {
  lodash: ['3.10.1', '4.0.0', '4.17.4', '4.17.21', '5.0.0-beta.1'],
  react: ['15.6.2', '16.0.0', '16.14.0', '17.0.2', '18.2.0'],
  chalk: ['1.1.3', '2.4.2', '3.0.0', '4.1.2'],
  debug: ['2.6.9', '3.2.7', '4.3.4'],
  uuid: ['3.4.0', '7.0.3', '8.3.2', '9.0.0']
}

var manifest = {
  lodash: '^4.17.0',
  react: '>=16.0.0 <18',
  chalk: '~2.4.0 || ^4',
  debug: '2.x || 4.x',
  uuid: '>3.0.0 <=8.3.2'
}

function pickVersion (name, range) {
  var available = registry[name]
  var best = semver.maxSatisfying(available, range)
  if (!best) throw new Error('no version of ' + name + ' satisfies ' + range)
  return best
}

function describeUpgrade (name, current, target) {
  var kind = semver.diff(current, target) || 'none'
  var outdated = semver.gtr(target, '<' + current) ? 'newer' : 'same'
  return name + ': ' + current + ' -> ' + target + ' (' + kind + ', ' + outdated + ')'
}

function planRelease (version, changes) {
  var release = changes.some(function (c) { return c.breaking }) ? 'major'
    : changes.some(function (c) { return c.feature }) ? 'minor' : 'patch'
  return semver.inc(version, release)
}

function main () {
  var lines = Object.keys(manifest).sort().map(function (name) {
    var range = semver.validRange(manifest[name])
    if (!range) throw new Error('invalid range for ' + name)
    var target = pickVersion(name, manifest[name])
    var lowest = semver.sort(registry[name].filter(function (v) { return semver.satisfies(v, range) }))[0]
    return describeUpgrade(name, semver.clean(' v' + lowest + ' '), target)
  })
  lines.push('next release: ' + planRelease('1.4.2', [{ feature: true }, { fix: true }]))
  lines.push('prerelease ok: ' + semver.valid('2.0.0-rc.1') + ' ' + semver.lt('2.0.0-rc.1', '2.0.0'))
  console.log(lines.join('\n'))
}

main()
