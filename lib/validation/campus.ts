import { z } from "zod";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** POST /api/admin/campus/notice-channels */
export const noticeChannelsSchema = z.object({
  value: z.preprocess(first, z.enum(["wecom", "campus", "both"], { error: "必须是 wecom、campus 或 both" })),
});

/** GET /api/admin/campus/files/{id}: the platform's file ids are 32 hex characters. */
export const campusFileIdSchema = z.object({
  id: z.preprocess(first, z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, "文件编号不合法")),
});
