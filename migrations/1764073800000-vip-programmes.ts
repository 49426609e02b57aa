import { MigrationInterface, QueryRunner } from 'typeorm';

export class VipProgrammes1764073800000 implements MigrationInterface {
  name = 'VipProgrammes1764073800000';

  async up(q: QueryRunner): Promise<void> {
    // Personnel norms per security category are data: sources disagree (BRIEF §4).
    await q.query(`
      CREATE TABLE security_category (
        code text PRIMARY KEY CHECK (code IN ('Z+','Z','Y+','Y','X')),
        rank_order integer NOT NULL UNIQUE,
        norms jsonb NOT NULL DEFAULT '{}',
        norms_source text,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      INSERT INTO security_category (code, rank_order, norms, norms_source) VALUES
        ('Z+', 1, '{"convoy": {"SP": 2, "ASP": 2, "DSP": 4}, "vehicles": {"min": 14, "max": 17}}', 'MP Chief Minister''s Z+ cover as reported (BRIEF §4); edit to local orders'),
        ('Z', 2, '{}', NULL), ('Y+', 3, '{}', NULL), ('Y', 4, '{}', NULL), ('X', 5, '{}', NULL)`);

    // The intelligence branch's ranked list of protectees.
    await q.query(`
      CREATE TABLE protectee (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name_en text NOT NULL,
        name_hi text NOT NULL,
        designation_en text NOT NULL,
        designation_hi text NOT NULL,
        category text NOT NULL REFERENCES security_category(code),
        call_sign text,
        list_rank integer NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE vip_programme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ref text NOT NULL UNIQUE,
        protectee_id uuid NOT NULL REFERENCES protectee(id),
        title text NOT NULL,
        status text NOT NULL DEFAULT 'ISSUED' CHECK (status IN ('ISSUED','CANCELLED')),
        current_revision integer NOT NULL,
        first_day date NOT NULL,
        last_day date NOT NULL,
        cancel_reason text,
        created_by uuid NOT NULL,
        eoffice_status text NOT NULL DEFAULT 'PENDING_SYNC',
        eoffice_ref text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Each revision is an immutable snapshot with its diff against the one before.
    await q.query(`
      CREATE TABLE vip_programme_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES vip_programme(id),
        revision_no integer NOT NULL,
        legs jsonb NOT NULL,
        units_concerned uuid[] NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        reason text,
        document_id uuid REFERENCES issued_document(id),
        issued_by uuid NOT NULL,
        issued_at timestamptz NOT NULL,
        UNIQUE (programme_id, revision_no)
      )`);

    // The current revision's legs, queryable in time and space (clash checks with protests).
    await q.query(`
      CREATE TABLE vip_leg (
        programme_id uuid NOT NULL REFERENCES vip_programme(id),
        revision_no integer NOT NULL,
        leg_key text NOT NULL,
        during tstzrange NOT NULL,
        points jsonb NOT NULL,
        is_current boolean NOT NULL DEFAULT true,
        PRIMARY KEY (programme_id, revision_no, leg_key)
      )`);
    await q.query(`CREATE INDEX vip_leg_during_idx ON vip_leg USING gist (during) WHERE is_current`);

    // Who each revision went to, and who has confirmed it.
    await q.query(`
      CREATE TABLE vip_distribution (
        revision_id uuid NOT NULL REFERENCES vip_programme_revision(id),
        unit_id uuid NOT NULL REFERENCES unit(id),
        sent_count integer NOT NULL DEFAULT 1,
        last_sent_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        PRIMARY KEY (revision_id, unit_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['vip_distribution', 'vip_leg', 'vip_programme_revision', 'vip_programme', 'protectee', 'security_category']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
