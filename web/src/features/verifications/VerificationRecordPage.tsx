import './verifications.css';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { Timeline, type TimelineStage } from '../../components/Timeline';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { personName } from '../../lib/people';
import { formatDateKey, formatDateTime } from '../../lib/time';
import { useFile } from '../../lib/use-file';
import {
  OUTCOMES,
  uploadVerificationAttachment,
  useSetVerification,
  useUnits,
  useVerification,
  useVerificationStep,
  useWorkload,
  verificationAttachmentBlob,
  type HitDecision,
  type Outcome,
  type RecordHit,
  type VerificationDetail,
} from './verification-api';
import { Appeals, Papers } from './VerificationPapers';
import { DaysLeft } from './VerificationQueuePage';

const HI = 'hi' as const;
const EN = 'en' as const;

/** One application: every stage of it, the records check to rule on, the report and the DSP's sign-off. */
export function VerificationRecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const arrived = (location.state ?? {}) as { entered?: string; consentFailed?: boolean };
  const record = useVerification(id);
  const v = record.data;
  usePageTitle(v ? t('verification.record.title', { ref: v.ref }) : t('verification.queue.title'));
  // Need-to-know: an application this user may not read is one that does not exist.
  if (record.error instanceof ApiError && (record.error.status === 404 || record.error.status === 400)) return <NotFoundPage />;
  if (!v) {
    return (
      <div className="page">
        <Panel title={t('verification.queue.title')} headingId="verif-loading" loading={record.isPending} error={record.error} />
      </div>
    );
  }
  return (
    <div className="page verif-record">
      <p>
        <Link to="/verifications">{t('verification.record.back')}</Link>
      </p>
      {arrived.entered === v.ref ? (
        <div className="notice info" role="status">
          {t('verification.record.entered', { ref: v.ref, thana: currentLanguage() === 'hi' ? v.thana.nameHi : v.thana.nameEn })}
          {arrived.consentFailed ? ` ${t('verification.record.consentFailed')}` : ''}
        </div>
      ) : null}
      <Head v={v} />
      <div className="verif-grid">
        <div className="verif-main">
          <Facts v={v} />
          <Visits v={v} />
          <RecordsCheck v={v} />
          <Report v={v} />
          <SignOff v={v} />
          <Papers v={v} />
          <Appeals v={v} />
          <Attachments v={v} />
          <Reassign v={v} />
        </div>
        <div className="verif-side">
          <VerificationTimeline v={v} />
        </div>
      </div>
    </div>
  );
}

