"use client";
import { useCallback, useMemo, useState } from "react";

/**
 * The checked rows of a console table (review queue, admins, people). Rows are kept by id with their data, so an
 * action can use what it needs (the review's ids, the people's userids) even for rows no longer on screen.
 *
 * `selectable` leaves rows out of "select all" (one's own admin row); `acrossPages` keeps the other pages' choices
 * when "select all" is toggled (people are picked page by page), otherwise "select all" means exactly this page.
 */
export function useSelection<T>(rows: T[], idOf: (row: T) => number, opts: { selectable?: (row: T) => boolean; acrossPages?: boolean } = {}) {
  const [selected, setSelected] = useState<Map<number, T>>(new Map());
  const { selectable = () => true, acrossPages = false } = opts;
  const candidates = rows.filter(selectable);
  const allChecked = candidates.length > 0 && candidates.every((r) => selected.has(idOf(r)));
  /** The checked rows of this page, in table order. */
  const visible = useMemo(() => rows.filter((r) => selected.has(idOf(r))), [rows, selected, idOf]);

  const toggle = (row: T) =>
    setSelected((s) => {
      const n = new Map(s);
      const id = idOf(row);
      if (n.has(id)) n.delete(id);
      else n.set(id, row);
      return n;
    });
  const toggleAll = () =>
    setSelected((s) => {
      const n = acrossPages ? new Map(s) : new Map<number, T>();
      if (allChecked) {
        if (acrossPages) candidates.forEach((r) => n.delete(idOf(r)));
      } else candidates.forEach((r) => n.set(idOf(r), r));
      return n;
    });
  const clear = useCallback(() => setSelected(new Map()), []);
  const has = (id: number) => selected.has(id);

  return { has, toggle, toggleAll, clear, allChecked, visible, size: selected.size, all: [...selected.values()] };
}
