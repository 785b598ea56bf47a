import "server-only";
import { localParts } from "@/lib/time";

// iCalendar (RFC 5545) text for the calendar feeds and the booking download. Pure: the caller passes everything.

export interface IcsEvent {
  uid: string;
  sequence: number;
  /** Last change (DTSTAMP and LAST-MODIFIED). */
  updatedAt: Date;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  url?: string;
}

const SHANGHAI = "Asia/Shanghai";

// China has had no daylight saving time since 1991: one STANDARD component describes the zone.
const VTIMEZONE_SHANGHAI = [
  "BEGIN:VTIMEZONE",
  `TZID:${SHANGHAI}`,
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "TZOFFSETFROM:+0800",
  "TZOFFSETTO:+0800",
  "TZNAME:CST",
  "END:STANDARD",
  "END:VTIMEZONE",
];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function utcStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function localStamp(d: Date, tz: string): string {
  const p = localParts(d, tz);
  return `${p.year}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + n > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

/**
 * A VCALENDAR with the events. Times are written in Asia/Shanghai with its VTIMEZONE when that is the campus zone,
 * otherwise in UTC.
 */
export function buildIcs(opts: { name: string; events: IcsEvent[]; tz: string; refreshMinutes?: number }): string {
  const local = opts.tz === SHANGHAI;
  const time = (prop: string, d: Date) => (local ? `${prop};TZID=${SHANGHAI}:${localStamp(d, SHANGHAI)}` : `${prop}:${utcStamp(d)}`);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Campus Meeting Rooms//WeCom Booking//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(opts.name)}`,
    ...(local ? [`X-WR-TIMEZONE:${SHANGHAI}`] : []),
    ...(opts.refreshMinutes ? [`REFRESH-INTERVAL;VALUE=DURATION:PT${opts.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${opts.refreshMinutes}M`] : []),
    ...(local ? VTIMEZONE_SHANGHAI : []),
  ];
  for (const e of opts.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTAMP:${utcStamp(e.updatedAt)}`,
      `LAST-MODIFIED:${utcStamp(e.updatedAt)}`,
      time("DTSTART", e.start),
      time("DTEND", e.end),
      `SUMMARY:${escapeText(e.summary)}`,
      `LOCATION:${escapeText(e.location)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      `STATUS:${e.status}`,
      `TRANSP:${e.status === "CANCELLED" ? "TRANSPARENT" : "OPAQUE"}`,
      ...(e.url ? [`URL:${e.url}`] : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
