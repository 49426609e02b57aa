import './protests.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueuedItems } from '../../components/QueuedItems';
import { QUEUED_PROTEST } from './queued';
import { Link } from 'react-router';
import { SelectField } from '../../components/SelectField';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { hasAnyRole, PROTEST_INTAKE } from '../../lib/roles';
import { formatDateTime } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { protestListRead, STATUSES, useConditions, useProtestList, useUnits, type ProtestQuery } from './api';
import { CachedCopyNote } from '../../components/CachedCopyNote';

const PAGE = 50;
/** The list's yes/no filters, as the API names them. */
const ONLY = ['clash', 'late', 'sla'] as const;
const WHEN = ['upcoming', 'all'] as const;


/** The applications, newest events first, filtered as the control room works: status, thana, type, clash, late, near their start. */
export function ProtestListPage() {
  const { t } = useTranslation();
  usePageTitle(t('protests.list.title'));
  const state = useSession();
  const roles = state.status === 'signed-in' ? state.me.roles : [];
  const hi = currentLanguage() === 'hi';
  const [filters, setFilters] = useState<ProtestQuery>({ from: new Date(Date.now() - 86_400_000).toISOString() });
  const [offset, setOffset] = useState(0);
  const query: ProtestQuery = { ...filters, limit: PAGE, offset };
  const list = useProtestList(query);
  const units = useUnits();
  const conditions = useConditions();
  const thanas = (units.data ?? []).filter((u) => u.kind === 'THANA');
  const change = (patch: Partial<ProtestQuery>) => {
    setOffset(0);
    setFilters((f) => {
      const next = { ...f, ...patch };
      for (const k of Object.keys(next) as Array<keyof ProtestQuery>) if (next[k] === undefined || next[k] === '') delete next[k];
      return next;
    });
  };
  const flag = (key: (typeof ONLY)[number]) => (
    <label key={key} className="checkbox">
      <input type="checkbox" checked={filters[key] === true} onChange={(e) => change({ [key]: e.target.checked ? true : undefined })} /> {t(`protests.list.only.${key}`)}
    </label>
  );

  return (
    <div className="page protests">
      <div className="page-head">
        <h1>{t('protests.list.title')}</h1>
        {hasAnyRole(roles, PROTEST_INTAKE) ? (
          <Link className="button primary" to="/protests/new">
            {t('protests.intake.title')}
          </Link>
        ) : null}
      </div>
      <QueuedItems kind={QUEUED_PROTEST} />
      <CachedCopyNote name={protestListRead(query)} />
      <section className="panel filters" aria-labelledby="protest-filters">
        <h2 id="protest-filters">{t('protests.list.filters')}</h2>
        <div className="form-grid">
          <SelectField label={t('protests.list.status')} value={filters.status ?? ''} onChange={(e) => change({ status: (e.target.value || undefined) as ProtestQuery['status'] })}>
            <option value="">{t('protests.list.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`protest.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('protests.list.thana')} value={filters.thana ?? ''} onChange={(e) => change({ thana: e.target.value || undefined })}>
            <option value="">{t('protests.list.any')}</option>
            {thanas.map((u) => (
              <option key={u.code} value={u.code}>
                {hi ? u.nameHi : u.nameEn}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('protests.list.type')} value={filters.type ?? ''} onChange={(e) => change({ type: (e.target.value || undefined) as ProtestQuery['type'] })}>
            <option value="">{t('protests.list.any')}</option>
            {Object.entries(conditions.data?.eventTypes ?? {}).map(([code, label]) => (
              <option key={code} value={code}>
                {hi ? label.hi : label.en}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('protests.list.when')} value={WHEN[filters.from ? 0 : 1]} onChange={(e) => change({ from: e.target.value === WHEN[0] ? new Date(Date.now() - 86_400_000).toISOString() : undefined })}>
            {WHEN.map((w) => (
              <option key={w} value={w}>
                {t(`protests.list.${w}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="flags">
          {ONLY.map(flag)}
        </div>
      </section>
      <Panel title={t('protests.list.results')} headingId="protest-results" loading={list.isPending} error={list.error}>
        {list.data ? <p className="muted">{t('protests.list.count', { count: list.data.total })}</p> : null}
        <ul className="rows protest-rows">
          {(list.data?.items ?? []).map((p) => (
            <li key={p.id} className="row protest-row">
              <Link to={`/protests/${p.id}`} className="ref">
                {p.ref}
              </Link>
              <span className="status" data-status={p.status}>
                {t(`protest.status.${p.status}`)}
              </span>
              <span>
                {hi ? p.eventTypeLabel.hi : p.eventTypeLabel.en} · {p.place}
              </span>
              <span className="muted">{t('protests.list.when2', { from: formatDateTime(p.startsAt), to: formatDateTime(p.endsAt) })}</span>
              <span className="muted">{p.organisation ?? p.applicantName ?? '—'}</span>
              <span className="muted">{hi ? p.thana.nameHi : p.thana.nameEn}</span>
              <span className="badges">
                {p.flags.clash ? <span className="badge bad">{t('protests.flags.clash')}</span> : null}
                {p.flags.late ? <span className="badge warn">{t('protests.flags.late')}</span> : null}
                {p.flags.slaAtRisk ? <span className="badge bad">{t('protests.flags.sla')}</span> : null}
              </span>
            </li>
          ))}
        </ul>
        {list.data && list.data.total > PAGE ? (
          <div className="actions">
            <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('protests.list.previous')}
            </button>
            <span className="muted">{t('protests.list.range', { from: offset + 1, to: Math.min(offset + PAGE, list.data.total), total: list.data.total })}</span>
            <button type="button" className="button" disabled={offset + PAGE >= list.data.total} onClick={() => setOffset(offset + PAGE)}>
              {t('protests.list.next')}
            </button>
          </div>
        ) : null}
      </Panel>
    </div>
  );
}
