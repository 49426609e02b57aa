import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a solve job needs so that a chart never stays in SOLVING: when it was asked for and
 * started, a heartbeat the running job keeps fresh (a stale one means the job died), how the
 * last solve ended, a note saying so, and the roll check shown before solving.
 */
export class DutyChartSolveWatch1796122308867 implements MigrationInterface {
  name = 'DutyChartSolveWatch1796122308867';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE duty_chart
        ADD COLUMN solve_requested_at timestamptz,
        ADD COLUMN solve_started_at timestamptz,
        ADD COLUMN solve_heartbeat_at timestamptz,
        ADD COLUMN solve_ended text CHECK (solve_ended IN ('COMPLETED','CUT_SHORT','CANCELLED','INTERRUPTED','FAILED')),
        ADD COLUMN solve_note text,
        ADD COLUMN roll_check jsonb`);
    // The sweep looks only at charts being solved.
    await q.query(
      `CREATE INDEX duty_chart_solving ON duty_chart (solve_heartbeat_at) WHERE status = 'SOLVING'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX duty_chart_solving`);
    await q.query(`
      ALTER TABLE duty_chart
        DROP COLUMN solve_requested_at,
        DROP COLUMN solve_started_at,
        DROP COLUMN solve_heartbeat_at,
        DROP COLUMN solve_ended,
        DROP COLUMN solve_note,
        DROP COLUMN roll_check`);
  }
}
