import './dak.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { DateTimeField, type DateTimeValue } from '../../components/DateTimeField';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { usePageTitle } from '../../components/usePageTitle';
import { istEntry, parseDateInput, parseIstEntry } from '../../lib/time';
import { useQueuedSave } from '../../offline/use-queued-save';
import { QueuedSaveNotice } from '../../components/QueuedSaveNotice';
import { CHANNELS, GRADINGS, LANGUAGES, PRIORITIES, SCAN_TYPES, type CreateDak, type DakChannel, type DakLanguage, type DakPriority, type Grading } from './dak-api';
import { MarkFields, useMarkTargets, type MarkDraft, NO_MARK } from './MarkFields';
import { ScanPreview } from './ScanPreview';
import { QUEUED_DAK } from './queued';

/** What the clerk is typing, kept as typed until it is saved (a refused save keeps all of it). */
interface Draft {
  subject: string;
  senderName: string;
  senderOffice: string;
  letterNo: string;
  letterDate: string;
  language: DakLanguage | '';
  channel: DakChannel;
  receivedAt: DateTimeValue;
  grading: Grading;
  priority: DakPriority;
  remarks: string;
  mark: MarkDraft;
}

const EN = 'en' as const;
const text = (s: string) => (s.trim() === '' ? undefined : s.trim());

function toBody(d: Draft): { body: CreateDak; unreadable: Set<string> } {
  const unreadable = new Set<string>();
  const letterDate = d.letterDate.trim() === '' ? undefined : parseDateInput(d.letterDate);
  if (letterDate === undefined && d.letterDate.trim() !== '') unreadable.add('letterDate');
  const receivedAt = parseIstEntry(d.receivedAt.date, d.receivedAt.time);
  if (!receivedAt) unreadable.add('receivedAt');
  const body: CreateDak = {
    subject: d.subject.trim(),
    senderName: d.senderName.trim(),
    senderOffice: text(d.senderOffice),
    letterNo: text(d.letterNo),
    letterDate,
    language: d.language || undefined,
    intakeChannel: d.channel,
    receivedAt: receivedAt ?? '',
    grading: d.grading,
    priority: d.priority,
    remarks: text(d.remarks),
    markedTo: text(d.mark.unit),
    markedToUser: text(d.mark.user),
    instruction: text(d.mark.instruction),
  };
  return { body, unreadable };
}

function emptyDraft(): Draft {
  return {
    subject: '',
    senderName: '',
    senderOffice: '',
    letterNo: '',
    letterDate: '',
    language: '',
    channel: 'POST',
    receivedAt: istEntry(new Date()),
    grading: 'NORMAL',
    priority: 'NORMAL',
    remarks: '',
    mark: NO_MARK,
  };
}

