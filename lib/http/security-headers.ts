// Security headers of every response (issue 11 §2.6), set by the edge middleware. Edge-safe: no Node imports.
// Scripts are allowed by a per-request nonce ('strict-dynamic': what a nonce'd script loads is trusted too); Next
// reads the nonce from the request's Content-Security-Policy header and puts it on its own scripts. Styles allow
// inline (React style attributes, the self-contained error page); images may come from WeCom's CDN (avatars).
// Nobody may frame the app: the WeCom client opens it as a top-level page, never in a frame.

import "server-only";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers every response carries (the CSP is added separately, with its nonce). */
export function staticSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    ...(https ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}
