import "server-only";
import { callWecom } from "./call";

export interface WecomMember {
  userid: string;
  name?: string;
  department: number[];
  mobile?: string;
  email?: string;
  avatar?: string;
  /** 0 unknown, 1 male, 2 female. */
  gender: 0 | 1 | 2;
}

/**
 * Reads a member (integrations.md §1.6). Apps created after 2022-06 no longer receive mobile, email, avatar or gender,
 * so every field but userid may be missing.
 */
export async function getMember(userid: string): Promise<WecomMember> {
  const b = await callWecom("user/get", { userid });
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const g = Number(b.gender);
  return {
    userid: str(b.userid) ?? userid,
    name: str(b.name),
    department: Array.isArray(b.department) ? b.department.map(Number).filter((n) => Number.isInteger(n)) : [],
    mobile: str(b.mobile),
    email: str(b.email),
    avatar: str(b.avatar),
    gender: g === 1 || g === 2 ? g : 0,
  };
}
