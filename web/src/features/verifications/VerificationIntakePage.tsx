import './verifications.css';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { DateTimeField, type DateTimeValue } from '../../components/DateTimeField';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { istEntry, parseDateInput, parseIstEntry } from '../../lib/time';
import { useQueuedSave } from '../../offline/use-queued-save';
import { QueuedSaveNotice } from '../../components/QueuedSaveNotice';
import { QUEUED_VERIFICATION } from './queued';
import {
  FEE_STATUSES,
  GENDERS,
  ID_DOCUMENT_TYPES,
  INTAKE_CHANNELS,
  PURPOSES,
  PURPOSES_WITH_PARTY,
  RELATIONS,
  SMS_LANGUAGES,
  useUnits,
  type CreateVerification,
  type FeeStatus,
  type Gender,
  type IdDocumentType,
  type IntakeChannel,
  type Purpose,
  type Relation,
  type SmsLanguage,
} from './verification-api';

interface Address {
  address: string;
  locality: string;
  years: string;
}

/** What the user is typing, kept as typed until it is saved (a refused save keeps all of it). */
interface Draft {
  purpose: Purpose;
  nameHi: string;
  nameEn: string;
  relativeName: string;
  relation: Relation;
  dob: string;
  gender: Gender;
  mobile: string;
  smsLanguage: SmsLanguage;
  idDocumentType: IdDocumentType;
  idLast4: string;
  present: Address;
  permanent: Address;
  partyName: string;
  partyAddress: string;
  channel: IntakeChannel;
  receivedAt: DateTimeValue;
  fee: FeeStatus;
  challanNo: string;
  overrideThana: string;
  overrideReason: string;
}

const EN = 'en' as const;
const PRESENT = 'present' as const;
const PERMANENT = 'permanent' as const;
const PRESENT_PATH = 'presentAddress';
const PERMANENT_PATH = 'permanentAddress';
const NO_ADDRESS: Address = { address: '', locality: '', years: '' };
const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const address = (a: Address) => ({ address: a.address.trim(), locality: a.locality.trim(), years: num(a.years) });

function toBody(d: Draft): { body: CreateVerification; unreadable: Set<string> } {
  const unreadable = new Set<string>();
  const dob = parseDateInput(d.dob);
  if (!dob) unreadable.add('applicant.dob');
  const receivedAt = parseIstEntry(d.receivedAt.date, d.receivedAt.time);
  if (!receivedAt) unreadable.add('intake.receivedAt');
  const body: CreateVerification = {
    purpose: d.purpose,
    applicant: {
      nameHi: text(d.nameHi),
      nameEn: text(d.nameEn),
      relativeName: d.relativeName.trim(),
      relation: d.relation,
      dob: dob ?? '',
      gender: d.gender,
      mobile: d.mobile.trim(),
      smsLanguage: d.smsLanguage,
      idDocumentType: d.idDocumentType,
      idLast4: d.idLast4.trim(),
    },
    presentAddress: address(d.present),
    permanentAddress: d.purpose === 'PASSPORT' ? undefined : address(d.permanent),
    requestingParty: PURPOSES_WITH_PARTY.includes(d.purpose) ? { name: d.partyName.trim(), address: d.partyAddress.trim() } : undefined,
    intake: { channel: d.channel, receivedAt: receivedAt ?? '' },
    fee: { status: d.fee, challanNo: d.fee === 'PAID' ? text(d.challanNo) : undefined },
    routing: d.overrideThana ? { thanaCode: d.overrideThana, reason: d.overrideReason.trim() } : undefined,
  };
  return { body, unreadable };
}

function emptyDraft(): Draft {
  return {
      purpose: 'EMPLOYMENT',
      nameHi: '',
      nameEn: '',
      relativeName: '',
      relation: 'FATHER',
      dob: '',
      gender: 'MALE',
      mobile: '',
      smsLanguage: 'hi',
      idDocumentType: 'VOTER_ID',
      idLast4: '',
      present: NO_ADDRESS,
      permanent: NO_ADDRESS,
      partyName: '',
      partyAddress: '',
      channel: 'EOFFICE',
      receivedAt: istEntry(new Date()),
      fee: 'PAID',
      challanNo: '',
      overrideThana: '',
      overrideReason: '',
  };
}

