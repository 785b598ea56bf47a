"use client";
// Client-side context of the user pages: the dictionary and React Query.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { I18nProvider } from "@/lib/i18n/client";
import type { Dict } from "@/lib/i18n/dictionaries";

export function UserProviders({ dict, locale, children }: { dict: Dict; locale: string; children: React.ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <I18nProvider dict={dict} locale={locale}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </I18nProvider>
  );
}
