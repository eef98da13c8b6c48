// Sentry-style cursor pagination: `cursor=<value>:<offset>:<is_prev>` in the query and a `Link`
// header with rel="previous"/"next", each saying with results="true|false" whether a page exists.

export interface Page<T> {
  items: T[];
  link: string;
}

function parseOffset(cursor: string | null): number {
  if (!cursor) return 0;
  const parts = cursor.split(':');
  const offset = Number(parts[1]);
  return parts.length === 3 && Number.isInteger(offset) && offset >= 0 ? offset : -1;
}

export class BadCursorError extends Error {}

export function paginate<T>(all: T[], url: URL, publicUrl: string, defaultPerPage = 100): Page<T> {
  const requested = Number(url.searchParams.get('per_page') ?? url.searchParams.get('limit') ?? defaultPerPage);
  const perPage = Number.isInteger(requested) && requested > 0 ? Math.min(requested, 100) : defaultPerPage;
  const offset = parseOffset(url.searchParams.get('cursor'));
  if (offset < 0) throw new BadCursorError(`Invalid cursor parameter.`);
  const items = all.slice(offset, offset + perPage);
  const link = (cursor: string, rel: string, results: boolean) => {
    const target = new URL(url.pathname + url.search, publicUrl);
    target.searchParams.set('cursor', cursor);
    return `<${target.toString()}>; rel="${rel}"; results="${results}"; cursor="${cursor}"`;
  };
  const previous = `0:${Math.max(0, offset - perPage)}:1`;
  const next = `0:${offset + perPage}:0`;
  return { items, link: `${link(previous, 'previous', offset > 0)}, ${link(next, 'next', offset + perPage < all.length)}` };
}
