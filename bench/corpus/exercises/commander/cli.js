'use strict';
// The command-line front end of a small deploy tool; the smoke run below parses the argument lists
// operators actually use and prints the resolved plan.
const { Command } = require('..');

function buildProgram(log) {
  const program = new Command();
  program
    .name('deployctl')
    .version('2.3.1', '-V, --version')
    .option('-e, --env <name>', 'target environment', 'staging')
    .option('-r, --replicas <n>', 'replica count', (value) => parseInt(value, 10), 1)
    .option('--dry-run', 'print the plan only')
    .option('-t, --tag <tag...>', 'extra image tags');

  program
    .command('release <service> [version]')
    .description('roll out a service')
    .option('-f, --force', 'skip health checks')
    .action((service, version, cmd) => {
      const local = typeof cmd.opts === 'function' ? cmd.opts() : cmd;
      log.push(`release ${service}@${version || 'latest'} force=${Boolean(local.force)} env=${program.opts().env}`);
    });

  program
    .command('rollback <service>')
    .alias('rb')
    .option('--to <version>', 'version to go back to')
    .action((service, cmd) => {
      const local = typeof cmd.opts === 'function' ? cmd.opts() : cmd;
      log.push(`rollback ${service} to=${local.to}`);
    });
  return program;
}

function run(args) {
  const log = [];
  const program = buildProgram(log);
  program.parse(['node', 'deployctl', ...args]);
  const opts = program.opts();
  log.push(`env=${opts.env} replicas=${opts.replicas} dry=${Boolean(opts.dryRun)} tags=${(opts.tag || []).join('+')}`);
  return log.join('; ');
}

const plans = [
  ['--env', 'prod', '-r', '3', 'release', 'api', '1.4.0', '--force'],
  ['--dry-run', 'rb', 'worker', '--to', '0.9.2'],
  ['-t', 'blue', 'canary', '--', 'release', 'web'],
];
for (const args of plans) console.log(run(args));
const help = buildProgram([]).helpInformation();
if (!help.includes('--replicas')) throw new Error('help output lost an option');
console.log(help.split('\n').length + ' help lines');
