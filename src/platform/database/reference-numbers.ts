import { EntityManager } from 'typeorm';
import { istYear } from '../time';

/**
 * Next human reference number, e.g. `PRT/2026/000123`, numbered within the IST calendar year. Taken inside the caller's transaction
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
