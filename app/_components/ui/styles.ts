// Shared class strings (server and client components alike), so every control looks and focuses the same way.

export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

export const btnPrimary =
  `inline-flex min-h-11 items-center justify-center gap-2 rounded-xl bg-brand-600 px-4 py-2.5 text-base font-medium text-white shadow-sm transition hover:bg-brand-700 active:scale-[0.99] disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

export const btnSecondary =
  `inline-flex min-h-11 items-center justify-center gap-2 rounded-xl border border-slate-300 bg-white px-4 py-2.5 text-base font-medium text-slate-800 transition hover:bg-slate-50 disabled:opacity-60 ${focusRing}`;

export const btnDanger =
  `inline-flex min-h-11 items-center justify-center gap-2 rounded-xl bg-red-600 px-4 py-2.5 text-base font-medium text-white transition hover:bg-red-700 disabled:opacity-60 ${focusRing}`;

export const chip =
  `inline-flex min-h-9 items-center rounded-full border border-slate-300 bg-white px-3 text-sm text-slate-700 transition hover:border-brand-600 hover:text-brand-700 ${focusRing}`;

export const input =
  "block w-full min-h-11 rounded-xl border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 focus:border-brand-600 focus:outline-2 focus:outline-brand-600/30 aria-[invalid=true]:border-red-600";

export const label = "mb-1 block text-sm font-medium text-slate-700";

export const card = "rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/70";
