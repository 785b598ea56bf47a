import "server-only";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { log } from "./log";

// One log line per HTTP request (method, path without the query string, status, duration, request id), for every
// response the server sends: pages, legacy API, Open API, static files. Installed once per process from
// instrumentation.ts, so it works the same under `next start`, the standalone `server.js` of the Docker image and
// `npm run demo`. The request id is the caller's `X-Request-Id` when it is a plain token, else a new one, and is echoed
// in the response's `X-Request-Id` header so a user's report can be found in the logs.

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const g = globalThis as unknown as { __meetingRequestLog?: boolean };

export function requestIdFor(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export function installRequestLog() {
  if (g.__meetingRequestLog) return;
  g.__meetingRequestLog = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const started = process.hrtime.bigint();
      const requestId = requestIdFor(req.headers["x-request-id"]);
      req.headers["x-request-id"] = requestId;
      if (!res.headersSent) res.setHeader("x-request-id", requestId);
      res.once("close", () => {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        log.info("request", {
          method: req.method,
          path: (req.url ?? "").split("?")[0].slice(0, 300),
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
          requestId,
          ...(res.writableFinished ? {} : { aborted: true }),
        });
      });
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
