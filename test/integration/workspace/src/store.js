// In-memory user store of the sample workspace.
'use strict';

const users = [
  { name: 'Ada', active: true, profile: { email: 'ada@example.com' } },
  { name: 'Grace', active: true },
];

async function findUsers(filter) {
  return users.filter((u) => u.active === filter.active);
}

module.exports = { findUsers };
