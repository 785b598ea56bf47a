// GET /rooms/set – apply this admin's uploaded room spreadsheet in one transaction (legacy RoomController#set)
import { legacyRoute, okMessage } from "@/lib/http/legacy";
import { applyRoomsSheet } from "@/lib/services/rooms-sheet/apply-rooms-sheet";

export const GET = legacyRoute({ auth: "super", stateChangingGet: true }, async ({ admin }) => {
  await applyRoomsSheet(admin);
  return okMessage("配置会议室成功");
});
