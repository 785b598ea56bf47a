import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDb } from "../client";

// Once per run: a migrated PGlite snapshot that every test file loads in ~0.5 s instead of running initdb, and
// (with TEST_DATABASE_URL) a migrated Postgres template database that each file clones. Everything is removed at the end.

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meeting-test-"));
  const snapshotPath = path.join(dir, "snapshot.tar.gz");
  const handle = await openDb({ dataDir: null });
  const pglite = (handle.db as unknown as { $client: { dumpDataDir(c: string): Promise<Blob> } }).$client;
  const blob = await pglite.dumpDataDir("gzip");
  fs.writeFileSync(snapshotPath, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
  project.provide("pgliteSnapshot", snapshotPath);

  let dropAll = async () => {};
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `t_${process.pid}_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${template}"`);
    const templateUrl = withDatabase(url, template);
    const tpl = await openDb({ url: templateUrl, max: 1 });
    await tpl.close();
    project.provide("pgTemplate", templateUrl);
    dropAll = async () => {
      const dbs = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${template + "%"}`;
      for (const { datname } of dbs) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      await admin.end();
    };
  } else {
    project.provide("pgTemplate", "");
  }

  return async () => {
    await dropAll();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