function Head({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  return (
    <div>
      <h1>{t('verification.record.title', { ref: v.ref })}</h1>
      <p>
        <strong data-status={v.status}>{t(`verification.status.${v.status}`)}</strong> · {hi ? v.purposeLabel.hi : v.purposeLabel.en} · {hi ? v.applicant.nameHi : v.applicant.nameEn}{' '}
        <DaysLeft daysLeft={v.lokSeva.daysLeft} sla={v.lokSeva.sla} />
      </p>
      {v.sentBackReason && v.status === 'UNDER_ENQUIRY' ? (
        <div className="notice warning" role="status">
          {t('verification.record.sentBack', { reason: v.sentBackReason })}
        </div>
      ) : null}
    </div>
  );
}

function Facts({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const a = v.applicant;
  const derived = (which: 'hi' | 'en') => (a.nameDerived === which ? <span className="derived">{t('verification.record.derived')}</span> : null);
  const addr = (x: VerificationDetail['presentAddress']) => t('verification.record.addressLine', { address: x.address, locality: x.locality, count: x.years });
  return (
    <Panel title={t('verification.record.facts')} headingId="verif-facts">
      <dl className="facts">
        <dt>{t('verification.form.nameHi')}</dt>
        <dd>
          <span lang="hi">{a.nameHi}</span>
          {derived(HI)}
        </dd>
        <dt>{t('verification.form.nameEn')}</dt>
        <dd>
          <span lang="en">{a.nameEn}</span>
          {derived(EN)}
        </dd>
        <dt>{t(`verification.relation.${a.relation}`)}</dt>
        <dd>{a.relativeName}</dd>
        <dt>{t('verification.form.dob')}</dt>
        <dd>{formatDateKey(a.dob)}</dd>
        <dt>{t('verification.form.gender')}</dt>
        <dd>{t(`verification.gender.${a.gender}`)}</dd>
        <dt>{t('verification.form.mobile')}</dt>
        <dd>{a.mobile}</dd>
        <dt>{t('verification.form.idDocumentType')}</dt>
        <dd>{t('verification.record.idShown', { type: t(`verification.idDocument.${a.idDocumentType}`), last4: a.idLast4 })}</dd>
        <dt>{t('verification.form.presentAddress')}</dt>
        <dd>{addr(v.presentAddress)}</dd>
        {v.permanentAddress ? (
          <>
            <dt>{t('verification.form.permanentAddress')}</dt>
            <dd>{addr(v.permanentAddress)}</dd>
          </>
        ) : null}
        {v.requestingParty ? (
          <>
            <dt>{t('verification.form.requestingParty')}</dt>
            <dd>
              {v.requestingParty.name}, {v.requestingParty.address}
            </dd>
          </>
        ) : null}
        <dt>{t('verification.form.channel')}</dt>
        <dd>{t(`verification.channel.${v.intake.channel}`)}</dd>
        <dt>{t('verification.form.receivedAt')}</dt>
        <dd>{formatDateTime(v.intake.receivedAt)}</dd>
        <dt>{t('verification.form.fee')}</dt>
        <dd>{v.fee.status === 'PAID' ? t('verification.record.feePaid', { amount: v.fee.amount, challan: v.fee.challanNo ?? '—' }) : t('verification.fee.BPL_EXEMPT')}</dd>
        <dt>{t('verification.record.lokSeva')}</dt>
        <dd>{t('verification.record.due', { due: formatDateKey(v.lokSeva.dueOn), count: v.lokSeva.limitDays })}</dd>
        <dt>{t('verification.record.thana')}</dt>
        <dd>
          {lang === 'hi' ? v.thana.nameHi : v.thana.nameEn} ({t(`verification.routedBy.${v.routing.routedBy}`)}
          {v.routing.note ? (
            <>
              : <span lang="en">{v.routing.note}</span>
            </>
          ) : null}
          )
        </dd>
        <dt>{t('verification.record.assignedTo')}</dt>
        <dd>{v.assignedTo ? personName(v.assignedTo, lang) : t('verification.queue.unassigned')}</dd>
        <dt>{t('verification.record.consent')}</dt>
        <dd>{v.consentLetterOnFile ? t('verification.record.consentOnFile') : t('verification.record.consentMissing')}</dd>
      </dl>
    </Panel>
  );
}


/** Every stage, oldest first. */
function VerificationTimeline({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const stages: TimelineStage[] = [
    { key: 'received', at: v.intake.receivedAt, title: t('verification.timeline.received', { channel: t(`verification.channel.${v.intake.channel}`) }) },
    { key: 'entered', at: v.createdAt, title: t('verification.timeline.entered', { ref: v.ref }), by: v.intake.enteredBy },
  ];
  if (v.assignedAt && v.assignedTo) stages.push({ key: 'assigned', at: v.assignedAt, title: t('verification.timeline.assigned', { who: personName(v.assignedTo, lang) }) });
  for (const a of v.attachments) {
    if (a.kind === 'CONSENT_LETTER') stages.push({ key: `consent-${a.id}`, at: a.createdAt, title: t('verification.timeline.consent'), by: a.uploadedBy });
  }
  for (const visit of v.visits) {
    stages.push({ key: `visit-${visit.id}`, at: visit.createdAt, title: t('verification.timeline.visited', { day: formatDateKey(visit.visitedOn), outcome: t(`verification.visitOutcome.${visit.outcome}`) }), by: visit.recordedBy });
  }
  if (v.recordsCheck) {
    stages.push({ key: 'checked', at: v.recordsCheck.checkedAt, title: t('verification.timeline.checked', { count: v.recordsCheck.hits.length }), by: v.recordsCheck.checkedBy });
    for (const h of v.recordsCheck.hits) {
      if (h.decidedAt && h.decision) stages.push({ key: `hit-${h.id}`, at: h.decidedAt, title: t(`verification.timeline.ruled.${h.decision}`, { fir: h.record.firRef, station: h.record.policeStation }), by: h.decidedBy, detail: h.decisionReason ?? undefined });
    }
  }
  if (v.report) stages.push({ key: 'reported', at: v.report.reportedAt, title: t('verification.timeline.reported', { outcome: t(`verification.outcome.${v.report.outcome}`) }), by: v.report.reportedBy, detail: v.report.grounds ?? v.report.missing ?? undefined });
  for (const a of v.appeals) {
    stages.push({ key: `appeal-${a.id}`, at: a.receivedAt, title: t(`verification.timeline.appealed.${a.level}`), by: a.enteredBy, detail: a.grounds });
    if (a.decidedAt && a.decision) stages.push({ key: `appeal-decided-${a.id}`, at: a.decidedAt, title: t(`verification.timeline.appealDecided.${a.decision}`), by: a.decidedBy, detail: a.reasons ?? undefined });
  }
  if (v.certificateWithdrawal) stages.push({ key: 'withdrawn', at: v.certificateWithdrawal.at, title: t('verification.timeline.withdrawn'), by: v.certificateWithdrawal.by, detail: v.certificateWithdrawal.reason });
  if (v.signOff) stages.push({ key: 'signed', at: v.signOff.at, title: t('verification.timeline.signedOff'), by: v.signOff.by, detail: v.signOff.note ?? undefined });
  return <Timeline title={t('verification.timeline.title')} headingId="verif-timeline" stages={stages} />;
}

function Visits({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const can = v.allowedActions.includes('recordVisit');
  if (v.visits.length === 0 && !can) return null;
  return (
    <Panel title={t('verification.visit.title')} headingId="verif-visits">
      {v.visits.length === 0 ? <p className="muted">{t('verification.visit.none')}</p> : null}
      <ul className="rows">
        {v.visits.map((visit) => (
          <li key={visit.id} className="row">
            <span>
              {formatDateKey(visit.visitedOn)} · {visit.officerRank ? `${visit.officerRank} ` : ''}
              {visit.officerName} · {t(`verification.visitOutcome.${visit.outcome}`)}
            </span>
            <span className="muted">{t('verification.visit.where', { latitude: visit.lat.toFixed(5), longitude: visit.lng.toFixed(5), accuracy: Math.round(visit.accuracyM) })}</span>
            {visit.neighbours.map((n, i) => (
              <span key={i} className="wide">
                {t('verification.visit.said', { name: n.name, statement: n.statement })}
              </span>
            ))}
            <span className="muted">{t('verification.visit.photos', { count: visit.photoIds.length })}</span>
          </li>
        ))}
      </ul>
      {can ? (
        <p>
          <Link className="button primary" to={`/verifications/${v.id}/visit`}>
            {t('verification.visit.record')}
          </Link>
        </p>
      ) : null}
    </Panel>
  );
}

function RecordsCheck({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const step = useVerificationStep(v.id);
  const can = v.allowedActions.includes('checkRecords');
  if (!v.recordsCheck && !can) return null;
  return (
    <Panel title={t('verification.check.title')} headingId="verif-check">
      <FormMessage error={step.error} />
      {v.recordsCheck ? (
        <>
          <p className="muted">{t('verification.check.when', { when: formatDateTime(v.recordsCheck.checkedAt), count: v.recordsCheck.hits.length })}</p>
          {v.recordsCheck.hits.length === 0 ? <p>{t('verification.check.nothing')}</p> : null}
          <ol className="hits">
            {v.recordsCheck.hits.map((h) => (
              <Hit key={h.id} v={v} h={h} />
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">{t('verification.check.intro')}</p>
      )}
      {can ? (
        <button type="button" className="button" disabled={step.isPending} onClick={() => step.mutate({ action: 'checkRecords', body: { version: v.version } })}>
          {step.isPending ? t('verification.check.running') : v.recordsCheck ? t('verification.check.again') : t('verification.check.run')}
        </button>
      ) : null}
    </Panel>
  );
}

function Hit({ v, h }: { v: VerificationDetail; h: RecordHit }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const step = useVerificationStep(v.id);
  const [decision, setDecision] = useState<HitDecision | ''>('');
  const [reason, setReason] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  const r = h.record;
  const headingId = `hit-${h.id}`;
  const can = v.allowedActions.includes('adjudicateHit');
  return (
    <li className="hit" data-fir={r.firRef}>
      <h3 id={headingId}>{t('verification.hit.title', { rank: h.rank, name: r.name })}</h3>
      <p>
        <span className={`score band-${h.band.toLowerCase()}`}>{t('verification.hit.score', { score: Math.round(h.score * 100), band: t(`verification.band.${h.band}`) })}</span>
      </p>
      <dl className="facts">
        <dt>{t('verification.hit.relative')}</dt>
        <dd>{r.relativeName ?? '—'}</dd>
        <dt>{t('verification.hit.birth')}</dt>
        <dd>{r.dob ? formatDateKey(r.dob) : r.age ? t('verification.hit.age', { years: r.age.years, on: formatDateKey(r.age.on) }) : '—'}</dd>
        <dt>{t('verification.hit.address')}</dt>
        <dd>{r.address ?? '—'}</dd>
        <dt>{t('verification.hit.case')}</dt>
        <dd>{t('verification.hit.caseLine', { fir: r.firRef, station: r.policeStation, sections: r.sections ?? '—' })}</dd>
      </dl>
      <h4>{t('verification.hit.why')}</h4>
      <ul className="why">
        {h.why.map((w) => (
          <li key={w.code} className={`effect-${w.effect.toLowerCase()}`}>
            {lang === 'hi' ? w.hi : w.en}
          </li>
        ))}
      </ul>
      {h.decision ? (
        <p>
          <strong>{t(`verification.hit.decided.${h.decision}`)}</strong> {h.decisionReason}
          {h.decidedBy && h.decidedAt ? <span className="muted"> · {t('verification.hit.decidedBy', { who: personName(h.decidedBy, lang), when: formatDateTime(h.decidedAt) })}</span> : null}
        </p>
      ) : null}
      {can ? (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            step.mutate({ action: 'adjudicateHit', hitId: h.id, body: { version: v.version, decision: decision as HitDecision, reason: reason.trim() } });
          }}
        >
          <FormMessage error={step.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('verification.form.refused') : undefined)} />
          <SelectField label={t('verification.hit.decision', { rank: h.rank })} value={decision} onChange={(e) => setDecision(e.target.value as HitDecision)} error={error?.fieldMessage('decision')} errorLang="en">
            <option value="">{t('verification.hit.choose')}</option>
            <option value="SAME">{t('verification.hit.decided.SAME')}</option>
            <option value="DIFFERENT">{t('verification.hit.decided.DIFFERENT')}</option>
          </SelectField>
          <Field label={t('verification.hit.reason', { rank: h.rank })} value={reason} onChange={(e) => setReason(e.target.value)} error={error?.fieldMessage('reason')} errorLang="en" />
          <button type="submit" className="button" disabled={step.isPending}>
            {h.decision ? t('verification.hit.change', { rank: h.rank }) : t('verification.hit.rule', { rank: h.rank })}
          </button>
        </form>
      ) : null}
    </li>
  );
}

function Report({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const step = useVerificationStep(v.id);
  const [outcome, setOutcome] = useState<Outcome>('CLEAR');
  const [grounds, setGrounds] = useState('');
  const [missing, setMissing] = useState('');
  const [cited, setCited] = useState<string[]>([]);
  const error = step.error instanceof ApiError ? step.error : undefined;
  const can = v.allowedActions.includes('submitReport');
  const same = (v.recordsCheck?.hits ?? []).filter((h) => h.decision === 'SAME');
  if (!v.report && !can) return null;
  return (
    <Panel title={t('verification.report.title')} headingId="verif-report">
      {v.report ? (
        <dl className="facts">
          <dt>{t('verification.report.outcome')}</dt>
          <dd data-outcome={v.report.outcome}>{t(`verification.outcome.${v.report.outcome}`)}</dd>
          {v.report.grounds ? (
            <>
              <dt>{t('verification.report.grounds')}</dt>
              <dd>{v.report.grounds}</dd>
            </>
          ) : null}
          {v.report.missing ? (
            <>
              <dt>{t('verification.report.missing')}</dt>
              <dd>{v.report.missing}</dd>
            </>
          ) : null}
          <dt>{t('verification.report.reportedAt')}</dt>
          <dd>
            {formatDateTime(v.report.reportedAt)}
            {v.report.reportedBy ? ` · ${personName(v.report.reportedBy, lang)}` : ''}
          </dd>
        </dl>
      ) : null}
      {can ? (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            step.mutate({
              action: 'submitReport',
              body: {
                version: v.version,
                outcome,
                grounds: outcome === 'ADVERSE' ? grounds.trim() : undefined,
                citedHitIds: outcome === 'ADVERSE' ? cited : undefined,
                missing: outcome === 'INCOMPLETE' ? missing.trim() : undefined,
              },
            });
          }}
        >
          <FormMessage error={step.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('verification.form.refused') : undefined)} />
          {error?.fieldMessage('consentLetter') ? (
            <p className="field-error" lang="en">
              {error.fieldMessage('consentLetter')}
            </p>
          ) : null}
          <SelectField label={t('verification.report.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)} error={error?.fieldMessage('outcome')} errorLang="en">
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`verification.outcome.${o}`)}
              </option>
            ))}
          </SelectField>
          {outcome === 'ADVERSE' ? (
            <>
              <TextAreaField label={t('verification.report.grounds')} rows={3} value={grounds} onChange={(e) => setGrounds(e.target.value)} error={error?.fieldMessage('grounds')} errorLang="en" />
              <CheckboxGroup
                legend={t('verification.report.cite')}
                options={same.map((h) => ({ value: h.id, label: t('verification.hit.caseLine', { fir: h.record.firRef, station: h.record.policeStation, sections: h.record.sections ?? '—' }) }))}
                value={cited}
                onChange={setCited}
                error={error?.fieldMessage('citedHitIds')}
                errorLang="en"
              />
            </>
          ) : null}
          {outcome === 'INCOMPLETE' ? <TextAreaField label={t('verification.report.missing')} rows={2} value={missing} onChange={(e) => setMissing(e.target.value)} error={error?.fieldMessage('missing')} errorLang="en" /> : null}
          <button type="submit" className="button primary" disabled={step.isPending}>
            {t('verification.report.submit')}
          </button>
        </form>
      ) : null}
    </Panel>
  );
}

