import './protests.css';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { EofficeSyncState } from '../../components/EofficeSyncState';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { Timeline, type TimelineStage } from '../../components/Timeline';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { hasAnyRole, PROTEST_INTAKE } from '../../lib/roles';
import { personName } from '../../lib/people';
import { formatDateTime } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { useFile } from '../../lib/use-file';
import {
  ATTACHMENT_KINDS,
  attachmentBlob,
  letterBlob,
  letterPreviewBlob,
  LINKED_RECORD_TYPES,
  RECOMMENDATIONS,
  uploadAttachment,
  useConditions,
  useMapSettings,
  useProtest,
  useRefreshProtest,
  useStep,
  type Attachment,
  type AttachmentKind,
  type Letter,
  type LetterPreview,
  type LinkedRecordType,
  type ProtestDetail,
  type Recommendation,
} from './api';
import { ClashList, RuleResults } from './Assessment';

const PlaceMap = lazy(() => import('./PlaceMap'));
const VerifyQr = lazy(() => import('./VerifyQr'));

/** Screen 4: one application, every stage of it, and what this user may do with it now. */
export function ProtestRecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const arrived = (location.state ?? {}) as { entered?: string; attachmentsFailed?: number };
  const record = useProtest(id);
  const p = record.data;
  usePageTitle(p ? t('protests.record.title', { ref: p.ref }) : t('protests.list.title'));
  if (record.error instanceof ApiError && record.error.status === 404) {
    return (
      <div className="page">
        <h1>{t('protests.record.notFound')}</h1>
        <Link to="/protests">{t('protests.record.back')}</Link>
      </div>
    );
  }
  if (!p) {
    return (
      <div className="page">
        <Panel title={t('protests.list.title')} headingId="record-loading" loading={record.isPending} error={record.error} />
      </div>
    );
  }
  return (
    <div className="page record">
      <p>
        <Link to="/protests">{t('protests.record.back')}</Link>
      </p>
      {arrived.entered === p.ref ? (
        <div className="notice info" role="status">
          {t('protests.record.entered', { ref: p.ref })}
          {arrived.attachmentsFailed ? ` ${t('protests.record.attachmentsFailed', { count: arrived.attachmentsFailed })}` : ''}
        </div>
      ) : null}
      <RecordHead p={p} />
      <div className="record-grid">
        <div className="record-main">
          <Facts p={p} />
          <Panel title={t('protests.record.assessment')} headingId="record-assessment">
            <h3>{t('protests.record.clashes')}</h3>
            <ClashList clashes={p.clashes} />
            <h3>{t('protests.record.rules')}</h3>
            <RuleResults rules={p.rules} />
          </Panel>
          <ThanaReport p={p} />
          <Decision p={p} />
          <Letters p={p} />
          <Attachments p={p} />
          <Withdraw p={p} />
          <Revoke p={p} />
        </div>
        <div className="record-side">
          <ProtestTimeline p={p} />
          <PlacePanel p={p} />
        </div>
      </div>
    </div>
  );
}

function RecordHead({ p }: { p: ProtestDetail }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  const name = applicantName(p);
  return (
    <div className="record-head">
      <h1>{t('protests.record.title', { ref: p.ref })}</h1>
      <p className="record-status">
        <span className="status" data-status={p.status}>
          {t(`protest.status.${p.status}`)}
        </span>{' '}
        {hi ? p.event.typeLabel.hi : p.event.typeLabel.en} · {name}
      </p>
      <p className="badges">
        {p.flags.clash ? <span className="badge bad">{t('protests.flags.clash')}</span> : null}
        {p.flags.late ? <span className="badge warn">{t('protests.flags.lateHours', { hours: Math.floor(p.flags.leadTimeHours) })}</span> : null}
        {p.flags.slaAtRisk ? <span className="badge bad">{t('protests.flags.sla')}</span> : null}
      </p>
    </div>
  );
}

function applicantName(p: ProtestDetail): string {
  const hi = currentLanguage() === 'hi';
  const { nameHi, nameEn, organisation } = p.applicant;
  const person = (hi ? nameHi || nameEn : nameEn || nameHi) ?? '';
  return organisation ? `${person} (${organisation})` : person;
}

