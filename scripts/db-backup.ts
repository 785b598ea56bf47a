#!/usr/bin/env node
// `npm run db:backup [-- --out DIR]`: a consistent backup of the database the app is configured for.
// `npm run db:backup -- --restore FILE`: puts a backup back (stop the app first).
//
// * Postgres (DATABASE_URL set): `pg_dump --format=custom` into DIR (default ./backups); restore with pg_restore
//   --clean --if-exists. Both need Debian's postgresql-client (pg_dump/pg_restore of the server's major version or newer).
//   The server may keep running during a backup (pg_dump reads one snapshot).
// * Embedded PGlite (PGLITE_DIR): a gzipped tarball of the data directory made by PGlite itself. The app must be
//   stopped: the directory lock refuses a second opener, so a backup never copies a directory in use.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { openDb } from "../lib/db/client";

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const restore = opt("--restore");
const outDir = path.resolve(opt("--out") ?? "backups");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const databaseUrl = process.env.DATABASE_URL?.trim();
const pgliteDir = path.resolve(process.env.PGLITE_DIR?.trim() || "./.data/pglite");

function run(cmd: string, cmdArgs: string[]) {
  const r = spawnSync(cmd, cmdArgs, { stdio: "inherit" });
  if (r.error) throw new Error(`${cmd} could not be started (${r.error.message}); install Debian's postgresql-client`);
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status}`);
}

async function main() {
  if (databaseUrl) {
    if (restore) {
      run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--dbname", databaseUrl, restore]);
      console.log(`Restored ${restore} into the database of DATABASE_URL.`);
    } else {
      fs.mkdirSync(outDir, { recursive: true });
      const file = path.join(outDir, `meeting-${stamp}.dump`);
      run("pg_dump", ["--format=custom", "--no-owner", "--file", file, databaseUrl]);
      console.log(`Backup written: ${file}`);
    }
    return;
  }

  if (restore) {
    if (fs.existsSync(pgliteDir) && fs.readdirSync(pgliteDir).length > 0) {
      const aside = `${pgliteDir}.before-restore-${stamp}`;
      fs.renameSync(pgliteDir, aside);
      console.log(`The current directory was moved to ${aside}.`);
    }
    fs.mkdirSync(path.dirname(pgliteDir), { recursive: true });
    const data = new Blob([fs.readFileSync(restore)]);
    const client = await PGlite.create({ dataDir: pgliteDir, loadDataDir: data, extensions: { btree_gist } });
    await client.close();
    console.log(`Restored ${restore} into ${pgliteDir}.`);
    return;
  }

  // openDb takes the directory lock: it refuses while the app runs on this directory.
  const handle = await openDb({ dataDir: pgliteDir, skipMigrations: true });
  try {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir("gzip");
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `meeting-pglite-${stamp}.tar.gz`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    console.log(`Backup written: ${file}`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(`Backup failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
