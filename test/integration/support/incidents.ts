// Incident texts the integration tests paste into "Investigate Incident…".

/** A Node crash in the sample workspace (workspace/src/users.js), as a deployed service prints it. */
export const NODE_CRASH = [
  "TypeError: Cannot read properties of undefined (reading 'email')",
  '    at formatUser (/app/src/users.js:12:40)',
  '    at Array.map (<anonymous>)',
  '    at listUsers (/app/src/users.js:18:22)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
].join('\n');

export const NODE_CRASH_TITLE = "TypeError: Cannot read properties of undefined (reading 'email')";
