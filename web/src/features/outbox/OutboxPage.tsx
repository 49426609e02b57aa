import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { usePageTitle } from '../../components/usePageTitle';
import { hasAnyRole, OUTBOX_CANCELLERS, OUTBOX_RETRIERS } from '../../lib/roles';
import { formatDateTime } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { canAct, OUTBOX_STATUSES, PAGE_SIZE, useOutbox, useOutboxAction, type OutboxItem, type OutboxStatus } from './api';

type Pending = { kind: 'retry' | 'cancel'; item: OutboxItem };
const RETRY = 'retry';
const CANCEL = 'cancel';

/** The e-Office outbox: every item bound for e-Office, where it stands, and a person's retry or cancel. */
export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.title'));
  const state = useSession();
  const roles = state.status === 'signed-in' ? state.me.roles : [];
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = OUTBOX_STATUSES.includes(statusParam as OutboxStatus) ? (statusParam as OutboxStatus) : undefined;
  const sourceRef = params.get('record') ?? undefined;
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const outbox = useOutbox({ status, sourceRef, page });
  const action = useOutboxAction();
  const [pending, setPending] = useState<Pending | undefined>();
  const [reason, setReason] = useState('');
  const [recordInput, setRecordInput] = useState(sourceRef ?? '');

  const setFilter = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const open = (kind: Pending['kind'], item: OutboxItem) => {
    action.reset();
    setReason('');
    setPending({ kind, item });
  };
  const confirm = () => {
    if (!pending) return;
    const call = pending.kind === 'retry' ? { kind: 'retry' as const, id: pending.item.id } : { kind: 'cancel' as const, id: pending.item.id, reason: reason.trim() };
    action.mutate(call, { onSuccess: () => setPending(undefined) });
  };

  const retrying = pending?.kind === 'retry';
  const cancelling = pending?.kind === 'cancel';
  const total = outbox.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const reasonError = action.error instanceof ApiError ? action.error.fieldMessage('reason') : undefined;

  return (
    <div className="page">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      <form
        className="filters"
        role="search"
        aria-label={t('outbox.filters')}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setFilter({ record: recordInput.trim() || undefined });
        }}
      >
        <SelectField label={t('outbox.filterState')} value={status ?? ''} onChange={(e) => setFilter({ status: e.target.value || undefined })}>
          <option value="">{t('outbox.allStates')}</option>
          {OUTBOX_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`outbox.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <Field label={t('outbox.filterRecord')} hint={t('outbox.filterRecordHint')} value={recordInput} onChange={(e) => setRecordInput(e.target.value)} />
        <div className="actions">
          <button type="submit" className="button primary">
            {t('outbox.apply')}
          </button>
          {status || sourceRef ? (
            <button
              type="button"
              className="button quiet"
              onClick={() => {
                setRecordInput('');
                setParams(new URLSearchParams());
              }}
            >
              {t('outbox.clear')}
            </button>
          ) : null}
        </div>
      </form>

      <Panel title={t('outbox.listTitle')} headingId="outbox-list" loading={outbox.isPending} error={outbox.error}>
        <p className="muted" aria-live="polite">
          {t('outbox.count', { count: total })}
        </p>
        {outbox.data && outbox.data.items.length === 0 ? <p>{t('outbox.none')}</p> : null}
        <ul className="rows outbox-rows">
          {(outbox.data?.items ?? []).map((item) => (
            <OutboxRow
              key={item.id}
              item={item}
              canRetry={hasAnyRole(roles, OUTBOX_RETRIERS) && canAct(item)}
              canCancel={hasAnyRole(roles, OUTBOX_CANCELLERS) && canAct(item)}
              onRetry={() => open(RETRY, item)}
              onCancel={() => open(CANCEL, item)}
            />
          ))}
        </ul>
        {pages > 1 ? (
          <nav className="pager" aria-label={t('outbox.pages')}>
            <button type="button" className="button" disabled={page === 0} onClick={() => setFilter({ page: String(page - 1) })}>
              {t('outbox.newer')}
            </button>
            <span>{t('outbox.page', { page: page + 1, pages })}</span>
            <button type="button" className="button" disabled={page + 1 >= pages} onClick={() => setFilter({ page: String(page + 1) })}>
              {t('outbox.older')}
            </button>
          </nav>
        ) : null}
      </Panel>

      <ConfirmDialog
        open={retrying}
        title={t('outbox.retryTitle')}
        confirmLabel={t('outbox.retryYes')}
        cancelLabel={t('outbox.keepAsIs')}
        busy={action.isPending}
        onConfirm={confirm}
        onClose={() => setPending(undefined)}
      >
        {pending ? <p>{t('outbox.retryBody', { ref: pending.item.sourceRef, subject: pending.item.subject })}</p> : null}
        <FormMessage error={action.error} />
      </ConfirmDialog>
      <ConfirmDialog
        open={cancelling}
        title={t('outbox.cancelTitle')}
        confirmLabel={t('outbox.cancelYes')}
        cancelLabel={t('outbox.keepAsIs')}
        danger
        busy={action.isPending}
        onConfirm={confirm}
        onClose={() => setPending(undefined)}
      >
        {pending ? <p>{t('outbox.cancelBody', { ref: pending.item.sourceRef, subject: pending.item.subject })}</p> : null}
        <FormMessage error={reasonError ? undefined : action.error} />
        <Field
          label={t('outbox.cancelReason')}
          hint={t('outbox.cancelReasonHint')}
          value={reason}
          required
          onChange={(e) => setReason(e.target.value)}
          error={reasonError}
          errorLang="en"
        />
      </ConfirmDialog>
    </div>
  );
}

function OutboxRow({ item, canRetry, canCancel, onRetry, onCancel }: { item: OutboxItem; canRetry: boolean; canCancel: boolean; onRetry: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  // The API says where the item stands, as every record's sync state does.
  const s = item.syncState;
  const headingId = `outbox-item-${item.id}`;
  return (
    <li className="row outbox-row" aria-labelledby={headingId} data-state={s}>
      <div className="outbox-what">
        <h3 id={headingId} className="row-title">
          <Link to={`/outbox?record=${encodeURIComponent(item.sourceRef)}`} title={t('outbox.recordItems')}>
            {item.sourceRef}
          </Link>{' '}
          <span className="muted">· {t(`outbox.source.${item.sourceType}`, { defaultValue: item.sourceType })}</span>
        </h3>
        <p>{item.subject}</p>
        <p className="muted">
          {t(`outbox.kind.${item.kind}`, { defaultValue: item.kind })} · {t('outbox.queuedAt', { when: formatDateTime(item.createdAt) })}
        </p>
      </div>
      <div className="outbox-state">
        <p>
          <span className={`state-tag ${s.toLowerCase()}`}>{t(`outbox.state.${s}`)}</span>
        </p>
        {item.eofficeRef ? <p className="eoffice-ref">{t('outbox.eofficeRef', { ref: item.eofficeRef })}</p> : null}
        {s === 'SENT_FOR_DIARISATION' && item.channelRef ? <p className="muted">{t('outbox.channelRef', { ref: item.channelRef })}</p> : null}
        {item.deliveredAt ? <p className="muted">{t('outbox.deliveredAt', { when: formatDateTime(item.deliveredAt) })}</p> : null}
        <p className="muted">
          {t('outbox.attempts', { count: item.attempts })}
          {item.lastAttemptAt ? ` · ${t('outbox.lastAttempt', { when: formatDateTime(item.lastAttemptAt) })}` : ''}
        </p>
        {item.status === 'PENDING' && item.attempts > 0 ? <p className="muted">{t('outbox.nextAttempt', { when: formatDateTime(item.nextAttemptAt) })}</p> : null}
        {item.lastFault && item.status !== 'DELIVERED' ? <p className="outbox-error">{t(`eofficeFault.${item.lastFault}`)}</p> : null}
        {item.lastError && item.status !== 'DELIVERED' ? (
          <p className={item.lastFault ? 'muted' : 'outbox-error'}>
            {t(item.lastFault ? 'eofficeFault.detail' : 'outbox.lastError')} <span lang="en">{item.lastError}</span>
          </p>
        ) : null}
        {item.cancelReason ? <p className="muted">{t('outbox.cancelledBecause', { reason: item.cancelReason })}</p> : null}
      </div>
      {canRetry || canCancel ? (
        <div className="actions outbox-actions">
          {canRetry ? (
            <button type="button" className="button" onClick={onRetry} aria-describedby={headingId}>
              {t('outbox.retry')}
            </button>
          ) : null}
          {canCancel ? (
            <button type="button" className="button quiet" onClick={onCancel} aria-describedby={headingId}>
              {t('outbox.cancel')}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
