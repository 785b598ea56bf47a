import "server-only";
import type { users } from "@/lib/db/schema";

/** The legacy Profile fields (without the envelope) of one user row. */
export interface Profile {
  id: number;
  role: number;
  userid: string;
  avatar: string;
  name: string;
  age: number;
  gender: number;
  phone: string | null;
  email: string | null;
}

export function toProfile(u: typeof users.$inferSelect): Profile {
  return {
    id: u.id,
    role: u.role,
    userid: u.userid,
    avatar: u.avatar,
    name: u.name,
    age: u.age,
    gender: u.gender,
    phone: u.phone,
    email: u.email,
  };
}
