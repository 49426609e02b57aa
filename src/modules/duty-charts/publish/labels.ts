import { RANK_LABELS, Rank } from '../../../platform/ranks';
import { PostKind } from '../bandobast/structure.entity';

export const POST_KIND_LABELS: Record<PostKind, { en: string; hi: string }> = {
  FIXED_POINT: { en: 'Fixed point', hi: 'फिक्स पॉइंट' },
  PATROL_BEAT: { en: 'Patrol beat', hi: 'गश्त' },
  CHECK_POINT: { en: 'Check-point', hi: 'नाका' },
  RESERVE_QRT: { en: 'Reserve / QRT', hi: 'रिज़र्व / क्यूआरटी' },
  STRIKING_SQUAD: { en: 'Striking squad', hi: 'स्ट्राइकिंग फोर्स' },
  ARREST_PARTY: { en: 'Arrest party', hi: 'गिरफ्तारी दल' },
  ROOFTOP: { en: 'Rooftop', hi: 'छत ड्यूटी' },
  PLAIN_CLOTHES: { en: 'Plain clothes', hi: 'सादा वस्त्र' },
  DOG_SQUAD: { en: 'Dog squad', hi: 'डॉग स्क्वॉड' },
  BOMB_SQUAD: { en: 'Bomb disposal squad', hi: 'बम निरोधक दस्ता' },
  TRAFFIC: { en: 'Traffic', hi: 'यातायात' },
};

/** Short rank names for table cells, where the full titles do not fit. */
const SHORT_RANKS: Record<Rank, { en: string; hi: string }> = {
  DGP: { en: 'DGP', hi: 'डीजीपी' },
  ADG: { en: 'ADG', hi: 'एडीजी' },
  IG: { en: 'IG', hi: 'आईजी' },
  DIG: { en: 'DIG', hi: 'डीआईजी' },
  SP: { en: 'SP/DCP', hi: 'पु.अ.' },
  ASP: { en: 'ASP/ADCP', hi: 'अ.पु.अ.' },
  DSP: { en: 'DSP/ACP', hi: 'उ.पु.अ.' },
  INSPECTOR: { en: 'Insp.', hi: 'निरी.' },
  SI: { en: 'SI', hi: 'उनि' },
  ASI: { en: 'ASI', hi: 'सउनि' },
  HEAD_CONSTABLE: { en: 'HC', hi: 'प्र.आर.' },
  CONSTABLE: { en: 'Const.', hi: 'आर.' },
};

export function rankLabel(rank: string): string {
  const l = RANK_LABELS[rank as Rank];
  return l ? `${l.hi} / ${l.en}` : rank;
}

export function shortRank(rank: string): string {
  const l = SHORT_RANKS[rank as Rank];
  return l ? `${l.hi} / ${l.en}` : rank;
}

export function postKindLabel(kind: string): string {
  const l = POST_KIND_LABELS[kind as PostKind];
  return l ? `${l.hi} / ${l.en}` : kind;
}

export function inChargeText(
  c: { rank: string; beltNo: string; nameEn: string; nameHi: string; mobile: string | null } | null,
): string {
  if (!c) return '—';
  return `${shortRank(c.rank)} ${c.nameHi} / ${c.nameEn} (${c.beltNo})${c.mobile ? `, मो./Mob. ${c.mobile}` : ''}`;
}
