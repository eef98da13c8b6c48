// Orders and their lines; an order is returned with its customer attached.
const { findCustomer } = require('./customers');

const ORDERS = [
  { id: 'ord-1001', customerId: 'cus-1', lines: [{ sku: 'mug', quantity: 2, unitPrice: 900 }] },
  { id: 'ord-1002', customerId: null, guestEmail: 'guest@example.com', lines: [{ sku: 'tee', quantity: 1, unitPrice: 2500 }] },
  { id: 'ord-1003', customerId: 'cus-2', lines: [{ sku: 'cap', quantity: 1, unitPrice: 1500 }, { sku: 'mug', quantity: 1, unitPrice: 900 }] },
];

function findOrder(id) {
  const order = ORDERS.find((o) => o.id === id);
  if (!order) return undefined;
  return { ...order, customer: findCustomer(order.customerId) };
}

module.exports = { findOrder };
