// GET /api/me – who this browser is signed in as: {user:{id,userid}|null, admin:{id,username,privileged}|null} (new)
import { getSessionAdmin, getSessionUser } from "@/lib/auth/session";
import { legacyRoute, ok } from "@/lib/http/legacy";

export const GET = legacyRoute({}, async () => {
  const [user, admin] = await Promise.all([getSessionUser(), getSessionAdmin()]);
  return Response.json(ok({ user, admin }), { headers: { "cache-control": "no-store" } });
});
