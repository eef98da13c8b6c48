// Shared by the Sentry tests: repository paths, fixtures, and the Sentry OpenAPI contract
// (../shared/sentry/openapi-subset.json beside the repository) compiled into ajv validators.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** out/test/unit/incident/sentry -> the repository root. */
export const REPO_ROOT = resolve(__dirname, '../../../../..');
export const SCHEMA_FILE = process.env.CAUSELENS_SENTRY_SCHEMA ?? resolve(REPO_ROOT, '../shared/sentry/openapi-subset.json');

export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/sentry', name), 'utf8'));
}

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object; example?: unknown; examples?: Record<string, { value: unknown }> }> }> }>>;
}

export class SentryContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  readonly spec: OpenApi;

  constructor() {
    addFormats(this.ajv);
    this.spec = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as OpenApi;
  }

  response(path: string, method: string, status: string) {
    const content = this.spec.paths[path]?.[method]?.responses[status]?.content?.['application/json'];
    if (!content) throw new Error(`the contract has no ${status} JSON response for ${method.toUpperCase()} ${path}`);
    return content;
  }

  validator(path: string, method = 'get', status = '200'): ValidateFunction {
    return this.ajv.compile(this.response(path, method, status).schema);
  }

  /** Sentry's own example answer for a path, when the contract has one. */
  example(path: string, method = 'get', status = '200'): unknown {
    const content = this.response(path, method, status);
    return content.example ?? Object.values(content.examples ?? {})[0]?.value;
  }
}

export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; ');
}

/** An envelope as @sentry/node sends it: header line, item header with length, JSON payload. */
export function envelopeOf(events: object[], extraItems: { header: object; payload: string }[] = []): Buffer {
  const lines = [JSON.stringify({ event_id: (events[0] as { event_id?: string })?.event_id, sent_at: new Date().toISOString(), sdk: { name: 'sentry.javascript.node', version: '11.12.0' } })];
  for (const event of events) {
    const payload = JSON.stringify(event);
    lines.push(JSON.stringify({ type: 'event', length: Buffer.byteLength(payload) }), payload);
  }
  for (const item of extraItems) lines.push(JSON.stringify(item.header), item.payload);
  return Buffer.from(lines.join('\n') + '\n');
}

/** The SDK fixture event with another id, time, exception type or crash function. */
export function variantEvent(overrides: { eventId: string; type?: string; crashFunction?: string; timestamp?: number; release?: string }): Record<string, unknown> {
  const event = structuredClone(readFixture('node-sdk-event.json')) as { [k: string]: unknown; exception: { values: { type: string; stacktrace: { frames: { function: string }[] } }[] } };
  event.event_id = overrides.eventId;
  const value = event.exception.values[0];
  if (overrides.type) value.type = overrides.type;
  if (overrides.crashFunction) value.stacktrace.frames[value.stacktrace.frames.length - 1].function = overrides.crashFunction;
  event.timestamp = overrides.timestamp ?? Date.now() / 1000;
  if (overrides.release) event.release = overrides.release;
  return event;
}
