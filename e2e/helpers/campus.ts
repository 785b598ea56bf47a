// The fake campus API center the e2e server talks to (started by playwright.config.ts).
import { serverEnv } from "./env";

const base = () => serverEnv("CAMPUS_API_BASE");

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base()}/__fake/apicenter/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

export interface CampusOutbox {
  notices: { id: number; body: Record<string, unknown> }[];
  schedules: { id: number; userName: string; content: string; startDate: string }[];
  deletedSchedules: number[];
  files: { id: string; fname: string; size: number }[];
  operlogs: Record<string, unknown>[];
  appRoles: { id: number; code: string }[];
  menus: { menuId: number; perms: string; parentId: number }[];
}

export const fakeCampus = {
  outbox: () => call<CampusOutbox>("GET", "outbox"),
  fail: (paths: string[], mode: "error" | "http" | "hang" = "http") => call("POST", "fail", { paths, mode }),
  recover: () => call("POST", "fail", { off: true }),
};
