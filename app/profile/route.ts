// GET /profile – the caller's profile; POST /profile – edit it (legacy ProfileController#profile / #update)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { legacyProfileView } from "@/lib/http/legacy-views";
import { getProfile } from "@/lib/services/profile/get-profile";
import { updateProfile } from "@/lib/services/profile/update-profile";
import { updateProfileSchema } from "@/lib/validation/profile";

export const GET = legacyRoute({ auth: "user" }, async ({ user }) => ok(legacyProfileView(await getProfile(user.id))));

export const POST = legacyRoute({ auth: "user", schema: updateProfileSchema }, async ({ user, input }) =>
  ok(legacyProfileView(await updateProfile(user.id, input))),
);
