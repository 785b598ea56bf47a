import "server-only";
import { env } from "@/lib/env";

// Browser redirects to WeCom. redirect_uri is always built from APP_URL, never from the request's Host.

/** In-client OAuth2 (integrations.md §1.3): silent, identity only. */
export function oauthAuthorizeUrl(state: string, callbackPath = "/meeting/auth"): string {
  const e = env();
  const q = new URLSearchParams({
    appid: e.WECOM_CORP_ID,
    redirect_uri: `${e.APP_URL}${callbackPath}`,
    response_type: "code",
    scope: "snsapi_base",
    state,
    agentid: String(e.WECOM_AGENT_ID),
  });
  return `${e.WECOM_OAUTH_BASE}/connect/oauth2/authorize?${q}#wechat_redirect`;
}

/** Web login from an ordinary browser: QR code or the desktop client (integrations.md §1.8). */
export function webLoginUrl(state: string, callbackPath: string): string {
  const e = env();
  const q = new URLSearchParams({
    login_type: "CorpApp",
    appid: e.WECOM_CORP_ID,
    agentid: String(e.WECOM_AGENT_ID),
    redirect_uri: `${e.APP_URL}${callbackPath}`,
    state,
  });
  return `${e.WECOM_SSO_BASE}/wwlogin/sso/login?${q}`;
}
