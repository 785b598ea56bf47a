// The one UI kit of the app, for the user pages and the console alike: class strings for plain elements, small
// controls, and the empty / error / loading states. Server-safe (no hooks, no "use client"): server pages import it
// as well as client components. Colours are design tokens only (globals.css): brand, danger, success, warning,
// slate for neutrals. Focus rings are always visible for keyboard users; text keeps at least 4.5:1 contrast on white.
//
// Sizes: "lg" is the touch size of the user pages (44 px high), "md" and "sm" the denser console.
import Link from "next/link";

/* ---------- class strings (classes.ts) ---------- */

import { btnSecondary, buttonClass, focusRing, type ButtonVariant } from "./classes";

export * from "./classes";

/* ---------- controls ---------- */

export function Button({
  variant = "secondary",
  size = "md",
  className = "",
  type = "button",
  ...rest
}: React.ComponentProps<"button"> & { variant?: ButtonVariant; size?: "sm" | "md" }) {
  return <button type={type} className={`${buttonClass(variant, size)} ${className}`} {...rest} />;
}

export function Field({
  label: text,
  htmlFor,
  hint,
  error,
  children,
  className = "",
}: {
  label: string;
  htmlFor: string;
  hint?: React.ReactNode;
  error?: string | null;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={htmlFor} className="mb-1.5 block text-sm font-medium text-slate-800">
        {text}
      </label>
      {children}
      {error ? (
        <p id={`${htmlFor}-error`} className="mt-1 text-xs text-danger-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${htmlFor}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function Switch({
  id,
  checked,
  onChange,
  label: text,
  disabled,
}: {
  id: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
  disabled?: boolean;
}) {
  return (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={text}
      disabled={disabled}
      onClick={() => onChange(!checked)}
      className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors ${focusRing} ${checked ? "bg-brand-600" : "bg-slate-300"}`}
    >
      <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${checked ? "translate-x-5" : "translate-x-0.5"}`} />
    </button>
  );
}

/** A console panel with an optional title bar. */
export function Card({ title, actions, children, className = "" }: { title?: React.ReactNode; actions?: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <section className={`rounded-xl border border-slate-200 bg-white shadow-sm ${className}`}>
      {(title || actions) && (
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3 sm:px-5">
          {title && <h2 className="text-sm font-semibold text-slate-900">{title}</h2>}
          {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
        </div>
      )}
      <div className="p-4 sm:p-5">{children}</div>
    </section>
  );
}

const badgeTones = {
  slate: "bg-slate-100 text-slate-700",
  blue: "bg-brand-50 text-brand-700",
  green: "bg-success-50 text-success-800",
  amber: "bg-warning-50 text-warning-800",
  red: "bg-danger-50 text-danger-800",
} as const;

export function Badge({ tone = "slate", children }: { tone?: keyof typeof badgeTones; children: React.ReactNode }) {
  return <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${badgeTones[tone]}`}>{children}</span>;
}

export function PageHeader({ title, description, actions }: { title: string; description?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

/* ---------- states ---------- */

/**
 * Nothing to show. With a title: a card with an icon, a hint and an optional link (user pages). With children only:
 * a quiet line inside a table or panel (console).
 */
export function EmptyState({
  title,
  hint,
  action,
  children,
}: {
  title?: string;
  hint?: string;
  action?: { href: string; label: string };
  children?: React.ReactNode;
}) {
  if (title === undefined) return <div className="px-4 py-10 text-center text-sm text-slate-500">{children}</div>;
  return (
    <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mb-3 size-10 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5">
        <rect x="3" y="5" width="18" height="16" rx="2" />
        <path d="M3 10h18M8 3v4M16 3v4" />
      </svg>
      <p className="font-medium text-slate-800">{title}</p>
      {hint && <p className="mt-1 text-sm text-slate-600">{hint}</p>}
      {action && (
        <Link href={action.href} className={`${btnSecondary} mt-4`}>
          {action.label}
        </Link>
      )}
    </div>
  );
}

/**
 * Something went wrong. Either a title (and detail, and an action below), or a failed load: `error` is shown as
 * "加载失败：…" with a retry button when `onRetry` is given.
 */
export function ErrorState({
  title,
  detail,
  action,
  error,
  onRetry,
}: {
  title?: string;
  detail?: string;
  action?: React.ReactNode;
  error?: unknown;
  onRetry?: () => void;
}) {
  const heading = title ?? `加载失败：${error instanceof Error ? error.message : String(error)}`;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-xl border border-danger-200 bg-danger-50 px-4 py-3 text-danger-900">
      <div className="min-w-0 flex-1">
        <p className={title === undefined ? "text-sm" : "font-medium"}>{heading}</p>
        {detail && <p className="mt-1 text-sm text-danger-800">{detail}</p>}
        {action && <div className="mt-3">{action}</div>}
      </div>
      {onRetry && (
        <Button size="sm" onClick={onRetry}>
          重试
        </Button>
      )}
    </div>
  );
}

export function Spinner({ label: text }: { label: string }) {
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-slate-600">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 animate-spin" fill="none">
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {text}
    </span>
  );
}

export function SkeletonCards({ count = 3, label: text }: { count?: number; label: string }) {
  return (
    <div role="status" aria-label={text} className="space-y-3">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="h-24 animate-pulse rounded-2xl bg-slate-200/70" />
      ))}
    </div>
  );
}
