// Sentry set-up; required before anything else so the SDK sees every module and crash.
const Sentry = require('@sentry/node');

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  release: process.env.SENTRY_RELEASE || 'shop-service@1.0.0',
  environment: process.env.SENTRY_ENVIRONMENT || 'production',
  tracesSampleRate: 0,
  // A fatal crash waits this long for the report to be sent before the process exits.
  shutdownTimeout: 10000,
});

module.exports = { Sentry };