function Facts({ p }: { p: ProtestDetail }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  const place = p.event.venue ? (hi ? p.event.venue.nameHi : p.event.venue.nameEn) : (p.event.route ?? []).map((r) => r.name).join(' → ');
  return (
    <Panel title={t('protests.record.facts')} headingId="record-facts">
      <dl className="facts">
        <dt>{t('protests.form.nameHi')}</dt>
        <dd lang="hi">{p.applicant.nameHi ?? '—'}</dd>
        <dt>{t('protests.form.nameEn')}</dt>
        <dd lang="en">{p.applicant.nameEn ?? '—'}</dd>
        <dt>{t('protests.form.organisation')}</dt>
        <dd>{p.applicant.organisation ?? '—'}</dd>
        <dt>{t('protests.form.mobile')}</dt>
        <dd>{p.applicant.mobile}</dd>
        <dt>{t('protests.form.address')}</dt>
        <dd>{p.applicant.address}</dd>
        <dt>{t('protests.form.idDocumentType')}</dt>
        <dd>{t('protests.record.idShown', { type: t(`protests.idDocument.${p.applicant.idDocumentType}`), last4: p.applicant.idLast4 })}</dd>
        <dt>{t('protests.form.purpose')}</dt>
        <dd>{p.event.purpose}</dd>
        <dt>{t('protests.record.when')}</dt>
        <dd>{t('protests.list.when2', { from: formatDateTime(p.event.startsAt), to: formatDateTime(p.event.endsAt) })}</dd>
        <dt>{t('protests.record.place')}</dt>
        <dd>{place}</dd>
        <dt>{t('protests.record.thana')}</dt>
        <dd>{hi ? p.thana.nameHi : p.thana.nameEn}</dd>
        <dt>{t('protests.form.participants')}</dt>
        <dd>{p.event.expectedParticipants}</dd>
        <dt>{t('protests.form.loudspeaker')}</dt>
        <dd>{p.event.loudspeaker ? t('protests.list.when2', { from: formatDateTime(p.event.loudspeaker.from), to: p.event.loudspeaker.to ? formatDateTime(p.event.loudspeaker.to) : '—' }) : t('protests.record.no')}</dd>
        <dt>{t('protests.form.vehicles')}</dt>
        <dd>{p.event.vehicles.count > 0 ? `${p.event.vehicles.count}${p.event.vehicles.details ? ` · ${p.event.vehicles.details}` : ''}` : t('protests.record.no')}</dd>
        <dt>{t('protests.form.channel')}</dt>
        <dd>{t(`protests.channel.${p.intake.channel}`)}</dd>
        <dt>{t('protests.form.receivedAt')}</dt>
        <dd>{formatDateTime(p.intake.receivedAt)}</dd>
      </dl>
    </Panel>
  );
}


/** Every stage the application went through, oldest first. */
function ProtestTimeline({ p }: { p: ProtestDetail }) {
  const { t } = useTranslation();
  const stages: TimelineStage[] = [
    { key: 'received', at: p.intake.receivedAt, title: t('protests.timeline.received', { channel: t(`protests.channel.${p.intake.channel}`) }) },
    { key: 'entered', at: p.createdAt, title: t('protests.timeline.entered', { ref: p.ref }), by: p.intake.enteredBy },
  ];
  const r = p.thanaReport;
  if (r) {
    stages.push({ key: 'requested', at: r.requestedAt, title: t('protests.timeline.requested'), by: r.requestedBy, detail: r.note ?? undefined });
    if (r.reportedAt && r.recommendation) {
      stages.push({ key: 'reported', at: r.reportedAt, title: t('protests.timeline.reported', { recommendation: t(`protests.recommendation.${r.recommendation}`) }), by: r.reportedBy, detail: r.report ?? undefined });
    }
  }
  const d = p.decision;
  if (d) {
    const approved = !d.grounds;
    stages.push({
      key: 'decided',
      at: d.decidedAt,
      title: t(approved ? 'protests.timeline.approved' : 'protests.timeline.rejected'),
      by: d.decidedBy,
      detail: approved ? (d.lateOverrideReason ? t('protests.timeline.override', { reason: d.lateOverrideReason }) : undefined) : (d.grounds ?? undefined),
    });
  }
  for (const l of p.letters) stages.push({ key: `letter-${l.id}`, at: l.createdAt, title: t('protests.timeline.letter', { kind: t(`protests.letterKind.${l.kind}`) }) });
  if (p.withdrawal) stages.push({ key: 'withdrawn', at: p.withdrawal.at, title: t('protests.timeline.withdrawn'), by: p.withdrawal.by, detail: p.withdrawal.reason ?? undefined });
  if (p.revocation) stages.push({ key: 'revoked', at: p.revocation.at, title: t('protests.timeline.revoked'), by: p.revocation.by, detail: p.revocation.reason ?? undefined });
  return <Timeline title={t('protests.timeline.title')} headingId="record-timeline" stages={stages} />;
}

