// Reads the attribute lists of OTLP/JSON (`{key, value: {stringValue|intValue|…}}`) and Jaeger
// (`{key, type, value}`) into plain records, tolerating the loose shapes exporters produce.

export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OTLP AnyValue → a scalar (arrays and key-value lists become their JSON text). */
function otlpValue(value: unknown): AttributeValue | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  for (const key of ['intValue', 'doubleValue'] as const) {
    const v = value[key];
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  if (value.arrayValue !== undefined || value.kvlistValue !== undefined) return JSON.stringify(value.arrayValue ?? value.kvlistValue);
  return undefined;
}

export function otlpAttributes(list: unknown): Attributes {
  const out: Attributes = {};
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    if (!isRecord(item) || typeof item.key !== 'string') continue;
    const v = otlpValue(item.value);
    if (v !== undefined) out[item.key] = v;
  }
  return out;
}

export function jaegerTags(list: unknown): Attributes {
  const out: Attributes = {};
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    if (!isRecord(item) || typeof item.key !== 'string') continue;
    const v = item.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[item.key] = v;
  }
  return out;
}

export function text(attrs: Attributes, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = attrs[key];
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

export function integer(attrs: Attributes, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const n = Number(attrs[key]);
    if (attrs[key] !== undefined && Number.isInteger(n) && n > 0) return n;
  }
  return undefined;
}

/** Nanoseconds (OTLP, as a decimal string or number) → ISO 8601. */
export function nanosToIso(value: unknown): string | undefined {
  try {
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    const ns = BigInt(typeof value === 'number' ? Math.trunc(value) : value.trim());
    if (ns <= 0n) return undefined;
    const date = new Date(Number(ns / 1_000_000n));
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  } catch {
    return undefined;
  }
}

/** Microseconds (Jaeger) → ISO 8601. */
export function microsToIso(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return undefined;
  const date = new Date(Math.floor(value / 1000));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export { isRecord };
