import './dak.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueuedItems } from '../../components/QueuedItems';
import { QUEUED_DAK } from './queued';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { usePageTitle } from '../../components/usePageTitle';
import { DAK_DESK, hasAnyRole } from '../../lib/roles';
import { istDayStart, addDaysToKey, parseDateInput } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { CHANNELS, GRADINGS, PRIORITIES, STATUSES, useDakList, type DakChannel, type DakPriority, type DakQuery, type DakStatus, type Grading } from './dak-api';
import { useMarkTargets } from './MarkFields';
import { currentLanguage } from '../../i18n';
import { DakRows } from './DakRows';

const PAGE = 50;
const FILTERS = ['q', 'status', 'channel', 'grading', 'priority', 'holder', 'overdue', 'older', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const Q: Filter = 'q';
const FROM: Filter = 'from';
const TO: Filter = 'to';
const OLDER: Filter = 'older';
const OVERDUE = ['true', 'false'] as const;

/** The register: every item this user may see, searched and filtered; the filters are in the address. */
export function DakRegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('dak.register.title'));
  const session = useSession();
  const desk = session.status === 'signed-in' && hasAnyRole(session.me.roles, DAK_DESK);
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState<Record<Filter, string>>(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>);
  const [bad, setBad] = useState<Set<Filter>>(new Set());
  const offset = Number(params.get('offset') ?? 0) || 0;

  const from = parseDateInput(params.get('from') ?? '');
  const to = parseDateInput(params.get('to') ?? '');
  const query: DakQuery = {
    q: params.get('q') || undefined,
    status: (params.get('status') || undefined) as DakStatus | undefined,
    intakeChannel: (params.get('channel') || undefined) as DakChannel | undefined,
    grading: (params.get('grading') || undefined) as Grading | undefined,
    priority: (params.get('priority') || undefined) as DakPriority | undefined,
    holder: params.get('holder') || undefined,
    overdue: (params.get('overdue') || undefined) as DakQuery['overdue'],
    olderThanDays: params.get('older') ? Number(params.get('older')) : undefined,
    from: from ? istDayStart(from) : undefined,
    // "To" a day: up to the start of the day after it.
    to: to ? istDayStart(addDaysToKey(to, 1)) : undefined,
    limit: PAGE,
    offset,
  };
  const list = useDakList(query);

  const search = (e: FormEvent) => {
    e.preventDefault();
    const wrong = new Set<Filter>();
    for (const f of ['from', 'to'] as const) if (typed[f].trim() && !parseDateInput(typed[f])) wrong.add(f);
    if (typed.q.trim() && typed.q.trim().length < 2) wrong.add('q');
    if (typed.older.trim() && !/^\d{1,4}$/.test(typed.older.trim())) wrong.add('older');
    setBad(wrong);
    if (wrong.size > 0) return;
    const next = new URLSearchParams();
    for (const f of FILTERS) if (typed[f].trim()) next.set(f, typed[f].trim());
    setParams(next);
  };
  const page = (to: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(to));
    setParams(next);
  };
  const total = list.data?.total ?? 0;
  // A search counts its matches up to 1,000: past that, "more than" and a page while it fills.
  const capped = list.data?.totalCapped ?? false;
  const shown = list.data?.items.length ?? 0;
  const units = useMarkTargets();
  const hi = currentLanguage() === 'hi';
  const count = new Intl.NumberFormat(hi ? 'hi-IN' : 'en-IN').format(total);

  return (
    <div className="page dak-page">
      <div className="dak-head">
        <h1>{t('dak.register.title')}</h1>
        <span className="dak-head-links">
          <Link className="button" to="/dak/files">
            {t('dak.files.title')}
          </Link>
          {desk ? (
            <Link className="button primary" to="/dak/new">
              {t('dak.intake.title')}
            </Link>
          ) : null}
        </span>
      </div>
      <QueuedItems kind={QUEUED_DAK} />
      <form className="filters" role="search" aria-label={t('dak.register.search')} onSubmit={search} noValidate>
        <Field type="search" label={t('dak.register.q')} hint={t('dak.register.qHint')} value={typed.q} onChange={(e) => setTyped({ ...typed, q: e.target.value })} error={bad.has(Q) ? t('dak.register.qShort') : undefined} />
        <SelectField label={t('dak.form.status')} value={typed.status} onChange={(e) => setTyped({ ...typed, status: e.target.value })}>
          <option value="">{t('dak.register.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`dak.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dak.form.channel')} value={typed.channel} onChange={(e) => setTyped({ ...typed, channel: e.target.value })}>
          <option value="">{t('dak.register.any')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`dak.channel.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dak.form.grading')} value={typed.grading} onChange={(e) => setTyped({ ...typed, grading: e.target.value })}>
          <option value="">{t('dak.register.any')}</option>
          {GRADINGS.map((g) => (
            <option key={g} value={g}>
              {t(`dak.grading.${g}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dak.form.priority')} value={typed.priority} onChange={(e) => setTyped({ ...typed, priority: e.target.value })}>
          <option value="">{t('dak.register.any')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`dak.priority.${p}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dak.register.holder')} value={typed.holder} onChange={(e) => setTyped({ ...typed, holder: e.target.value })}>
          <option value="">{t('dak.register.any')}</option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {hi ? u.nameHi : u.nameEn}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dak.register.overdue')} value={typed.overdue} onChange={(e) => setTyped({ ...typed, overdue: e.target.value })}>
          <option value="">{t('dak.register.any')}</option>
          {OVERDUE.map((o) => (
            <option key={o} value={o}>
              {t(`dak.register.overdueIs.${o}`)}
            </option>
          ))}
        </SelectField>
        <Field label={t('dak.register.older')} inputMode="numeric" value={typed.older} onChange={(e) => setTyped({ ...typed, older: e.target.value })} error={bad.has(OLDER) ? t('dak.register.olderBad') : undefined} />
        <Field label={t('dak.register.from')} hint={t('dak.form.dateHint')} inputMode="numeric" value={typed.from} onChange={(e) => setTyped({ ...typed, from: e.target.value })} error={bad.has(FROM) ? t('dak.form.unreadable') : undefined} />
        <Field label={t('dak.register.to')} hint={t('dak.form.dateHint')} inputMode="numeric" value={typed.to} onChange={(e) => setTyped({ ...typed, to: e.target.value })} error={bad.has(TO) ? t('dak.form.unreadable') : undefined} />
        <div className="actions">
          <button type="submit" className="button primary">
            {t('dak.register.submit')}
          </button>
        </div>
      </form>
      <Panel title={capped ? t('dak.register.resultsMore', { total: count }) : t('dak.register.results', { count: total })} headingId="dak-results" loading={list.isPending} error={list.error}>
        <DakRows items={list.data?.items ?? []} empty={t('dak.register.empty')} />
        {total > PAGE || offset > 0 ? (
          <div className="pager">
            <button type="button" className="button" disabled={offset === 0} onClick={() => page(Math.max(0, offset - PAGE))}>
              {t('dak.register.previous')}
            </button>
            <span>
              {shown === 0
                ? null
                : t(capped ? 'dak.register.showingMore' : 'dak.register.showing', { first: offset + 1, last: offset + shown, total: count })}
            </span>
            <button type="button" className="button" disabled={capped ? shown < PAGE : offset + PAGE >= total} onClick={() => page(offset + PAGE)}>
              {t('dak.register.next')}
            </button>
          </div>
        ) : null}
      </Panel>
    </div>
  );
}
