/** One stretch of a VIP movement programme: from → to, in a time window, by one mode. */
export const LEG_MODES = ['AIRCRAFT', 'HELICOPTER', 'ROAD_CONVOY'] as const;
export type LegMode = (typeof LEG_MODES)[number];
/** Flown legs: on the ground they are only their two ends (the airport, the helipad). */
export const AIR_MODES: readonly LegMode[] = ['AIRCRAFT', 'HELICOPTER'];

export const LEG_ACTIVITIES = ['TRANSIT', 'PUBLIC_MEETING', 'INAUGURATION', 'ROAD_SHOW', 'MEETING', 'NIGHT_HALT', 'OTHER'] as const;
export type LegActivity = (typeof LEG_ACTIVITIES)[number];

export interface Place {
  name: string;
  lat: number;
  lng: number;
}

export interface Leg {
  /** Stable across revisions, so a diff can tell "changed" from "removed and added". */
  key: string;
  start: string;
  end: string;
  from: Place;
  to: Place;
  mode: LegMode;
  /** Aircraft or helicopter registration, e.g. VT-MPG. */
  registration?: string | null;
  route: Place[];
  /** Halt or venue at the destination. */
  venue?: string | null;
  activity: LegActivity;
  remarks?: string | null;
}

export const MODE_LABELS: Record<LegMode, { en: string; hi: string }> = {
  AIRCRAFT: { en: 'aircraft', hi: 'विमान' },
  HELICOPTER: { en: 'helicopter', hi: 'हेलीकॉप्टर' },
  ROAD_CONVOY: { en: 'road convoy', hi: 'सड़क मार्ग (काफ़िला)' },
};

export const ACTIVITY_LABELS: Record<LegActivity, { en: string; hi: string }> = {
  TRANSIT: { en: 'transit', hi: 'आवागमन' },
  PUBLIC_MEETING: { en: 'public meeting', hi: 'आम सभा' },
  INAUGURATION: { en: 'inauguration', hi: 'लोकार्पण' },
  ROAD_SHOW: { en: 'road show', hi: 'रोड शो' },
  MEETING: { en: 'meeting', hi: 'बैठक' },
  NIGHT_HALT: { en: 'night halt', hi: 'रात्रि विश्राम' },
  OTHER: { en: 'other', hi: 'अन्य' },
};
