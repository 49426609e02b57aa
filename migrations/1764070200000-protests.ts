import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'RECEIVED','THANA_REPORT_REQUESTED','THANA_REPORTED','APPROVED','REJECTED','WITHDRAWN','REVOKED'`;
const LIVE = `'RECEIVED','THANA_REPORT_REQUESTED','THANA_REPORTED','APPROVED'`;
const EVENT_TYPES = `'DHARNA','PRADARSHAN','ANDOLAN','JULOOS','RALLY','AAM_SABHA','PUTLA_DAHAN','PAD_YATRA','RATH_YATRA','VEHICLE_RALLY','GYAPAN','GHERAO'`;
const HHMM = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;

export class Protests1764070200000 implements MigrationInterface {
  name = 'Protests1764070200000';

  async up(q: QueryRunner): Promise<void> {
    // Shortest haversine distance (metres) between two jsonb arrays of {lat, lng}: plain SQL,
    // no PostGIS. Routes are stored densified (a point every 100 m), so points are enough.
    // jsonb_to_recordset reads each point once, not once per pair.
    await q.query(`
      CREATE FUNCTION geo_min_distance_m(a jsonb, b jsonb) RETURNS double precision
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT min(2 * 6371008.8 * asin(least(1, sqrt(
                 power(sin(radians(y.lat - x.lat) / 2), 2)
               + cos(radians(x.lat)) * cos(radians(y.lat)) * power(sin(radians(y.lng - x.lng) / 2), 2)))))
        FROM jsonb_to_recordset(a) AS x(lat float8, lng float8)
        CROSS JOIN jsonb_to_recordset(b) AS y(lat float8, lng float8)
      $$`);
    // The bounding box of such an array (x = lng, y = lat), kept on each row as geo_box.
    await q.query(`
      CREATE FUNCTION geo_bbox(a jsonb) RETURNS box
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT box(point(min(x.lng), min(x.lat)), point(max(x.lng), max(x.lat)))
        FROM jsonb_to_recordset(a) AS x(lat float8, lng float8)
      $$`);
    // Could anything in box b lie within the given metres of box a? A cheap test on two boxes, so the
    // exact distance is only worked out where it can matter (a[0] is the upper right corner).
    await q.query(`
      CREATE FUNCTION geo_box_within(a box, b box, metres float8) RETURNS boolean
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT box(point((a[1])[0] - m.dlng, (a[1])[1] - m.dlat), point((a[0])[0] + m.dlng, (a[0])[1] + m.dlat)) && b
        FROM (SELECT metres / 111320.0 AS dlat,
                     metres / (111320.0 * greatest(0.01, cos(radians(greatest(abs((a[0])[1]), abs((a[1])[1])))))) AS dlng) m
      $$`);

    await q.query(`
      CREATE TABLE protest_venue (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
        name_en text NOT NULL,
        name_hi text NOT NULL,
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        capacity integer CHECK (capacity > 0),
        opens_at text CHECK (opens_at ~ ${HHMM}),
        closes_at text CHECK (closes_at ~ ${HHMM}),
        thana_unit_id uuid NOT NULL REFERENCES unit(id),
        kind text,
        notes text,
        is_active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((opens_at IS NULL) = (closes_at IS NULL) AND (opens_at IS NULL OR opens_at < closes_at))
      )`);

    // Restriction orders: a polygon or a circle, for a time window (e.g. s.163 around the Vidhan Sabha).
    await q.query(`
      CREATE TABLE protest_restriction_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_ref text NOT NULL,
        reason text NOT NULL,
        area_kind text NOT NULL CHECK (area_kind IN ('RADIUS','POLYGON')),
        centre_lat double precision,
        centre_lng double precision,
        radius_metres integer CHECK (radius_metres > 0),
        polygon jsonb,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
        is_active boolean NOT NULL DEFAULT true,
        created_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (CASE area_kind
          WHEN 'RADIUS' THEN centre_lat IS NOT NULL AND centre_lng IS NOT NULL AND radius_metres IS NOT NULL AND polygon IS NULL
          ELSE polygon IS NOT NULL AND jsonb_array_length(polygon) >= 3 AND centre_lat IS NULL END)
      )`);
    await q.query(`CREATE INDEX protest_restriction_order_during_idx ON protest_restriction_order USING gist (during) WHERE is_active`);

    await q.query(`
      CREATE TABLE protest_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ref text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN (${STATUSES})),
        applicant_name_hi text,
        applicant_name_en text,
        organisation text,
        address text NOT NULL,
        mobile text NOT NULL,
        id_document_type text NOT NULL,
        id_last4 text NOT NULL CHECK (id_last4 ~ '^[A-Za-z0-9]{4}$'),
        sms_language text NOT NULL CHECK (sms_language IN ('hi','en','bi')),
        event_type text NOT NULL CHECK (event_type IN (${EVENT_TYPES})),
        purpose text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
        expected_participants integer NOT NULL CHECK (expected_participants > 0),
        venue_id uuid REFERENCES protest_venue(id),
        route jsonb,
        geo_points jsonb NOT NULL CHECK (jsonb_array_length(geo_points) >= 1),
        geo_box box GENERATED ALWAYS AS (geo_bbox(geo_points)) STORED,
        loudspeaker_from timestamptz,
        loudspeaker_to timestamptz,
        vehicle_count integer NOT NULL DEFAULT 0 CHECK (vehicle_count >= 0),
        vehicle_details text,
        intake_channel text NOT NULL CHECK (intake_channel IN ('EOFFICE','EMAIL','WHATSAPP','WALK_IN','POST')),
        received_at timestamptz NOT NULL,
        entered_by uuid NOT NULL,
        thana_unit_id uuid NOT NULL REFERENCES unit(id),
        lead_time_hours double precision NOT NULL,
        is_late boolean NOT NULL,
        thana_report_requested_at timestamptz,
        thana_report_requested_by uuid,
        thana_report_note text,
        thana_recommendation text CHECK (thana_recommendation IN ('RECOMMENDED','RECOMMENDED_WITH_CONDITIONS','NOT_RECOMMENDED')),
        thana_report text,
        thana_reported_by uuid,
        thana_reported_at timestamptz,
        decided_at timestamptz,
        decided_by uuid,
        conditions jsonb,
        grounds text,
        late_override_reason text,
        rules_at_decision jsonb,
        clashes_at_decision jsonb,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        revoked_at timestamptz,
        revoked_by uuid,
        revocation_reason text,
        revocation_linked_type text,
        revocation_linked_ref text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (applicant_name_hi IS NOT NULL OR applicant_name_en IS NOT NULL),
        CHECK ((venue_id IS NULL) <> (route IS NULL)),
        CHECK ((loudspeaker_from IS NULL) = (loudspeaker_to IS NULL) AND (loudspeaker_from IS NULL OR loudspeaker_to > loudspeaker_from)),
        -- Approving a late application needs a stated reason, whatever the code path.
        CHECK (status <> 'APPROVED' OR NOT is_late OR late_override_reason IS NOT NULL)
      )`);
    // The clash check: time overlap among live applications, through this index only.
    await q.query(`CREATE INDEX protest_application_live_during_idx ON protest_application USING gist (during) WHERE status IN (${LIVE})`);
    await q.query(`CREATE INDEX protest_application_starts_idx ON protest_application (starts_at)`);
    await q.query(`CREATE INDEX protest_application_thana_idx ON protest_application (thana_unit_id, starts_at)`);
    await q.query(`CREATE INDEX protest_application_status_idx ON protest_application (status, starts_at)`);

    await q.query(`
      CREATE TABLE protest_letter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES protest_application(id),
        kind text NOT NULL CHECK (kind IN ('PERMISSION','REFUSAL','REVOCATION')),
        document_id uuid NOT NULL REFERENCES issued_document(id),
        -- No foreign key: the outbox is the platform's, and it may archive delivered rows one day.
        outbox_id uuid NOT NULL UNIQUE,
        eoffice_status text NOT NULL DEFAULT 'PENDING_SYNC' CHECK (eoffice_status IN ('PENDING_SYNC','SENT_FOR_DIARISATION','DIARISED')),
        eoffice_ref text,
        eoffice_channel_ref text,
        eoffice_synced_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, kind)
      )`);

    await q.query(`
      CREATE TABLE protest_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES protest_application(id),
        kind text NOT NULL CHECK (kind IN ('APPLICATION_SCAN','ID_DOCUMENT','OTHER')),
        filename text NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/jpeg','image/png')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, sha256)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE protest_attachment`);
    await q.query(`DROP TABLE protest_letter`);
    await q.query(`DROP TABLE protest_application`);
    await q.query(`DROP TABLE protest_restriction_order`);
    await q.query(`DROP TABLE protest_venue`);
    await q.query(`DROP FUNCTION geo_box_within(box, box, float8)`);
    await q.query(`DROP FUNCTION geo_bbox(jsonb)`);
    await q.query(`DROP FUNCTION geo_min_distance_m(jsonb, jsonb)`);
  }
}
