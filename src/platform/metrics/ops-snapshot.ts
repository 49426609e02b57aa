import type { DataSource } from 'typeorm';

/**
 * What the scrape reads from PostgreSQL, each part undefined when its query failed (the scrape
 * then leaves those metrics out instead of failing). The figures are the database's, so every
 * instance reports the same ones.
 *
 * The one place in platform code that reads tables of other parts of the app by SQL: the
 * outbox, the system mode, notifications, and `duty_chart` of the duty-charts module (a
 * platform folder must not import a module, and the metrics need only a few counts, not
 * the module's entities). Keep these queries aggregate and on indexed or small tables:
 * Prometheus runs them on every scrape.
 */
export interface OpsSnapshot {
  outbox?: {
    byStatus: Record<string, number>;
    /** Age of the oldest PENDING row; 0 when none waits. */
    oldestPendingSeconds: number;
    /** PENDING rows that failed at least once and will be tried again. */
    retrying: number;
  };
  /** The stored e-Office mode (ONLINE, DEGRADED), or null when the row is missing. */
  mode?: string | null;
  notifications?: Array<{ channel: string; status: string; count: number }>;
  solves?: {
    /** Chart versions by how their last solve ended (COMPLETED, CUT_SHORT, FAILED, …). */
    byEnding: Record<string, number>;
    /** Wall time of the most recent solve to end, from the job's start; null before any. */
    lastSeconds: number | null;
  };
}

/** The e-Office modes (platform/eoffice ChannelHealth), so the one not current reads 0. */
export const EOFFICE_MODES = ['ONLINE', 'DEGRADED'] as const;

/**
 * Reads the snapshot one query after the other, so a scrape holds one pooled connection at a
 * time; a failed query is reported to `failed` and leaves its part out.
 */
export async function readOpsSnapshot(
  db: DataSource,
  failed: (part: string, err: unknown) => void,
): Promise<OpsSnapshot> {
  const snapshot: OpsSnapshot = {};
  const part = async (name: string, read: () => Promise<void>) => {
    try {
      await read();
    } catch (err) {
      failed(name, err);
    }
  };

  await part('outbox', async () => {
    // eoffice_outbox_status_idx (status, created_at) serves the counts and the oldest row.
    const rows = (await db.query(
      `SELECT status, count(*)::int AS count,
              count(*) FILTER (WHERE attempts > 0)::int AS tried,
              extract(epoch FROM now() - min(created_at))::float8 AS oldest
         FROM eoffice_outbox GROUP BY status`,
    )) as Array<{ status: string; count: number; tried: number; oldest: number }>;
    const pending = rows.find((r) => r.status === 'PENDING');
    snapshot.outbox = {
      byStatus: Object.fromEntries(rows.map((r) => [r.status, r.count])),
      oldestPendingSeconds: Math.max(0, pending?.oldest ?? 0),
      retrying: pending?.tried ?? 0,
    };
  });

  await part('mode', async () => {
    const [row] = (await db.query(`SELECT mode FROM system_mode LIMIT 1`)) as Array<{
      mode: string;
    }>;
    snapshot.mode = row?.mode ?? null;
  });

  await part('notifications', async () => {
    snapshot.notifications = (await db.query(
      `SELECT channel, status, count(*)::int AS count FROM notification GROUP BY channel, status`,
    )) as Array<{ channel: string; status: string; count: number }>;
  });

  await part('solves', async () => {
    const byEnding = (await db.query(
      `SELECT solve_ended AS ended, count(*)::int AS count FROM duty_chart WHERE solve_ended IS NOT NULL GROUP BY solve_ended`,
    )) as Array<{ ended: string; count: number }>;
    // A re-solve moves solve_started_at past the old solved_at until it ends: such a row is skipped.
    const [last] = (await db.query(
      `SELECT extract(epoch FROM solved_at - solve_started_at)::float8 AS seconds
         FROM duty_chart WHERE solved_at >= solve_started_at ORDER BY solved_at DESC LIMIT 1`,
    )) as Array<{ seconds: number }>;
    snapshot.solves = {
      byEnding: Object.fromEntries(byEnding.map((r) => [r.ended, r.count])),
      lastSeconds: last?.seconds ?? null,
    };
  });

  return snapshot;
}
