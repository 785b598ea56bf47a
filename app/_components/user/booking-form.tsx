"use client";
// Booking form: inline validation with the server's own schema, a live answer for the chosen slot (free, taken,
// outside open hours) with the nearest free start, and submission through the legacy POST /appointment.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { DictKey } from "@/lib/i18n/dictionaries";
import type { appointmentSchema } from "@/lib/validation/booking";
import { hhmmIn, localToEpoch } from "@/lib/zoned-time";
import type { OccurrencePreview } from "@/lib/types/api";
import { ApiError, badField } from "../data/client";
import { useBook, useBookSeries } from "../data/use-bookings";
import { useSlotAvailability, useSlotPending } from "../data/use-slot";
import { BookingDetails } from "./booking-details";
import { SlotStatus } from "./slot-status";
import { initialRepeat, RepeatSection, repeatPayload, STATE_META, type RepeatValue } from "./repeat-section";
import { btnPrimary, card, chip, ErrorState, input, label } from "../ui/kit";
import { AcademicHints } from "./academic-hints";

import type { Field, Values } from "./booking-details";

const FIELD_OF: Record<string, Field> = { datetime: "when", duration: "duration", size: "size", phone: "phone", purpose: "purpose", note: "note" };
/** The form field of a server answer that named one. */
const fieldOf = (e: ApiError): Field | undefined => {
  const f = badField(e);
  return f && Object.hasOwn(FIELD_OF, f) ? FIELD_OF[f] : undefined;
};
const MESSAGE_OF: Record<Field, DictKey> = {
  when: "errDate",
  duration: "errDuration",
  size: "errParticipants",
  phone: "errPhone",
  purpose: "errPurpose",
  note: "errNote",
};

