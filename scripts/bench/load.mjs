// A small closed-loop load generator: N keep-alive connections (one node:http Agent with one socket each), each
// sending its next request as soon as the previous answer is read, for a fixed time after a warm-up.
//
// Why not autocannon: the workloads need a different body per request (a fresh slot per submission, ten fresh
// pending ids per approval, a different room and day per search) and a signed-in user per connection, and every
// answer must be checked (an application error inside HTTP 200 is an error here, not a success). That is a few lines
// here; autocannon would need its request hooks for all of it and would add a dependency to a project that
// otherwise needs none for this. Latency is measured from write to the last byte of the answer.
import fs from "node:fs";
import http from "node:http";

/**
 * @param {object} o
 * @param {number} o.port
 * @param {(conn: number, seq: number) => {method?: string, path: string, headers?: object, body?: string}} o.request
 * @param {(status: number, body: string) => boolean} [o.ok]  default: 2xx
 * @param {number} o.connections
 * @param {number} o.warmupMs
 * @param {number} o.durationMs
 * @param {number} [o.pid]  server process whose tree's RSS is sampled
 */
export async function runLoad(o) {
  const ok = o.ok ?? ((status) => status >= 200 && status < 300);
  const agents = Array.from({ length: o.connections }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const latencies = [];
  let errors = 0;
  let firstError = null;
  let seq = 0;
  const t0 = performance.now();
  const measureFrom = t0 + o.warmupMs;
  const end = measureFrom + o.durationMs;
  let rssMax = 0;
  const sampler = o.pid
    ? setInterval(() => {
        if (performance.now() >= measureFrom) rssMax = Math.max(rssMax, treeRss(o.pid));
      }, 250)
    : null;

  const worker = async (conn) => {
    while (performance.now() < end) {
      const r = o.request(conn, seq++);
      const started = performance.now();
      let status = 0;
      let body = "";
      try {
        ({ status, body } = await send(agents[conn], o.port, r));
      } catch (e) {
        body = String(e);
      }
      const done = performance.now();
      if (started >= measureFrom && done <= end) {
        latencies.push(done - started);
        if (!ok(status, body)) {
          errors++;
          firstError ??= `${status} ${body.slice(0, 200)}`;
        }
      }
    }
  };
  await Promise.all(agents.map((_, i) => worker(i)));
  if (sampler) clearInterval(sampler);
  for (const a of agents) a.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : null);
  const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    requests: latencies.length,
    rps: Math.round((latencies.length / (o.durationMs / 1000)) * 10) / 10,
    p50: round(pct(50)),
    p95: round(pct(95)),
    p99: round(pct(99)),
    errors,
    firstError,
    rssMaxMB: rssMax ? Math.round(rssMax / 1024) : null,
  };
}

export function send(agent, port, r) {
  return new Promise((resolve, reject) => {
    const headers = { ...(r.headers ?? {}) };
    if (r.body !== undefined) headers["content-length"] = Buffer.byteLength(r.body);
    const req = http.request({ host: "127.0.0.1", port, method: r.method ?? "GET", path: r.path, headers, agent }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

/** Resident memory (KB) of a process and all its descendants (`next start` runs the server in a child). */
export function treeRss(pid) {
  const children = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) total += Number(m[1]);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}
