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

/**
 * The number `nextReference` would give now, read without a lock: papers that print their
 * record's new number are drawn with it before the transaction, and redrawn in the rare
 * case that someone else took it first (see UnitOfWork).
 */
export async function peekReference(em: EntityManager, prefix: string, at: Date = new Date()): Promise<string> {
  const year = istYear(at);
  const rows: Array<{ last_value: number }> = await em.query(
    `SELECT last_value FROM reference_counter WHERE prefix = $1 AND year = $2`,
    [prefix, year],
  );
  return `${prefix}/${year}/${String((rows[0]?.last_value ?? 0) + 1).padStart(6, '0')}`;
}
