// The `app://limber/` scheme Limber's windows load from (electron/core/app-protocol.ts says why not file://).
import { protocol } from 'electron';
import { APP_SCHEME } from '../core/app-protocol.ts';
import { serveAppRequest } from '../node/app-protocol.ts';

/**
 * Before app ready (Electron's rule): a standard scheme gets a real origin for 'self' and relative URLs, a secure
 * one counts as a secure context; `stream` lets audio seek. No fetch API, no CORS: pages only load their own files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: false, corsEnabled: false } }]);
}

/** After app ready: every `app://` request answered from the built renderer folder, with the CSP header. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const r = await serveAppRequest(rendererDir, request.url);
    return new Response(typeof r.body === 'string' ? r.body : new Uint8Array(r.body), { status: r.status, headers: r.headers });
  });
}
