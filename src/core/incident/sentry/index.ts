// Public face of the Sentry source: event JSON parsing, the REST client and incident assembly.

export { parseSentryEvent, sentryPlatform, type ParseSentryEventOptions } from './event';
