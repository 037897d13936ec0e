// Limber's pages are served from its own `app://limber/` origin, not file://: under file:// the CSP's 'self' matches
// every local file, so a script from any folder ran with the page's rights. This maps a request to a file of the
// built renderer folder, or refuses it; the Electron handler and the test harness both answer through it.
export const APP_SCHEME = 'app';
/** Where the renderer's pages live, ending in '/'. Electron's standard scheme gives it a real origin. */
export const APP_ORIGIN = `${APP_SCHEME}://limber/`;

/** What may be served: the built renderer's file kinds, each with its type. */
const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
};

/** A path segment of a built file: no dot segments, no separators, nothing encoded in it. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export type AppRequest = { ok: true; path: string; contentType: string } | { ok: false; status: 403 | 404; reason: string };

/**
 * The renderer-relative path (segments joined by '/') a URL of `origin` asks for, or why it is refused. Anything
 * percent-encoded, a backslash, an empty, `.` or `..` segment, a query that smuggles a path, or a kind of file the
 * renderer does not ship is refused: no request can name a file outside the folder.
 */
export function resolveAppRequest(url: string, origin: string = APP_ORIGIN): AppRequest {
  if (!url.startsWith(origin)) return { ok: false, status: 403, reason: 'not this origin' };
  const rest = url.slice(origin.length).split(/[?#]/)[0]!;
  if (rest === '') return { ok: false, status: 404, reason: 'no file named' };
  const segments = rest.split('/');
  if (!segments.every((s) => SEGMENT.test(s))) return { ok: false, status: 403, reason: 'the path leaves the renderer folder or is encoded' };
  const ext = /\.([a-z0-9]+)$/.exec(rest)?.[1];
  const contentType = ext === undefined ? undefined : TYPES[ext];
  if (contentType === undefined) return { ok: false, status: 404, reason: 'not a file the renderer ships' };
  return { ok: true, path: segments.join('/'), contentType };
}
