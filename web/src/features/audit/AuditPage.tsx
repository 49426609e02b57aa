import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { hasAnyRole, VIP_ACCESS_LOG_READERS } from '../../lib/roles';
import { addDaysToKey, formatDateKey, formatDateTime, istDayStart, parseDateInput } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { AUDIT_PAGE, useAuditEntries, useChainCheck, type AuditEntry, type AuditSearch } from './api';

/** The search's text fields, as they stand in the address (so a search can be sent to a colleague). */
const TEXT_FILTERS = ['actor', 'action', 'entityType', 'entityId'] as const;
type Form = Record<(typeof TEXT_FILTERS)[number] | 'from' | 'to', string>;

/** The URL's search (dates as IST date keys) as the API's query. */
function toSearch(params: URLSearchParams): AuditSearch {
  const from = params.get('from');
  const to = params.get('to');
  const before = Number(params.get('before'));
  return {
    actorUsername: params.get('actor') || undefined,
    action: params.get('action') || undefined,
    entityType: params.get('entityType') || undefined,
    entityId: params.get('entityId') || undefined,
    from: from && parseDateInput(formatDateKey(from)) ? istDayStart(from) : undefined,
    // "To" is the last day searched, whole: entries before the next IST midnight.
    to: to && parseDateInput(formatDateKey(to)) ? istDayStart(addDaysToKey(to, 1)) : undefined,
    before: Number.isInteger(before) && before > 0 ? before : undefined,
  };
}

