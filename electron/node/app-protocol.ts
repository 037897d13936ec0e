// Answers a request for one of Limber's pages from the built renderer folder: the Electron `app://` handler and the
// harness's routed origin both serve through here, with the same checks and the same headers.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_ORIGIN, resolveAppRequest } from '../core/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../csp.ts';

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** The headers of every answer: the CSP as a header (pages keep their <meta> too), no type sniffing, no embedding. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * The answer to `url` (of `origin`) from `rendererDir`. Besides the URL checks, the joined path must still lie in
 * the folder. (No realpath: the folder is inside app.asar when packaged, written by the installer only.)
 */
export async function serveAppRequest(rendererDir: string, url: string, origin: string = APP_ORIGIN): Promise<AppResponse> {
  const text = (status: number, body: string): AppResponse => ({ status, headers: appResponseHeaders('text/plain; charset=utf-8'), body });
  const r = resolveAppRequest(url, origin);
  if (!r.ok) return text(r.status, r.reason);
  try {
    const root = path.resolve(rendererDir);
    const file = path.resolve(root, ...r.path.split('/'));
    if (!file.startsWith(root + path.sep)) return text(403, 'the path leaves the renderer folder');
    return { status: 200, headers: appResponseHeaders(r.contentType), body: await readFile(file) };
  } catch {
    return text(404, 'not found');
  }
}
