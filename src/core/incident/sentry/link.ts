// Sentry's pagination header: `Link: <url>; rel="next"; results="true"; cursor="0:100:0", …`.
// Only a rel="next" link with results="true" means another page exists.

export interface PageLink {
  url: string;
  rel: string;
  results: boolean;
  cursor?: string;
}

export function parseLinkHeader(header: string | null): PageLink[] {
  if (!header) return [];
  const links: PageLink[] = [];
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[\w-]+\s*=\s*"[^"]*")*)/g)) {
    const params = new Map<string, string>();
    for (const p of match[2].matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) params.set(p[1].toLowerCase(), p[2]);
    links.push({ url: match[1], rel: params.get('rel') ?? '', results: params.get('results') === 'true', cursor: params.get('cursor') });
  }
  return links;
}

/** The cursor of the next page, or undefined when this was the last one. */
export function nextCursor(header: string | null): string | undefined {
  const next = parseLinkHeader(header).find((l) => l.rel === 'next');
  if (!next || !next.results) return undefined;
  return next.cursor ?? new URL(next.url, 'http://x').searchParams.get('cursor') ?? undefined;
}
