// Which language a page is rendered in: the `lang` cookie (set by the toggle), Simplified Chinese by default.
import { cookies } from "next/headers";
import { en, fill, zh, type Dict, type DictKey } from "./dictionaries";

export type Locale = "zh-CN" | "en";
export const LANG_COOKIE = "lang";

export async function getLocale(): Promise<Locale> {
  const v = (await cookies()).get(LANG_COOKIE)?.value;
  return v === "en" ? "en" : "zh-CN";
}

export const dictFor = (locale: Locale): Dict => (locale === "en" ? en : zh);

/** The server-side translator for the current request. */
export async function getT() {
  const locale = await getLocale();
  const dict = dictFor(locale);
  const t = (key: DictKey, vars?: Record<string, string | number>) => fill(dict[key], vars);
  return { t, locale, dict };
}
