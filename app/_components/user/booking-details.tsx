"use client";
// The booking form's details: participants, phone, purpose (counted) and note. The form owns the values and the
// validation; this part only lays the fields out.
import { useT } from "@/lib/i18n/client";
import { input, label } from "../ui/classes";

export type Field = "when" | "duration" | "size" | "phone" | "purpose" | "note";
export type Values = { date: string; start: string; duration: string; size: string; phone: string; purpose: string; note: string };

export function BookingDetails({
  id,
  roomSize,
  v,
  update,
  blur,
  shown,
  describe,
  fieldError,
}: {
  id: string;
  roomSize: number;
  v: Values;
  update: (k: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  blur: (f: Field) => () => void;
  shown: (f: Field) => string | undefined;
  describe: (f: Field, extra?: string) => string | undefined;
  fieldError: (f: Field) => React.ReactNode;
}) {
  const { t } = useT();
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-size`} className={label}>
            {t("fieldParticipants")}
          </label>
          <input
            id={`${id}-size`}
            name="size"
            data-field="size"
            type="number"
            inputMode="numeric"
            min={1}
            max={roomSize}
            required
            value={v.size}
            onChange={update("size")}
            onBlur={blur("size")}
            aria-invalid={shown("size") ? true : undefined}
            aria-describedby={describe("size", `${id}-size-hint`)}
            className={input}
          />
          <p id={`${id}-size-hint`} className="mt-1 text-xs text-slate-600">
            {t("capacity", { n: roomSize })}
          </p>
          {fieldError("size")}
        </div>
        <div>
          <label htmlFor={`${id}-phone`} className={label}>
            {t("fieldPhone")}
          </label>
          <input
            id={`${id}-phone`}
            name="phone"
            data-field="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            required
            value={v.phone}
            onChange={update("phone")}
            onBlur={blur("phone")}
            aria-invalid={shown("phone") ? true : undefined}
            aria-describedby={describe("phone")}
            className={input}
          />
          {fieldError("phone")}
        </div>
      </div>

      <div>
        <label htmlFor={`${id}-purpose`} className={label}>
          {t("fieldPurpose")}
        </label>
        <input
          id={`${id}-purpose`}
            name="purpose"
          data-field="purpose"
          type="text"
          required
          placeholder={t("purposePlaceholder")}
          value={v.purpose}
          onChange={update("purpose")}
          onBlur={blur("purpose")}
          aria-invalid={shown("purpose") ? true : undefined}
          aria-describedby={describe("purpose", `${id}-purpose-count`)}
          className={input}
        />
        <p id={`${id}-purpose-count`} aria-live="polite" className={`mt-1 text-right text-xs tabular-nums ${[...v.purpose].length > 100 ? "font-medium text-danger-700" : "text-slate-600"}`}>
          {[...v.purpose].length}/100
        </p>
        {fieldError("purpose")}
      </div>

      <div>
        <label htmlFor={`${id}-note`} className={label}>
          {t("fieldNote")} <span className="font-normal text-slate-500">（{t("optional")}）</span>
        </label>
        <textarea
          id={`${id}-note`}
            name="note"
          data-field="note"
          rows={3}
          maxLength={500}
          placeholder={t("notePlaceholder")}
          value={v.note}
          onChange={update("note")}
          onBlur={blur("note")}
          aria-invalid={shown("note") ? true : undefined}
          aria-describedby={describe("note")}
          className={`${input} resize-y`}
        />
        {fieldError("note")}
      </div>
    </>
  );
}
