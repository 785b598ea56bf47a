/** "图书馆 · 3层" from a building and a floor ("3" → 3层; "B1", "3F" kept as they are); "" when neither is given. */
export function whereLabel(building: string, floor: string): string {
  const f = floor.trim() === "" ? "" : /^-?\d+$/.test(floor.trim()) ? `${floor.trim()}层` : floor.trim();
  return [building.trim(), f].filter(Boolean).join(" · ");
}
