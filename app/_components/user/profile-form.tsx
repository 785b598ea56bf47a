"use client";
// Avatar upload (type and size checked before sending, preview, progress) and the profile form, validated with the
// server's own schema. Writes go through POST /profile/upload and POST /profile.
import "@/lib/validation/zod-client"; // before any schema is used: no eval probe under the CSP
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { DictKey } from "@/lib/i18n/dictionaries";
import type { Profile } from "@/lib/types/api";
import { updateProfileSchema } from "@/lib/validation/profile";
import { ApiError, badField } from "../data/client";
import { useAvatarUpload, useSaveProfile } from "../data/use-profile";
import { btnPrimary, btnSecondary, card, ErrorState, input, label } from "../ui/kit";
import { Avatar } from "./avatar";

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"];
const MAX_BYTES = 3 * 1024 * 1024;
type Field = "gender" | "age" | "phone" | "email";
const MESSAGE_OF: Record<Field, DictKey> = { gender: "errorGeneric", age: "errAge", phone: "errPhone", email: "errEmail" };

export function ProfileForm({ profile }: { profile: Profile }) {
  const { t, locale } = useT();
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [avatar, setAvatar] = useState(profile.avatar);
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [avatarMsg, setAvatarMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [v, setV] = useState({
    gender: String(profile.gender),
    age: String(profile.age),
    phone: profile.phone ?? "",
    email: profile.email ?? "",
  });
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [serverError, setServerError] = useState<{ field?: Field; text: string } | null>(null);
  const [saved, setSaved] = useState(false);

  const errors: Partial<Record<Field, string>> = {};
  const parsed = updateProfileSchema.safeParse(v);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const f = String(issue.path[0]) as Field;
      if (!errors[f]) errors[f] = locale === "en" ? t(MESSAGE_OF[f]) : issue.message;
    }
  }
  const shown = (f: Field) => (serverError?.field === f ? serverError.text : touched[f] ? errors[f] : undefined);

  const upload = useAvatarUpload(setProgress);
  const uploadFile = (file: File) =>
    upload.mutate(file, {
      onSuccess: (url) => {
        setAvatar(url);
        setAvatarMsg({ ok: true, text: t("avatarUploaded") });
        router.refresh();
      },
      onError: (e) => {
        setPreview(null);
        setAvatarMsg({ ok: false, text: e instanceof ApiError ? e.errmsg : t("errorNetwork") });
      },
      onSettled: () => setProgress(null),
    });

  const save = useSaveProfile();
  const saveProfile = () =>
    save.mutate(v, {
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
      onError: (e) => {
        if (!(e instanceof ApiError)) return setServerError({ text: t("errorNetwork") });
        const f = badField(e);
        const field = f && (["gender", "age", "phone", "email"] as const).find((k) => k === f);
        setServerError({ field: field || undefined, text: e.errmsg });
      },
    });

  const onFile = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setAvatarMsg(null);
    if (!IMAGE_TYPES.includes(file.type)) return setAvatarMsg({ ok: false, text: t("avatarWrongType") });
    if (file.size > MAX_BYTES) return setAvatarMsg({ ok: false, text: t("avatarTooBig") });
    setPreview(URL.createObjectURL(file));
    setProgress(0);
    uploadFile(file);
  };
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setV((old) => ({ ...old, [k]: e.target.value }));
    setSaved(false);
    setServerError(null);
  };
  const blur = (f: Field) => () => setTouched((s) => ({ ...s, [f]: true }));
  const err = (f: Field) =>
    shown(f) ? (
      <p id={`${id}-${f}-error`} className="mt-1 text-sm text-danger-700">
        {shown(f)}
      </p>
    ) : null;
  const aria = (f: Field) => ({ "aria-invalid": shown(f) ? true : undefined, "aria-describedby": shown(f) ? `${id}-${f}-error` : undefined });

  return (
    <div className="space-y-4">
      <section aria-labelledby={`${id}-avatar`} className={`${card} flex items-center gap-4`}>
        <div className="relative">
          <Avatar src={preview ?? avatar} name={profile.name} size={80} />
          {progress !== null && (
            <span className="absolute inset-0 flex items-center justify-center rounded-full bg-slate-900/50 text-sm font-semibold text-white">
              {progress}%
            </span>
          )}
        </div>
        <div className="min-w-0 flex-1">
          <h2 id={`${id}-avatar`} className="font-medium">
            {t("avatar")}
          </h2>
          <p id={`${id}-avatar-hint`} className="mt-0.5 text-xs text-slate-600">
            {t("avatarHint")}
          </p>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept={IMAGE_TYPES.join(",")}
            className="sr-only"
            onChange={onFile}
            aria-describedby={`${id}-avatar-hint`}
          />
          <label htmlFor={`${id}-file`} className={`${btnSecondary} mt-2 min-h-10 cursor-pointer py-1.5 text-sm has-focus-visible:outline-2 has-focus-visible:outline-brand-600`}>
            {t("changeAvatar")}
          </label>
          {progress !== null && (
            <div className="mt-2">
              <progress max={100} value={progress} aria-label={t("avatarUploading", { p: progress })} className="h-2 w-full overflow-hidden rounded-full accent-brand-600" />
            </div>
          )}
          <p aria-live="polite" className={`mt-1 text-sm ${avatarMsg?.ok ? "text-success-800" : "text-danger-700"}`}>
            {avatarMsg?.text}
          </p>
        </div>
      </section>

      <form
        noValidate
        className={`${card} space-y-4`}
        onSubmit={(e) => {
          e.preventDefault();
          setTouched({ gender: true, age: true, phone: true, email: true });
          if (Object.keys(errors).length === 0) saveProfile();
        }}
      >
        <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-600">{t("name")}</dt>
          <dd>{profile.name || "—"}</dd>
          <dt className="text-slate-600">{t("userid")}</dt>
          <dd>{profile.userid}</dd>
          <dt className="text-slate-600">{t("role")}</dt>
          <dd>{profile.role === 1 ? t("roleStudent") : t("roleTeacher")}</dd>
        </dl>
        <fieldset>
          <legend className={label}>{t("gender")}</legend>
          <div className="grid grid-cols-3 gap-2">
            {(
              [
                ["0", "genderUnset"],
                ["1", "genderMale"],
                ["2", "genderFemale"],
              ] as const
            ).map(([value, key]) => (
              <label
                key={value}
                className="flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-xl border border-slate-300 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:font-medium has-checked:text-brand-700 has-focus-visible:outline-2 has-focus-visible:outline-brand-600"
              >
                <input type="radio" name="gender" value={value} checked={v.gender === value} onChange={set("gender")} className="sr-only" />
                {t(key)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <label htmlFor={`${id}-age`} className={label}>
              {t("age")}
            </label>
            <input id={`${id}-age`} type="number" inputMode="numeric" min={0} max={150} value={v.age} onChange={set("age")} onBlur={blur("age")} {...aria("age")} className={input} />
            {err("age")}
          </div>
          <div>
            <label htmlFor={`${id}-phone`} className={label}>
              {t("phone")}
            </label>
            <input id={`${id}-phone`} type="tel" inputMode="tel" autoComplete="tel" maxLength={20} value={v.phone} onChange={set("phone")} onBlur={blur("phone")} {...aria("phone")} className={input} />
            {err("phone")}
          </div>
          <div>
            <label htmlFor={`${id}-email`} className={label}>
              {t("email")}
            </label>
            <input id={`${id}-email`} type="email" autoComplete="email" maxLength={254} value={v.email} onChange={set("email")} onBlur={blur("email")} {...aria("email")} className={input} />
            {err("email")}
          </div>
        </div>
        {serverError && !serverError.field && <ErrorState title={serverError.text} />}
        <div className="flex items-center gap-3">
          <button type="submit" className={btnPrimary} disabled={save.isPending}>
            {save.isPending ? t("saving") : t("save")}
          </button>
          <p aria-live="polite" className="text-sm text-success-800">
            {saved ? t("saved") : ""}
          </p>
        </div>
      </form>
    </div>
  );
}
