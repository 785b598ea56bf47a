// Switches between Simplified Chinese and English: a plain link to /api/lang, which sets the cookie the server reads
// and returns to this page. No JavaScript needed.
import { focusRing } from "../ui/classes";

export function LangToggle({ locale, label, text }: { locale: string; label: string; text: string }) {
  const next = locale === "en" ? "zh" : "en";
  return (
    <a
      href={`/meeting/api/lang?to=${next}`}
      hrefLang={next === "en" ? "en" : "zh-CN"}
      lang={next === "en" ? "en" : "zh-CN"}
      aria-label={label}
      className={`rounded-full border border-white/40 px-3 py-1 text-sm font-medium text-white hover:bg-white/10 ${focusRing}`}
    >
      {text}
    </a>
  );
}
