// The class strings of the UI kit (kit.tsx re-exports them): buttons, chips, inputs, labels, cards, the focus ring.
// On their own so that client components needing only a look (tab bar, language toggle, date picker) do not pull the
// kit's components into every page's first-load script.

export const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

export type ButtonVariant = "primary" | "secondary" | "danger" | "success" | "ghost";
export type ButtonSize = "sm" | "md" | "lg";

const buttonTones: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-700",
  success: "bg-success-700 text-white hover:bg-success-800",
  danger: "bg-danger-700 text-white hover:bg-danger-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  ghost: "text-slate-700 hover:bg-slate-100",
};
const buttonSizes: Record<ButtonSize, string> = {
  sm: "h-8 whitespace-nowrap rounded-lg px-3 text-xs",
  md: "h-10 whitespace-nowrap rounded-lg px-4 text-sm",
  lg: "min-h-11 rounded-xl px-4 py-2.5 text-base active:scale-[0.99]",
};

/** The look of a button (or of a link that acts as one). */
export const buttonClass = (variant: ButtonVariant = "secondary", size: ButtonSize = "md") =>
  `inline-flex items-center justify-center gap-2 font-medium transition disabled:cursor-not-allowed disabled:opacity-60 ${focusRing} ${buttonSizes[size]} ${buttonTones[variant]}`;

export const btnPrimary = buttonClass("primary", "lg");
export const btnSecondary = buttonClass("secondary", "lg");
export const btnDanger = buttonClass("danger", "lg");

export const chip = `inline-flex min-h-9 items-center rounded-full border border-slate-300 bg-white px-3 text-sm text-slate-700 transition hover:border-brand-600 hover:text-brand-700 ${focusRing}`;

const inputBase =
  "block w-full border border-slate-300 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500 focus:border-brand-600 focus:outline-2 focus:outline-brand-600/30 disabled:bg-slate-100 aria-[invalid=true]:border-danger-600";
/** A text input at touch size (user pages). */
export const input = `${inputBase} min-h-11 rounded-xl text-base`;
/** A text input at console density. */
export const inputClass = `${inputBase} rounded-lg text-sm focus:outline-offset-0`;

export const label = "mb-1 block text-sm font-medium text-slate-700";

export const card = "rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/70";
