import "server-only";
import { env } from "@/lib/env";

// The demo mailbox (DEMO_LOGIN=1 only): what the system sent to the fakes of WeCom and the campus platform that
// `npm run demo` runs beside the app, read from their control endpoints. Never used on a real installation.

export interface MailboxItem {
  at: string;
  channel: "wecom" | "campus-notice" | "campus-calendar";
  to: string;
  title: string;
  content: string;
}

export interface DemoMailbox {
  enabled: boolean;
  items: MailboxItem[];
  /** Fakes that could not be read (not running). */
  unreachable: string[];
}

async function readJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000), cache: "no-store" });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

const str = (v: unknown) => (typeof v === "string" ? v : v == null ? "" : String(v));

export async function readDemoMailbox(): Promise<DemoMailbox> {
  const e = env();
  if (!e.DEMO_LOGIN) return { enabled: false, items: [], unreachable: [] };
  const items: MailboxItem[] = [];
  const unreachable: string[] = [];
  if (e.DEMO_WECOM_CONTROL) {
    try {
      const body = (await readJson(`${e.DEMO_WECOM_CONTROL}/__control/messages`)) as { messages?: { at: string; body: Record<string, unknown> }[] };
      for (const m of body.messages ?? []) {
        const text = (m.body.text ?? {}) as Record<string, unknown>;
        items.push({ at: m.at, channel: "wecom", to: str(m.body.touser), title: "企业微信应用消息", content: str(text.content) });
      }
    } catch {
      unreachable.push("WeCom");
    }
  }
  if (e.DEMO_CAMPUS_CONTROL) {
    try {
      items.push(...(await readCampusMailbox(e.DEMO_CAMPUS_CONTROL)));
    } catch {
      unreachable.push("campus platform");
    }
  }
  items.sort((a, b) => b.at.localeCompare(a.at));
  return { enabled: true, items, unreachable };
}

/** Notices and calendar entries the fake campus platform received (its control endpoint /__fake/apicenter/outbox). */
async function readCampusMailbox(base: string): Promise<MailboxItem[]> {
  const state = (await readJson(`${base}/__fake/apicenter/outbox`)) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  const notices = list(state.notices).map((n) => {
    const body = (n.body ?? {}) as Record<string, unknown>;
    return {
      at: str(n.at),
      channel: "campus-notice" as const,
      to: str(body.userIds) || str(body.userName),
      title: str(body.title),
      content: str(body.content),
    };
  });
  const schedules = list(state.schedules).map((e) => ({
    at: str(e.at),
    channel: "campus-calendar" as const,
    to: str(e.userName),
    title: "日程",
    content: [str(e.content), [str(e.startDate), str(e.endDate)].filter(Boolean).join(" — ")].filter(Boolean).join("\n"),
  }));
  return [...notices, ...schedules];
}
