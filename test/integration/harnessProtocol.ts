// The few strings the test index and the code-server harness (scripts/vscode-test) agree on:
// log-line markers the harness watches for, and the environment variable of its reply file.

/** Starts every line of the suite's own output under the harness, to tell it apart from workbench logs. */
export const SUITE_OUTPUT_PREFIX = '[causelens-suite] ';
/** Followed by JSON `{ passed, failed, skipped }` once mocha has finished. */
export const RESULTS_MARKER = '[causelens-integration-results]';
/** Followed by JSON `{ incidentTitle }`: the suite is done and the workbench may be inspected. */
export const WORKBENCH_READY_MARKER = '[causelens-workbench-ready]';
/** Path of a file the harness creates when it has finished inspecting the workbench. */
export const WORKBENCH_CHECKED_FILE_ENV = 'CAUSELENS_WORKBENCH_CHECKED_FILE';

export interface SuiteTotals {
  passed: number;
  failed: number;
  skipped: number;
}
