import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SheetImportPanel } from '../../components/SheetImportPanel';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { usePageTitle } from '../../components/usePageTitle';
import { AVAILABILITY_READERS, DUTY_CHART_PREPARERS, hasAnyRole } from '../../lib/roles';
import { addDaysToKey, formatDateTime, parseDateInput } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import {
  ALL_RANKS,
  AVAILABILITY_KINDS,
  useAddAvailability,
  useAvailability,
  useCancelAvailability,
  useImportRoll,
  useOfficers,
  type Availability,
  type AvailabilityKind,
  type Officer,
  type OfficerQuery,
  type Rank,
} from './api';
import { TableScroll } from './TableScroll';
import { nameOf, rankText } from './words';

/** What the file picker offers: the thanas' Excel sheets, or CSV. */
const ROLL_FILES =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAGE = 50;

/** The officer roll: imported from the thanas' sheets, searched, and each officer's leave. */
export function RollPage() {
  const { t } = useTranslation();
  usePageTitle(t('dutyCharts.roll.title'));
  const state = useSession();
  const roles = state.status === 'signed-in' ? state.me.roles : [];
  const canPrepare = hasAnyRole(roles, DUTY_CHART_PREPARERS);
  const [chosen, setChosen] = useState<Officer | undefined>();
  return (
    <>
      <h1>{t('dutyCharts.roll.title')}</h1>
      <p>{t('dutyCharts.roll.intro')}</p>
      {canPrepare ? <ImportPanel /> : null}
      <OfficersPanel
        onChoose={hasAnyRole(roles, AVAILABILITY_READERS) ? setChosen : undefined}
        chosen={chosen}
      />
      {chosen ? (
        <AvailabilityPanel
          key={chosen.id}
          officer={chosen}
          canEdit={canPrepare}
          onClose={() => setChosen(undefined)}
        />
      ) : null}
    </>
  );
}

/** The sheet: checked first; a file with bad rows imports nothing until its good rows are confirmed. */
function ImportPanel() {
  const { t } = useTranslation();
  const upload = useImportRoll();
  return (
    <SheetImportPanel
      headingId="roll-import"
      accept={ROLL_FILES}
      upload={upload}
      keyOf={(r) => r.beltNo}
      texts={{
        title: t('dutyCharts.import.title'),
        intro: t('dutyCharts.import.intro'),
        file: t('dutyCharts.import.file'),
        fileHint: t('dutyCharts.import.fileHint'),
        check: t('dutyCharts.import.check'),
        key: t('dutyCharts.officer.beltNo'),
        imported: (r) => t('dutyCharts.import.imported', { count: r.imported }),
        leftOut: (count) => t('dutyCharts.import.leftOut', { count }),
        refused: (count, total) => t('dutyCharts.import.refused', { count, total }),
        rowErrors: t('dutyCharts.import.rowErrors'),
        row: t('dutyCharts.import.row'),
        column: t('dutyCharts.import.column'),
        problem: t('dutyCharts.import.problem'),
        importGood: (count) => t('dutyCharts.import.importGood', { count }),
        nothingGood: t('dutyCharts.import.nothingGood'),
      }}
    />
  );
}

