// POST /rooms/upload – keep a room spreadsheet (multipart `rooms`) until /rooms/set applies it (legacy RoomController#upload)
import { isAppError } from "@/lib/errors";
import { layuiUpload, layuiUploadFailed, legacyRoute } from "@/lib/http/legacy";
import { uploadRoomsSheet } from "@/lib/services/rooms-sheet/upload-rooms-sheet";

export const POST = legacyRoute({ auth: "super" }, async ({ admin, params }) => {
  const f = params.rooms;
  const file = f instanceof File ? { name: f.name, bytes: Buffer.from(await f.arrayBuffer()) } : undefined;
  try {
    return layuiUpload("表格文件上传成功", (await uploadRoomsSheet(admin, file)).filename);
  } catch (e) {
    if (isAppError(e) && (e.code === 4004 || e.code === 1012)) return layuiUploadFailed(e);
    throw e;
  }
});
