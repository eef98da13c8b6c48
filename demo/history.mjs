// The shop service's git history for the demo: several authors over a month, two releases, a
// formatting commit, churn in the files on the crash's path, and one commit that caused the
// crash. Each step rewrites files from the service's final sources, so the history always ends
// exactly at demo/shop-service as committed. The culprit is not marked anywhere the engine sees.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY = 86_400_000;
const people = {
  ada: { name: 'Ada Lovelace', email: 'ada@shop.example' },
  grace: { name: 'Grace Hopper', email: 'grace@shop.example' },
  linus: { name: 'Linus Park', email: 'linus@shop.example' },
  bob: { name: 'Bob Martin', email: 'bob@shop.example' },
};

/** Applies `[from, to]` text replacements, failing loudly if one no longer matches. */
function edit(text, ...pairs) {
  return pairs.reduce((t, [from, to]) => {
    if (!t.includes(from)) throw new Error(`demo history: "${from}" not found`);
    return t.replace(from, () => to);
  }, text);
}

export function demoHistory(serviceDir, now = Date.now()) {
  const final = (name) => readFileSync(join(serviceDir, name), 'utf8');
  const head = {
    'package.json': final('package.json'),
    'src/customers.js': final('src/customers.js'),
    'src/instrument.js': final('src/instrument.js'),
    'src/orders.js': final('src/orders.js'),
    'src/receipts.js': final('src/receipts.js'),
    'src/server.js': final('src/server.js'),
  };
  // Working backwards from the final sources: each earlier state undoes one later commit.
  const withGuestFallback = edit(head['src/orders.js'],
    ['function findOrder(id) {', "function customerOf(order) {\n  if (!order.customerId) return { name: 'Guest', email: order.guestEmail };\n  return findCustomer(order.customerId);\n}\n\nfunction findOrder(id) {"],
    ['customer: findCustomer(order.customerId) }', 'customer: customerOf(order) }']);
  const ordersBeforeFormat = edit(withGuestFallback, ["{ sku: 'cap', quantity: 1, unitPrice: 1500 }, { sku: 'mug', quantity: 1, unitPrice: 900 }] },", "{ sku: 'cap', quantity: 1, unitPrice: 1500 }, { sku: 'mug', quantity: 1, unitPrice: 900 }]},"], ['  const order = ORDERS.find((o) => o.id === id);', '  const order = ORDERS.find((o) => o.id === id)']);
  const ordersBeforeAlan = edit(ordersBeforeFormat, ["  { id: 'ord-1003', customerId: 'cus-2', lines: [{ sku: 'cap', quantity: 1, unitPrice: 1500 }, { sku: 'mug', quantity: 1, unitPrice: 900 }]},\n", '']);
  const receiptsBeforeExport = edit(head['src/receipts.js'], ['module.exports = { renderReceipt, orderTotal };', 'module.exports = { renderReceipt };']);
  const receiptsBeforeFormat = edit(receiptsBeforeExport, ['function formatCents(cents) {', 'function formatCents( cents ) {'], ['  return order.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);', '  return order.lines.reduce((sum, line) => sum + line.quantity*line.unitPrice, 0)']);
  const receiptsBeforeCents = edit(receiptsBeforeFormat,
    ['function formatCents( cents ) {\n  return `$${(cents / 100).toFixed(2)}`;\n}\n\n', ''],
    ['`${line.quantity} x ${line.sku}  ${formatCents(line.quantity * line.unitPrice)}`', '`${line.quantity} x ${line.sku}  $${(line.quantity * line.unitPrice / 100).toFixed(2)}`'],
    ['`Total: ${formatCents(orderTotal(order))}`', '`Total: $${(orderTotal(order) / 100).toFixed(2)}`']);
  const receiptsBeforeLineTotals = edit(receiptsBeforeCents, ['`${line.quantity} x ${line.sku}  $${(line.quantity * line.unitPrice / 100).toFixed(2)}`', '`${line.quantity} x ${line.sku}`']);
  const serverBeforeLogging = edit(head['src/server.js'], ['  console.log(`${request.method} ${request.url}`);\n', '']);
  const customersBeforeAlan = edit(head['src/customers.js'], ["  ['cus-2', { id: 'cus-2', name: 'Alan Turing', email: 'alan@example.com' }],\n", '']);
  const instrumentBefore = edit(head['src/instrument.js'], ['  // A fatal crash waits this long for the report to be sent before the process exits.\n  shutdownTimeout: 10000,\n', '']);
  const packageBefore = edit(head['package.json'], ['  "description": "A small order/receipt HTTP service used by the CauseLens demo; reports crashes to Sentry.",\n', '']);

  const at = (daysAgo, hour) => new Date(now - daysAgo * DAY + hour * 3_600_000).toISOString();
  return [
    { author: people.ada, date: at(34, 10), message: 'Shop service: orders and receipts over HTTP', files: { 'package.json': packageBefore, 'src/customers.js': customersBeforeAlan, 'src/instrument.js': instrumentBefore, 'src/orders.js': ordersBeforeAlan, 'src/receipts.js': receiptsBeforeLineTotals, 'src/server.js': serverBeforeLogging } },
    { author: people.grace, date: at(27, 15), message: 'Receipts: show each line\'s amount', files: { 'src/receipts.js': receiptsBeforeCents } },
    { author: people.ada, date: at(22, 11), message: 'Wait for Sentry to send a crash report before exiting', files: { 'src/instrument.js': head['src/instrument.js'] }, tag: 'v1.0.0' },
    { author: people.linus, date: at(12, 9), message: 'Add Alan Turing and his order to the fixtures', files: { 'src/customers.js': head['src/customers.js'], 'src/orders.js': ordersBeforeFormat } },
    { author: people.grace, date: at(10, 14), message: 'Receipts: format cents in one helper', files: { 'src/receipts.js': receiptsBeforeFormat } },
    { author: people.ada, date: at(9, 16), message: 'Apply the shared formatting rules', files: { 'src/receipts.js': receiptsBeforeExport, 'src/orders.js': withGuestFallback } },
    { author: people.bob, date: at(7, 10), message: 'Orders: resolve customers in one place', files: { 'src/orders.js': head['src/orders.js'] } },
    { author: people.linus, date: at(5, 13), message: 'Server: log each request', files: { 'src/server.js': head['src/server.js'] } },
    { author: people.grace, date: at(3, 10), message: 'Receipts: export orderTotal for the reports job', files: { 'src/receipts.js': head['src/receipts.js'] } },
    { author: people.ada, date: at(2, 15), message: 'Docs: how to run the service', files: { 'README.md': '# shop-service\n\n`npm start`, then GET /orders/<id>/receipt.\n' } },
    { author: people.bob, date: at(1, 9), message: 'Describe the package', files: { 'package.json': head['package.json'] }, tag: 'v1.1.0' },
  ];
}