function OfficersPanel({
  onChoose,
  chosen,
}: {
  onChoose?: (o: Officer) => void;
  chosen?: Officer;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [rank, setRank] = useState<Rank | ''>('');
  const [offset, setOffset] = useState(0);
  const query: OfficerQuery = {
    limit: PAGE,
    offset,
    ...(q.trim().length >= 2 ? { q: q.trim() } : {}),
    ...(rank ? { rank } : {}),
  };
  const officers = useOfficers(query);
  const page = officers.data;
  return (
    <Panel title={t('dutyCharts.roll.officers')} headingId="roll-officers" error={officers.error}>
      <div className="form-grid">
        <Field
          label={t('dutyCharts.roll.search')}
          hint={t('dutyCharts.roll.searchHint')}
          type="search"
          value={q}
          onChange={(e) => (setOffset(0), setQ(e.target.value))}
        />
        <SelectField
          label={t('dutyCharts.officer.rank')}
          value={rank}
          onChange={(e) => (setOffset(0), setRank(e.target.value as Rank | ''))}
        >
          <option value="">{t('dutyCharts.roll.anyRank')}</option>
          {ALL_RANKS.map((r) => (
            <option key={r} value={r}>
              {rankText(t, r)}
            </option>
          ))}
        </SelectField>
      </div>
      {officers.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {page ? (
        <>
          <p aria-live="polite">{t('dutyCharts.roll.count', { count: page.total })}</p>
          {page.items.length === 0 ? null : (
            <TableScroll label={t('dutyCharts.roll.officers')}>
              <table className="duty-table">
                <caption className="visually-hidden">{t('dutyCharts.roll.officers')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dutyCharts.officer.beltNo')}</th>
                    <th scope="col">{t('dutyCharts.officer.name')}</th>
                    <th scope="col">{t('dutyCharts.officer.rank')}</th>
                    <th scope="col">{t('dutyCharts.officer.gender')}</th>
                    <th scope="col">{t('dutyCharts.officer.skills')}</th>
                    {onChoose ? <th scope="col">{t('dutyCharts.roll.availability')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((o) => (
                    <tr key={o.id} className={chosen?.id === o.id ? 'chosen' : undefined}>
                      <td>
                        <code>{o.beltNo}</code>
                      </td>
                      <td>{nameOf(o)}</td>
                      <td>{rankText(t, o.rank)}</td>
                      <td>{t(`dutyCharts.gender.${o.gender}`)}</td>
                      <td>
                        {o.skills
                          .map((s) => t(`dutyCharts.skill.${s}`, { defaultValue: s }))
                          .join(', ')}
                      </td>
                      {onChoose ? (
                        <td>
                          <button
                            type="button"
                            className="button quiet"
                            onClick={() => onChoose(o)}
                          >
                            {t('dutyCharts.roll.showAvailability', { belt: o.beltNo })}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {page.total > PAGE ? (
            <div className="pager">
              <button
                type="button"
                className="button"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                {t('dutyCharts.roll.previous')}
              </button>
              <span>
                {t('dutyCharts.roll.range', {
                  from: offset + 1,
                  to: Math.min(offset + PAGE, page.total),
                  total: page.total,
                })}
              </span>
              <button
                type="button"
                className="button"
                disabled={offset + PAGE >= page.total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t('dutyCharts.roll.next')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </Panel>
  );
}

const EMPTY_LEAVE = { kind: 'LEAVE' as AvailabilityKind, from: '', to: '', note: '' };

/** An officer's leave, weekly offs, court and training: entered here while e-Leave may be down. */
function AvailabilityPanel({
  officer,
  canEdit,
  onClose,
}: {
  officer: Officer;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const entries = useAvailability(officer.id);
  const add = useAddAvailability(officer.id);
  const [form, setForm] = useState(EMPTY_LEAVE);
  const [typed, setTyped] = useState<{ from?: string; to?: string }>({});
  const [cancelling, setCancelling] = useState<Availability | undefined>();
  const error = add.error instanceof ApiError ? add.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = parseDateInput(form.from);
    const last = parseDateInput(form.to);
    setTyped({
      from: from ? undefined : t('dutyCharts.availability.badDate'),
      to: last ? undefined : t('dutyCharts.availability.badDate'),
    });
    if (!from || !last) return;
    // The API's end is exclusive; a person gives the last day of leave.
    add.mutate(
      {
        kind: form.kind,
        from,
        to: addDaysToKey(last, 1),
        ...(form.note.trim() ? { note: form.note.trim() } : {}),
      },
      { onSuccess: () => setForm(EMPTY_LEAVE) },
    );
  };
  const title = t('dutyCharts.availability.title', { name: nameOf(officer), belt: officer.beltNo });
  // Opened from a row of the roll above: the keyboard (and the eye) go to it.
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <Panel
      title={title}
      headingId="roll-availability"
      loading={entries.isPending}
      error={entries.error}
    >
      <div className="actions">
        <button type="button" className="button quiet" onClick={onClose} ref={close}>
          {t('dutyCharts.availability.close')}
        </button>
      </div>
      {(entries.data ?? []).length === 0 ? (
        <p className="muted">{t('dutyCharts.availability.none')}</p>
      ) : null}
      <ul className="rows compact">
        {(entries.data ?? []).map((a) => (
          <li key={a.id} className="row">
            <div>
              <p>
                <strong>{t(`dutyCharts.availabilityKind.${a.kind}`)}</strong> ·{' '}
                {t('dutyCharts.availability.span', {
                  from: formatDateTime(a.startsAt),
                  to: formatDateTime(a.endsAt),
                })}
              </p>
              {a.note ? <p className="muted">{a.note}</p> : null}
              {a.cancelledAt ? (
                <p>
                  <span className="state-tag cancelled">
                    {t('dutyCharts.availability.cancelled', {
                      when: formatDateTime(a.cancelledAt),
                    })}
                  </span>{' '}
                  {a.cancelReason}
                </p>
              ) : null}
            </div>
            {canEdit && !a.cancelledAt ? (
              <div className="actions">
                <button type="button" className="button quiet" onClick={() => setCancelling(a)}>
                  {t('dutyCharts.availability.cancel')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form onSubmit={submit} noValidate className="form-grid">
          <h3 className="form-title">{t('dutyCharts.availability.add')}</h3>
          <FormMessage error={add.error} />
          <SelectField
            label={t('dutyCharts.availability.kind')}
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value as AvailabilityKind })}
            error={error?.fieldMessage('kind')}
            errorLang="en"
          >
            {AVAILABILITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`dutyCharts.availabilityKind.${k}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('dutyCharts.availability.from')}
            hint={t('dutyCharts.dateHint')}
            inputMode="numeric"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            error={typed.from ?? error?.fieldMessage('from')}
            errorLang={typed.from ? undefined : 'en'}
          />
          <Field
            label={t('dutyCharts.availability.to')}
            hint={t('dutyCharts.availability.toHint')}
            inputMode="numeric"
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
            error={typed.to ?? error?.fieldMessage('to')}
            errorLang={typed.to ? undefined : 'en'}
          />
          <Field
            label={t('dutyCharts.availability.note')}
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.target.value })}
            error={error?.fieldMessage('note')}
            errorLang="en"
          />
          <div className="actions">
            <button type="submit" className="button primary" disabled={add.isPending}>
              {t('dutyCharts.availability.save')}
            </button>
          </div>
        </form>
      ) : null}
      {cancelling ? (
        <CancelEntry
          officer={officer}
          entry={cancelling}
          onClose={() => setCancelling(undefined)}
        />
      ) : null}
    </Panel>
  );
}

function CancelEntry({
  officer,
  entry,
  onClose,
}: {
  officer: Officer;
  entry: Availability;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cancel = useCancelAvailability(officer.id);
  const [reason, setReason] = useState('');
  const error = cancel.error instanceof ApiError ? cancel.error : undefined;
  return (
    <ConfirmDialog
      open
      title={t('dutyCharts.availability.cancelTitle', {
        kind: t(`dutyCharts.availabilityKind.${entry.kind}`),
        from: formatDateTime(entry.startsAt),
      })}
      confirmLabel={t('dutyCharts.availability.cancelYes')}
      cancelLabel={t('dutyCharts.keep')}
      busy={cancel.isPending}
      onConfirm={() => cancel.mutate({ id: entry.id, reason }, { onSuccess: onClose })}
      onClose={onClose}
    >
      <FormMessage error={cancel.error} />
      <Field
        label={t('dutyCharts.availability.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error?.fieldMessage('reason')}
        errorLang="en"
      />
    </ConfirmDialog>
  );
}
