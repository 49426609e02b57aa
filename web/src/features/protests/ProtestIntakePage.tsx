import './protests.css';
import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { FormMessage } from '../../components/FormMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { istEntry, parseIstEntry } from '../../lib/time';
import { fileLabel, labelledFile } from '../../offline';
import { useQueuedSave } from '../../offline/use-queued-save';
import { QueuedSaveNotice } from '../../components/QueuedSaveNotice';
import { CachedCopyNote } from '../../components/CachedCopyNote';
import { QUEUED_PROTEST } from './queued';
import {
  ATTACHMENT_KINDS,
  ID_DOCUMENT_TYPES,
  INTAKE_CHANNELS,
  MOVING_TYPES,
  SMS_LANGUAGES,
  useCheck,
  useConditions,
  useMapSettings,
  useUnits,
  useVenues,
  VENUES_READ,
  type AttachmentKind,
  type CreateProtest,
  type EventType,
  type IdDocumentType,
  type IntakeChannel,
  type SmsLanguage,
} from './api';
import { ClashList, RuleResults } from './Assessment';
import { DateTimeField, type DateTimeValue } from '../../components/DateTimeField';

const PlaceMap = lazy(() => import('./PlaceMap'));

interface RoutePoint {
  name: string;
  lat: string;
  lng: string;
}

/** What the user is typing: kept as typed until it is saved (a failed send keeps all of it). */
interface Draft {
  channel: IntakeChannel;
  receivedAt: DateTimeValue;
  nameHi: string;
  nameEn: string;
  organisation: string;
  address: string;
  mobile: string;
  idDocumentType: IdDocumentType;
  idLast4: string;
  smsLanguage: SmsLanguage;
  type: EventType;
  purpose: string;
  startsAt: DateTimeValue;
  endsAt: DateTimeValue;
  expectedParticipants: string;
  placeKind: 'venue' | 'route';
  venueCode: string;
  routeThana: string;
  route: RoutePoint[];
  loudspeaker: boolean;
  loudFrom: DateTimeValue;
  loudTo: DateTimeValue;
  vehicleCount: string;
  vehicleDetails: string;
}

interface ChosenFile {
  kind: AttachmentKind;
  file: File;
}

const EMPTY_TIME: DateTimeValue = { date: '', time: '' };
const NO_VENUES: never[] = [];
const NO_ROUTE: never[] = [];

function freshDraft(): Draft {
  return {
    channel: 'WALK_IN',
    receivedAt: istEntry(new Date()),
    nameHi: '',
    nameEn: '',
    organisation: '',
    address: '',
    mobile: '',
    idDocumentType: 'AADHAAR',
    idLast4: '',
    smsLanguage: 'hi',
    type: 'DHARNA',
    purpose: '',
    startsAt: EMPTY_TIME,
    endsAt: EMPTY_TIME,
    expectedParticipants: '',
    placeKind: 'venue',
    venueCode: '',
    routeThana: '',
    route: [],
    loudspeaker: false,
    loudFrom: EMPTY_TIME,
    loudTo: EMPTY_TIME,
    vehicleCount: '',
    vehicleDetails: '',
  };
}

const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** The application as the API takes it; times that cannot be read are our own field errors. */
function toBody(d: Draft): { body: CreateProtest; unreadable: Set<string> } {
  const unreadable = new Set<string>();
  const when = (field: string, v: DateTimeValue) => {
    const iso = parseIstEntry(v.date, v.time);
    if (!iso) unreadable.add(field);
    return iso ?? '';
  };
  const body: CreateProtest = {
    applicant: {
      nameHi: text(d.nameHi),
      nameEn: text(d.nameEn),
      organisation: text(d.organisation),
      address: d.address.trim(),
      mobile: d.mobile.trim(),
      idDocumentType: d.idDocumentType,
      idLast4: d.idLast4.trim(),
      smsLanguage: d.smsLanguage,
    },
    event: {
      type: d.type,
      purpose: d.purpose.trim(),
      startsAt: when('event.startsAt', d.startsAt),
      endsAt: when('event.endsAt', d.endsAt),
      expectedParticipants: num(d.expectedParticipants),
      ...(d.placeKind === 'venue'
        ? { venueCode: d.venueCode || undefined }
        : { route: { thanaCode: d.routeThana, points: d.route.map((p) => ({ name: p.name.trim(), lat: num(p.lat), lng: num(p.lng) })) } }),
      ...(d.loudspeaker ? { loudspeaker: { from: when('event.loudspeaker.from', d.loudFrom), to: when('event.loudspeaker.to', d.loudTo) } } : {}),
      ...(d.vehicleCount.trim() ? { vehicles: { count: num(d.vehicleCount), details: text(d.vehicleDetails) } } : {}),
    },
    intake: { channel: d.channel, receivedAt: when('intake.receivedAt', d.receivedAt) },
  };
  return { body, unreadable };
}