export function BookingForm(props: {
  tz: string;
  today: string;
  room: { id: number; place: string; size: number };
  initial: { date: string; start: string; duration: string; phone: string; size?: string; purpose?: string };
  caps: { maxWeeks: number; maxOccurrences: number };
}) {
  const { t, locale } = useT();
  const router = useRouter();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [v, setV] = useState<Values>({ ...props.initial, size: props.initial.size ?? "", purpose: props.initial.purpose ?? "", note: "" });
  const [repeat, setRepeat] = useState<RepeatValue>(() => initialRepeat(props.initial.date));
  const [occurrences, setOccurrences] = useState<OccurrencePreview[] | null>(null);
  const onPreview = useCallback((o: OccurrencePreview[] | null) => setOccurrences(o), []);
  const recurring = repeat.rule !== "none";
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({});
  const schema = useAppointmentSchema();
  const [formError, setFormError] = useState<string | null>(null);

  const datetime = localToEpoch(v.date, v.start, props.tz);
  const payload = {
    roomId: String(props.room.id),
    datetime: datetime === null ? "" : String(datetime),
    duration: v.duration,
    size: v.size,
    phone: v.phone,
    purpose: v.purpose,
    note: v.note,
  };

  // The same schema the server parses POST /appointment with; capacity comes from the room, as on the server.
  const errors: Partial<Record<Field, string>> = {};
  const parsed = schema?.safeParse(payload);
  if (parsed && !parsed.success) {
    for (const issue of parsed.error.issues) {
      const f = FIELD_OF[String(issue.path[0])];
      if (f && !errors[f]) errors[f] = locale === "en" ? t(MESSAGE_OF[f], { max: props.room.size }) : issue.message;
    }
  }
  if (datetime === null) errors.when = t("errDate");
  if ([...v.purpose].length > 100) errors.purpose = t("purposeTooLong", { n: [...v.purpose].length - 100 });
  if (errors.size || Number(v.size) > props.room.size) errors.size = t("errParticipants", { max: props.room.size });
  const required: [Field, string][] = [["duration", v.duration], ["size", v.size], ["phone", v.phone], ["purpose", v.purpose]];
  for (const [f, value] of required) if (value.trim() === "") errors[f] = t("errRequired");
  const shown = (f: Field) => serverErrors[f] ?? (touched[f] ? errors[f] : undefined);

  // Ask the server about the slot once typing pauses (the check counts against the search budget).
  const [wanted, setWanted] = useState({ date: v.date, start: v.start, duration: Number(v.duration) });
  useEffect(() => {
    const h = setTimeout(() => setWanted({ date: v.date, start: v.start, duration: Number(v.duration) }), 400);
    return () => clearTimeout(h);
  }, [v.date, v.start, v.duration]);
  const slotQuery = useSlotAvailability(
    props.room.id,
    wanted,
    localToEpoch(wanted.date, wanted.start, props.tz) !== null && Number.isInteger(wanted.duration) && wanted.duration >= 1 && wanted.duration <= 1440,
  );
  const slot = slotQuery.data?.rooms[0];
  // Other people's pending requests for the same time: shown before submitting (先到先审).
  const pendingQuery = useSlotPending(props.room.id, wanted, slot?.slotFree === true);
  const pendingCount = slot?.slotFree ? (pendingQuery.data?.pending[String(props.room.id)] ?? 0) : 0;
  const fmt = (ms: number) => hhmmIn(new Date(ms), props.tz);

  const bookableDates = occurrences?.filter((o) => STATE_META[o.state].bookable && !repeat.skip.includes(o.date)) ?? [];
  const bookSeries = useBookSeries();
  const book = useBook();
  /** A refusal naming a field marks that field; anything else is said above the submit button. */
  const onRefused = (e: Error) => {
    if (!(e instanceof ApiError)) return setFormError(t("errorNetwork"));
    if (!recurring && (e.code === 2003 || e.code === 3003)) {
      setServerErrors({ when: e.errmsg });
      void slotQuery.refetch();
      return;
    }
    const field = fieldOf(e);
    if (field) setServerErrors({ [field]: e.errmsg });
    else setFormError(e.errmsg);
  };
  const send = () => {
    if (recurring) {
      const skip = occurrences ? occurrences.filter((o) => !STATE_META[o.state].bookable || repeat.skip.includes(o.date)).map((o) => o.date) : [];
      const body = { ...repeatPayload(repeat, v.date), roomId: props.room.id, start: v.start, duration: v.duration, size: v.size, phone: v.phone, purpose: v.purpose, note: v.note, skip };
      bookSeries.mutate(body, { onSuccess: (r) => router.push(`/my/series/${r.seriesId}?created=1&skipped=${r.skipped.length}`), onError: onRefused });
    } else {
      book.mutate(
        { payload, place: props.room.place, startTime: `${v.date} ${v.start}` },
        { onSuccess: (newId) => router.push(newId ? `/history/detail/${newId}?created=1` : "/my/bookings"), onError: onRefused },
      );
    }
  };

  const update = (k: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = e.target.value;
    setV((old) => ({ ...old, [k]: value }));
    const f = k === "date" || k === "start" ? "when" : (k as Field);
    setServerErrors((s) => ({ ...s, [f]: undefined }));
    setFormError(null);
  };
  const blur = (f: Field) => () => setTouched((s) => ({ ...s, [f]: true }));
  const describe = (f: Field, extra?: string) => [shown(f) ? `${id}-${f}-error` : "", extra ?? ""].filter(Boolean).join(" ") || undefined;
  const fieldError = (f: Field) =>
    shown(f) ? (
      <p id={`${id}-${f}-error`} className="mt-1 text-sm text-danger-700">
        {shown(f)}
      </p>
    ) : null;

  return (
    <form
      ref={formRef}
      noValidate
      className={`${card} space-y-4`}
      onSubmit={(e) => {
        e.preventDefault();
        setTouched({ when: true, duration: true, size: true, phone: true, purpose: true, note: true });
        const firstBad = (["when", "duration", "size", "phone", "purpose", "note"] as Field[]).find((f) => errors[f] || serverErrors[f]);
        if (firstBad) {
          formRef.current?.querySelector<HTMLElement>(`[data-field="${firstBad}"]`)?.focus();
          return;
        }
        send();
      }}
    >
      <fieldset aria-describedby={describe("when", `${id}-slot`)}>
        <legend className={label}>{t("fieldStartDateTime")}</legend>
        <div className="grid grid-cols-2 gap-3">
          <input
            data-field="when"
            aria-label={t("fieldDate")}
            name="date"
            type="date"
            min={props.today}
            required
            value={v.date}
            onChange={update("date")}
            onBlur={blur("when")}
            aria-invalid={shown("when") ? true : undefined}
            className={input}
          />
          <input
            aria-label={t("fieldStart")}
            name="start"
            type="time"
            step={300}
            required
            value={v.start}
            onChange={update("start")}
            onBlur={blur("when")}
            aria-invalid={shown("when") ? true : undefined}
            className={input}
          />
        </div>
        <AcademicHints date={v.date} onPick={(start, minutes) => setV((old) => ({ ...old, start, duration: String(minutes) }))} />
        {fieldError("when")}
        <SlotStatus
          id={`${id}-slot`}
          fetching={slotQuery.isFetching}
          slot={slot}
          pendingCount={pendingCount}
          opensAt={slotQuery.data?.opensAt}
          closesAt={slotQuery.data?.closesAt}
          fmt={fmt}
          onUseSuggestion={(start) => {
            setV((old) => ({ ...old, start }));
            setServerErrors((s) => ({ ...s, when: undefined }));
          }}
        />
      </fieldset>

      <div>
        <label htmlFor={`${id}-duration`} className={label}>
          {t("fieldDuration")}（{t("minutes", { n: "" }).trim()}）
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <div className="w-24">
          <input
            id={`${id}-duration`}
            name="duration"
            data-field="duration"
            type="number"
            inputMode="numeric"
            min={15}
            max={1440}
            step={15}
            required
            value={v.duration}
            onChange={update("duration")}
            onBlur={blur("duration")}
            aria-invalid={shown("duration") ? true : undefined}
            aria-describedby={describe("duration", `${id}-duration-hint`)}
            className={input}
          />
          </div>
          {[30, 60, 90, 120].map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={v.duration === String(m)}
              className={`${chip} aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:text-brand-700`}
              onClick={() => setV((old) => ({ ...old, duration: String(m) }))}
            >
              {t("minutes", { n: m })}
            </button>
          ))}
        </div>
        <p id={`${id}-duration-hint`} className="mt-1 text-xs text-slate-600">
          {t("durationHint")}
        </p>
        {fieldError("duration")}
      </div>

      <RepeatSection
        value={repeat}
        onChange={setRepeat}
        date={v.date}
        today={props.today}
        caps={props.caps}
        slot={datetime !== null && Number.isInteger(Number(v.duration)) && Number(v.duration) >= 1 ? { roomId: props.room.id, start: v.start, duration: Number(v.duration), size: Number(v.size) || 1 } : null}
        onPreview={onPreview}
      />

      <BookingDetails id={id} roomSize={props.room.size} v={v} update={update} blur={blur} shown={shown} describe={describe} fieldError={fieldError} />

      {formError && <ErrorState title={formError} />}

      <button type="submit" className={`${btnPrimary} w-full`} disabled={book.isPending || bookSeries.isPending || (recurring && bookableDates.length === 0)}>
        {book.isPending || bookSeries.isPending ? t("submitting") : recurring ? t("submitSeries", { n: bookableDates.length }) : t("submit")}
      </button>
    </form>
  );
}

/**
 * The schema the server parses POST /appointment with, loaded once the form is interactive: zod is ~30 KB of
 * gzipped script that the page's first load does not need (the server checks everything again anyway).
 */
function useAppointmentSchema() {
  const [schema, setSchema] = useState<typeof appointmentSchema | null>(null);
  useEffect(() => {
    let live = true;
    // zod-client first: no eval probe under the CSP.
    void import("@/lib/validation/zod-client")
      .then(() => import("@/lib/validation/booking"))
      .then((m) => {
        if (live) setSchema(() => m.appointmentSchema);
      });
    return () => {
      live = false;
    };
  }, []);
  return schema;
}
