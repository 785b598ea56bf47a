// The legacy sorted rooms with Java's Collator for Locale.CHINESE: pinyin order for Han characters, everything else
// (ASCII letters, digits) before Han, digits character by character (逸夫楼1001 < 逸夫楼101), lowercase before
// uppercase as the last tie-break. ICU's zh collation puts Han first, so characters are compared one by one here:
// by class first (non-Han before Han), then by the zh collator ignoring case, then by the full collator.
import "server-only";

const primary = new Intl.Collator("zh", { sensitivity: "base" });
const full = new Intl.Collator("zh", { caseFirst: "lower" });
const HAN = /\p{Script=Han}/u;

/** Comparator of room places in the legacy (Chinese collator) order. */
export function comparePlaces(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    if (ca[i] === cb[i]) continue;
    const ha = HAN.test(ca[i]);
    const hb = HAN.test(cb[i]);
    if (ha !== hb) return ha ? 1 : -1;
    const c = primary.compare(ca[i], cb[i]);
    if (c !== 0) return c;
  }
  if (ca.length !== cb.length) return ca.length - cb.length;
  return full.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
