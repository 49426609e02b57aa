import { EntityManager } from 'typeorm';

/** The calendar year in India (IST), which is what a reference number's year means. */
export function istYear(at: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-IN', { timeZone: 'Asia/Kolkata', year: 'numeric' }).format(at));
}

/**
 * Next human reference number, e.g. `PRT/2026/000123`. Taken inside the caller's transaction
 * (row lock on the counter), so a rolled-back change gives its number back and numbers are
 * gap-free per prefix and year.
 */
export async function nextReference(em: EntityManager, prefix: string, at: Date = new Date()): Promise<string> {
  const year = istYear(at);
  const rows: Array<{ last_value: number }> = await em.query(
    `INSERT INTO reference_counter (prefix, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last_value = reference_counter.last_value + 1
     RETURNING last_value`,
    [prefix, year],
  );
  return `${prefix}/${year}/${String(rows[0]!.last_value).padStart(6, '0')}`;
}
