// Helper process for the "second opener is refused" test: opens a PGlite directory and reports what happened.
import { openDb } from "../client";

const dir = process.argv[2];
try {
  const h = await openDb({ dataDir: dir });
  console.log("OPENED");
  await h.close();
} catch (e) {
  console.log(`REFUSED ${(e as Error).message}`);
}
