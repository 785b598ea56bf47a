import { spawn, type ChildProcess } from "node:child_process";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { control, useFakeWecom } from "./testing/use-fake-wecom";

// Two real server processes on one Postgres database must fetch the WeCom token once between them: the token lives
// in cache_entries and the refresh is serialised by an advisory lock. (PGlite is one process per directory by design.)
describe.skipIf(process.env.TEST_DB !== "postgres")("two processes on one Postgres", () => {
  const fake = useFakeWecom();

  function child(url: string): { proc: ChildProcess; ready: Promise<void>; tokens: Promise<string[]> } {
    // react-server: the server modules start with `import "server-only"`, which throws under plain node.
    const proc = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/clients/wecom/testing/token-child.ts"], {
      env: { ...process.env, DATABASE_URL: url, DEMO_DATA: "0" },
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    let onReady: () => void;
    const ready = new Promise<void>((r) => (onReady = r));
    const tokens = new Promise<string[]>((resolve, reject) => {
      proc.stdout!.on("data", (d) => {
        out += String(d);
        if (out.includes("READY")) onReady();
        const m = out.match(/TOKENS (.*)\n/);
        if (m) resolve(JSON.parse(m[1]));
      });
      proc.on("exit", (code) => code !== 0 && reject(new Error(`child exited with ${code}: ${out}`)));
    });
    return { proc, ready, tokens };
  }

  it("fetch the WeCom access token once between them", async () => {
    const templateUrl = inject("pgTemplate");
    const template = new URL(templateUrl).pathname.slice(1);
    const name = `${template}_two_${process.pid}`;
    const admin = postgres(templateUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${template}"`);
    const u = new URL(templateUrl);
    u.pathname = `/${name}`;
    try {
      // A slow gettoken makes sure both processes ask while the first fetch is still under way.
      await control(fake(), "config", { delays: { "/cgi-bin/gettoken": 800 } });
      const a = child(u.toString());
      const b = child(u.toString());
      await Promise.all([a.ready, b.ready]);
      a.proc.stdin!.write("GO\n");
      b.proc.stdin!.write("GO\n");
      const [ta, tb] = await Promise.all([a.tokens, b.tokens]);
      expect(new Set([...ta, ...tb]).size).toBe(1);
      expect(((await control(fake(), "counts")) as Record<string, number>)["/cgi-bin/gettoken"]).toBe(1);
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }, 60_000);
});
