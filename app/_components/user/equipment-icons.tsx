// Equipment as small icons with their names (screen readers read the names; the icons are decoration).

const PATHS: Record<string, string> = {
  投影仪: "M3 8h18v8H3zM7 12h.01M15 12a2 2 0 1 0-4 0 2 2 0 0 0 4 0M6 16l-1 3M18 16l1 3",
  白板: "M3 4h18v12H3zM12 16v4M8 20h8M7 8h6M7 11h9",
  视频会议: "M3 7h12v10H3zM15 10l6-3v10l-6-3",
  电话: "M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1",
  电视: "M3 6h18v11H3zM8 21h8M12 17v4",
  音响: "M11 5 6 9H3v6h3l5 4zM15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13",
};
const OTHER = "M12 3v18M3 12h18";

export function EquipmentIcon({ name, className = "h-4 w-4" }: { name: string; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={`${className} fill-none stroke-current stroke-[1.8] [stroke-linecap:round] [stroke-linejoin:round]`}>
      <path d={PATHS[name] ?? OTHER} />
    </svg>
  );
}

export function EquipmentList({ items, size = "sm" }: { items: string[]; size?: "sm" | "md" }) {
  if (items.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map((e) => (
        <li
          key={e}
          className={`inline-flex items-center gap-1 rounded-md bg-slate-100 text-slate-700 ${size === "sm" ? "px-1.5 py-0.5 text-xs" : "px-2 py-1 text-sm"}`}
        >
          <EquipmentIcon name={e} className={size === "sm" ? "h-3.5 w-3.5" : "h-4 w-4"} />
          {e}
        </li>
      ))}
    </ul>
  );
}
