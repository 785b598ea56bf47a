// POST /api/open/user/{list,get,add,update,updateFace,clearFace,remove} – Open API users (integrations.md §3.2 #2–8)
import { z } from "zod";
import { openRoute } from "@/lib/http/open";
import { addOapiUser } from "@/lib/services/users/add-oapi-user";
import { clearUserFace } from "@/lib/services/users/clear-user-face";
import { getOapiUser } from "@/lib/services/users/get-oapi-user";
import { listOapiUsers } from "@/lib/services/users/list-oapi-users";
import { removeOapiUser } from "@/lib/services/users/remove-oapi-user";
import { setUserFace } from "@/lib/services/users/set-user-face";
import { updateOapiUser } from "@/lib/services/users/update-oapi-user";
import { oFlag, oId, oPhone, oRequiredText, oSerialId, oText } from "@/lib/validation/open-api";

const userId = z.object({ userId: oSerialId });
const fields = {
  phone: oPhone,
  position: oText(64),
  email: oText(254).pipe(z.string().regex(/^$|^[^\s@]+@[^\s@]+$/, "邮箱格式不正确")),
  memo: oText(500),
  departmentId: oText(64),
  status: oFlag,
  // `isAdmin` in the seed's tables, `admin` in its responses.
  isAdmin: oFlag,
  admin: oFlag,
  // The seed's default password (hf@123456) belongs to its own login; our members sign in through WeCom.
  password: z.unknown(),
};
const addSchema = z.object({ name: oRequiredText(64), account: oRequiredText(64), id: oId.optional(), ...partial(fields) });
const updateSchema = z.object({ id: oSerialId, name: oRequiredText(64).optional(), account: oRequiredText(64).optional(), ...partial(fields) });

function partial<T extends Record<string, z.ZodType>>(shape: T) {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };
}
const adminFlag = (i: { isAdmin?: number; admin?: number }) => {
  const v = i.isAdmin ?? i.admin;
  return v === undefined ? undefined : v === 1;
};

export const userEndpoints = {
  list: openRoute({ schema: z.object({}), resource: "user" }, () => listOapiUsers()),
  get: openRoute({ schema: userId, resource: "user" }, ({ input }) => getOapiUser(Number(input.userId))),
  add: openRoute({ schema: addSchema, resource: "user" }, ({ input }) => addOapiUser({ ...input, isAdmin: adminFlag(input) })),
  update: openRoute({ schema: updateSchema, resource: "user" }, ({ input }) =>
    updateOapiUser(Number(input.id), { ...input, isAdmin: adminFlag(input) }),
  ),
  updateFace: openRoute(
    { schema: z.object({ userId: oSerialId, file: z.instanceof(File, { message: "应为图片文件" }) }), resource: "user" },
    async ({ input }) => setUserFace(Number(input.userId), { bytes: Buffer.from(await input.file.arrayBuffer()) }),
  ),
  clearFace: openRoute({ schema: userId, resource: "user" }, async ({ input }) => {
    await clearUserFace(Number(input.userId));
  }),
  remove: openRoute({ schema: userId, resource: "user" }, async ({ input }) => {
    await removeOapiUser(Number(input.userId));
  }),
};
