// POST /api/admin/campus/notice-channels – where booker notices go: wecom / campus / both (new; super admin)
import { legacyRoute, ok } from "@/lib/http/legacy";
import { setNoticeChannels } from "@/lib/services/campus/overview";
import { noticeChannelsSchema } from "@/lib/validation/campus";

export const POST = legacyRoute({ auth: "super", schema: noticeChannelsSchema }, async ({ admin, input }) => ok(await setNoticeChannels(admin, input.value)));
