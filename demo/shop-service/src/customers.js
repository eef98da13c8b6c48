// Customer accounts. Guest checkouts have no account.
const CUSTOMERS = new Map([
  ['cus-1', { id: 'cus-1', name: 'Ada Lovelace', email: 'ada@example.com' }],
  ['cus-2', { id: 'cus-2', name: 'Alan Turing', email: 'alan@example.com' }],
]);

function findCustomer(id) {
  return CUSTOMERS.get(id);
}

module.exports = { findCustomer };
