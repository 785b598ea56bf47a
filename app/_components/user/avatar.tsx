// A round avatar, or the name's first character when there is no picture.
export function Avatar({ src, name, size = 64 }: { src: string; name: string; size?: number }) {
  const style = { width: size, height: size };
  return src ? (
    <img src={src} alt="" width={size} height={size} style={style} className="shrink-0 rounded-full bg-slate-200 object-cover ring-2 ring-white" />
  ) : (
    <span aria-hidden="true" style={style} className="flex shrink-0 items-center justify-center rounded-full bg-brand-100 text-2xl font-semibold text-brand-700 ring-2 ring-white">
      {(name || "?").slice(0, 1)}
    </span>
  );
}
