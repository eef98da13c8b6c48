// Sentry envelope format as SDKs post it to /api/<project>/envelope/: a JSON header line,
// then items, each an item-header line and a payload (exactly `length` bytes, or up to the newline).

export interface EnvelopeItem {
  header: Record<string, unknown>;
  payload: Buffer;
}

export interface Envelope {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
}

export class EnvelopeError extends Error {}

const NEWLINE = 0x0a;

function readLine(body: Buffer, start: number): { line: Buffer; next: number } {
  const end = body.indexOf(NEWLINE, start);
  return end < 0 ? { line: body.subarray(start), next: body.length } : { line: body.subarray(start, end), next: end + 1 };
}

function parseJsonLine(line: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch {
    throw new EnvelopeError(`the ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EnvelopeError(`the ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

export function parseEnvelope(body: Buffer): Envelope {
  const first = readLine(body, 0);
  const header = parseJsonLine(first.line, 'envelope header');
  const items: EnvelopeItem[] = [];
  let at = first.next;
  while (at < body.length) {
    const headerLine = readLine(body, at);
    at = headerLine.next;
    if (headerLine.line.length === 0) continue; // trailing newline or blank separator
    const itemHeader = parseJsonLine(headerLine.line, 'item header');
    const length = itemHeader.length;
    let payload: Buffer;
    if (typeof length === 'number') {
      if (length < 0 || at + length > body.length) throw new EnvelopeError(`an item declares ${length} bytes but the envelope is shorter`);
      payload = body.subarray(at, at + length);
      at += length;
      if (body[at] === NEWLINE) at += 1;
    } else {
      const rest = readLine(body, at);
      payload = rest.line;
      at = rest.next;
    }
    items.push({ header: itemHeader, payload });
  }
  return { header, items };
}
