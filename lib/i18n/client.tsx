"use client";
// The dictionary handed down from the server layout, for client components.
import { createContext, useContext } from "react";
import { fill, type Dict, type DictKey } from "./dictionaries";

const I18nContext = createContext<{ dict: Dict; locale: string } | null>(null);

export function I18nProvider({ dict, locale, children }: { dict: Dict; locale: string; children: React.ReactNode }) {
  return <I18nContext.Provider value={{ dict, locale }}>{children}</I18nContext.Provider>;
}

export function useT() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useT outside I18nProvider");
  const t = (key: DictKey, vars?: Record<string, string | number>) => fill(ctx.dict[key], vars);
  return { t, locale: ctx.locale };
}
