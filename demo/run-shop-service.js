// Runs the shop service against a Sentry DSN and makes it crash once for real: start it,
// request the receipt of a guest order, and wait until the SDK has flushed and the process exited.
// Usage as a script: node demo/run-shop-service.js --dsn <DSN> [--dir <service copy>] [--release <v>]
'use strict';
const { spawn } = require('node:child_process');
const http = require('node:http');
const path = require('node:path');

const REPO_NODE_MODULES = path.join(__dirname, '..', 'node_modules');

function requestOnce(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode }));
    });
    // The service dies while answering: a reset socket is the expected outcome.
    request.on('error', (error) => resolve({ error: error.message }));
  });
}

/**
 * @param {{ dsn: string, serviceDir?: string, release?: string, environment?: string,
 *   orderId?: string, nodeModules?: string, timeoutMs?: number }} options
 * @returns {Promise<{ exitCode: number | null, signal: string | null, request: object, stdout: string, stderr: string }>}
 */
function runShopServiceCrash(options) {
  const serviceDir = options.serviceDir || path.join(__dirname, 'shop-service');
  const timeoutMs = options.timeoutMs || 30000;
  const env = {
    ...process.env,
    PORT: '0',
    SENTRY_DSN: options.dsn,
    SENTRY_RELEASE: options.release || 'shop-service@1.0.0',
    SENTRY_ENVIRONMENT: options.environment || 'production',
    // A copy of the service in a temp dir has no node_modules of its own; use the repo's SDK.
    NODE_PATH: [options.nodeModules || REPO_NODE_MODULES, process.env.NODE_PATH].filter(Boolean).join(path.delimiter),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/server.js'], { cwd: serviceDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let request;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`shop-service did not crash and exit within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const listening = /listening on (http:\/\/\S+)/.exec(stdout);
      if (listening && !request) {
        request = requestOnce(`${listening[1]}/orders/${options.orderId || 'ord-1002'}/receipt`);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (exitCode, signal) => {
      clearTimeout(timer);
      Promise.resolve(request).then((outcome) => resolve({ exitCode, signal, request: outcome || {}, stdout, stderr }));
    });
  });
}

module.exports = { runShopServiceCrash };

if (require.main === module) {
  const { parseArgs } = require('node:util');
  const { values } = parseArgs({ options: { dsn: { type: 'string' }, dir: { type: 'string' }, release: { type: 'string' }, order: { type: 'string' } } });
  if (!values.dsn) {
    console.error('usage: node demo/run-shop-service.js --dsn <DSN> [--dir <service dir>] [--release <version>] [--order <id>]');
    process.exit(2);
  }
  runShopServiceCrash({ dsn: values.dsn, serviceDir: values.dir, release: values.release, orderId: values.order }).then(
    (result) => console.log(JSON.stringify({ exitCode: result.exitCode, request: result.request })),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