function SignOff({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const step = useVerificationStep(v.id);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  const canSign = v.allowedActions.includes('signOff');
  const canSendBack = v.allowedActions.includes('sendBack');
  if (!v.signOff && !canSign && !canSendBack) return null;
  return (
    <Panel title={t('verification.signOff.title')} headingId="verif-signoff">
      {v.signOff ? (
        <p role="status">
          {t('verification.signOff.done', { when: formatDateTime(v.signOff.at), who: v.signOff.by ? personName(v.signOff.by, lang) : '—' })}
          {v.signOff.note ? ` · ${v.signOff.note}` : ''}
        </p>
      ) : null}
      <FormMessage error={step.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('verification.form.refused') : undefined)} />
      {canSign ? (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            step.mutate({ action: 'signOff', body: { version: v.version, note: note.trim() || undefined } });
          }}
        >
          <Field label={t('verification.signOff.note')} value={note} onChange={(e) => setNote(e.target.value)} error={error?.fieldMessage('note')} errorLang="en" />
          <button type="submit" className="button primary" disabled={step.isPending}>
            {t('verification.signOff.submit')}
          </button>
        </form>
      ) : null}
      {canSendBack ? (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            step.mutate({ action: 'sendBack', body: { version: v.version, reason: reason.trim() } });
          }}
        >
          <Field label={t('verification.signOff.sendBackReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={error?.fieldMessage('reason')} errorLang="en" />
          <button type="submit" className="button" disabled={step.isPending}>
            {t('verification.signOff.sendBack')}
          </button>
        </form>
      ) : null}
    </Panel>
  );
}

