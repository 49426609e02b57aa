import './verifications.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDate, parseDateInput } from '../../lib/time';
import { useQueuedSave } from '../../offline/use-queued-save';
import { QueuedSaveNotice } from '../../components/QueuedSaveNotice';
import { QUEUED_VISIT, type QueuedVisit } from './queued';
import { useVerification, VISIT_OUTCOMES, type VisitOutcome } from './verification-api';

interface Neighbour {
  name: string;
  address: string;
  statement: string;
}

type Fix = { state: 'none' } | { state: 'locating' } | { state: 'found'; lat: number; lng: number; accuracyM: number } | { state: 'failed'; denied: boolean };

const NO_NEIGHBOUR: Neighbour = { name: '', address: '', statement: '' };

/** The visit as typed, kept with a queued report so that it can be opened and corrected. */
interface VisitDraft {
  visitedOn: string;
  officerName: string;
  officerRank: string;
  fix: Fix;
  neighbours: Neighbour[];
  outcome: VisitOutcome;
  note: string;
}

/** The field visit from a phone at the door: one column, big targets, the browser's geolocation. */
export function FieldVisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const record = useVerification(id);
  const v = record.data;
  usePageTitle(t('verification.visit.formTitle', { ref: v?.ref ?? '' }));
  const [visitedOn, setVisitedOn] = useState(() => formatDate(new Date()));
  const [officerName, setOfficerName] = useState('');
  const [officerRank, setOfficerRank] = useState('');
  const [fix, setFix] = useState<Fix>({ state: 'none' });
  const [neighbours, setNeighbours] = useState<Neighbour[]>([{ ...NO_NEIGHBOUR }]);
  const [outcome, setOutcome] = useState<VisitOutcome>('RESIDES_AT_ADDRESS');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [badDate, setBadDate] = useState(false);
  const [noFix, setNoFix] = useState(false);
  const [lastError, setLastError] = useState<unknown>(null);
  const queued = useQueuedSave<VisitDraft, QueuedVisit>(QUEUED_VISIT, (saved, files, refused) => {
    setVisitedOn(saved.visitedOn);
    setOfficerName(saved.officerName);
    setOfficerRank(saved.officerRank);
    setFix(saved.fix);
    setNeighbours(saved.neighbours);
    setOutcome(saved.outcome);
    setNote(saved.note);
    setPhotos(files);
    setLastError(refused ?? null);
  });
  const error = lastError instanceof ApiError ? lastError : undefined;

  if (record.error instanceof ApiError && (record.error.status === 404 || record.error.status === 400)) return <NotFoundPage />;
  if (!v) {
    return (
      <div className="page">
        <Panel title={t('verification.visit.title')} headingId="visit-loading" loading={record.isPending} error={record.error} />
      </div>
    );
  }
  const hi = currentLanguage() === 'hi';

  const locate = () => {
    setFix({ state: 'locating' });
    setNoFix(false);
    navigator.geolocation.getCurrentPosition(
      (p) => setFix({ state: 'found', lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: p.coords.accuracy }),
      (e) => setFix({ state: 'failed', denied: e.code === e.PERMISSION_DENIED }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  };
  const setNeighbour = (i: number, part: Partial<Neighbour>) => setNeighbours((ns) => ns.map((n, j) => (j === i ? { ...n, ...part } : n)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const day = parseDateInput(visitedOn);
    setBadDate(!day);
    setNoFix(fix.state !== 'found');
    if (!day || fix.state !== 'found') return;
    const visit = {
      version: v.version,
      visitedOn: day,
      officerName: officerName.trim(),
      officerRank: officerRank.trim() || undefined,
      lat: fix.lat,
      lng: fix.lng,
      accuracyM: Math.round(fix.accuracyM * 10) / 10,
      neighbours: neighbours.filter((n) => n.name.trim() || n.statement.trim()).map((n) => ({ name: n.name.trim(), address: n.address.trim() || undefined, statement: n.statement.trim() })),
      outcome,
      note: note.trim() || undefined,
    };
    setLastError(null);
    // Through the device's outbox (issue 17): at the door with no signal, it is kept and sent when the phone is back online.
    void queued.save({ visitedOn, officerName, officerRank, fix, neighbours, outcome, note }, { verificationId: id, ref: v.ref, visit }, photos).then((submitted) => {
      if (submitted?.outcome === 'sent') void navigate(`/verifications/${id}`, { state: { visited: true, photosFailed: submitted.attachmentsRefused.length } });
      else if (submitted?.outcome === 'refused') setLastError(submitted.error);
    }, setLastError);
  };
  const busy = queued.saving;

  return (
    <div className="page visit-page">
      <p>
        <Link to={`/verifications/${id}`}>{t('verification.visit.back', { ref: v.ref })}</Link>
      </p>
      <h1>{t('verification.visit.formTitle', { ref: v.ref })}</h1>
      <p>
        {hi ? v.applicant.nameHi : v.applicant.nameEn} · {v.presentAddress.address}, {v.presentAddress.locality}
      </p>
      <form className="verif-form" onSubmit={submit} noValidate>
        <QueuedSaveNotice save={queued} />
        <FormMessage error={lastError} explain={(e) => (Object.keys(e.fields).length > 0 ? t('verification.form.refused') : undefined)} />
        <section className="panel verif-section" aria-labelledby="visit-where">
          <h2 id="visit-where">{t('verification.visit.where2')}</h2>
          <div className="geo" aria-live="polite">
            <button type="button" className="button" onClick={locate} disabled={fix.state === 'locating'}>
              {fix.state === 'locating' ? t('verification.visit.locating') : fix.state === 'found' ? t('verification.visit.locateAgain') : t('verification.visit.locate')}
            </button>
            {fix.state === 'found' ? (
              <p role="status" data-fix="found">
                {t('verification.visit.fix', { latitude: fix.lat.toFixed(5), longitude: fix.lng.toFixed(5), accuracy: Math.round(fix.accuracyM) })}
              </p>
            ) : null}
            {fix.state === 'failed' ? <p className="field-error">{fix.denied ? t('verification.visit.denied') : t('verification.visit.noFix')}</p> : null}
            {noFix && fix.state !== 'found' && fix.state !== 'failed' ? <p className="field-error">{t('verification.visit.needFix')}</p> : null}
            {error?.fieldMessage('lat') || error?.fieldMessage('lng') || error?.fieldMessage('accuracyM') ? (
              <p className="field-error" lang="en">
                {error.fieldMessage('lat') ?? error.fieldMessage('lng') ?? error.fieldMessage('accuracyM')}
              </p>
            ) : null}
          </div>
          <div className="form-grid">
            <Field label={t('verification.visit.visitedOn')} hint={t('verification.form.dateHint')} inputMode="numeric" value={visitedOn} onChange={(e) => setVisitedOn(e.target.value)} error={badDate ? t('verification.form.unreadable') : error?.fieldMessage('visitedOn')} errorLang={badDate ? undefined : 'en'} />
            <Field label={t('verification.visit.officerName')} value={officerName} onChange={(e) => setOfficerName(e.target.value)} error={error?.fieldMessage('officerName')} errorLang="en" />
            <Field label={t('verification.visit.officerRank')} value={officerRank} onChange={(e) => setOfficerRank(e.target.value)} error={error?.fieldMessage('officerRank')} errorLang="en" />
          </div>
        </section>
        <section className="panel verif-section" aria-labelledby="visit-neighbours">
          <h2 id="visit-neighbours">{t('verification.visit.neighbours')}</h2>
          {neighbours.map((n, i) => (
            <div key={i} className="neighbour">
              <Field label={t('verification.visit.neighbourName', { n: i + 1 })} value={n.name} onChange={(e) => setNeighbour(i, { name: e.target.value })} error={error?.fieldMessage(`neighbours[${i}].name`)} errorLang="en" />
              <Field label={t('verification.visit.neighbourAddress', { n: i + 1 })} value={n.address} onChange={(e) => setNeighbour(i, { address: e.target.value })} error={error?.fieldMessage(`neighbours[${i}].address`)} errorLang="en" />
              <TextAreaField label={t('verification.visit.neighbourStatement', { n: i + 1 })} rows={3} value={n.statement} onChange={(e) => setNeighbour(i, { statement: e.target.value })} error={error?.fieldMessage(`neighbours[${i}].statement`)} errorLang="en" />
              {neighbours.length > 1 ? (
                <button type="button" className="button quiet" onClick={() => setNeighbours((ns) => ns.filter((_, j) => j !== i))}>
                  {t('verification.visit.removeNeighbour', { n: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          {neighbours.length < 10 ? (
            <button type="button" className="button" onClick={() => setNeighbours((ns) => [...ns, { ...NO_NEIGHBOUR }])}>
              {t('verification.visit.addNeighbour')}
            </button>
          ) : null}
        </section>
        <section className="panel verif-section" aria-labelledby="visit-outcome">
          <h2 id="visit-outcome">{t('verification.visit.found')}</h2>
          <SelectField label={t('verification.visit.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as VisitOutcome)} error={error?.fieldMessage('outcome')} errorLang="en">
            {VISIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`verification.visitOutcome.${o}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={t('verification.visit.note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={error?.fieldMessage('note')} errorLang="en" />
          <Field
            label={t('verification.visit.photosField')}
            hint={t('verification.visit.photosHint')}
            type="file"
            accept="image/jpeg,image/png"
            multiple
            onChange={(e) => {
              const chosen = Array.from(e.target.files ?? []);
              e.target.value = '';
              setPhotos((ps) => [...ps, ...chosen]);
            }}
          />
          {photos.length > 0 ? (
            <ul className="rows compact">
              {photos.map((f, i) => (
                <li key={`${f.name}-${i}`} className="row">
                  <span>{f.name}</span>
                  <button type="button" className="button quiet" onClick={() => setPhotos((ps) => ps.filter((_, j) => j !== i))}>
                    {t('verification.visit.removePhoto', { name: f.name })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="visit-submit">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('verification.visit.saving') : t('verification.visit.save')}
            </button>
          </div>
        </section>
      </form>
    </div>
  );
}
