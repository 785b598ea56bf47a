import "server-only";
import { env } from "@/lib/env";

// Avatar URLs are built from the configured public origin, never from the request's Host header (legacy defect 8).

const ID = /^[0-9a-f]{32}$/;

export const isAvatarId = (id: string) => ID.test(id);

export function avatarUrl(id: string): string {
  return `${env().APP_URL}/meeting/avatar/${id}`;
}

/** The picture shown for people without an avatar (WeCom often sends none): a static file we serve (public/). */
export function defaultAvatarUrl(): string {
  return `${env().APP_URL}/meeting/default-avatar.png`;
}

/** The avatar id when `url` points at one of our avatars (absolute under APP_URL, or the bare path). */
export function avatarIdOf(url: string): string | null {
  const prefixes = [`${env().APP_URL}/meeting/avatar/`, "/meeting/avatar/"];
  for (const p of prefixes) {
    if (url.startsWith(p)) {
      const id = url.slice(p.length);
      return isAvatarId(id) ? id : null;
    }
  }
  return null;
}
