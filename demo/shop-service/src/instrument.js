// Sentry set-up; required before anything else so the SDK sees every module and crash.
const Sentry = require('@sentry/node');

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  release: process.env.SENTRY_RELEASE || 'shop-service@1.0.0',
  environment: process.env.SENTRY_ENVIRONMENT || 'production',
  tracesSampleRate: 0,
});

module.exports = { Sentry };
