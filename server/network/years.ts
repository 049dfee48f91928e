/** Year windows over partial ISO dates (2024, 2024-03, 2024-03-15). */
export interface YearWindow {
  from: number | null;
  to: number | null;
}

export function yearOf(date: string | null | undefined): number | null {
  if (!date) return null;
  const y = Number(date.slice(0, 4));
  return Number.isFinite(y) ? y : null;
}

export function isOpenWindow(w: YearWindow): boolean {
  return w.from === null && w.to === null;
}

/** Does the period [start, end] overlap the window? Unknown start/end are open. */
export function overlaps(w: YearWindow, start: string | null, end: string | null): boolean {
  const s = yearOf(start);
  const e = yearOf(end);
  if (w.to !== null && s !== null && s > w.to) return false;
  if (w.from !== null && e !== null && e < w.from) return false;
  return true;
}
