// Turns the path or URL a runtime reported into workspace-relative path candidates: strips
// URL schemes (file://, webpack://, app:///, http), Windows drives and common deploy prefixes.

/** Folders services are commonly deployed under; what follows them is the repository layout. */
export const DEPLOY_PREFIXES = ['/usr/src/app/', '/usr/app/', '/srv/app/', '/opt/app/', '/home/app/', '/var/task/', '/var/www/html/', '/var/www/', '/workspace/', '/app/', '/code/'];

export interface NormalizedPath {
  /** The path as a posix path, scheme and drive removed, `.`/`..` segments dropped. */
  posix: string;
  /** Non-empty segments of `posix` (no `.` or `..`). */
  segments: string[];
  /** The repository-relative guess after a known deploy prefix or URL origin was removed. */
  relative?: string;
  /** What was stripped to get `relative`, for the mapping's reason. */
  stripped?: string;
  /** True when the reported path tried to climb with `..` segments. */
  climbs: boolean;
}

function stripScheme(file: string): { path: string; stripped?: string } {
  let path = file.trim();
  const query = /^[a-z][\w+.-]*:\/\//i.test(path) ? path.search(/[?#]/) : -1;
  if (query >= 0) path = path.slice(0, query);
  if (/^file:\/\//i.test(path)) {
    let rest = path.replace(/^file:\/\/(localhost)?/i, '');
    try {
      rest = decodeURIComponent(rest);
    } catch {
      // keep the raw text when it is not valid percent-encoding
    }
    return { path: rest.replace(/^\/([A-Za-z]:)/, '$1') };
  }
  const webpack = /^webpack:\/\/(?:[^/]*\/)?(.*)$/i.exec(path);
  if (webpack) return { path: webpack[1], stripped: 'webpack://' };
  const app = /^app:\/\/\/?(.*)$/i.exec(path);
  if (app) return { path: app[1], stripped: 'app:///' };
  const http = /^(https?:\/\/[^/]+)(\/.*)?$/i.exec(path);
  if (http) return { path: (http[2] ?? '/').replace(/^\//, ''), stripped: http[1] };
  if (path.startsWith('~/')) return { path: path.slice(2), stripped: '~/' };
  return { path };
}

/** Normalises a frame's file for matching against tracked files. */
export function normalizeFramePath(file: string): NormalizedPath {
  const scheme = stripScheme(file);
  let path = scheme.path.replace(/\\/g, '/').replace(/^\/\/[^/]+\/[^/]+/, ''); // UNC share
  path = path.replace(/^[A-Za-z]:(?=\/|$)/, '');
  const raw = path.split('/');
  const climbs = raw.includes('..');
  const segments = raw.filter((s) => s !== '' && s !== '.' && s !== '..');
  const posix = (path.startsWith('/') ? '/' : '') + segments.join('/');
  let relative: string | undefined;
  let stripped = scheme.stripped;
  if (scheme.stripped) {
    relative = segments.join('/');
  } else if (path.startsWith('/')) {
    const prefix = DEPLOY_PREFIXES.find((p) => posix.startsWith(p));
    if (prefix) {
      relative = posix.slice(prefix.length);
      stripped = prefix;
    }
  } else {
    relative = segments.join('/');
  }
  return { posix, segments, relative: relative || undefined, stripped, climbs };
}
