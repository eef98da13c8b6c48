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