function Attachments({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const setRecord = useSetVerification();
  const file = useFile();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const canUpload = v.status === 'UNDER_ENQUIRY' && v.allowedActions.includes('submitReport');
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <Panel title={t('verification.attachments.title')} headingId="verif-attachments">
      {v.attachments.length === 0 ? <p className="muted">{t('verification.attachments.none')}</p> : null}
      <ul className="rows compact">
        {v.attachments.map((a) => (
          <li key={a.id} className="row">
            <span>
              {t(`verification.attachmentKind.${a.kind}`)} · {a.filename}
            </span>
            <button type="button" className="button quiet" onClick={() => void file.run(() => verificationAttachmentBlob(v.id, a.id), { save: a.filename })}>
              {t('verification.attachments.download', { name: a.filename })}
            </button>
          </li>
        ))}
      </ul>
      <FormMessage error={file.error} />
      {canUpload && !v.consentLetterOnFile ? (
        <>
          <FormMessage error={error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('verification.form.refused') : undefined)} />
          <Field
            label={t('verification.form.consentLetter')}
            hint={t('verification.form.consentHint')}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            disabled={busy}
            error={apiError?.fieldMessage('file')}
            errorLang="en"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = '';
              if (!chosen) return;
              setBusy(true);
              setError(null);
              uploadVerificationAttachment(v.id, 'CONSENT_LETTER', chosen)
                .then(setRecord, setError)
                .finally(() => setBusy(false));
            }}
          />
        </>
      ) : null}
    </Panel>
  );
}

