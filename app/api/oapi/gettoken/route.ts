// GET /api/oapi/gettoken – access token for an app's appkey/appsecret (Open API, integrations.md §3.1)
import { z } from "zod";
import { openPublicRoute } from "@/lib/http/open";
import { issueAccessToken } from "@/lib/services/openapi/issue-access-token";
import { oRequiredText } from "@/lib/validation/open-api";

export const runtime = "nodejs";
const schema = z.object({ appkey: oRequiredText(64), appsecret: oRequiredText(128) });

export const GET = openPublicRoute({ schema }, ({ input }) => issueAccessToken(input.appkey, input.appsecret));
export const POST = GET;