function PlacePanel({ p }: { p: ProtestDetail }) {
  const { t } = useTranslation();
  const settings = useMapSettings();
  const hi = currentLanguage() === 'hi';
  const v = p.event.venue;
  return (
    <Panel title={t('protests.record.place')} headingId="record-place">
      {settings.data ? (
        <Suspense fallback={<div className="map placeholder">{t('dashboard.map.loading')}</div>}>
          <PlaceMap
            label={t('protests.map.place', { ref: p.ref })}
            bounds={settings.data.bounds}
            tileUrl={settings.data.mapTileUrl}
            tileAttribution={settings.data.mapTileAttribution}
            venues={v ? [{ code: v.code, label: hi ? v.nameHi : v.nameEn, lat: v.lat, lng: v.lng }] : []}
            selectedVenue={v?.code}
            route={p.event.route ?? []}
          />
        </Suspense>
      ) : null}
    </Panel>
  );
}

/** Ask the thana (control room, approver), or give its report (a user of that thana). */
function ThanaReport({ p }: { p: ProtestDetail }) {
  const { t } = useTranslation();
  const step = useStep(p.id);
  const [note, setNote] = useState('');
  const [recommendation, setRecommendation] = useState<Recommendation>('RECOMMENDED');
  const [report, setReport] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  const canRequest = p.allowedActions.includes('requestThanaReport');
  const canReport = p.allowedActions.includes('submitThanaReport');
  const r = p.thanaReport;
  if (!r && !canRequest) return null;
  const hi = currentLanguage() === 'hi';
  return (
    <Panel title={t('protests.thanaReport.title')} headingId="record-thana">
      {r?.reportedAt && r.recommendation ? (
        <dl className="facts">
          <dt>{t('protests.thanaReport.recommendation')}</dt>
          <dd>{t(`protests.recommendation.${r.recommendation}`)}</dd>
          <dt>{t('protests.thanaReport.report')}</dt>
          <dd>{r.report}</dd>
          <dt>{t('protests.thanaReport.reportedAt')}</dt>
          <dd>{formatDateTime(r.reportedAt)}</dd>
          {r.reportedBy ? (
            <>
              <dt>{t('protests.thanaReport.reportedBy')}</dt>
              <dd>{personName(r.reportedBy, currentLanguage())}</dd>
            </>
          ) : null}
        </dl>
      ) : r ? (
        <p>{t('protests.thanaReport.waiting', { thana: hi ? p.thana.nameHi : p.thana.nameEn, when: formatDateTime(r.requestedAt) })}</p>
      ) : null}
      {canRequest ? (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            step.mutate({ action: 'requestThanaReport', body: { version: p.version, note: note.trim() || undefined } });
          }}
          noValidate
        >
          <FormMessage error={step.error} />
          <TextAreaField label={t('protests.thanaReport.note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={error?.fieldMessage('note')} errorLang="en" />
          <button type="submit" className="button primary" disabled={step.isPending}>
            {t('protests.thanaReport.request', { thana: hi ? p.thana.nameHi : p.thana.nameEn })}
          </button>
        </form>
      ) : null}
      {canReport ? (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            step.mutate({ action: 'submitThanaReport', body: { version: p.version, recommendation, report: report.trim() } });
          }}
          noValidate
        >
          <FormMessage error={step.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('protests.form.refused') : undefined)} />
          <SelectField label={t('protests.thanaReport.recommendation')} value={recommendation} onChange={(e) => setRecommendation(e.target.value as Recommendation)} error={error?.fieldMessage('recommendation')} errorLang="en">
            {RECOMMENDATIONS.map((k) => (
              <option key={k} value={k}>
                {t(`protests.recommendation.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={t('protests.thanaReport.report')} hint={t('protests.thanaReport.reportHint')} rows={4} value={report} onChange={(e) => setReport(e.target.value)} error={error?.fieldMessage('report')} errorLang="en" />
          <button type="submit" className="button primary" disabled={step.isPending}>
            {t('protests.thanaReport.submit')}
          </button>
        </form>
      ) : null}
    </Panel>
  );
}

/** The DCP's decision: approve with standard and own conditions (and the reason, when late), or reject with the grounds. */
function Decision({ p }: { p: ProtestDetail }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  const conditions = useConditions();
  const step = useStep(p.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [extra, setExtra] = useState('');
  const [override, setOverride] = useState('');
  const [grounds, setGrounds] = useState('');
  const [mode, setMode] = useState<'approve' | 'reject'>('approve');
  const file = useFile();
  // The preview's refusal, while it is the latest word on the form: its field errors stand beside the fields.
  const refused = step.error ?? file.error;
  const error = refused instanceof ApiError ? refused : undefined;
  const canDecide = p.allowedActions.includes('approve') || p.allowedActions.includes('reject');
  const d = p.decision;
  if (!d && !canDecide) return null;
  const approval = () => {
    const extraConditions = extra
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    return { version: p.version, conditionKeys: chosen, extraConditions: extraConditions.length ? extraConditions : undefined, lateOverrideReason: override.trim() || undefined };
  };
  const refusal = () => ({ version: p.version, grounds: grounds.trim() });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    file.clear();
    if (mode === 'approve') step.mutate({ action: 'approve', body: approval() });
    else step.mutate({ action: 'reject', body: refusal() });
  };
  // What was refused of one decision says nothing of the other.
  const choose = (next: 'approve' | 'reject') => {
    setMode(next);
    step.reset();
    file.clear();
  };
  const preview = () => {
    step.reset();
    // The very body the decision would send, and which decision.
    const body: LetterPreview = mode === 'approve' ? { decision: 'approve', ...approval() } : { decision: 'reject', ...refusal() };
    void file.run(() => letterPreviewBlob(p.id, body), { open: true });
  };
  const previewButton = (
    <button type="button" className="button" onClick={preview} aria-describedby="decision-preview-hint">
      {t('protests.decision.preview')}
    </button>
  );
  return (
    <Panel title={t('protests.decision.title')} headingId="record-decision">
      {d ? (
        <>
          <p className="decided">{t(p.status === 'REJECTED' ? 'protests.decision.rejectedOn' : 'protests.decision.approvedOn', { when: formatDateTime(d.decidedAt) })}</p>
          {d.decidedBy ? <p>{t('protests.decision.by', { who: personName(d.decidedBy, hi ? 'hi' : 'en') })}</p> : null}
          {d.conditions?.length ? (
            <>
              <h3>{t('protests.decision.conditions')}</h3>
              <ol className="conditions">
                {d.conditions.map((c, i) => (
                  <li key={c.key ?? `own-${i}`}>{hi ? c.hi : c.en}</li>
                ))}
              </ol>
            </>
          ) : null}
          {d.grounds ? (
            <p>
              {t('protests.decision.grounds')}: {d.grounds}
            </p>
          ) : null}
          {d.lateOverrideReason ? (
            <p>
              {t('protests.decision.override')}: {d.lateOverrideReason}
            </p>
          ) : null}
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormMessage error={refused} explain={(e) => (Object.keys(e.fields).length > 0 ? t(step.error ? 'protests.form.refused' : 'protests.decision.previewRefused') : undefined)} />
          <fieldset className="choice">
            <legend>{t('protests.decision.choose')}</legend>
            <label>
              <input type="radio" name="decision" checked={mode === 'approve'} onChange={() => choose('approve')} /> {t('protests.decision.approve')}
            </label>
            <label>
              <input type="radio" name="decision" checked={mode === 'reject'} onChange={() => choose('reject')} /> {t('protests.decision.reject')}
            </label>
          </fieldset>
          {mode === 'approve' ? (
            <>
              <CheckboxGroup
                legend={t('protests.decision.standard')}
                options={(conditions.data?.conditions ?? []).map((c) => ({ value: c.key, label: hi ? c.hi : c.en }))}
                value={chosen}
                onChange={setChosen}
                error={error?.fieldMessage('conditionKeys')}
                errorLang="en"
              />
              <TextAreaField label={t('protests.decision.extra')} hint={t('protests.decision.extraHint')} rows={3} value={extra} onChange={(e) => setExtra(e.target.value)} error={error?.fieldMessage('extraConditions')} errorLang="en" />
              {p.flags.late ? (
                <TextAreaField
                  label={t('protests.decision.override')}
                  hint={t('protests.decision.overrideHint', { hours: Math.floor(p.flags.leadTimeHours) })}
                  rows={2}
                  value={override}
                  onChange={(e) => setOverride(e.target.value)}
                  error={error?.fieldMessage('lateOverrideReason')}
                  errorLang="en"
                />
              ) : null}
              <div className="actions">
                {previewButton}
                <button type="submit" className="button primary" disabled={step.isPending}>
                  {t('protests.decision.approveSubmit')}
                </button>
              </div>
            </>
          ) : (
            <>
              <TextAreaField label={t('protests.decision.grounds')} hint={t('protests.decision.groundsHint')} rows={3} value={grounds} onChange={(e) => setGrounds(e.target.value)} error={error?.fieldMessage('grounds')} errorLang="en" />
              <div className="actions">
                {previewButton}
                <button type="submit" className="button danger" disabled={step.isPending}>
                  {t('protests.decision.rejectSubmit')}
                </button>
              </div>
            </>
          )}
          <p id="decision-preview-hint" className="muted decision-preview-hint">
            {t('protests.decision.previewHint')}
          </p>
        </form>
      )}
    </Panel>
  );
}

function Letters({ p }: { p: ProtestDetail }) {
  const { t } = useTranslation();
  const file = useFile();
  if (p.letters.length === 0) return null;
  return (
    <Panel title={t('protests.letters.title')} headingId="record-letters">
      <FormMessage error={file.error} />
      <ul className="rows letters">
        {p.letters.map((l) => (
          <li key={l.id} className="letter">
            <div className="letter-text">
              <h3>{t(`protests.letterKind.${l.kind}`)}</h3>
              <p className="muted">{t('protests.letters.issued', { when: formatDateTime(l.createdAt) })}</p>
              <EofficeSyncState status={l.eofficeStatus} eofficeRef={l.eofficeRef} reason={l.eofficeReason} fault={l.eofficeFault} syncedAt={l.eofficeSyncedAt} />
              <div className="actions">
                <button type="button" className="button" onClick={() => void file.run(() => letterBlob(p.id, l.kind), { open: true })}>
                  {t('protests.letters.open')}
                </button>
                <button type="button" className="button primary" onClick={() => void file.run(() => letterBlob(p.id, l.kind), { save: letterFilename(p, l) })}>
                  {t('protests.letters.download')}
                </button>
              </div>
              <p className="verify">
                {t('protests.letters.verify')}{' '}
                <a href={l.verifyUrl} target="_blank" rel="noreferrer">
                  {l.verifyUrl}
                </a>
              </p>
            </div>
            <Suspense fallback={null}>
              <VerifyQr url={l.verifyUrl} label={t('protests.letters.qr', { kind: t(`protests.letterKind.${l.kind}`) })} />
            </Suspense>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function letterFilename(p: ProtestDetail, l: Letter): string {
  return `${p.ref.replace(/\//g, '-')}-${l.kind.toLowerCase()}.pdf`;
}

function Attachments({ p }: { p: ProtestDetail }) {
  const { t } = useTranslation();
  const state = useSession();
  const roles = state.status === 'signed-in' ? state.me.roles : [];
  const file = useFile();
  const refresh = useRefreshProtest(p.id);
  const [kind, setKind] = useState<AttachmentKind>('APPLICATION_SCAN');
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const canAdd = hasAnyRole(roles, PROTEST_INTAKE);
  if (p.attachments.length === 0 && !canAdd) return null;
  const upload = async (chosen: File) => {
    setUploadError(null);
    setUploading(true);
    try {
      await uploadAttachment(p.id, kind, chosen);
      await refresh();
    } catch (e) {
      setUploadError(e);
    } finally {
      setUploading(false);
    }
  };
  const error = uploadError instanceof ApiError ? uploadError : undefined;
  return (
    <Panel title={t('protests.attachments.title')} headingId="record-attachments">
      <FormMessage error={file.error ?? (error && Object.keys(error.fields).length > 0 ? undefined : uploadError)} />
      {p.attachments.length === 0 ? <p className="muted">{t('protests.attachments.none')}</p> : null}
      <ul className="rows compact">
        {p.attachments.map((a: Attachment) => (
          <li key={a.id} className="row">
            <span>{t(`protests.attachmentKind.${a.kind}`)}</span>
            <span>{a.filename}</span>
            <span className="muted">{t('protests.attachments.size', { kb: Math.ceil(a.sizeBytes / 1024) })}</span>
            <span className="muted">{t('timeline.by', { who: personName(a.uploadedBy, currentLanguage()) })}</span>
            <button type="button" className="button quiet" onClick={() => void file.run(() => attachmentBlob(p.id, a.id), { save: a.filename })}>
              {t('protests.attachments.download', { name: a.filename })}
            </button>
          </li>
        ))}
      </ul>
      {canAdd ? (
        <div className="form-grid">
          <SelectField label={t('protests.attachments.kind')} value={kind} onChange={(e) => setKind(e.target.value as AttachmentKind)}>
            {ATTACHMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`protests.attachmentKind.${k}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('protests.attachments.add')}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            disabled={uploading}
            error={error?.fieldMessage('file') ?? error?.fieldMessage('kind')}
            errorLang="en"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = '';
              if (chosen) void upload(chosen);
            }}
          />
        </div>
      ) : null}
    </Panel>
  );
}

function Withdraw({ p }: { p: ProtestDetail }) {
  const { t } = useTranslation();
  const step = useStep(p.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  if (!p.allowedActions.includes('withdraw')) return null;
  return (
    <Panel title={t('protests.withdraw.title')} headingId="record-withdraw">
      {open ? (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            step.mutate({ action: 'withdraw', body: { version: p.version, reason: reason.trim() } });
          }}
          noValidate
        >
          <FormMessage error={step.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('protests.form.refused') : undefined)} />
          <TextAreaField label={t('protests.withdraw.reason')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={error?.fieldMessage('reason')} errorLang="en" />
          <div className="actions">
            <button type="submit" className="button danger" disabled={step.isPending}>
              {t('protests.withdraw.confirm')}
            </button>
            <button type="button" className="button quiet" onClick={() => setOpen(false)}>
              {t('protests.withdraw.keep')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('protests.withdraw.start')}
        </button>
      )}
    </Panel>
  );
}

/** An approved permission called off by the police: a revocation letter, and the permission voided on /verify. */
function Revoke({ p }: { p: ProtestDetail }) {
  const { t } = useTranslation();
  const step = useStep(p.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [linkedType, setLinkedType] = useState<LinkedRecordType | ''>('');
  const [linkedRef, setLinkedRef] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  if (!p.allowedActions.includes('revoke')) return null;
  return (
    <Panel title={t('protests.revoke.title')} headingId="record-revoke">
      {open ? (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            const linkedRecord = linkedType ? { linkedRecord: { type: linkedType, ref: linkedRef.trim() } } : {};
            step.mutate({ action: 'revoke', body: { version: p.version, reason: reason.trim(), ...linkedRecord } });
          }}
          noValidate
        >
          <p className="muted">{t('protests.revoke.explain')}</p>
          <FormMessage error={step.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('protests.form.refused') : undefined)} />
          <TextAreaField label={t('protests.revoke.reason')} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={error?.fieldMessage('reason')} errorLang="en" />
          <SelectField label={t('protests.revoke.linkedType')} value={linkedType} onChange={(e) => setLinkedType(e.target.value as LinkedRecordType | '')} error={error?.fieldMessage('linkedRecord.type')} errorLang="en">
            <option value="">{t('protests.revoke.noLinked')}</option>
            {LINKED_RECORD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`protests.linkedType.${type}`)}
              </option>
            ))}
          </SelectField>
          {linkedType ? <Field label={t('protests.revoke.linkedRef')} value={linkedRef} onChange={(e) => setLinkedRef(e.target.value)} error={error?.fieldMessage('linkedRecord.ref')} errorLang="en" /> : null}
          <div className="actions">
            <button type="submit" className="button danger" disabled={step.isPending}>
              {t('protests.revoke.confirm')}
            </button>
            <button type="button" className="button quiet" onClick={() => setOpen(false)}>
              {t('protests.revoke.keep')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('protests.revoke.start')}
        </button>
      )}
    </Panel>
  );
}
