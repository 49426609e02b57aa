import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Character verification's workflow (issue 14, part 1): the application, the localities that
 * route it to a thana, its attachments (the consent letter, the field visit's photos), the
 * field visits and the hits of the records check with the verifier's adjudication.
 *
 * - Only the last 4 characters of an ID document are kept (Aadhaar Act s.29).
 * - `due_on` is the Lok Seva Guarantee day by which it must be decided: the IST day of receipt
 *   plus the limit for its purpose (`limit_days`, as configured when it was received).
 * - A fee is ₹100 with its challan number, or nothing for a BPL applicant.
 * - `cited_hit_ids` are the records an ADVERSE report rests on; the service checks they are hits
 *   of this application marked SAME.
 */
export class VerificationApplications1796123600000 implements MigrationInterface {
  name = 'VerificationApplications1796123600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verification_locality (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        name_key text NOT NULL UNIQUE CHECK (name_key <> ''),
        thana_unit_id uuid NOT NULL REFERENCES unit(id),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE verification_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ref text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('UNDER_ENQUIRY', 'REPORTED', 'SIGNED_OFF')),
        version integer NOT NULL DEFAULT 1,
        purpose text NOT NULL CHECK (purpose IN ('SELF', 'EMPLOYMENT', 'TENANT', 'DOMESTIC_HELP', 'PASSPORT')),
        name_hi text,
        name_en text,
        name_derived text CHECK (name_derived IN ('hi', 'en')),
        relative_name text NOT NULL,
        relation text NOT NULL CHECK (relation IN ('FATHER', 'HUSBAND')),
        dob date NOT NULL,
        gender text NOT NULL CHECK (gender IN ('FEMALE', 'MALE', 'TRANSGENDER')),
        present_address text NOT NULL,
        present_locality text NOT NULL,
        present_years integer NOT NULL CHECK (present_years BETWEEN 0 AND 120),
        permanent_address text,
        permanent_locality text,
        permanent_years integer CHECK (permanent_years BETWEEN 0 AND 120),
        mobile text NOT NULL,
        sms_language text NOT NULL CHECK (sms_language IN ('hi', 'en', 'bi')),
        id_document_type text NOT NULL,
        id_last4 text NOT NULL CHECK (id_last4 ~ '^[A-Za-z0-9]{4}$'),
        requesting_party_name text,
        requesting_party_address text,
        intake_channel text NOT NULL,
        received_at timestamptz NOT NULL,
        entered_by uuid NOT NULL,
        fee_status text NOT NULL CHECK (fee_status IN ('PAID', 'BPL_EXEMPT')),
        fee_amount integer NOT NULL CHECK (fee_amount >= 0),
        challan_no text,
        limit_days integer NOT NULL CHECK (limit_days > 0),
        due_on date NOT NULL,
        thana_unit_id uuid NOT NULL REFERENCES unit(id),
        routed_by text NOT NULL CHECK (routed_by IN ('LOCALITY', 'THANA_NAME', 'OVERRIDE')),
        routing_note text,
        assigned_to uuid,
        assigned_at timestamptz,
        records_checked_at timestamptz,
        records_checked_by uuid,
        outcome text CHECK (outcome IN ('CLEAR', 'ADVERSE', 'INCOMPLETE')),
        outcome_grounds text,
        outcome_missing text,
        cited_hit_ids uuid[] NOT NULL DEFAULT '{}',
        reported_at timestamptz,
        reported_by uuid,
        signed_off_at timestamptz,
        signed_off_by uuid,
        sign_off_note text,
        sent_back_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((fee_status = 'PAID' AND fee_amount > 0 AND challan_no IS NOT NULL) OR (fee_status = 'BPL_EXEMPT' AND fee_amount = 0)),
        CHECK (name_hi IS NOT NULL AND name_en IS NOT NULL),
        CHECK (purpose <> 'PASSPORT' OR permanent_address IS NULL),
        CHECK (outcome <> 'ADVERSE' OR cardinality(cited_hit_ids) > 0),
        CHECK (outcome <> 'INCOMPLETE' OR outcome_missing IS NOT NULL),
        CHECK (status <> 'SIGNED_OFF' OR (signed_off_at IS NOT NULL AND outcome IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX verification_application_thana ON verification_application (thana_unit_id, status)`);
    await q.query(`CREATE INDEX verification_application_assignee ON verification_application (assigned_to, status, due_on)`);
    await q.query(`
      CREATE TABLE verification_field_visit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES verification_application(id),
        visited_on date NOT NULL,
        officer_name text NOT NULL,
        officer_rank text,
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        accuracy_m double precision NOT NULL CHECK (accuracy_m >= 0),
        neighbours jsonb NOT NULL DEFAULT '[]',
        outcome text NOT NULL,
        note text,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX verification_field_visit_application ON verification_field_visit (application_id)`);
    await q.query(`
      CREATE TABLE verification_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES verification_application(id),
        kind text NOT NULL CHECK (kind IN ('CONSENT_LETTER', 'VISIT_PHOTO', 'OTHER')),
        visit_id uuid REFERENCES verification_field_visit(id),
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, sha256)
      )`);
    await q.query(`
      CREATE TABLE verification_record_hit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES verification_application(id),
        record_id uuid NOT NULL,
        rank integer NOT NULL,
        score double precision NOT NULL,
        band text NOT NULL CHECK (band IN ('STRONG', 'POSSIBLE', 'WEAK')),
        name_similarity double precision NOT NULL,
        reasons jsonb NOT NULL,
        record jsonb NOT NULL,
        decision text CHECK (decision IN ('SAME', 'DIFFERENT')),
        decision_reason text,
        decided_by uuid,
        decided_at timestamptz,
        found_at timestamptz NOT NULL,
        UNIQUE (application_id, record_id),
        CHECK ((decision IS NULL) = (decided_at IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE verification_record_hit, verification_attachment, verification_field_visit, verification_application, verification_locality`);
  }
}
