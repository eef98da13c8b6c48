import * as assert from 'node:assert/strict';
import { readIncident } from '../../../../src/core/incident';
import { parseJavaFrame } from '../../../../src/core/incident/stacktrace/java';
import { traceFixture } from '../traceFixtures';

describe('JVM stack traces (captured from java on this machine)', () => {
  const incident = readIncident(traceFixture('java/OrderService.trace.txt'));

  it('reads the thread header, `Caused by` chain and class/method of each frame', () => {
    assert.equal(incident.platform, 'java');
    assert.equal(incident.title, 'java.lang.RuntimeException: checkout failed');
    assert.deepEqual(incident.exceptions.map((e) => [e.type, e.chainedAs]), [
      ['java.lang.RuntimeException', undefined],
      ['java.lang.IllegalArgumentException', 'cause'],
      ['java.lang.NumberFormatException', 'cause'],
    ]);
    const parse = incident.exceptions[2].frames[3];
    assert.deepEqual([parse.module, parse.function, parse.file, parse.line, parse.inApp], ['com.example.shop.OrderService$PriceParser', 'parse', 'OrderService.java', 7, true]);
    assert.equal(incident.exceptions[2].frames[0].inApp, false);
  });

  it('restores "... N more" from the frames shared with the enclosing trace', () => {
    assert.deepEqual(incident.exceptions[1].frames.map((f) => `${f.function}:${f.line}`), ['total:22', 'checkout:28', 'main:35']);
    assert.deepEqual(incident.exceptions[2].frames.slice(-3).map((f) => `${f.function}:${f.line}`), ['total:20', 'checkout:28', 'main:35']);
  });

  it('keeps `Suppressed:` exceptions on the exception they were suppressed in, not in the cause chain', () => {
    const [suppressed] = incident.exceptions[2].suppressed ?? [];
    assert.equal(suppressed.type, 'java.lang.IllegalStateException');
    assert.deepEqual(suppressed.frames.map((f) => `${f.module}.${f.function}:${f.line}`), [
      'com.example.shop.OrderService$Resource.close:14',
      'com.example.shop.OrderService.total:19',
      'com.example.shop.OrderService.checkout:28',
      'com.example.shop.OrderService.main:35',
    ]);
  });

  it('marks java.base stream frames as library frames around the app lambda', () => {
    const frames = readIncident(traceFixture('java/Lambdas.trace.txt')).exceptions[0].frames;
    assert.deepEqual([frames[0].function, frames[0].inApp, frames[1].inApp, frames[frames.length - 1].function], ['lambda$main$0', true, false, 'main']);
  });

  it('parses Kotlin, classloader-prefixed, native and unknown-source frames', () => {
    assert.deepEqual(parseJavaFrame('\tat com.acme.api.UserRoutesKt.getUser(UserRoutes.kt:42)'), { file: 'UserRoutes.kt', module: 'com.acme.api.UserRoutesKt', function: 'getUser', line: 42, inApp: true });
    assert.equal(parseJavaFrame('\tat app//com.acme.Main.run(Main.java:3)')?.module, 'com.acme.Main');
    assert.deepEqual(parseJavaFrame('\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)'), { file: '', module: 'jdk.internal.reflect.NativeMethodAccessorImpl', function: 'invoke0', inApp: false });
    assert.equal(parseJavaFrame('\tat com.acme.Gen.call(Unknown Source)')?.inApp, true);
    assert.equal(parseJavaFrame('\tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)')?.inApp, false);
  });

  it('reads a trace from container logs, each line behind a timestamp and a stream tag', () => {
    const logged = traceFixture('java/OrderService.trace.txt')
      .split('\n')
      .filter((l) => l)
      .map((l, i) => `2024-05-01T12:00:${String(i % 60).padStart(2, '0')}.123456789Z stderr F ${l}`)
      .join('\n');
    const incident = readIncident(logged);
    assert.deepEqual(incident.exceptions.map((e) => e.type), ['java.lang.RuntimeException', 'java.lang.IllegalArgumentException', 'java.lang.NumberFormatException']);
    assert.equal(incident.exceptions[2].suppressed?.length, 1);
    assert.equal(incident.exceptions[1].frames.length, 3);
  });

  it('keeps the traces of the other failures of a test run, each once, after the first', () => {
    // Maven Surefire's report: each failing test's trace, then the same again in the summary.
    const failure = (test: string, trace: string[]) => [`[ERROR] ${test}  Time elapsed: 0.012 s  <<< FAILURE!`, ...trace, ''];
    const first = ['java.lang.AssertionError: expected:<3> but was:<-1>', '\tat org.junit.Assert.fail(Assert.java:89)', '\tat com.example.MathTest.adds(MathTest.java:12)'];
    const second = ['java.lang.NullPointerException: Cannot read field "value" because "a" is null', '\tat com.example.Math.mul(Math.java:7)', '\tat com.example.MathTest.multiplies(MathTest.java:18)'];
    const text = [...failure('adds(com.example.MathTest)', first), ...failure('multiplies(com.example.MathTest)', second), '[ERROR] Failures: ', ...second].join('\n');
    const incident = readIncident(text);
    assert.equal(incident.exceptions[0].type, 'java.lang.AssertionError');
    assert.deepEqual(incident.otherFailures?.map((chain) => chain.map((e) => `${e.type} @ ${e.frames[0].function}:${e.frames[0].line}`)), [['java.lang.NullPointerException @ mul:7']]);
    assert.match(incident.warnings.join(' '), /2 separate stack traces/);
  });

  it('reads a Maven/JUnit report: the test framework\'s frames are not the application\'s', () => {
    const text = [
      '[ERROR] com.acme.shop.CartTest.testTotal -- Time elapsed: 0.012 s <<< FAILURE!',
      'org.opentest4j.AssertionFailedError: expected: <90> but was: <100>',
      '\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)',
      '\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:531)',
      '\tat com.acme.shop.CartTest.testTotal(CartTest.java:21)',
      '\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)',
    ].join('\n');
    const incident = readIncident(text);
    assert.equal(incident.exceptions[0].type, 'org.opentest4j.AssertionFailedError');
    assert.deepEqual(incident.exceptions[0].frames.filter((f) => f.inApp).map((f) => `${f.module}.${f.function}:${f.line}`), ['com.acme.shop.CartTest.testTotal:21']);
  });
});
