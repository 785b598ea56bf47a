import type { DictKey } from "@/lib/i18n/dictionaries";

// Appointment status codes (legacy §5.3) → the label key and colours users see.
export const STATUS_META: Record<number, { key: DictKey; className: string }> = {
  0: { key: "tabExpired", className: "bg-slate-100 text-slate-700 ring-slate-300" },
  1: { key: "tabCancelled", className: "bg-slate-100 text-slate-700 ring-slate-300" },
  2: { key: "tabPending", className: "bg-warning-50 text-warning-800 ring-warning-300" },
  3: { key: "tabApproved", className: "bg-success-50 text-success-800 ring-success-300" },
  4: { key: "tabRejected", className: "bg-danger-50 text-danger-800 ring-danger-300" },
};

/** Tab order of "my bookings": what needs attention first. */
export const STATUS_TABS = [2, 3, 1, 4, 0] as const;

export function StatusBadge({ status, label }: { status: number; label: string }) {
  const meta = STATUS_META[status] ?? STATUS_META[0];
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${meta.className}`}>
      {label}
    </span>
  );
}
