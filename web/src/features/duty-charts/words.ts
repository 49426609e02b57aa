import type { TFunction } from 'i18next';
import { currentLanguage } from '../../i18n';
import type { Shortfall } from './api';

/** A person or place with a name in each language: the screen's language first. */
export function nameOf(x: { nameEn: string; nameHi: string | null }): string {
  return currentLanguage() === 'hi' ? x.nameHi || x.nameEn : x.nameEn || x.nameHi || '';
}

/** A post's name: its Hindi name when it has one and the screen is in Hindi. */
export function postName(p: { name: string; nameHi?: string | null }): string {
  return currentLanguage() === 'hi' && p.nameHi ? p.nameHi : p.name;
}

export const rankText = (t: TFunction, rank: string) =>
  t(`dutyCharts.rank.${rank}`, { defaultValue: rank });

/** "rank:CONSTABLE", "women" or "skill:armed" as a person says it. */
export function requirementText(t: TFunction, requirement: string): string {
  if (requirement === 'women') return t('dutyCharts.requirement.women');
  const [kind, value = ''] = requirement.split(':');
  if (kind === 'rank') return rankText(t, value);
  if (kind === 'skill')
    return t('dutyCharts.requirement.skill', {
      skill: t(`dutyCharts.skill.${value}`, { defaultValue: value }),
    });
  return requirement;
}

/** One unmet requirement in plain words: which shift at which post, and how many more of whom. */
export function shortfallText(t: TFunction, s: Shortfall): string {
  return t('dutyCharts.shortfall.line', {
    count: s.missing,
    post: `${s.postCode} (${s.postName})`,
    shift: s.shiftCode,
    what: requirementText(t, s.requirement),
    needed: s.needed,
    assigned: s.assigned,
  });
}

/** A shift's requirement per rank, "1 Sub-Inspector, 3 Constables". */
export function ranksText(t: TFunction, ranks: Record<string, number>): string {
  return Object.entries(ranks)
    .filter(([, n]) => n > 0)
    .map(([rank, n]) => t('dutyCharts.rankCount', { count: n, rank: rankText(t, rank) }))
    .join(', ');
}