/** Audit: who did what to which record and when, and whether the hash chain still holds. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const search = toSearch(params);
  const entries = useAuditEntries(search);
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const [form, setForm] = useState<Form>(() => ({
    actor: params.get('actor') ?? '',
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    entityId: params.get('entityId') ?? '',
    from: fromParam && /^\d{4}-\d{2}-\d{2}$/.test(fromParam) ? formatDateKey(fromParam) : '',
    to: toParam && /^\d{4}-\d{2}-\d{2}$/.test(toParam) ? formatDateKey(toParam) : '',
  }));
  const [dateErrors, setDateErrors] = useState<{ from?: string; to?: string }>({});
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const { name, value } = e.target;
    setForm((f) => ({ ...f, [name]: value }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = form.from.trim() ? parseDateInput(form.from) : '';
    const to = form.to.trim() ? parseDateInput(form.to) : '';
    const errors = {
      from: from === undefined ? t('audit.badDate') : undefined,
      to: to === undefined ? t('audit.badDate') : from && to && to < from ? t('audit.toBeforeFrom') : undefined,
    };
    setDateErrors(errors);
    if (errors.from || errors.to) return;
    const next = new URLSearchParams();
    for (const name of TEXT_FILTERS) if (form[name].trim()) next.set(name, form[name].trim());
    if (from) next.set('from', from);
    if (to) next.set('to', to);
    setParams(next);
  };

  const page = entries.data ?? [];
  const older = () => {
    const next = new URLSearchParams(params);
    next.set('before', page[page.length - 1]!.id);
    setParams(next);
  };
  const newest = () => {
    const next = new URLSearchParams(params);
    next.delete('before');
    setParams(next);
  };

  return (
    <div className="page">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <ChainPanel />
      <form className="filters audit-filters" role="search" aria-label={t('audit.search')} onSubmit={submit} noValidate>
        <Field label={t('audit.actor')} hint={t('audit.actorHint')} name="actor" value={form.actor} onChange={onChange} autoCapitalize="none" />
        <Field label={t('audit.action')} hint={t('audit.actionHint')} name="action" value={form.action} onChange={onChange} autoCapitalize="none" />
        <Field label={t('audit.entityType')} hint={t('audit.entityTypeHint')} name="entityType" value={form.entityType} onChange={onChange} autoCapitalize="none" />
        <Field label={t('audit.entityId')} name="entityId" value={form.entityId} onChange={onChange} autoCapitalize="none" />
        <Field label={t('audit.from')} hint={t('audit.dateHint')} name="from" value={form.from} onChange={onChange} inputMode="numeric" error={dateErrors.from} />
        <Field label={t('audit.to')} hint={t('audit.dateHint')} name="to" value={form.to} onChange={onChange} inputMode="numeric" error={dateErrors.to} />
        <div className="actions">
          <button type="submit" className="button primary">
            {t('audit.searchButton')}
          </button>
        </div>
      </form>
      <Panel title={t('audit.results')} headingId="audit-results" loading={entries.isPending} error={entries.error}>
        {entries.data && page.length === 0 ? <p>{t('audit.none')}</p> : null}
        {search.before ? <p className="muted">{t('audit.olderShown')}</p> : null}
        <ul className="rows audit-rows">
          {page.map((e) => (
            <AuditRow key={e.id} entry={e} />
          ))}
        </ul>
        <div className="pager">
          {search.before ? (
            <button type="button" className="button" onClick={newest}>
              {t('audit.newest')}
            </button>
          ) : null}
          {page.length === AUDIT_PAGE ? (
            <button type="button" className="button" onClick={older}>
              {t('audit.older')}
            </button>
          ) : null}
        </div>
      </Panel>
    </div>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const state = useSession();
  // A VIP programme's reads have their own screen, for those who may see it.
  const accessLog = state.status === 'signed-in' && hasAnyRole(state.me.roles, VIP_ACCESS_LOG_READERS);
  return (
    <li className="row audit-row">
      <span className="time">{formatDateTime(entry.at)}</span>
      <span className="audit-what">
        <code lang="en">{entry.action}</code>{' '}
        <span className="muted">
          · <span lang="en">{entry.entityType}</span>
          {entry.entityId ? (
            <>
              {' '}
              <code className="entity-id">{entry.entityId}</code>
              {entry.entityType === 'vip_programme' && accessLog ? (
                <>
                  {' '}
                  <Link to={`/vip-programmes/${entry.entityId}/access-log`}>{t('vipDesk.accessLog.link')}</Link>
                </>
              ) : null}
            </>
          ) : null}
        </span>
      </span>
      <span className="audit-who">
        {entry.actorUsername ? t('audit.by', { who: entry.actorUsername }) : t('audit.bySystem')}
        {entry.ip ? <span className="muted"> · {t('audit.fromIp', { ip: entry.ip })}</span> : null}
      </span>
      {entry.diff && Object.keys(entry.diff).length > 0 ? (
        <details className="audit-diff">
          <summary>{t('audit.details')}</summary>
          <pre lang="en">{JSON.stringify(entry.diff, null, 2)}</pre>
        </details>
      ) : null}
    </li>
  );
}

/** The chain check: run when asked, its answer in plain words. */
function ChainPanel() {
  const { t } = useTranslation();
  const check = useChainCheck();
  const r = check.data;
  return (
    <Panel title={t('audit.chain.title')} headingId="audit-chain" error={check.error}>
      <p>{t('audit.chain.intro')}</p>
      <div aria-live="polite">
        {check.isFetching ? <p className="muted">{t('audit.chain.checking')}</p> : null}
        {r && !check.isFetching ? (
          <>
            <p className={`figure ${r.firstBreak ? 'chain-broken' : 'chain-ok'}`}>
              {r.firstBreak ? t('audit.chain.broken', { id: r.firstBreak.id, position: r.firstBreak.position }) : t('audit.chain.ok', { count: r.rows })}
            </p>
            {r.firstBreak ? (
              <p>
                {t('audit.chain.reason')} <span lang="en">{r.firstBreak.reason}</span>
              </p>
            ) : null}
            <dl className="facts">
              <dt>{t('audit.chain.rows')}</dt>
              <dd>{r.rows}</dd>
              <dt>{t('audit.chain.unchained')}</dt>
              <dd>{r.unchained > 0 && r.oldestUnchainedAt ? t('audit.chain.unchainedSince', { count: r.unchained, when: formatDateTime(r.oldestUnchainedAt) }) : r.unchained}</dd>
              <dt>{t('audit.chain.signatures')}</dt>
              <dd>{r.signatures.otherKey > 0 ? t('audit.chain.signaturesOther', { count: r.signatures.checked, other: r.signatures.otherKey }) : r.signatures.checked}</dd>
              <dt>{t('audit.chain.lastSigned')}</dt>
              <dd>{r.signatures.lastSignedPosition === null ? t('audit.chain.neverSigned') : t('audit.chain.lastSignedAt', { position: r.signatures.lastSignedPosition, count: r.signatures.rowsAfterLastSignature })}</dd>
            </dl>
          </>
        ) : null}
      </div>
      <div className="actions">
        <button type="button" className="button primary" disabled={check.isFetching} onClick={() => void check.refetch()}>
          {r ? t('audit.chain.again') : t('audit.chain.run')}
        </button>
      </div>
    </Panel>
  );
}
