// GET /profile/all?page&size[&q] – every WeCom user as a layui table (legacy ProfileController#all)
import { z } from "zod";
import { layuiTable, legacyRoute } from "@/lib/http/legacy";
import { legacyUserInfoView } from "@/lib/http/legacy-views";
import { listProfiles } from "@/lib/services/profile/list-profiles";
import { stringParam } from "@/lib/validation/common";
import { pagingSchema } from "@/lib/validation/paging";

const schema = pagingSchema.extend({ q: stringParam().pipe(z.string().max(100, "不能超过100个字符")).optional() });

export const GET = legacyRoute({ auth: "admin", schema }, async ({ admin, input }) => {
  const { count, rows } = await listProfiles(admin, input);
  return layuiTable(count, rows.map(legacyUserInfoView));
});
