// GET|POST /server/properties – read (admin) or change (super admin) the settings (legacy ServerController#properties)
import { legacyRoute, ok, okMessage } from "@/lib/http/legacy";
import { legacyProperties } from "@/lib/http/legacy-views";
import { getSettings } from "@/lib/services/settings/get-settings";
import { updateSettings } from "@/lib/services/settings/update-settings";
import { settingsSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const GET = legacyRoute({ auth: "admin" }, async () => ok(legacyProperties(await getSettings())));

export const POST = legacyRoute({ auth: "super", schema: settingsSchema }, async ({ input, admin }) => {
  await updateSettings(admin, input);
  return okMessage("修改成功");
});
