// Mocha reporter: the usual spec output, plus the suite's pass/fail totals written as JSON to
// $CAUSELENS_RESULTS_DIR/<suite>.json so .ci/run can print one line for every suite together.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const dir = process.env.CAUSELENS_RESULTS_DIR;
      if (!dir) return;
      const suite = process.env.CAUSELENS_SUITE || 'unit';
      fs.mkdirSync(dir, { recursive: true });
      const { passes, failures, pending } = runner.stats;
      fs.writeFileSync(path.join(dir, `${suite}.json`), JSON.stringify({ suite, passed: passes, failed: failures, skipped: pending }));
    });
  }
}
module.exports = CountingReporter;
