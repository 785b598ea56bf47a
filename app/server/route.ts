// GET /server – dashboard counts and switches (legacy ServerController#info)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { getServerStats } from "@/lib/services/stats/get-server-stats";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin" }, async ({ admin }) => ok({ username: admin.username, ...(await getServerStats()) }));
