import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * e-Office sync state is read from the outbox rows (one per item, each with its own reference),
 * so the per-record copies go. Nothing is lost: the worker wrote each reference onto the outbox
 * row in the same transaction as onto these columns, and the VIP programme's single column kept
 * only the last one anyway.
 */
export class SyncStateFromOutbox1796115770984 implements MigrationInterface {
  name = 'SyncStateFromOutbox1796115770984';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dak_receipt DROP COLUMN eoffice_status, DROP COLUMN eoffice_ref, DROP COLUMN eoffice_channel_ref, DROP COLUMN eoffice_synced_at`);
    await q.query(`ALTER TABLE protest_letter DROP COLUMN eoffice_status, DROP COLUMN eoffice_ref, DROP COLUMN eoffice_channel_ref, DROP COLUMN eoffice_synced_at`);
    await q.query(`ALTER TABLE vip_programme DROP COLUMN eoffice_status, DROP COLUMN eoffice_ref`);
  }

  async down(q: QueryRunner): Promise<void> {
    const status = `CASE WHEN o.status = 'DELIVERED' AND o.eoffice_ref IS NOT NULL THEN 'DIARISED' WHEN o.status = 'DELIVERED' THEN 'SENT_FOR_DIARISATION' ELSE 'PENDING_SYNC' END`;
    await q.query(`
      ALTER TABLE dak_receipt
        ADD COLUMN eoffice_status text NOT NULL DEFAULT 'PENDING_SYNC' CHECK (eoffice_status IN ('PENDING_SYNC','SENT_FOR_DIARISATION','DIARISED','NOT_REQUIRED')),
        ADD COLUMN eoffice_ref text, ADD COLUMN eoffice_channel_ref text, ADD COLUMN eoffice_synced_at timestamptz`);
    await q.query(`
      UPDATE dak_receipt d SET eoffice_status = ${status}, eoffice_ref = o.eoffice_ref, eoffice_channel_ref = o.channel_ref, eoffice_synced_at = o.delivered_at
        FROM eoffice_outbox o WHERE o.source_type = 'dak_receipt' AND o.source_id = d.id::text AND o.kind = 'DAK_INWARD'`);
    await q.query(`
      ALTER TABLE protest_letter
        ADD COLUMN eoffice_status text NOT NULL DEFAULT 'PENDING_SYNC' CHECK (eoffice_status IN ('PENDING_SYNC','SENT_FOR_DIARISATION','DIARISED')),
        ADD COLUMN eoffice_ref text, ADD COLUMN eoffice_channel_ref text, ADD COLUMN eoffice_synced_at timestamptz`);
    await q.query(`
      UPDATE protest_letter l SET eoffice_status = ${status}, eoffice_ref = o.eoffice_ref, eoffice_channel_ref = o.channel_ref, eoffice_synced_at = o.delivered_at
        FROM eoffice_outbox o WHERE o.id = l.outbox_id`);
    await q.query(`ALTER TABLE vip_programme ADD COLUMN eoffice_status text NOT NULL DEFAULT 'PENDING_SYNC', ADD COLUMN eoffice_ref text`);
    // The old column held the last delivered item's reference.
    await q.query(`
      UPDATE vip_programme p SET eoffice_status = ${status}, eoffice_ref = coalesce(o.eoffice_ref, o.channel_ref)
        FROM (SELECT DISTINCT ON (source_id) * FROM eoffice_outbox WHERE source_type = 'vip_programme' AND status = 'DELIVERED' ORDER BY source_id, delivered_at DESC) o
       WHERE o.source_id = p.id::text`);
  }
}
