"use client";
// Client-side context of the user pages. The dictionary is everywhere; React Query only on the pages that fetch
// or write from the browser (booking form, detail, profile), so the others do not load it.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { I18nProvider } from "@/lib/i18n/client";
import type { Dict } from "@/lib/i18n/dictionaries";

export function UserProviders({ dict, locale, children }: { dict: Dict; locale: string; children: React.ReactNode }) {
  return (
    <I18nProvider dict={dict} locale={locale}>
      {children}
    </I18nProvider>
  );
}

export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
