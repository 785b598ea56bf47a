// A separate "server" for the multi-process test: opens the database named by DATABASE_URL, waits until the given
// instant (so that every child starts together), runs the maintenance once and prints its report as one JSON line.
import { getDbHandle } from "@/lib/db";
import { runMaintenance } from "../run-maintenance";

const startAt = Number(process.argv[2]);
const handle = await getDbHandle();
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const report = await runMaintenance();
console.log(JSON.stringify(report));
await handle.close();
process.exit(0);
