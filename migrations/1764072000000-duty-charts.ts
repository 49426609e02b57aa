import { MigrationInterface, QueryRunner } from 'typeorm';

const RANKS = `'DGP','ADG','IG','DIG','SP','ASP','DSP','INSPECTOR','SI','ASI','HEAD_CONSTABLE','CONSTABLE'`;

export class DutyCharts1764072000000 implements MigrationInterface {
  name = 'DutyCharts1764072000000';

  async up(q: QueryRunner): Promise<void> {
    // Personnel: an officer may hold a login (role OFFICER) to see their own duty slips.
    await q.query(`ALTER TABLE officer ADD COLUMN user_id uuid UNIQUE REFERENCES app_user(id)`);
    await q.query(`ALTER TABLE officer ADD CONSTRAINT officer_rank_ck CHECK (rank IN (${RANKS}))`);
    // Stored as the bare 10 digits, so SMS gateways and duplicate checks see one form.
    await q.query(
      `ALTER TABLE officer ADD CONSTRAINT officer_mobile_ck CHECK (mobile IS NULL OR mobile ~ '^[6-9][0-9]{9}$')`,
    );
    await q.query(`CREATE INDEX officer_home_unit_idx ON officer (home_unit_id)`);

    // Leave, weekly off, court, training: entered here because e-Leave may be down.
    await q.query(`
      CREATE TABLE officer_availability (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        officer_id uuid NOT NULL REFERENCES officer(id),
        kind text NOT NULL CHECK (kind IN ('LEAVE','WEEKLY_OFF','COURT','TRAINING','OTHER')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        note text,
        cancelled_at timestamptz,
        cancel_reason text,
        cancelled_by uuid,
        created_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE INDEX officer_availability_active_idx ON officer_availability
      USING gist (officer_id, tstzrange(starts_at, ends_at)) WHERE cancelled_at IS NULL`);

    await this.structure(q);
  }

  /** event → divisions → sectors → posts → shifts; codes are the human keys used in charts and shortfalls. */
  private async structure(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bandobast (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ref text NOT NULL UNIQUE,
        name_en text NOT NULL,
        name_hi text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('VIP_VISIT','FESTIVAL','PROCESSION','PROTEST','ELECTION','ROUTINE','OTHER')),
        unit_id uuid NOT NULL REFERENCES unit(id),
        min_rest_hours numeric NOT NULL DEFAULT 8 CHECK (min_rest_hours >= 0),
        max_hours_per_24h numeric NOT NULL DEFAULT 12 CHECK (max_hours_per_24h > 0 AND max_hours_per_24h <= 24),
        higher_rank_may_fill_lower boolean NOT NULL DEFAULT false,
        report_minutes_before integer NOT NULL DEFAULT 30 CHECK (report_minutes_before BETWEEN 0 AND 240),
        briefing text,
        created_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE bandobast_division (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bandobast_id uuid NOT NULL REFERENCES bandobast(id),
        code text NOT NULL,
        name text NOT NULL,
        in_charge_officer_id uuid REFERENCES officer(id),
        position integer NOT NULL,
        UNIQUE (bandobast_id, code)
      )`);
    await q.query(`
      CREATE TABLE bandobast_sector (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bandobast_id uuid NOT NULL REFERENCES bandobast(id),
        division_id uuid NOT NULL REFERENCES bandobast_division(id),
        code text NOT NULL,
        name text NOT NULL,
        in_charge_officer_id uuid REFERENCES officer(id),
        position integer NOT NULL,
        UNIQUE (bandobast_id, code)
      )`);
    await q.query(`
      CREATE TABLE bandobast_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bandobast_id uuid NOT NULL REFERENCES bandobast(id),
        sector_id uuid NOT NULL REFERENCES bandobast_sector(id),
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('FIXED_POINT','PATROL_BEAT','CHECK_POINT','RESERVE_QRT','STRIKING_SQUAD',
          'ARREST_PARTY','ROOFTOP','PLAIN_CLOTHES','DOG_SQUAD','BOMB_SQUAD','TRAFFIC')),
        location text NOT NULL,
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lng double precision CHECK (lng BETWEEN -180 AND 180),
        equipment text,
        briefing text,
        position integer NOT NULL,
        UNIQUE (bandobast_id, code)
      )`);
    await q.query(`
      CREATE TABLE bandobast_shift (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bandobast_id uuid NOT NULL REFERENCES bandobast(id),
        post_id uuid NOT NULL REFERENCES bandobast_post(id),
        code text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        report_at timestamptz CHECK (report_at <= starts_at),
        ranks jsonb NOT NULL,
        min_women integer NOT NULL DEFAULT 0 CHECK (min_women >= 0),
        skills jsonb NOT NULL DEFAULT '{}',
        armed boolean NOT NULL DEFAULT false,
        UNIQUE (bandobast_id, code)
      )`);
    await q.query(`CREATE INDEX bandobast_shift_post_idx ON bandobast_shift (post_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bandobast_shift`);
    await q.query(`DROP TABLE bandobast_post`);
    await q.query(`DROP TABLE bandobast_sector`);
    await q.query(`DROP TABLE bandobast_division`);
    await q.query(`DROP TABLE bandobast`);
    await q.query(`DROP TABLE officer_availability`);
    await q.query(`DROP INDEX officer_home_unit_idx`);
    await q.query(`ALTER TABLE officer DROP CONSTRAINT officer_mobile_ck`);
    await q.query(`ALTER TABLE officer DROP CONSTRAINT officer_rank_ck`);
    await q.query(`ALTER TABLE officer DROP COLUMN user_id`);
  }
}
