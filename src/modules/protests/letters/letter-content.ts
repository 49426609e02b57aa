import type { Block, TemplateStore } from '../../../platform/documents';
import type { ProtestApplication } from '../entities/protest-application.entity';
import type { LetterKind } from '../entities/protest-letter.entity';
import type { ProtestVenue } from '../entities/protest-venue.entity';
import { EVENT_TYPES } from '../event-types';
import { formatIstDate, formatIstDateTime, formatIstTime } from '../../../platform/time';

type Lang = 'hi' | 'en';
type Named = { readonly nameHi: string; readonly nameEn: string };

export interface LetterContext {
  readonly app: ProtestApplication;
  readonly venue: ProtestVenue | null;
  readonly thana: Named;
  readonly signer: Named;
}

const TEMPLATE: Record<LetterKind, string> = { PERMISSION: 'permission-letter', REFUSAL: 'refusal-letter', REVOCATION: 'revocation-letter' };

const DESIGNATION = 'पुलिस उपायुक्त (अभिसूचना एवं सुरक्षा), भोपाल\nDeputy Commissioner of Police (Intelligence & Security), Bhopal';

const WORDS = {
  hi: { none: 'नहीं', to: 'से', vehicles: 'वाहन' },
  en: { none: 'None', to: 'to', vehicles: 'vehicles' },
} as const;

export function placeName(ctx: Pick<LetterContext, 'app' | 'venue'>, lang: Lang): string {
  if (ctx.venue) return lang === 'hi' ? ctx.venue.nameHi : ctx.venue.nameEn;
  return (ctx.app.route ?? []).map((p) => p.name).join(' → ');
}

function conditionLines(ctx: LetterContext, lang: Lang): string[] {
  return (ctx.app.conditions ?? []).map((c) => c[lang]);
}

/** The values a template may use, in one language. Empty values are dropped when printed. */
export function letterVars(kind: LetterKind, ctx: LetterContext, lang: Lang): Record<string, string> {
  const { app } = ctx;
  const w = WORDS[lang];
  const common = {
    applicantName: (lang === 'hi' ? (app.applicantNameHi ?? app.applicantNameEn) : (app.applicantNameEn ?? app.applicantNameHi)) ?? '',
    organisation: app.organisation ?? '',
    address: app.address,
    eventType: EVENT_TYPES[app.eventType][lang],
    place: placeName(ctx, lang),
    startsAt: formatIstDateTime(app.startsAt),
    endsAt: formatIstDateTime(app.endsAt),
    thana: lang === 'hi' ? ctx.thana.nameHi : ctx.thana.nameEn,
  };
  if (kind === 'REFUSAL') return { ...common, receivedOn: formatIstDate(app.receivedAt), grounds: app.grounds ?? '' };
  if (kind === 'REVOCATION') return { ...common, permissionDate: formatIstDate(app.decidedAt!), reason: app.revocationReason ?? '' };
  const loudspeaker = app.loudspeakerFrom && app.loudspeakerTo ? `${formatIstTime(app.loudspeakerFrom)} ${w.to} ${formatIstTime(app.loudspeakerTo)}` : w.none;
  const vehicles = app.vehicleCount > 0 ? `${app.vehicleCount} ${w.vehicles}${app.vehicleDetails ? ` (${app.vehicleDetails})` : ''}` : w.none;
  const conditions = conditionLines(ctx, lang);
  return {
    ...common,
    receivedOn: formatIstDate(app.receivedAt),
    purpose: app.purpose,
    participants: String(app.expectedParticipants),
    loudspeaker,
    vehicles,
    conditions: conditions.length ? conditions.join('\n') : w.none,
  };
}

/**
 * The letter in Hindi, then in English, then the signature: one bilingual paper. Lines left
 * empty by a missing value (no organisation) are dropped, and the conditions paragraph is
 * printed as a numbered list.
 */
export function composeLetter(templates: TemplateStore, kind: LetterKind, ctx: LetterContext): { title: string; blocks: Block[] } {
  const parts = (['hi', 'en'] as const).map((lang) => {
    const vars = letterVars(kind, ctx, lang);
    const conditions = conditionLines(ctx, lang);
    const rendered = templates.render('protests', TEMPLATE[kind], lang, vars);
    const blocks = rendered.blocks.flatMap((b): Block[] => {
      if (b.kind !== 'paragraph') return [b];
      if (kind === 'PERMISSION' && conditions.length && b.text === vars.conditions) return [{ kind: 'list', ordered: true, items: conditions }];
      const text = b.text.split('\n').filter((line) => line.trim() !== '').join('\n');
      return text ? [{ ...b, text }] : [];
    });
    return { title: rendered.title ?? TEMPLATE[kind], blocks };
  });
  const blocks: Block[] = [
    ...parts[0]!.blocks,
    { kind: 'spacer', height: 18 },
    { kind: 'heading', level: 2, text: parts[1]!.title },
    ...parts[1]!.blocks,
    { kind: 'signature', nameHi: ctx.signer.nameHi, nameEn: ctx.signer.nameEn, designation: DESIGNATION },
  ];
  return { title: parts.map((p) => p.title).join(' / '), blocks };
}
