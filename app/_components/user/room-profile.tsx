// The room page's photos and facts (building and floor, equipment, description, check-in rule).
import { getT } from "@/lib/i18n/locale";
import type { RoomProfile } from "@/lib/types/api";
import { whereLabel } from "@/lib/domain/where-label";
import { BASE } from "../data/client";
import { card } from "../ui/kit";
import { EquipmentList } from "./equipment-icons";

export async function RoomPhotos({ place, profile }: { place: string; profile: RoomProfile }) {
  const { t } = await getT();
  if (profile.photos.length === 0) return null;
  return (
    <section aria-label={t("roomPhotos")} className="-mx-4 md:mx-0">
      <ul className="flex snap-x snap-mandatory gap-2 overflow-x-auto px-4 pb-1 md:px-0">
        {profile.photos.map((p, i) => (
          <li key={p.id} className="w-[85%] shrink-0 snap-center md:w-[48%]">
            <img
              src={`${BASE}${p.path}`}
              alt={t("photoOf", { place, n: i + 1 })}
              width={p.width || undefined}
              height={p.height || undefined}
              loading={i === 0 ? "eager" : "lazy"}
              className="aspect-[4/3] w-full rounded-2xl bg-slate-100 object-cover"
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

export async function RoomFactsCard({ profile }: { profile: RoomProfile }) {
  const { t } = await getT();
  const where = whereLabel(profile.building, profile.floor);
  if (!where && profile.equipment.length === 0 && !profile.description && !profile.checkInRequired) return null;
  return (
    <section aria-labelledby="facts-title" className={card}>
      <h2 id="facts-title" className="font-semibold">
        {t("roomFacts")}
      </h2>
      <dl className="mt-2 space-y-2 text-sm">
        {where && (
          <div className="grid grid-cols-[4.5rem_1fr] gap-2">
            <dt className="text-slate-600">{t("location")}</dt>
            <dd>{where}</dd>
          </div>
        )}
        {profile.equipment.length > 0 && (
          <div className="grid grid-cols-[4.5rem_1fr] gap-2">
            <dt className="text-slate-600">{t("equipment")}</dt>
            <dd>
              <EquipmentList items={profile.equipment} size="md" />
            </dd>
          </div>
        )}
        {profile.description && (
          <div className="grid grid-cols-[4.5rem_1fr] gap-2">
            <dt className="text-slate-600">{t("description")}</dt>
            <dd className="whitespace-pre-wrap">{profile.description}</dd>
          </div>
        )}
      </dl>
      {profile.checkInRequired && (
        <p className="mt-3 rounded-xl bg-warning-50 px-3 py-2 text-sm text-warning-900 ring-1 ring-warning-200">
          {t("checkInRequiredNote", { before: profile.checkInBeforeMinutes, after: profile.checkInAfterMinutes })}
        </p>
      )}
    </section>
  );
}
