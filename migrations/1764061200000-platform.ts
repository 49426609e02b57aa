import { MigrationInterface, QueryRunner } from 'typeorm';

export class Platform1764061200000 implements MigrationInterface {
  name = 'Platform1764061200000';

  async up(q: QueryRunner): Promise<void> {
    // Later modules need these: trigram search, exclusion constraints on time ranges, UUIDs.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    // Organisation tree: commissionerate → zone → division/ACP circle → thana (and branches).
    await q.query(`
      CREATE TABLE unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
        kind text NOT NULL CHECK (kind IN ('COMMISSIONERATE','ZONE','DIVISION','THANA','BRANCH')),
        name_en text NOT NULL,
        name_hi text NOT NULL,
        parent_id uuid REFERENCES unit(id),
        path text NOT NULL UNIQUE,
        lat double precision,
        lng double precision,
        is_demo boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX unit_path_prefix_idx ON unit (path text_pattern_ops)`);
    await q.query(`CREATE INDEX unit_parent_idx ON unit (parent_id)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name_en text NOT NULL,
        display_name_hi text NOT NULL,
        rank text NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit(id),
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        mobile text,
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        is_active boolean NOT NULL DEFAULT true,
        is_demo boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username))`);

    // Refresh tokens rotate: each use replaces the token; reuse of a replaced one revokes the family.
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        replaced_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        ip text
      )`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);

    // Append-only, hash-chained audit log. Updates and deletes are refused by trigger.
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_username text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        diff jsonb,
        ip text,
        request_id text,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, at)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);

    // Idempotency-Key replay store (24 h).
    await q.query(`
      CREATE TABLE idempotency_key (
        user_id uuid NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('IN_PROGRESS','DONE')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at)`);

    // Police personnel (officers). The duty-chart module extends this table.
    await q.query(`
      CREATE TABLE officer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        belt_no text NOT NULL UNIQUE,
        name_en text NOT NULL,
        name_hi text NOT NULL,
        rank text NOT NULL,
        gender text NOT NULL CHECK (gender IN ('M','F','X')),
        unit_id uuid NOT NULL REFERENCES unit(id),
        home_unit_id uuid REFERENCES unit(id),
        mobile text,
        skills text[] NOT NULL DEFAULT '{}',
        is_active boolean NOT NULL DEFAULT true,
        is_demo boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX officer_unit_idx ON officer (unit_id)`);

    // Housekeeping runs, so the queue's work is visible and testable.
    await q.query(`
      CREATE TABLE housekeeping_run (
        id bigserial PRIMARY KEY,
        job_id text NOT NULL UNIQUE,
        ran_at timestamptz NOT NULL DEFAULT now(),
        purged_idempotency_keys integer NOT NULL,
        purged_refresh_tokens integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE housekeeping_run`);
    await q.query(`DROP TABLE officer`);
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE unit`);
  }
}
