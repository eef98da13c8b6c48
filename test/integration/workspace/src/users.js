// Sample service code opened as the workspace of the VS Code integration tests; the stack trace
// the tests investigate (test/integration/support/incidents.ts) points into this file.
'use strict';

const { findUsers } = require('./store');

/**
 * Formats one user for the listing.
 * Users created before the profile migration have no `profile`.
 */
function formatUser(user) {
  return `${user.name} <${user.profile.email}>`;
}

/** The handler behind GET /users. */
async function listUsers(req, res) {
  const users = await findUsers({ active: true });
  res.json(users.map(formatUser));
}

module.exports = { formatUser, listUsers };
