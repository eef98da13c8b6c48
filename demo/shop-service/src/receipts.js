// Plain-text receipts for orders.
function formatCents(cents) {
  return `$${(cents / 100).toFixed(2)}`;
}

function orderTotal(order) {
  return order.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
}

function renderReceipt(order) {
  const recipient = order.customer.email;
  const lines = order.lines.map((line) => `${line.quantity} x ${line.sku}  ${formatCents(line.quantity * line.unitPrice)}`);
  return [`Receipt for ${order.id}`, `To: ${recipient}`, ...lines, `Total: ${formatCents(orderTotal(order))}`].join('\n');
}

module.exports = { renderReceipt, orderTotal };
