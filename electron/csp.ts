// The Content-Security-Policy of every Limber page: put into each built page's <meta> by the renderer build, and
// sent as a response header by main. Nothing remote, no inline script or style, no plugins, no forms.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The placeholder each page's <meta http-equiv="Content-Security-Policy"> carries in the source. */
export const CSP_PLACEHOLDER = '%LIMBER_CSP%';

export function withCsp(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`a page lacks the ${CSP_PLACEHOLDER} Content-Security-Policy placeholder`);
  return html.replaceAll(CSP_PLACEHOLDER, CONTENT_SECURITY_POLICY);
}
