import type { Role } from '../../src/platform/auth/roles';
import { onePagePdf } from './pdfs';
import type { TestApp } from './test-app';

/** A one-page PDF (the run's personal-data scan reads every PDF served). */
export const dakPdf = onePagePdf;

export const SCAN_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
export const SCAN_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** A dak user: the token, and the username a marking names them by. */
export interface DakUser {
  token: string;
  username: string;
  id: string;
}

/** A user with these roles in `unit` (test-app's naming), with the username and id a marking needs. */
export async function dakUser(t: TestApp, roles: Role[], unit = 'BPL', name?: string): Promise<DakUser> {
  const token = await t.tokenFor(roles, unit, name);
  const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
  return { token, username: me.body.username as string, id: me.body.id as string };
}

/** A letter received by post at 10:30 IST on `day`; override any field. */
export function dakBody(over: Record<string, unknown> = {}, day = '2026-11-30') {
  return {
    subject: 'धरना-प्रदर्शन की अनुमति हेतु आवेदन',
    senderName: 'सचिव, भोपाल व्यापारी संघ',
    senderOffice: 'Bhopal Traders Association',
    letterNo: '77/BTA/2026',
    letterDate: '2026-11-28',
    intakeChannel: 'POST',
    receivedAt: `${day}T10:30:00`,
    ...over,
  };
}
