// The caller's network address for throttling anonymous callers. `next start` fills X-Forwarded-For with the socket
// address when the request has none; behind a reverse proxy the proxy appends the real client as the LAST entry,
// which is why the last one is taken (earlier entries are whatever the client claimed).
export function clientAddress(headers: Headers): string {
  const xff = headers.get("x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}
