import { MigrationInterface, QueryRunner } from 'typeorm';

const RANKS = `'DGP','ADG','IG','DIG','SP','ASP','DSP','INSPECTOR','SI','ASI','HEAD_CONSTABLE','CONSTABLE'`;

/** Chart versions, their assignments (with the double-booking guarantee) and officers' slips. */
export class DutyChartVersions1764072000100 implements MigrationInterface {
  name = 'DutyChartVersions1764072000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE duty_chart (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bandobast_id uuid NOT NULL REFERENCES bandobast(id),
        version_no integer NOT NULL,
        based_on_id uuid REFERENCES duty_chart(id),
        status text NOT NULL CHECK (status IN ('DRAFT','SOLVING','PUBLISHING','PUBLISHED','SUPERSEDED','DISCARDED')),
        solve_result text CHECK (solve_result IN ('OK','INFEASIBLE','FAILED','STALE')),
        solve_seq integer NOT NULL DEFAULT 0,
        seed integer NOT NULL DEFAULT 1,
        shortfalls jsonb NOT NULL DEFAULT '[]',
        solve_errors jsonb NOT NULL DEFAULT '[]',
        released_pins jsonb NOT NULL DEFAULT '[]',
        stats jsonb,
        solve_job_id text,
        publish_job_id text,
        publish_done integer NOT NULL DEFAULT 0,
        publish_total integer NOT NULL DEFAULT 0,
        publish_requested_at timestamptz,
        solved_at timestamptz,
        published_at timestamptz,
        published_by uuid,
        master_document_id uuid,
        created_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (bandobast_id, version_no)
      )`);
    // One version being prepared and one in force per bandobast.
    await q.query(
      `CREATE UNIQUE INDEX duty_chart_one_open ON duty_chart (bandobast_id) WHERE status IN ('DRAFT','SOLVING','PUBLISHING')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX duty_chart_one_published ON duty_chart (bandobast_id) WHERE status = 'PUBLISHED'`,
    );

    await q.query(`
      CREATE TABLE duty_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        chart_id uuid NOT NULL REFERENCES duty_chart(id),
        shift_id uuid NOT NULL REFERENCES bandobast_shift(id),
        officer_id uuid NOT NULL REFERENCES officer(id),
        slot_rank text NOT NULL CHECK (slot_rank IN (${RANKS})),
        pinned boolean NOT NULL DEFAULT false,
        bandobast_id uuid NOT NULL,
        during tstzrange NOT NULL,
        live boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (chart_id, shift_id, officer_id),
        -- The database, not the solver, guarantees nobody is double-booked: within one chart
        -- version, and across bandobasts for every chart still live (draft or in force).
        -- Two versions of the same bandobast may overlap: the newer one replaces the older.
        CONSTRAINT duty_assignment_no_overlap_in_chart
          EXCLUDE USING gist (chart_id WITH =, officer_id WITH =, during WITH &&),
        CONSTRAINT duty_assignment_no_double_booking
          EXCLUDE USING gist (officer_id WITH =, during WITH &&, bandobast_id WITH <>) WHERE (live)
      )`);
    // The time range and bandobast always come from the shift, so no caller can book a
    // different window than the one the officer actually serves.
    await q.query(`
      CREATE FUNCTION duty_assignment_from_shift() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT tstzrange(s.starts_at, s.ends_at), s.bandobast_id INTO NEW.during, NEW.bandobast_id
          FROM bandobast_shift s WHERE s.id = NEW.shift_id;
        IF NEW.during IS NULL THEN
          RAISE EXCEPTION 'shift % does not exist', NEW.shift_id USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER duty_assignment_from_shift BEFORE INSERT OR UPDATE OF shift_id ON duty_assignment
      FOR EACH ROW EXECUTE FUNCTION duty_assignment_from_shift()`);
    await q.query(`
      CREATE FUNCTION bandobast_shift_times_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.starts_at, NEW.ends_at) IS DISTINCT FROM (OLD.starts_at, OLD.ends_at)
           AND EXISTS (SELECT 1 FROM duty_assignment WHERE shift_id = OLD.id) THEN
          RAISE EXCEPTION 'shift % has assignments; its times cannot change', OLD.code USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER bandobast_shift_times_fixed BEFORE UPDATE ON bandobast_shift
      FOR EACH ROW EXECUTE FUNCTION bandobast_shift_times_fixed()`);
    await q.query(`CREATE INDEX duty_assignment_chart_idx ON duty_assignment (chart_id)`);
    await q.query(
      `CREATE INDEX duty_assignment_officer_idx ON duty_assignment USING gist (officer_id, during) WHERE live`,
    );

    // One slip per officer per bandobast; it points at the paper currently in force.
    await q.query(`
      CREATE TABLE duty_slip (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bandobast_id uuid NOT NULL REFERENCES bandobast(id),
        officer_id uuid NOT NULL REFERENCES officer(id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','ACTIVE','CANCELLED')),
        chart_id uuid REFERENCES duty_chart(id),
        document_id uuid REFERENCES issued_document(id),
        content_hash text,
        content jsonb,
        last_duty_end timestamptz,
        notified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (bandobast_id, officer_id)
      )`);
    await q.query(`CREATE INDEX duty_slip_officer_idx ON duty_slip (officer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE duty_slip`);
    await q.query(`DROP TABLE duty_assignment`);
    await q.query(`DROP FUNCTION duty_assignment_from_shift`);
    await q.query(`DROP TRIGGER bandobast_shift_times_fixed ON bandobast_shift`);
    await q.query(`DROP FUNCTION bandobast_shift_times_fixed`);
    await q.query(`DROP TABLE duty_chart`);
  }
}