/** Screen 3: the control room enters an application (back-entry after an outage included), checks it, and saves it. */
export function ProtestIntakePage() {
  const { t } = useTranslation();
  usePageTitle(t('protests.intake.title'));
  const navigate = useNavigate();
  const hi = currentLanguage() === 'hi';
  const [draft, setDraft] = useState<Draft>(freshDraft);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [fileKind, setFileKind] = useState<AttachmentKind>('APPLICATION_SCAN');
  const [unreadable, setUnreadable] = useState<Set<string>>(new Set());
  /** The answer the field errors come from: the last check or save. */
  const [lastError, setLastError] = useState<unknown>(null);
  const queued = useQueuedSave<Draft, CreateProtest>(QUEUED_PROTEST, (saved, savedFiles, refused) => {
    setDraft(saved);
    setLastError(refused ?? null);
    setFiles(savedFiles.map((file) => ({ kind: (fileLabel(file) ?? 'APPLICATION_SCAN') as AttachmentKind, file })));
  });
  const conditions = useConditions();
  const venues = useVenues();
  const units = useUnits();
  const settings = useMapSettings();
  const check = useCheck();

  /** One field of the form as typed (the key is the draft's, not a word on the screen). */
  const setField = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // What was checked no longer describes the form.
    if (check.data) check.reset();
  };
  const apiError = lastError instanceof ApiError ? lastError : undefined;
  const fieldError = (field: string) => (unreadable.has(field) ? t('protests.form.unreadableTime') : apiError?.fieldMessage(field));
  const errorLang = (field: string) => (unreadable.has(field) ? undefined : 'en');

  const activeVenues = useMemo(() => (venues.data ?? []).filter((v) => v.isActive), [venues.data]);
  const thanas = useMemo(() => (units.data ?? []).filter((u) => u.kind === 'THANA' && u.isActive), [units.data]);
  const eventTypes = conditions.data?.eventTypes ?? {};
  const routeForMap = useMemo(
    () => draft.route.filter((p) => Number.isFinite(num(p.lat)) && Number.isFinite(num(p.lng))).map((p) => ({ name: p.name, lat: num(p.lat), lng: num(p.lng) })),
    [draft.route],
  );
  const venuesForMap = useMemo(() => activeVenues.map((v) => ({ code: v.code, label: hi ? v.nameHi : v.nameEn, lat: v.lat, lng: v.lng })), [activeVenues, hi]);

  const prepared = () => {
    const { body, unreadable: bad } = toBody(draft);
    setUnreadable(bad);
    return bad.size === 0 ? body : null;
  };
  const runCheck = () => {
    const body = prepared();
    if (!body) return;
    setLastError(null);
    check.mutate(body, { onError: setLastError });
  };
  /**
   * Through the device's outbox (issue 17): sent at once when the server answers, otherwise kept
   * here under a local number and sent when it does; the form is then free for the next one.
   */
  const save = (e: FormEvent) => {
    e.preventDefault();
    const body = prepared();
    if (!body) return;
    setLastError(null);
    void queued.save(draft, body, files.map((f) => labelledFile(f.file, f.kind))).then(
      (submitted) => {
        if (submitted?.outcome === 'sent') {
          void navigate(`/protests/${submitted.created.id}`, { state: { entered: submitted.created.ref, attachmentsFailed: submitted.attachmentsRefused.length } });
        } else if (submitted?.outcome === 'refused') {
          setLastError(submitted.error);
        } else if (submitted?.outcome === 'queued') {
          setDraft(freshDraft());
          setFiles([]);
          check.reset();
        }
      },
      setLastError,
    );
  };
  const addPoint = (lat: number, lng: number) => {
    // From the current draft, not this render's: clicks can come faster than renders.
    setDraft((d) => ({ ...d, route: [...d.route, { name: t('protests.route.pointName', { n: d.route.length + 1 }), lat: String(lat), lng: String(lng) }] }));
    if (check.data) check.reset();
  };
  const setPoint = (i: number, patch: Partial<RoutePoint>) => setField('route', draft.route.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const chooseType = (type: EventType) => {
    setDraft((d) => ({ ...d, type, placeKind: MOVING_TYPES.includes(type) ? 'route' : d.placeKind }));
    if (check.data) check.reset();
  };

  const busy = queued.saving;
  return (
    <div className="page intake">
      <h1>{t('protests.intake.title')}</h1>
      <p className="muted">{t('protests.intake.intro')}</p>
      <form onSubmit={save} noValidate>
        <QueuedSaveNotice save={queued} />
        <CachedCopyNote name={VENUES_READ} />
        <FormMessage error={lastError ?? check.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('protests.form.refused') : undefined)} />

        <section className="panel form-section" aria-labelledby="intake-receipt">
          <h2 id="intake-receipt">{t('protests.intake.receipt')}</h2>
          <div className="form-grid">
            <SelectField label={t('protests.form.channel')} value={draft.channel} onChange={(e) => setField('channel', e.target.value as IntakeChannel)} error={fieldError('intake.channel')} errorLang="en">
              {INTAKE_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`protests.channel.${c}`)}
                </option>
              ))}
            </SelectField>
            <DateTimeField legend={t('protests.form.receivedAt')} value={draft.receivedAt} onChange={(v) => setField('receivedAt', v)} error={fieldError('intake.receivedAt')} errorLang={errorLang('intake.receivedAt')} />
          </div>
          <p className="hint">{t('protests.form.receivedAtHint')}</p>
        </section>

        <section className="panel form-section" aria-labelledby="intake-applicant">
          <h2 id="intake-applicant">{t('protests.intake.applicant')}</h2>
          <div className="form-grid">
            <Field label={t('protests.form.nameHi')} lang="hi" value={draft.nameHi} onChange={(e) => setField('nameHi', e.target.value)} error={fieldError('applicant.nameHi')} errorLang="en" />
            <Field label={t('protests.form.nameEn')} lang="en" value={draft.nameEn} onChange={(e) => setField('nameEn', e.target.value)} error={fieldError('applicant.nameEn')} errorLang="en" />
            <Field label={t('protests.form.organisation')} value={draft.organisation} onChange={(e) => setField('organisation', e.target.value)} error={fieldError('applicant.organisation')} errorLang="en" />
            <Field label={t('protests.form.mobile')} inputMode="numeric" autoComplete="off" value={draft.mobile} onChange={(e) => setField('mobile', e.target.value)} error={fieldError('applicant.mobile')} errorLang="en" />
            <TextAreaField label={t('protests.form.address')} className="wide" rows={2} value={draft.address} onChange={(e) => setField('address', e.target.value)} error={fieldError('applicant.address')} errorLang="en" />
            <SelectField label={t('protests.form.idDocumentType')} value={draft.idDocumentType} onChange={(e) => setField('idDocumentType', e.target.value as IdDocumentType)} error={fieldError('applicant.idDocumentType')} errorLang="en">
              {ID_DOCUMENT_TYPES.map((c) => (
                <option key={c} value={c}>
                  {t(`protests.idDocument.${c}`)}
                </option>
              ))}
            </SelectField>
            <Field label={t('protests.form.idLast4')} hint={t('protests.form.idLast4Hint')} maxLength={4} autoComplete="off" value={draft.idLast4} onChange={(e) => setField('idLast4', e.target.value)} error={fieldError('applicant.idLast4')} errorLang="en" />
            <SelectField label={t('protests.form.smsLanguage')} value={draft.smsLanguage} onChange={(e) => setField('smsLanguage', e.target.value as Draft['smsLanguage'])} error={fieldError('applicant.smsLanguage')} errorLang="en">
              {SMS_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`protests.smsLanguage.${l}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </section>

        <section className="panel form-section" aria-labelledby="intake-event">
          <h2 id="intake-event">{t('protests.intake.event')}</h2>
          <div className="form-grid">
            <SelectField label={t('protests.form.type')} value={draft.type} onChange={(e) => chooseType(e.target.value as EventType)} error={fieldError('event.type')} errorLang="en">
              {Object.entries(eventTypes).map(([code, label]) => (
                <option key={code} value={code}>
                  {hi ? label.hi : label.en}
                </option>
              ))}
            </SelectField>
            <Field label={t('protests.form.participants')} inputMode="numeric" value={draft.expectedParticipants} onChange={(e) => setField('expectedParticipants', e.target.value)} error={fieldError('event.expectedParticipants')} errorLang="en" />
            <TextAreaField label={t('protests.form.purpose')} className="wide" rows={2} value={draft.purpose} onChange={(e) => setField('purpose', e.target.value)} error={fieldError('event.purpose')} errorLang="en" />
            <DateTimeField legend={t('protests.form.startsAt')} value={draft.startsAt} onChange={(v) => setField('startsAt', v)} error={fieldError('event.startsAt')} errorLang={errorLang('event.startsAt')} />
            <DateTimeField legend={t('protests.form.endsAt')} value={draft.endsAt} onChange={(v) => setField('endsAt', v)} error={fieldError('event.endsAt')} errorLang={errorLang('event.endsAt')} />
          </div>
        </section>

        <section className="panel form-section" aria-labelledby="intake-place">
          <h2 id="intake-place">{t('protests.intake.place')}</h2>
          <fieldset className="choice">
            <legend>{t('protests.form.placeKind')}</legend>
            <label>
              <input type="radio" name="placeKind" checked={draft.placeKind === 'venue'} onChange={() => setField('placeKind', 'venue')} /> {t('protests.form.atVenue')}
            </label>
            <label>
              <input type="radio" name="placeKind" checked={draft.placeKind === 'route'} onChange={() => setField('placeKind', 'route')} /> {t('protests.form.alongRoute')}
            </label>
          </fieldset>
          <div className="place">
            <div className="place-fields">
              {draft.placeKind === 'venue' ? (
                <SelectField label={t('protests.form.venue')} hint={t('protests.form.venueHint')} value={draft.venueCode} onChange={(e) => setField('venueCode', e.target.value)} error={fieldError('event.venueCode')} errorLang="en">
                  <option value="">{t('protests.form.chooseVenue')}</option>
                  {activeVenues.map((v) => (
                    <option key={v.code} value={v.code}>
                      {hi ? v.nameHi : v.nameEn}
                    </option>
                  ))}
                </SelectField>
              ) : (
                <>
                  <SelectField label={t('protests.form.routeThana')} hint={t('protests.form.routeThanaHint')} value={draft.routeThana} onChange={(e) => setField('routeThana', e.target.value)} error={fieldError('event.route.thanaCode')} errorLang="en">
                    <option value="">{t('protests.form.chooseThana')}</option>
                    {thanas.map((u) => (
                      <option key={u.code} value={u.code}>
                        {hi ? u.nameHi : u.nameEn}
                      </option>
                    ))}
                  </SelectField>
                  <p className="hint">{t('protests.route.howTo')}</p>
                  {fieldError('event.route.points') ? (
                    <p className="field-error" lang="en">
                      {fieldError('event.route.points')}
                    </p>
                  ) : null}
                  <ol className="route-points">
                    {draft.route.map((p, i) => (
                      <li key={i} className="route-point">
                        <Field label={t('protests.route.name', { n: i + 1 })} value={p.name} onChange={(e) => setPoint(i, { name: e.target.value })} error={apiError?.fieldMessage(`event.route.points[${i}].name`)} errorLang="en" />
                        <Field label={t('protests.route.lat', { n: i + 1 })} inputMode="decimal" value={p.lat} onChange={(e) => setPoint(i, { lat: e.target.value })} error={apiError?.fieldMessage(`event.route.points[${i}].lat`)} errorLang="en" />
                        <Field label={t('protests.route.lng', { n: i + 1 })} inputMode="decimal" value={p.lng} onChange={(e) => setPoint(i, { lng: e.target.value })} error={apiError?.fieldMessage(`event.route.points[${i}].lng`)} errorLang="en" />
                        <button type="button" className="button quiet" onClick={() => setField('route', draft.route.filter((_, j) => j !== i))}>
                          {t('protests.route.remove', { n: i + 1 })}
                        </button>
                      </li>
                    ))}
                  </ol>
                  <button type="button" className="button" onClick={() => setField('route', [...draft.route, { name: '', lat: '', lng: '' }])}>
                    {t('protests.route.add')}
                  </button>
                </>
              )}
            </div>
            <div className="place-map">
              {settings.data ? (
                <Suspense fallback={<div className="map placeholder">{t('dashboard.map.loading')}</div>}>
                  <PlaceMap
                    label={t(draft.placeKind === 'venue' ? 'protests.map.pickVenue' : 'protests.map.drawRoute')}
                    bounds={settings.data.bounds}
                    tileUrl={settings.data.mapTileUrl}
                    tileAttribution={settings.data.mapTileAttribution}
                    venues={draft.placeKind === 'venue' ? venuesForMap : NO_VENUES}
                    selectedVenue={draft.venueCode}
                    route={draft.placeKind === 'route' ? routeForMap : NO_ROUTE}
                    onPickVenue={draft.placeKind === 'venue' ? (code) => setField('venueCode', code) : undefined}
                    onAddPoint={draft.placeKind === 'route' ? addPoint : undefined}
                  />
                </Suspense>
              ) : (
                <div className="map placeholder">{settings.error ? t('errors.panel') : t('dashboard.map.loading')}</div>
              )}
            </div>
          </div>
        </section>

        <section className="panel form-section" aria-labelledby="intake-more">
          <h2 id="intake-more">{t('protests.intake.more')}</h2>
          <label className="checkbox">
            <input type="checkbox" checked={draft.loudspeaker} onChange={(e) => setField('loudspeaker', e.target.checked)} /> {t('protests.form.loudspeaker')}
          </label>
          {draft.loudspeaker ? (
            <div className="form-grid">
              <DateTimeField legend={t('protests.form.loudFrom')} value={draft.loudFrom} onChange={(v) => setField('loudFrom', v)} error={fieldError('event.loudspeaker.from')} errorLang={errorLang('event.loudspeaker.from')} />
              <DateTimeField legend={t('protests.form.loudTo')} value={draft.loudTo} onChange={(v) => setField('loudTo', v)} error={fieldError('event.loudspeaker.to')} errorLang={errorLang('event.loudspeaker.to')} />
            </div>
          ) : null}
          <div className="form-grid">
            <Field label={t('protests.form.vehicles')} inputMode="numeric" value={draft.vehicleCount} onChange={(e) => setField('vehicleCount', e.target.value)} error={fieldError('event.vehicles.count')} errorLang="en" />
            <Field label={t('protests.form.vehicleDetails')} value={draft.vehicleDetails} onChange={(e) => setField('vehicleDetails', e.target.value)} error={fieldError('event.vehicles.details')} errorLang="en" />
          </div>
          <h3>{t('protests.attachments.title')}</h3>
          <p className="hint">{t('protests.attachments.hint')}</p>
          <div className="form-grid">
            <SelectField label={t('protests.attachments.kind')} value={fileKind} onChange={(e) => setFileKind(e.target.value as AttachmentKind)}>
              {ATTACHMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`protests.attachmentKind.${k}`)}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('protests.attachments.file')}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) setFiles((fs) => [...fs, { kind: fileKind, file }]);
                e.target.value = '';
              }}
            />
          </div>
          {files.length > 0 ? (
            <ul className="rows compact">
              {files.map((f, i) => (
                <li key={`${f.file.name}-${i}`} className="row">
                  <span>{t(`protests.attachmentKind.${f.kind}`)}</span>
                  <span>{f.file.name}</span>
                  <button type="button" className="button quiet" onClick={() => setFiles((fs) => fs.filter((_, j) => j !== i))}>
                    {t('protests.attachments.remove', { name: f.file.name })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section className="panel form-section" aria-labelledby="intake-check" aria-live="polite">
          <h2 id="intake-check">{t('protests.check.title')}</h2>
          {check.data ? (
            <>
              <p>
                {t('protests.check.thana', { thana: hi ? check.data.thana.nameHi : check.data.thana.nameEn })}
                {check.data.late ? ` ${t('protests.check.late', { hours: Math.floor(check.data.leadTimeHours) })}` : ''}
              </p>
              <h3>{t('protests.record.clashes')}</h3>
              <ClashList clashes={check.data.clashes} />
              <h3>{t('protests.record.rules')}</h3>
              <RuleResults rules={check.data.rules} />
            </>
          ) : (
            <p className="muted">{t('protests.check.intro')}</p>
          )}
          <div className="actions">
            <button type="button" className="button" onClick={runCheck} disabled={check.isPending}>
              {check.isPending ? t('protests.check.checking') : t('protests.check.run')}
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('protests.intake.saving') : t('protests.intake.save')}
            </button>
          </div>
        </section>
      </form>
    </div>
  );
}
