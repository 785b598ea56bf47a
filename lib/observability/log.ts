import "server-only";
import { env } from "@/lib/env";

// Structured logs: one JSON object per line on stdout (stderr for errors), for `docker logs`, journald or any log
// shipper. LOG_FORMAT=off silences them (the test suites do). Never log secrets, query strings or request bodies.

export type LogFields = Record<string, unknown>;

function enabled(): boolean {
  try {
    return env().LOG_FORMAT === "json";
  } catch {
    return true; // a configuration error is reported elsewhere; keep logging
  }
}

export function logLine(level: "info" | "warn" | "error", msg: string, fields: LogFields = {}) {
  if (!enabled()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  (level === "error" ? process.stderr : process.stdout).write(line + "\n");
}

export const log = {
  info: (msg: string, fields?: LogFields) => logLine("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => logLine("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => logLine("error", msg, fields),
};
