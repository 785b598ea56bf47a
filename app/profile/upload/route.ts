// POST /profile/upload – upload an avatar (multipart `upload`); the URL comes back in errmsg (legacy ProfileController#upload)
import { z } from "zod";
import { legacyRoute, okMessage } from "@/lib/http/legacy";
import { uploadAvatar } from "@/lib/services/profile/upload-avatar";

const schema = z.object({ upload: z.instanceof(File, { error: "缺少图片文件" }) });

export const POST = legacyRoute({ auth: "user", schema }, async ({ user, input }) => {
  const url = await uploadAvatar(user.id, { bytes: Buffer.from(await input.upload.arrayBuffer()) });
  return okMessage(url);
});
