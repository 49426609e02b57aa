import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateTimeField, type DateTimeValue } from '../../components/DateTimeField';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { currentLanguage } from '../../i18n';
import { personName } from '../../lib/people';
import { formatDate, formatDateKey, formatDateTime, istEntry, parseIstEntry } from '../../lib/time';
import { useFile } from '../../lib/use-file';
import { APPEAL_DECISIONS, INTAKE_CHANNELS, paperBlob, useVerificationStep, type AppealDecision, type AppealIntakeChannel, type VerificationDetail } from './verification-api';
import { DaysLeft } from './VerificationQueuePage';

/** A certificate's last valid IST day: the API gives the instant it stops (00:00 IST after that day). */
const lastDay = (validUntil: string) => formatDate(new Date(new Date(validUntil).getTime() - 1));

/** The papers issued (certificate, report letter, appeal orders), each opened or downloaded, with what /verify says of it. */
export function Papers({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const file = useFile();
  if (v.papers.length === 0) return null;
  return (
    <Panel title={t('verification.papers.title')} headingId="verif-papers">
      <ul className="rows">
        {v.papers.map((p) => {
          const name = `${v.ref.replace(/\//g, '-')}-${p.kind.toLowerCase()}.pdf`;
          const label = p.kind === 'APPEAL_ORDER' && p.appealLevel ? t(`verification.papers.appealOrder.${p.appealLevel}`) : t(`verification.papers.kind.${p.kind}`);
          return (
            <li key={p.id} className="row" data-paper={p.kind}>
              <span>
                <strong>{label}</strong> · {t('verification.papers.issued', { when: formatDateTime(p.issuedAt) })}
                {p.validUntil ? ` · ${t('verification.papers.validTo', { day: lastDay(p.validUntil) })}` : ''} · {t(`verification.papers.verify.${p.verifyStatus}`)}
              </span>
              <span className="actions">
                <button type="button" className="button" onClick={() => void file.run(() => paperBlob(v.id, p.id), { open: true })}>
                  {t('verification.papers.open', { paper: label })}
                </button>
                <button type="button" className="button quiet" onClick={() => void file.run(() => paperBlob(v.id, p.id), { save: name })}>
                  {t('verification.papers.download', { paper: label })}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <FormMessage error={file.error} />
      {v.certificateWithdrawal ? (
        <p role="status">
          {t('verification.withdraw.done', {
            when: formatDateTime(v.certificateWithdrawal.at),
            who: v.certificateWithdrawal.by ? personName(v.certificateWithdrawal.by, currentLanguage()) : '—',
            reason: v.certificateWithdrawal.reason,
          })}
        </p>
      ) : null}
      <Withdraw v={v} />
    </Panel>
  );
}

/** An approver withdraws a certificate in force, after a confirmation: /verify then answers "revoked". */
function Withdraw({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const step = useVerificationStep(v.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  if (!v.allowedActions.includes('withdrawCertificate')) return null;
  const withdraw = () => step.mutate({ action: 'withdrawCertificate', body: { version: v.version, reason: reason.trim() } }, { onSuccess: () => setOpen(false) });
  return (
    <>
      <button type="button" className="button danger" onClick={() => setOpen(true)}>
        {t('verification.withdraw.start')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('verification.withdraw.title', { ref: v.ref })}
        confirmLabel={t('verification.withdraw.confirm')}
        cancelLabel={t('verification.withdraw.cancel')}
        busy={step.isPending}
        danger
        onClose={() => setOpen(false)}
        onConfirm={withdraw}
      >
        <FormMessage error={step.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('verification.form.refused') : undefined)} />
        <TextAreaField label={t('verification.withdraw.reason')} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={error?.fieldMessage('reason')} errorLang="en" />
      </ConfirmDialog>
    </>
  );
}

/** The appeals desk of one application: each appeal with its own Lok Seva counter, filing the next and deciding the one pending. */
export function Appeals({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const file = v.allowedActions.includes('fileFirstAppeal') ? 'fileFirstAppeal' : v.allowedActions.includes('fileSecondAppeal') ? 'fileSecondAppeal' : null;
  const decide = v.allowedActions.includes('decideFirstAppeal') ? 'decideFirstAppeal' : v.allowedActions.includes('decideSecondAppeal') ? 'decideSecondAppeal' : null;
  if (v.appeals.length === 0 && !file && !decide) return null;
  return (
    <Panel title={t('verification.appeals.title')} headingId="verif-appeals">
      <ul className="rows">
        {v.appeals.map((a) => (
          <li key={a.id} className="row" data-appeal={a.level}>
            <span>
              <strong>{t(`verification.appeals.level.${a.level}`)}</strong> · {t('verification.appeals.received', { when: formatDateTime(a.receivedAt), channel: t(`verification.channel.${a.channel}`) })} ·{' '}
              {t('verification.appeals.due', { due: formatDateKey(a.dueOn), count: a.limitDays })} <DaysLeft daysLeft={a.daysLeft} sla={a.sla} />
            </span>
            <span className="wide">{a.grounds}</span>
            {a.decision ? (
              <span className="wide">
                <strong>{t(`verification.appeals.decision.${a.decision}`)}</strong> {a.reasons}
                {a.decidedBy && a.decidedAt ? <span className="muted"> · {t('verification.hit.decidedBy', { who: personName(a.decidedBy, lang), when: formatDateTime(a.decidedAt) })}</span> : null}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {file ? <FileAppeal v={v} action={file} /> : null}
      {decide ? <DecideAppeal v={v} action={decide} /> : null}
    </Panel>
  );
}

function FileAppeal({ v, action }: { v: VerificationDetail; action: 'fileFirstAppeal' | 'fileSecondAppeal' }) {
  const { t } = useTranslation();
  const step = useVerificationStep(v.id);
  const [channel, setChannel] = useState<AppealIntakeChannel>('WALK_IN');
  const [receivedAt, setReceivedAt] = useState<DateTimeValue>(() => istEntry(new Date()));
  const [grounds, setGrounds] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const error = step.error instanceof ApiError ? step.error : undefined;
  const level = action === 'fileFirstAppeal' ? 'FIRST' : 'SECOND';
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        const at = parseIstEntry(receivedAt.date, receivedAt.time);
        setUnreadable(!at);
        if (!at) return;
        step.mutate({ action, body: { version: v.version, channel, receivedAt: at, grounds: grounds.trim() } });
      }}
    >
      <h3>{t(`verification.appeals.file.${level}`)}</h3>
      <FormMessage error={step.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('verification.form.refused') : undefined)} />
      <div className="form-grid">
        <SelectField label={t('verification.form.channel')} value={channel} onChange={(e) => setChannel(e.target.value as AppealIntakeChannel)} error={error?.fieldMessage('channel')} errorLang="en">
          {INTAKE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`verification.channel.${c}`)}
            </option>
          ))}
        </SelectField>
        <DateTimeField legend={t('verification.appeals.receivedAt')} value={receivedAt} onChange={setReceivedAt} error={unreadable ? t('verification.form.unreadable') : error?.fieldMessage('receivedAt')} errorLang={unreadable ? undefined : 'en'} />
        <TextAreaField className="wide" label={t('verification.appeals.grounds')} rows={3} value={grounds} onChange={(e) => setGrounds(e.target.value)} error={error?.fieldMessage('grounds')} errorLang="en" />
      </div>
      <button type="submit" className="button primary" disabled={step.isPending}>
        {t(`verification.appeals.file.${level}`)}
      </button>
    </form>
  );
}

function DecideAppeal({ v, action }: { v: VerificationDetail; action: 'decideFirstAppeal' | 'decideSecondAppeal' }) {
  const { t } = useTranslation();
  const step = useVerificationStep(v.id);
  const [decision, setDecision] = useState<AppealDecision>('UPHELD');
  const [reasons, setReasons] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  const level = action === 'decideFirstAppeal' ? 'FIRST' : 'SECOND';
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        step.mutate({ action, body: { version: v.version, decision, reasons: reasons.trim() } });
      }}
    >
      <h3>{t(`verification.appeals.decide.${level}`)}</h3>
      <FormMessage error={step.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('verification.form.refused') : undefined)} />
      <SelectField label={t('verification.appeals.decisionLabel')} value={decision} onChange={(e) => setDecision(e.target.value as AppealDecision)} error={error?.fieldMessage('decision')} errorLang="en">
        {APPEAL_DECISIONS.map((d) => (
          <option key={d} value={d}>
            {t(`verification.appeals.decision.${d}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('verification.appeals.reasons')} rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} error={error?.fieldMessage('reasons')} errorLang="en" />
      <button type="submit" className="button primary" disabled={step.isPending}>
        {t(`verification.appeals.decide.${level}`)}
      </button>
    </form>
  );
}
