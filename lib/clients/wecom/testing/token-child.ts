// A separate "server process" for the shared-token test: opens the database, says READY, waits for GO on stdin,
// then asks for the WeCom access token from several concurrent callers and prints what it got.
import { getAccessToken } from "../access-token";
import { getDbHandle } from "@/lib/db";

const handle = await getDbHandle();
process.stdout.write("READY\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const tokens = await Promise.all([getAccessToken(), getAccessToken(), getAccessToken()]);
process.stdout.write(`TOKENS ${JSON.stringify(tokens)}\n`);
await handle.close();
process.exit(0);
