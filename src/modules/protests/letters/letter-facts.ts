import type { PublicFact } from '../../../platform/documents';
import { formatIstWindow } from '../../../platform/time';
import { EVENT_TYPES } from '../event-types';
import { LetterContext, placeName } from './letter-content';

/**
 * What the public verify page shows of a decision letter, so a checker at the venue can see
 * the QR belongs to this permission and not another: the event, its date and time, the venue
 * or route, and the thana. Never the applicant, the organisation or an address.
 */
export function letterPublicFacts(ctx: Pick<LetterContext, 'app' | 'venue' | 'thana'>): PublicFact[] {
  const { app } = ctx;
  const when = formatIstWindow(app.startsAt, app.endsAt);
  return [
    { key: 'eventType', label: { hi: 'कार्यक्रम', en: 'Event' }, value: { ...EVENT_TYPES[app.eventType] } },
    { key: 'eventDate', label: { hi: 'कार्यक्रम का दिनांक व समय', en: 'Event date and time' }, value: { hi: when, en: when } },
    { key: 'venue', label: { hi: 'स्थान या मार्ग', en: 'Venue or route' }, value: { hi: placeName(ctx, 'hi'), en: placeName(ctx, 'en') } },
    { key: 'thana', label: { hi: 'थाना', en: 'Thana' }, value: { hi: ctx.thana.nameHi, en: ctx.thana.nameEn } },
  ];
}
