// Public face of the Sentry source: event JSON parsing, the REST client and incident assembly.

export { parseSentryEvent, sentryPlatform, type ParseSentryEventOptions } from './event';
export { SentryClient, type SentryClientOptions, type EventChoice, type CallOptions, type ListOptions } from './client';
export { fetchIncident, eventCountsFromStats, type SentryIncident, type DeployInfo, type FetchIncidentOptions } from './fetchIncident';
export type { SentryConnection } from './http';
export type * from './types';