/** The dak clerk diarises an inward item (back-entry after an outage included), its scans, and marks it at once if they choose. */
export function DakIntakePage() {
  const { t } = useTranslation();
  usePageTitle(t('dak.intake.title'));
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [scans, setScans] = useState<File[]>([]);
  const [unreadable, setUnreadable] = useState<Set<string>>(new Set());
  const [lastError, setLastError] = useState<unknown>(null);
  const queued = useQueuedSave<Draft, CreateDak>(QUEUED_DAK, (saved, files, refused) => {
    setDraft(saved);
    setLastError(refused ?? null);
    setScans(files);
  });
  const targets = useMarkTargets();

  const setField = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const apiError = lastError instanceof ApiError ? lastError : undefined;
  const fieldError = (field: string) => (unreadable.has(field) ? t('dak.form.unreadable') : apiError?.fieldMessage(field));
  const errorLang = (field: string) => (unreadable.has(field) ? undefined : EN);

  /** Through the device's outbox (issue 17): sent at once when the server answers, else kept here and sent when it does. */
  const save = (e: FormEvent) => {
    e.preventDefault();
    const { body, unreadable: bad } = toBody(draft);
    setUnreadable(bad);
    if (bad.size > 0) return;
    setLastError(null);
    void queued.save(draft, body, scans).then((submitted) => {
      if (submitted?.outcome === 'sent') {
        void navigate(`/dak/${submitted.created.id}`, { state: { diarised: submitted.created.ref, scansFailed: submitted.attachmentsRefused } });
      } else if (submitted?.outcome === 'refused') {
        setLastError(submitted.error);
      } else if (submitted?.outcome === 'queued') {
        setDraft(emptyDraft());
        setScans([]);
      }
    }, setLastError);
  };
  const busy = queued.saving;

  return (
    <div className="page dak-page">
      <h1>{t('dak.intake.title')}</h1>
      <form className="dak-form" onSubmit={save} noValidate>
        <QueuedSaveNotice save={queued} />
        <FormMessage error={lastError} explain={(e) => (Object.keys(e.fields).length > 0 ? t('dak.form.refused') : undefined)} />

        <section className="panel dak-section" aria-labelledby="dak-letter">
          <h2 id="dak-letter">{t('dak.intake.letter')}</h2>
          <div className="form-grid">
            <TextAreaField className="wide" label={t('dak.form.subject')} rows={2} value={draft.subject} onChange={(e) => setField('subject', e.target.value)} error={fieldError('subject')} errorLang="en" />
            <Field label={t('dak.form.senderName')} value={draft.senderName} onChange={(e) => setField('senderName', e.target.value)} error={fieldError('senderName')} errorLang="en" />
            <Field label={t('dak.form.senderOffice')} value={draft.senderOffice} onChange={(e) => setField('senderOffice', e.target.value)} error={fieldError('senderOffice')} errorLang="en" />
            <Field label={t('dak.form.letterNo')} value={draft.letterNo} onChange={(e) => setField('letterNo', e.target.value)} error={fieldError('letterNo')} errorLang="en" />
            <Field label={t('dak.form.letterDate')} hint={t('dak.form.dateHint')} inputMode="numeric" value={draft.letterDate} onChange={(e) => setField('letterDate', e.target.value)} error={fieldError('letterDate')} errorLang={errorLang('letterDate')} />
            <SelectField label={t('dak.form.language')} value={draft.language} onChange={(e) => setField('language', e.target.value as DakLanguage | '')} error={fieldError('language')} errorLang="en">
              <option value="">{t('dak.form.languageBySubject')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`dak.language.${l}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </section>

        <section className="panel dak-section" aria-labelledby="dak-receipt">
          <h2 id="dak-receipt">{t('dak.intake.receipt')}</h2>
          <div className="form-grid">
            <SelectField label={t('dak.form.channel')} value={draft.channel} onChange={(e) => setField('channel', e.target.value as DakChannel)} error={fieldError('intakeChannel')} errorLang="en">
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`dak.channel.${c}`)}
                </option>
              ))}
            </SelectField>
            <DateTimeField legend={t('dak.form.receivedAt')} value={draft.receivedAt} onChange={(v) => setField('receivedAt', v)} error={fieldError('receivedAt')} errorLang={errorLang('receivedAt')} />
            <SelectField label={t('dak.form.grading')} hint={t('dak.form.gradingHint')} value={draft.grading} onChange={(e) => setField('grading', e.target.value as Grading)} error={fieldError('grading')} errorLang="en">
              {GRADINGS.map((g) => (
                <option key={g} value={g}>
                  {t(`dak.grading.${g}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('dak.form.priority')} hint={t('dak.form.priorityHint')} value={draft.priority} onChange={(e) => setField('priority', e.target.value as DakPriority)} error={fieldError('priority')} errorLang="en">
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`dak.priority.${p}`)}
                </option>
              ))}
            </SelectField>
            <TextAreaField className="wide" label={t('dak.form.remarks')} rows={2} value={draft.remarks} onChange={(e) => setField('remarks', e.target.value)} error={fieldError('remarks')} errorLang="en" />
          </div>
        </section>

        <section className="panel dak-section" aria-labelledby="dak-scans">
          <h2 id="dak-scans">{t('dak.scans.title')}</h2>
          <Field
            label={t('dak.scans.choose')}
            hint={t('dak.scans.hint')}
            type="file"
            multiple
            accept={SCAN_TYPES}
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])];
              e.target.value = '';
              setScans((s) => [...s, ...chosen]);
            }}
          />
          {scans.length > 0 ? (
            <ul className="dak-scans">
              {scans.map((f, i) => (
                <li key={`${f.name}-${i}`} className="dak-scan">
                  <span className="dak-scan-name">{f.name}</span>
                  <ScanPreview blob={f} name={f.name} />
                  <button type="button" className="button quiet" onClick={() => setScans((s) => s.filter((_, j) => j !== i))}>
                    {t('dak.scans.remove', { name: f.name })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section className="panel dak-section" aria-labelledby="dak-mark-now">
          <h2 id="dak-mark-now">{t('dak.intake.markNow')}</h2>
          <p className="hint">{t('dak.intake.markHint')}</p>
          <MarkFields value={draft.mark} onChange={(mark) => setField('mark', mark)} targets={targets} error={(f) => fieldError({ unit: 'markedTo', user: 'markedToUser', instruction: 'instruction' }[f])} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('dak.intake.saving') : t('dak.intake.save')}
            </button>
          </div>
        </section>
      </form>
    </div>
  );
}