/** A verifier enters an application (back-entry after an outage included), with its consent letter. */
export function VerificationIntakePage() {
  const { t } = useTranslation();
  usePageTitle(t('verification.intake.title'));
  const navigate = useNavigate();
  const hi = currentLanguage() === 'hi';
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [consent, setConsent] = useState<File | null>(null);
  const [unreadable, setUnreadable] = useState<Set<string>>(new Set());
  const [lastError, setLastError] = useState<unknown>(null);
  const queued = useQueuedSave<Draft, CreateVerification>(QUEUED_VERIFICATION, (saved, files, refused) => {
    setDraft(saved);
    setConsent(files[0] ?? null);
    setLastError(refused ?? null);
  });
  const units = useUnits();
  const thanas = useMemo(() => (units.data ?? []).filter((u) => u.kind === 'THANA' && u.isActive), [units.data]);

  const setField = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setAddress = (key: 'present' | 'permanent', part: Partial<Address>) => setDraft((d) => ({ ...d, [key]: { ...d[key], ...part } }));
  const apiError = lastError instanceof ApiError ? lastError : undefined;
  const fieldError = (field: string) => (unreadable.has(field) ? t('verification.form.unreadable') : apiError?.fieldMessage(field));
  const errorLang = (field: string) => (unreadable.has(field) ? undefined : EN);
  const party = PURPOSES_WITH_PARTY.includes(draft.purpose);

  /** Through the device's outbox (issue 17): sent at once when the server answers, else kept here and sent when it does. */
  const save = (e: FormEvent) => {
    e.preventDefault();
    const { body, unreadable: bad } = toBody(draft);
    setUnreadable(bad);
    if (bad.size > 0) return;
    setLastError(null);
    void queued.save(draft, body, consent ? [consent] : []).then((submitted) => {
      if (submitted?.outcome === 'sent') {
        void navigate(`/verifications/${submitted.created.id}`, { state: { entered: submitted.created.ref, consentFailed: submitted.attachmentsRefused.length > 0 } });
      } else if (submitted?.outcome === 'refused') {
        setLastError(submitted.error);
      } else if (submitted?.outcome === 'queued') {
        setDraft(emptyDraft());
        setConsent(null);
      }
    }, setLastError);
  };
  const busy = queued.saving;

  const addressFields = (key: 'present' | 'permanent', path: string) => (
    <div className="form-grid">
      <TextAreaField className="wide" label={t('verification.form.address')} rows={2} value={draft[key].address} onChange={(e) => setAddress(key, { address: e.target.value })} error={fieldError(`${path}.address`)} errorLang="en" />
      <Field label={t('verification.form.locality')} hint={key === 'present' ? t('verification.form.localityHint') : undefined} value={draft[key].locality} onChange={(e) => setAddress(key, { locality: e.target.value })} error={fieldError(`${path}.locality`)} errorLang="en" />
      <Field label={t('verification.form.years')} inputMode="numeric" value={draft[key].years} onChange={(e) => setAddress(key, { years: e.target.value })} error={fieldError(`${path}.years`)} errorLang="en" />
    </div>
  );

  return (
    <div className="page">
      <h1>{t('verification.intake.title')}</h1>
      <form className="verif-form" onSubmit={save} noValidate>
        <QueuedSaveNotice save={queued} />
        <FormMessage error={lastError} explain={(e) => (Object.keys(e.fields).length > 0 ? t('verification.form.refused') : undefined)} />

        <section className="panel verif-section" aria-labelledby="vi-application">
          <h2 id="vi-application">{t('verification.intake.application')}</h2>
          <div className="form-grid">
            <SelectField label={t('verification.form.purpose')} value={draft.purpose} onChange={(e) => setField('purpose', e.target.value as Purpose)} error={fieldError('purpose')} errorLang="en">
              {PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {t(`verification.purpose.${p}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('verification.form.channel')} value={draft.channel} onChange={(e) => setField('channel', e.target.value as IntakeChannel)} error={fieldError('intake.channel')} errorLang="en">
              {INTAKE_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`verification.channel.${c}`)}
                </option>
              ))}
            </SelectField>
            <DateTimeField legend={t('verification.form.receivedAt')} value={draft.receivedAt} onChange={(v) => setField('receivedAt', v)} error={fieldError('intake.receivedAt')} errorLang={errorLang('intake.receivedAt')} />
          </div>
        </section>

        <section className="panel verif-section" aria-labelledby="vi-applicant">
          <h2 id="vi-applicant">{t('verification.intake.applicant')}</h2>
          <p className="hint">{t('verification.form.namesHint')}</p>
          <div className="form-grid">
            <Field label={t('verification.form.nameHi')} lang="hi" value={draft.nameHi} onChange={(e) => setField('nameHi', e.target.value)} error={fieldError('applicant.nameHi')} errorLang="en" />
            <Field label={t('verification.form.nameEn')} lang="en" value={draft.nameEn} onChange={(e) => setField('nameEn', e.target.value)} error={fieldError('applicant.nameEn')} errorLang="en" />
            <SelectField label={t('verification.form.relation')} value={draft.relation} onChange={(e) => setField('relation', e.target.value as Relation)} error={fieldError('applicant.relation')} errorLang="en">
              {RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`verification.relation.${r}`)}
                </option>
              ))}
            </SelectField>
            <Field label={t('verification.form.relativeName')} value={draft.relativeName} onChange={(e) => setField('relativeName', e.target.value)} error={fieldError('applicant.relativeName')} errorLang="en" />
            <Field label={t('verification.form.dob')} hint={t('verification.form.dateHint')} inputMode="numeric" value={draft.dob} onChange={(e) => setField('dob', e.target.value)} error={fieldError('applicant.dob')} errorLang={errorLang('applicant.dob')} />
            <SelectField label={t('verification.form.gender')} value={draft.gender} onChange={(e) => setField('gender', e.target.value as Gender)} error={fieldError('applicant.gender')} errorLang="en">
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`verification.gender.${g}`)}
                </option>
              ))}
            </SelectField>
            <Field label={t('verification.form.mobile')} inputMode="tel" autoComplete="off" value={draft.mobile} onChange={(e) => setField('mobile', e.target.value)} error={fieldError('applicant.mobile')} errorLang="en" />
            <SelectField label={t('verification.form.smsLanguage')} value={draft.smsLanguage} onChange={(e) => setField('smsLanguage', e.target.value as SmsLanguage)} error={fieldError('applicant.smsLanguage')} errorLang="en">
              {SMS_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`verification.smsLanguage.${l}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('verification.form.idDocumentType')} value={draft.idDocumentType} onChange={(e) => setField('idDocumentType', e.target.value as IdDocumentType)} error={fieldError('applicant.idDocumentType')} errorLang="en">
              {ID_DOCUMENT_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`verification.idDocument.${k}`)}
                </option>
              ))}
            </SelectField>
            <Field label={t('verification.form.idLast4')} hint={t('verification.form.idLast4Hint')} maxLength={4} autoComplete="off" value={draft.idLast4} onChange={(e) => setField('idLast4', e.target.value)} error={fieldError('applicant.idLast4')} errorLang="en" />
          </div>
        </section>

        <section className="panel verif-section" aria-labelledby="vi-present">
          <h2 id="vi-present">{t('verification.form.presentAddress')}</h2>
          {addressFields(PRESENT, PRESENT_PATH)}
          <div className="form-grid">
            <SelectField label={t('verification.form.overrideThana')} hint={t('verification.form.overrideHint')} value={draft.overrideThana} onChange={(e) => setField('overrideThana', e.target.value)} error={fieldError('routing.thanaCode')} errorLang="en">
              <option value="">{t('verification.form.byAddress')}</option>
              {thanas.map((u) => (
                <option key={u.code} value={u.code}>
                  {hi ? u.nameHi : u.nameEn}
                </option>
              ))}
            </SelectField>
            {draft.overrideThana ? <Field label={t('verification.form.overrideReason')} value={draft.overrideReason} onChange={(e) => setField('overrideReason', e.target.value)} error={fieldError('routing.reason')} errorLang="en" /> : null}
          </div>
        </section>

        {draft.purpose !== 'PASSPORT' ? (
          <section className="panel verif-section" aria-labelledby="vi-permanent">
            <h2 id="vi-permanent">{t('verification.form.permanentAddress')}</h2>
            {addressFields(PERMANENT, PERMANENT_PATH)}
          </section>
        ) : null}

        {party ? (
          <section className="panel verif-section" aria-labelledby="vi-party">
            <h2 id="vi-party">{t('verification.form.requestingParty')}</h2>
            <div className="form-grid">
              <Field label={t('verification.form.partyName')} value={draft.partyName} onChange={(e) => setField('partyName', e.target.value)} error={fieldError('requestingParty.name')} errorLang="en" />
              <Field label={t('verification.form.partyAddress')} value={draft.partyAddress} onChange={(e) => setField('partyAddress', e.target.value)} error={fieldError('requestingParty.address')} errorLang="en" />
            </div>
          </section>
        ) : null}

        <section className="panel verif-section" aria-labelledby="vi-fee">
          <h2 id="vi-fee">{t('verification.intake.feeAndConsent')}</h2>
          <div className="form-grid">
            <SelectField label={t('verification.form.fee')} value={draft.fee} onChange={(e) => setField('fee', e.target.value as FeeStatus)} error={fieldError('fee.status')} errorLang="en">
              {FEE_STATUSES.map((f) => (
                <option key={f} value={f}>
                  {t(`verification.fee.${f}`)}
                </option>
              ))}
            </SelectField>
            {draft.fee === 'PAID' ? <Field label={t('verification.form.challanNo')} value={draft.challanNo} onChange={(e) => setField('challanNo', e.target.value)} error={fieldError('fee.challanNo')} errorLang="en" /> : null}
            <Field
              className="wide"
              label={t('verification.form.consentLetter')}
              hint={t('verification.form.consentHint')}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => setConsent(e.target.files?.[0] ?? null)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('verification.intake.saving') : t('verification.intake.save')}
            </button>
          </div>
        </section>
      </form>
    </div>
  );
}