function Reassign({ v }: { v: VerificationDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const step = useVerificationStep(v.id);
  const units = useUnits();
  const workload = useWorkload();
  const [thanaCode, setThanaCode] = useState('');
  const [verifierId, setVerifierId] = useState('');
  const [reason, setReason] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  const thanas = useMemo(() => (units.data ?? []).filter((u) => u.kind === 'THANA' && u.isActive), [units.data]);
  const target = thanaCode || v.thana.code;
  const verifiers = workload.data?.thanas.find((w) => w.thana.code === target)?.verifiers ?? [];
  if (!v.allowedActions.includes('reassign')) return null;
  return (
    <Panel title={t('verification.reassign.title')} headingId="verif-reassign">
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          step.mutate(
            { action: 'reassign', body: { version: v.version, thanaCode: thanaCode || undefined, verifierId: verifierId || undefined, reason: reason.trim() } },
            { onSuccess: () => setReason('') },
          );
        }}
      >
        <FormMessage error={step.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('verification.form.refused') : undefined)} />
        <div className="form-grid">
          <SelectField label={t('verification.reassign.thana')} value={thanaCode} onChange={(e) => { setThanaCode(e.target.value); setVerifierId(''); }} error={error?.fieldMessage('thanaCode')} errorLang="en">
            <option value="">{t('verification.reassign.sameThana', { thana: lang === 'hi' ? v.thana.nameHi : v.thana.nameEn })}</option>
            {thanas.filter((u) => u.code !== v.thana.code).map((u) => (
              <option key={u.code} value={u.code}>
                {lang === 'hi' ? u.nameHi : u.nameEn}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('verification.reassign.verifier')} value={verifierId} onChange={(e) => setVerifierId(e.target.value)} error={error?.fieldMessage('verifierId')} errorLang="en">
            <option value="">{t('verification.reassign.leastLoaded')}</option>
            {verifiers.map((w) => (
              <option key={w.verifier.id} value={w.verifier.id}>
                {t('verification.reassign.load', { who: personName(w.verifier, lang), count: w.open })}
              </option>
            ))}
          </SelectField>
          <Field className="wide" label={t('verification.reassign.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={error?.fieldMessage('reason')} errorLang="en" />
        </div>
        <button type="submit" className="button" disabled={step.isPending}>
          {t('verification.reassign.submit')}
        </button>
      </form>
    </Panel>
  );
}
