import { MigrationInterface, QueryRunner } from 'typeorm';

export class IssuedDocuments1764068400000 implements MigrationInterface {
  name = 'IssuedDocuments1764068400000';

  async up(q: QueryRunner): Promise<void> {
    // Every issued paper, stored immutably: the bytes and their hash never change; only the
    // status may move on (superseded by a later revision, or revoked).
    await q.query(`
      CREATE TABLE issued_document (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        language text NOT NULL CHECK (language IN ('hi','en','bi')),
        title text NOT NULL,
        label text,
        source_type text NOT NULL,
        source_id text NOT NULL,
        source_ref text NOT NULL,
        variant text NOT NULL,
        issued_by uuid,
        issuing_unit_id uuid NOT NULL REFERENCES unit(id),
        issued_at timestamptz NOT NULL,
        sha256 text NOT NULL,
        size_bytes integer NOT NULL,
        page_count integer NOT NULL,
        bytes bytea NOT NULL,
        status text NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID','SUPERSEDED','REVOKED')),
        superseded_by uuid REFERENCES issued_document(id),
        revoked_reason text,
        status_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX issued_document_sha_idx ON issued_document (sha256)`);
    await q.query(`CREATE INDEX issued_document_source_idx ON issued_document (source_type, source_id)`);
    await q.query(`
      CREATE FUNCTION issued_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'issued documents cannot be deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.bytes IS DISTINCT FROM OLD.bytes OR NEW.sha256 IS DISTINCT FROM OLD.sha256
           OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.issued_at IS DISTINCT FROM OLD.issued_at
           OR NEW.source_id IS DISTINCT FROM OLD.source_id OR NEW.issuing_unit_id IS DISTINCT FROM OLD.issuing_unit_id THEN
          RAISE EXCEPTION 'issued documents are immutable; only their status may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER issued_document_immutable BEFORE UPDATE OR DELETE ON issued_document
      FOR EACH ROW EXECUTE FUNCTION issued_document_immutable()`);
    await q.query(`ALTER TABLE eoffice_outbox ADD CONSTRAINT eoffice_outbox_document_fk FOREIGN KEY (document_id) REFERENCES issued_document(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE eoffice_outbox DROP CONSTRAINT eoffice_outbox_document_fk`);
    await q.query(`DROP TABLE issued_document`);
    await q.query(`DROP FUNCTION issued_document_immutable`);
  }
}
