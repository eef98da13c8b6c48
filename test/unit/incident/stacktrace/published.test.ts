// Formats with no runtime on the build machine: fixtures follow the documented output of each
// runtime (sources in test/fixtures/traces/published/README.md).
import * as assert from 'node:assert/strict';
import { readIncident } from '../../../../src/core/incident';
import { stripGoArguments } from '../../../../src/core/incident/stacktrace/go';
import { traceFixture } from '../traceFixtures';

const summary = (text: string, i = 0) => readIncident(text).exceptions[i].frames.map((f) => [f.function, f.file, f.line, f.inApp]);

describe('Go panics (format: pkg.go.dev/runtime, src/runtime/traceback.go)', () => {
  it('reads the panic and the running goroutine, package as module, +0x offsets dropped', () => {
    const incident = readIncident(traceFixture('published/go-nil-map.txt'));
    assert.equal(incident.platform, 'go');
    assert.deepEqual([incident.exceptions[0].type, incident.exceptions[0].message], ['panic', 'assignment to entry in nil map']);
    assert.deepEqual(summary(traceFixture('published/go-nil-map.txt')), [
      ['github.com/acme/shop/internal/cart.(*Cart).Add', '/home/ci/src/shop/internal/cart/cart.go', 27, true],
      ['main.handleCheckout', '/home/ci/src/shop/cmd/server/main.go', 41, true],
      ['main.main', '/home/ci/src/shop/cmd/server/main.go', 18, true],
    ]);
    assert.equal(incident.exceptions[0].frames[0].module, 'github.com/acme/shop/internal/cart');
  });

  it('reads only the panicking goroutine, with GOROOT and module-cache frames not in-app', () => {
    const frames = readIncident(traceFixture('published/go-goroutines.txt')).exceptions[0].frames;
    assert.deepEqual(frames.map((f) => f.inApp), [true, true, false, false, false, false]);
    assert.equal(frames[5].function, 'net/http.(*Server).Serve'); // `created by … in goroutine 1`
    assert.ok(!frames.some((f) => f.function === 'main.main'));
  });

  it('strips argument lists that contain parentheses of their own', () => {
    assert.equal(stripGoArguments('main.(*T).m(0x0, {0x1, 0x2})'), 'main.(*T).m');
    assert.equal(stripGoArguments('main.main()'), 'main.main');
    assert.equal(stripGoArguments('main.f(...)'), 'main.f');
  });
});

describe('.NET exceptions (format: learn.microsoft.com System.Exception.ToString)', () => {
  it('splits `outer ---> inner` and gives each its frames across "End of inner exception"', () => {
    const incident = readIncident(traceFixture('published/dotnet-inner.txt'));
    assert.equal(incident.platform, 'csharp');
    assert.deepEqual(incident.exceptions.map((e) => [e.type, e.chainedAs]), [
      ['System.InvalidOperationException', undefined],
      ['System.FormatException', 'cause'],
    ]);
    assert.deepEqual(summary(traceFixture('published/dotnet-inner.txt')), [
      ['Load', 'C:\\build\\src\\Acme.Shop\\Pricing\\PriceList.cs', 36, true],
      ['Main', 'C:\\build\\src\\Acme.Shop\\Program.cs', 9, true],
    ]);
    const inner = incident.exceptions[1].frames;
    assert.deepEqual(inner.map((f) => [f.module, f.function, f.inApp]), [
      ['System.Number', 'ThrowFormatException', false],
      ['System.Int32', 'Parse', false],
      ['Acme.Shop.Pricing.PriceParser', 'Parse', true],
      ['Acme.Shop.Pricing.PriceList', 'Load', true],
    ]);
  });

  it('names async state machines by their method and ignores "End of stack trace from previous location"', () => {
    const frames = readIncident(traceFixture('published/dotnet-async.txt')).exceptions[0].frames;
    assert.deepEqual(frames.slice(0, 2).map((f) => [f.module, f.function, f.line]), [
      ['Acme.Shop.Orders.OrderService', 'GetOrderAsync', 58],
      ['Acme.Shop.Api.OrdersController', 'Get', 23],
    ]);
    assert.equal(frames[2].inApp, false);
  });
});

