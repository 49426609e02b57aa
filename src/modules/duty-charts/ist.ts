// India has had a fixed UTC+05:30 offset with no daylight saving since 1945, so plain
// arithmetic is exact and independent of the server's TZ (as in the PDF engine).
const IST_OFFSET_MS = 330 * 60_000;

function parts(instant: Date) {
  const d = new Date(instant.getTime() + IST_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    yyyy: d.getUTCFullYear(),
    mm: p(d.getUTCMonth() + 1),
    dd: p(d.getUTCDate()),
    hh: p(d.getUTCHours()),
    mi: p(d.getUTCMinutes()),
    ss: p(d.getUTCSeconds()),
  };
}

/**
 * ISO 8601 with the +05:30 offset. The solver reads "night duty" on the local clock of a
 * shift's own offset, so UTC ("Z") times would move every night shift by 5½ hours.
 */
export function istIso(instant: Date): string {
  const t = parts(instant);
  return `${t.yyyy}-${t.mm}-${t.dd}T${t.hh}:${t.mi}:${t.ss}+05:30`;
}

/** 27-11-2026 */
export function istDate(instant: Date): string {
  const t = parts(instant);
  return `${t.dd}-${t.mm}-${t.yyyy}`;
}

/** 22:00 */
export function istTime(instant: Date): string {
  const t = parts(instant);
  return `${t.hh}:${t.mi}`;
}

/** "27-11-2026 22:00 – 28-11-2026 06:00", or one date when the shift stays within a day. */
export function istWindow(from: Date, to: Date): string {
  return istDate(from) === istDate(to)
    ? `${istDate(from)} ${istTime(from)}–${istTime(to)}`
    : `${istDate(from)} ${istTime(from)} – ${istDate(to)} ${istTime(to)}`;
}

/** At least half the duty between 22:00 and 06:00 IST: the README's definition of a night. */
export function isNightDuty(from: Date, to: Date): boolean {
  let night = 0;
  const start = from.getTime();
  const end = to.getTime();
  const dayStart = Math.floor((start + IST_OFFSET_MS) / 86_400_000) * 86_400_000 - IST_OFFSET_MS;
  for (let day = dayStart - 86_400_000; day < end; day += 86_400_000) {
    const nFrom = day + 22 * 3600_000;
    const nTo = day + 30 * 3600_000;
    night += Math.max(0, Math.min(end, nTo) - Math.max(start, nFrom));
  }
  return night * 2 >= end - start;
}
