import { eofficeFields, ItemSync, ItemSyncState, itemState, summarise } from './sync-state';

const items = (...states: ItemSyncState[]) => states.map((state) => ({ state }));

describe('itemState', () => {
  it('reads a waiting row as PENDING_SYNC', () => {
    expect(itemState({ status: 'PENDING', eofficeRef: null })).toBe('PENDING_SYNC');
  });
  it('reads a delivered row with a receipt number as DIARISED', () => {
    expect(itemState({ status: 'DELIVERED', eofficeRef: '81829/2026/DCP-INT' })).toBe('DIARISED');
  });
  it('reads a row handed to the diarisation mailbox, with no number yet, as SENT_FOR_DIARISATION', () => {
    expect(itemState({ status: 'DELIVERED', eofficeRef: null })).toBe('SENT_FOR_DIARISATION');
  });
  it('keeps FAILED and CANCELLED as they are', () => {
    expect(itemState({ status: 'FAILED', eofficeRef: null })).toBe('FAILED');
    expect(itemState({ status: 'CANCELLED', eofficeRef: null })).toBe('CANCELLED');
  });
});

describe('summarise', () => {
  it('calls a record with every item diarised DIARISED', () => {
    expect(summarise(items('DIARISED', 'DIARISED'))).toEqual({ status: 'DIARISED', items: 2, waiting: 0, sentForDiarisation: 0, diarised: 2, failed: 0, cancelled: 0 });
  });

  it('does not call a record DIARISED while a later revision is still waiting, and counts what waits', () => {
    const s = summarise(items('DIARISED', 'PENDING_SYNC'));
    expect(s.status).toBe('PENDING_SYNC');
    expect(s.waiting).toBe(1);
    expect(s.diarised).toBe(1);
  });

  it('calls a record FAILED when any item failed, even with others waiting or diarised', () => {
    expect(summarise(items('DIARISED', 'FAILED', 'PENDING_SYNC')).status).toBe('FAILED');
    expect(summarise(items('FAILED')).failed).toBe(1);
  });

  it('calls a record SENT_FOR_DIARISATION while e-Office has not yet given a number for an item handed over by mail', () => {
    expect(summarise(items('DIARISED', 'SENT_FOR_DIARISATION')).status).toBe('SENT_FOR_DIARISATION');
    expect(summarise(items('SENT_FOR_DIARISATION', 'PENDING_SYNC')).status).toBe('PENDING_SYNC');
  });

  it('leaves cancelled items out of the verdict unless nothing else is left', () => {
    expect(summarise(items('CANCELLED', 'DIARISED')).status).toBe('DIARISED');
    expect(summarise(items('CANCELLED', 'PENDING_SYNC')).status).toBe('PENDING_SYNC');
    expect(summarise(items('CANCELLED', 'CANCELLED'))).toMatchObject({ status: 'CANCELLED', cancelled: 2 });
  });

  it('calls a record with nothing bound for e-Office NOT_REQUIRED', () => {
    expect(summarise([])).toEqual({ status: 'NOT_REQUIRED', items: 0, waiting: 0, sentForDiarisation: 0, diarised: 0, failed: 0, cancelled: 0 });
  });

  it('does not depend on the order of the items', () => {
    expect(summarise(items('PENDING_SYNC', 'DIARISED')).status).toBe(summarise(items('DIARISED', 'PENDING_SYNC')).status);
    expect(summarise(items('FAILED', 'PENDING_SYNC')).status).toBe(summarise(items('PENDING_SYNC', 'FAILED')).status);
  });
});

describe('eofficeFields', () => {
  it("shows an item's own state and reference under the field names the API has always used", () => {
    const item: ItemSync = {
      outboxId: 'b9b0c1c4-0000-4000-8000-000000000001',
      kind: 'VIP_PROGRAMME_REVISION',
      documentId: null,
      state: 'FAILED',
      eofficeRef: null,
      channelRef: null,
      syncedAt: null,
      reason: 'kind is too long',
      fault: 'REFUSED',
      attempts: 1,
      queuedAt: new Date('2026-12-01T10:00:00Z'),
    };
    expect(eofficeFields(item)).toEqual({ eofficeStatus: 'FAILED', eofficeRef: null, eofficeChannelRef: null, eofficeSyncedAt: null, eofficeReason: 'kind is too long', eofficeFault: 'REFUSED' });
    expect(eofficeFields(undefined).eofficeStatus).toBe('NOT_REQUIRED');
  });
});