describe('Mono stack traces (format: mono-project.com/docs/debug+profile/debug/)', () => {
  it('reads `[0x…] in file:N` and drops `<filename unknown>`', () => {
    const incident = readIncident(
      [
        'Unhandled Exception:',
        'System.NullReferenceException: Object reference not set to an instance of an object',
        '  at Shop.Cart.Total () [0x0000b] in /build/Shop/Cart.cs:27 ',
        '  at Shop.Program.Main (System.String[] args) [0x00001] in <filename unknown>:0 ',
      ].join('\n'),
    );
    assert.deepEqual(incident.exceptions[0].frames.map((f) => [f.module, f.function, f.file, f.line]), [
      ['Shop.Cart', 'Total', '/build/Shop/Cart.cs', 27],
      ['Shop.Program', 'Main', '', undefined],
    ]);
    assert.equal(incident.exceptions[0].type, 'System.NullReferenceException');
  });
});

describe('Ruby backtraces (format: docs.ruby-lang.org Exception#full_message)', () => {
  it('reads the message and class from the first line, then the `from` lines', () => {
    const incident = readIncident(traceFixture('published/ruby-nomethod.txt'));
    assert.equal(incident.title, "NoMethodError: undefined method 'price' for nil");
    assert.deepEqual(summary(traceFixture('published/ruby-nomethod.txt')).map((f) => [f[0], f[3]]), [
      ['Order#total', true],
      ['Array#sum', true],
      ['Checkout#call', true],
      ['block in Sinatra::Base.compile!', false],
      ['<main>', true],
    ]);
  });

  it('reads a cause printed after the exception (Ruby 3.1+)', () => {
    const incident = readIncident(traceFixture('published/ruby-cause.txt'));
    assert.deepEqual(incident.exceptions.map((e) => [e.type, e.chainedAs]), [
      ['ConfigLoader::Error', undefined],
      ['JSON::ParserError', 'cause'],
    ]);
    assert.equal(incident.exceptions[1].frames[0].inApp, false);
  });

  it('reads the reversed tty form (Traceback + numbered `from` lines) crash site first', () => {
    assert.deepEqual(summary(traceFixture('published/ruby-reversed.txt')).map((f) => [f[0], f[2]]), [
      ['charge', 3],
      ['checkout', 8],
      ['<main>', 12],
    ]);
  });
});

describe('PHP uncaught exceptions (format: php.net Exception::__toString)', () => {
  it('turns "called from" lines into frames where each function ran', () => {
    const incident = readIncident(traceFixture('published/php-uncaught.txt'));
    assert.equal(incident.title, 'InvalidArgumentException: Amount must be positive');
    assert.deepEqual(summary(traceFixture('published/php-uncaught.txt')), [
      ['App\\Payment\\Charge->run', '/var/www/shop/src/Payment/Charge.php', 21, true],
      ['App\\Checkout->__invoke', '/var/www/shop/src/Checkout.php', 44, true],
      ['Slim\\Handlers\\Strategies\\RequestResponse->__invoke', '/var/www/shop/vendor/slim/slim/Slim/Handlers/Strategies/RequestResponse.php', 38, false],
      ['{main}', '/var/www/shop/public/index.php', 12, true],
    ]);
  });

  it('reads `Next` blocks as the exceptions wrapping the earlier ones', () => {
    const incident = readIncident(traceFixture('published/php-previous.txt'));
    assert.deepEqual(incident.exceptions.map((e) => [e.type, e.message]), [
      ['RuntimeException', 'Could not load order 7'],
      ['PDOException', 'SQLSTATE[HY000] [2002] Connection refused'],
    ]);
    assert.deepEqual(incident.exceptions[0].frames.map((f) => [f.function, f.line]), [['App\\Repo\\Orders->find', 11], ['{main}', 4]]);
  });
});

describe('Firefox and Safari stacks (format: MDN Error.prototype.stack)', () => {
  it('reads `fn@url:line:col`, async markers and eval locations', () => {
    const incident = readIncident(traceFixture('published/firefox.txt'));
    assert.deepEqual([incident.platform, incident.exceptions[0].type], ['javascript', 'TypeError']);
    assert.deepEqual(summary(traceFixture('published/firefox.txt')).map((f) => [f[0], f[2]]), [
      ['renderCart', 2],
      ['CartView/<.update', 2],
      ['init', 1],
      ['compute', 40],
      [undefined, 1],
    ]);
  });

  it('reads Safari `global code@` and skips `[native code]`', () => {
    assert.deepEqual(summary(traceFixture('published/safari.txt')), [
      ['renderCart', 'webpack:///./src/cart/render.js', 14, true],
      ['update', 'webpack:///./src/cart/view.js', 31, true],
      ['global code', 'https://shop.example.com/static/js/main.js', 1, true],
    ]);
  });
});
