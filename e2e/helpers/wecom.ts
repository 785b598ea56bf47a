// Talks to the fake WeCom started by playwright.config.ts (e2e/fakes/wecom-server.ts) through its control endpoints.
import type { FakeMessage, FakeUser } from "../fakes/wecom-server";
import { serverEnv } from "./env";

const base = () => serverEnv("WECOM_API_BASE");

async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base()}/__control/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fake WeCom ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const fakeWecom = {
  url: base,
  /** Back to the initial directory and switches (token, ticket, counters and recorded messages cleared). */
  reset: () => control("POST", "reset"),
  /** Adds or replaces members of the corp directory. */
  addUser: (user: FakeUser) => control("POST", "users", user),
  /** Adds the member unless the directory already has it. */
  ensureUser: (user: FakeUser) => control("POST", "users", { ...user, ifAbsent: true }),
  removeUser: (userid: string) => control("DELETE", `users?userid=${encodeURIComponent(userid)}`),
  /** Who opens the app / scans the QR code next: a member, a non-member (openid) or a refusal. */
  actAs: (actor: { userid: string } | { openid: string } | { deny: true }) => control("POST", "actor", actor),
  /** A fresh one-time code for a member or a non-member, as the authorize redirect would hand out. */
  mintCode: async (who: { userid: string } | { openid: string }) => (await control<{ code: string }>("POST", "code", who)).code,
  config: (c: { tokenTtl?: number; ticketTtl?: number; legacyShape?: boolean; delays?: Record<string, number> }) => control("POST", "config", c),
  expireToken: () => control("POST", "expire-token"),
  invalidateToken: () => control("POST", "invalidate-token"),
  expireTicket: () => control("POST", "expire-ticket"),
  failNext: (path: string, errcode = -1, times = 1) => control("POST", "fail-next", { path, errcode, times }),
  silent: (s: { paths: string[] } | { all: true } | { off: true }) => control("POST", "silent", s),
  /** Calls per path, e.g. counts()["/cgi-bin/gettoken"]. */
  counts: () => control<Record<string, number>>("GET", "counts"),
  messages: async () => (await control<{ messages: FakeMessage[] }>("GET", "messages")).messages,
  clearMessages: () => control("DELETE", "messages"),
  state: () => control<{ token: string | null; ticket: string | null; corpId: string; agentId: number; log: string[] }>("GET", "state"),
};
