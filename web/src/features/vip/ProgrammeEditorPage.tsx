import './vip.css';
import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { DateTimeField } from '../../components/DateTimeField';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { usePageTitle } from '../../components/usePageTitle';
import { NotFoundPage } from '../../components/NotFoundPage';
import { currentLanguage } from '../../i18n';
import {
  AIR_MODES,
  LEG_ACTIVITIES,
  LEG_MODES,
  useCheckRevision,
  useIssue,
  useMapSettings,
  useProgramme,
  useProtectees,
  useRevise,
  useThanas,
  type LegActivity,
  type LegMode,
  type Programme,
  type RevisionCheck,
} from './api';
import { ChangeList } from './ChangeList';
import { ProtecteeDialog } from './ProtecteeDialog';
import { createBody, entryFromProgramme, freshEntry, freshLeg, legPoints, legsBody, reviseBody, round6, useDrafts, NEW_DRAFT, type LegEntry, type PlaceEntry, type ProgrammeEntry } from './entry';

const LegsMap = lazy(() => import('./LegsMap'));

/** What a click on the map sets for the leg being drawn. */
const CLICK_SETS = ['from', 'route', 'to'] as const;
type ClickSets = (typeof CLICK_SETS)[number];
/** A leg's two ends, each a place with its coordinates. */
const ENDS = ['from', 'to'] as const;


/** Screen 5: a new programme (`/vip-programmes/new`). */
export function NewProgrammePage() {
  return <ProgrammeEditor draftKey={NEW_DRAFT} />;
}

/** Screen 5: the next revision of a programme (`/vip-programmes/:id/revise`), from its current revision. */
export function ReviseProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useProgramme(id);
  if (record.error instanceof ApiError && record.error.status === 404) return <NotFoundPage />;
  if (!record.data) {
    return (
      <div className="page">
        <Panel title={t('vipDesk.editor.reviseTitleLoading')} headingId="vip-revise-loading" loading={record.isPending} error={record.error} />
      </div>
    );
  }
  return <ProgrammeEditor key={`${id}-${record.data.currentRevision}`} draftKey={`${id}-${record.data.currentRevision}`} programme={record.data} />;
}

function ProgrammeEditor({ draftKey, programme }: { draftKey: string; programme?: Programme }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  const navigate = useNavigate();
  const drafts = useDrafts();
  const revising = Boolean(programme);
  const title = programme ? t('vipDesk.editor.reviseTitle', { ref: programme.ref, next: programme.currentRevision + 1 }) : t('vipDesk.editor.newTitle');
  usePageTitle(title);
  const [entry, setEntry] = useState<ProgrammeEntry>(() => drafts.get(draftKey) ?? (programme ? entryFromProgramme(programme) : freshEntry()));
  const [fromDraft] = useState(() => drafts.get(draftKey) !== undefined);
  const [savedDraft, setSavedDraft] = useState(false);
  const [active, setActive] = useState(0);
  const [clickSets, setClickSets] = useState<ClickSets>('route');
  const [unreadable, setUnreadable] = useState<Set<string>>(new Set());
  const [lastError, setLastError] = useState<unknown>(null);
  /** The diff last checked, for exactly the entry on screen (any edit clears it). */
  const [checked, setChecked] = useState<RevisionCheck | null>(null);
  const [addingProtectee, setAddingProtectee] = useState(false);
  const protectees = useProtectees(!revising);
  const thanas = useThanas();
  const settings = useMapSettings();
  const issue = useIssue();
  const check = useCheckRevision(programme?.id ?? '');
  const revise = useRevise(programme?.id ?? '');

  const edit = (next: (e: ProgrammeEntry) => ProgrammeEntry) => {
    setEntry(next);
    setChecked(null);
    setSavedDraft(false);
  };
  // The reason is printed on the revision but changes nothing in it: what was checked still holds.
  const setReason = (reason: string) => {
    setEntry((e) => ({ ...e, reason }));
    setSavedDraft(false);
  };
  const setLeg = (i: number, patch: Partial<LegEntry>) => edit((e) => ({ ...e, legs: e.legs.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
  const apiError = lastError instanceof ApiError ? lastError : undefined;
  const fieldError = (field: string) => (unreadable.has(field) ? t('vipDesk.editor.unreadableTime') : apiError?.fieldMessage(field));
  const errorLang = (field: string) => (unreadable.has(field) ? undefined : 'en');

  const prepared = () => {
    const { legs, unreadable: bad } = legsBody(entry);
    setUnreadable(bad);
    setLastError(null);
    return bad.size === 0 ? legs : null;
  };
  const saveDraft = () => {
    drafts.save(draftKey, entry);
    setSavedDraft(true);
  };
  const discardDraft = () => {
    drafts.discard(draftKey);
    setEntry(programme ? entryFromProgramme(programme) : freshEntry());
    setChecked(null);
    setSavedDraft(false);
  };
  const onIssue = (e: FormEvent) => {
    e.preventDefault();
    const legs = prepared();
    if (!legs) return;
    if (!programme) {
      issue.mutate(createBody(entry, legs), {
        onError: setLastError,
        onSuccess: (p) => {
          drafts.discard(draftKey);
          void navigate(`/vip-programmes/${p.id}`, { state: { issued: p.currentRevision } });
        },
      });
      return;
    }
    const body = reviseBody(entry, legs, programme.currentRevision);
    if (!checked) {
      check.mutate(body, { onError: setLastError, onSuccess: setChecked });
      return;
    }
    revise.mutate(body, {
      onError: (err) => {
        setLastError(err);
        setChecked(null);
      },
      onSuccess: (p) => {
        drafts.discard(draftKey);
        void navigate(`/vip-programmes/${p.id}`, { state: { issued: p.currentRevision } });
      },
    });
  };

  const pick = (lat: number, lng: number) => {
    const at = { lat: round6(lat), lng: round6(lng) };
    edit((e) => ({
      ...e,
      legs: e.legs.map((l, j) => {
        if (j !== active) return l;
        if (clickSets === 'from') return { ...l, from: { ...l.from, ...at, name: l.from.name || t('vipDesk.leg.pointName', { n: 1 }) } };
        if (clickSets === 'to') return { ...l, to: { ...l.to, ...at, name: l.to.name || t('vipDesk.leg.pointName', { n: l.route.length + 2 }) } };
        return { ...l, route: [...l.route, { name: t('vipDesk.leg.pointName', { n: l.route.length + 2 }), ...at }] };
      }),
    }));
  };

  const mapLegs = useMemo(
    () => entry.legs.map((l, i) => ({ label: legLabel(i, l), points: legPoints(l), air: AIR_MODES.includes(l.mode), active: i === active })),
    [entry.legs, active],
  );
  const busy = issue.isPending || check.isPending || revise.isPending;
  const submitLabel = !programme
    ? t(issue.isPending ? 'vipDesk.editor.issuing' : 'vipDesk.editor.issue')
    : checked
      ? t(revise.isPending ? 'vipDesk.editor.sending' : 'vipDesk.editor.send', { n: checked.revisionNo })
      : t(check.isPending ? 'vipDesk.editor.checking' : 'vipDesk.editor.check');

  return (
    <div className="page vip vip-editor">
      <p>
        <Link to={programme ? `/vip-programmes/${programme.id}` : '/vip-programmes'}>{programme ? t('vipDesk.record.backTo', { ref: programme.ref }) : t('vipDesk.record.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="muted">{t(revising ? 'vipDesk.editor.reviseIntro' : 'vipDesk.editor.newIntro')}</p>
      {fromDraft ? (
        <div className="notice info" role="status">
          {t('vipDesk.draft.resumed')}
        </div>
      ) : null}
      <form onSubmit={onIssue} noValidate>
        <FormMessage error={issue.error ?? check.error ?? revise.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('vipDesk.editor.refused') : undefined)} />

        {!programme ? (
          <section className="panel vip-section" aria-labelledby="vip-programme-head">
            <h2 id="vip-programme-head">{t('vipDesk.editor.programme')}</h2>
            <div className="form-grid">
              <SelectField label={t('vipDesk.editor.protectee')} value={entry.protecteeId} onChange={(e) => edit((x) => ({ ...x, protecteeId: e.target.value }))} error={fieldError('protecteeId')} errorLang="en">
                <option value="">{t('vipDesk.editor.chooseProtectee')}</option>
                {(protectees.data ?? [])
                  .filter((p) => p.isActive)
                  .sort((a, b) => a.listRank - b.listRank)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {hi ? `${p.nameHi} (${p.designationHi})` : `${p.nameEn} (${p.designationEn})`} · {p.category}
                    </option>
                  ))}
              </SelectField>
              <div className="actions vip-protectee-add">
                <button type="button" className="button quiet" onClick={() => setAddingProtectee(true)}>
                  {t('vipDesk.protectee.add')}
                </button>
              </div>
              <Field label={t('vipDesk.editor.title')} hint={t('vipDesk.editor.titleHint')} value={entry.title} onChange={(e) => edit((x) => ({ ...x, title: e.target.value }))} error={fieldError('title')} errorLang="en" />
            </div>
          </section>
        ) : null}

        <div className="vip-plan">
          <div className="vip-legs">
            {apiError?.fields['legs'] ? (
              <p className="field-error" lang="en">
                {apiError.fields['legs']}
              </p>
            ) : null}
            {entry.legs.map((leg, i) => (
              <LegForm
                key={i}
                n={i}
                leg={leg}
                count={entry.legs.length}
                active={i === active}
                onActivate={() => setActive(i)}
                onChange={(patch) => setLeg(i, patch)}
                onRemove={() => {
                  edit((e) => ({ ...e, legs: e.legs.filter((_, j) => j !== i) }));
                  setActive((a) => Math.max(0, a >= i ? a - 1 : a));
                }}
                fieldError={fieldError}
                errorLang={errorLang}
              />
            ))}
            <button
              type="button"
              className="button"
              onClick={() => {
                edit((e) => ({ ...e, legs: [...e.legs, freshLeg(e.legs[e.legs.length - 1])] }));
                setActive(entry.legs.length);
              }}
            >
              {t('vipDesk.leg.add')}
            </button>
          </div>
          <section className="panel vip-section vip-map-panel" aria-labelledby="vip-map-head">
            <h2 id="vip-map-head">{t('vipDesk.editor.map')}</h2>
            <div className="form-grid">
              <SelectField label={t('vipDesk.editor.drawLeg')} value={String(active)} onChange={(e) => setActive(Number(e.target.value))}>
                {entry.legs.map((l, i) => (
                  <option key={i} value={i}>
                    {legLabel(i, l)}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('vipDesk.editor.clickSets')} value={clickSets} onChange={(e) => setClickSets(e.target.value as ClickSets)}>
                {CLICK_SETS.map((c) => (
                  <option key={c} value={c}>
                    {t(`vipDesk.editor.clickSet.${c}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <p className="hint">{t('vipDesk.editor.mapHint')}</p>
            {settings.data ? (
              <Suspense fallback={<div className="map placeholder">{t('vipDesk.map.loading')}</div>}>
                <LegsMap label={t('vipDesk.editor.mapLabel')} bounds={settings.data.bounds} tileUrl={settings.data.mapTileUrl} tileAttribution={settings.data.mapTileAttribution} legs={mapLegs} onPick={pick} />
              </Suspense>
            ) : (
              <div className="map placeholder">{settings.error ? t('errors.panel') : t('vipDesk.map.loading')}</div>
            )}
          </section>
        </div>

        <section className="panel vip-section" aria-labelledby="vip-units-head">
          <h2 id="vip-units-head">{t('vipDesk.editor.units')}</h2>
          <p className="hint">{t('vipDesk.editor.unitsHint')}</p>
          <CheckboxGroup
            legend={t('vipDesk.editor.addUnits')}
            options={(thanas.data ?? []).map((u) => ({ value: u.code, label: hi ? u.nameHi : u.nameEn }))}
            value={entry.addUnits}
            onChange={(addUnits) => edit((e) => ({ ...e, addUnits }))}
            error={fieldError('addUnits')}
            errorLang="en"
          />
        </section>

        {programme ? (
          <section className="panel vip-section vip-check" aria-labelledby="vip-check-head" aria-live="polite">
            <h2 id="vip-check-head">{t('vipDesk.check.title', { n: programme.currentRevision })}</h2>
            {checked ? (
              <>
                <ChangeList changes={checked.changes} empty={t('vipDesk.check.none')} />
                {checked.unitsAdded.length ? <p>{t('vipDesk.check.unitsAdded', { units: checked.unitsAdded.map((u) => (hi ? u.nameHi : u.nameEn)).join(', ') })}</p> : null}
                {checked.unitsDropped.length ? <p className="vip-warn">{t('vipDesk.check.unitsDropped', { units: checked.unitsDropped.map((u) => (hi ? u.nameHi : u.nameEn)).join(', ') })}</p> : null}
              </>
            ) : (
              <p className="muted">{t('vipDesk.check.intro')}</p>
            )}
            <TextAreaField label={t('vipDesk.editor.reason')} rows={2} value={entry.reason} onChange={(e) => setReason(e.target.value)} error={fieldError('reason')} errorLang="en" />
          </section>
        ) : null}

        <div className="actions vip-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" className="button" onClick={saveDraft}>
            {t('vipDesk.draft.save')}
          </button>
          {fromDraft || savedDraft ? (
            <button type="button" className="button quiet" onClick={discardDraft}>
              {t('vipDesk.draft.discard')}
            </button>
          ) : null}
        </div>
        <p className="hint" role="status">
          {savedDraft ? t('vipDesk.draft.saved') : t('vipDesk.draft.hint')}
        </p>
      </form>
      {addingProtectee ? (
        <ProtecteeDialog
          onClose={() => setAddingProtectee(false)}
          onCreated={(p) => {
            setAddingProtectee(false);
            edit((e) => ({ ...e, protecteeId: p.id }));
          }}
        />
      ) : null}
    </div>
  );
}

function legLabel(i: number, l: LegEntry): string {
  const ends = [l.from.name, l.to.name].map((s) => s.trim()).filter(Boolean);
  return ends.length ? `${i + 1}. ${ends.join(' → ')}` : `${i + 1}.`;
}

function LegForm({
  n,
  leg,
  count,
  active,
  onActivate,
  onChange,
  onRemove,
  fieldError,
  errorLang,
}: {
  n: number;
  leg: LegEntry;
  count: number;
  active: boolean;
  onActivate: () => void;
  onChange: (patch: Partial<LegEntry>) => void;
  onRemove: () => void;
  fieldError: (field: string) => string | undefined;
  errorLang: (field: string) => 'en' | undefined;
}) {
  const { t } = useTranslation();
  const f = (field: string) => `legs[${n}].${field}`;
  const num = n + 1;
  const setPlace = (which: 'from' | 'to', patch: Partial<PlaceEntry>) => onChange({ [which]: { ...leg[which], ...patch } });
  const setPoint = (i: number, patch: Partial<PlaceEntry>) => onChange({ route: leg.route.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const air = AIR_MODES.includes(leg.mode);
  return (
    <section className={`panel vip-section vip-leg${active ? ' active' : ''}`} aria-labelledby={`vip-leg-${n}`} onFocus={onActivate}>
      <h2 id={`vip-leg-${n}`}>{t('vipDesk.leg.title', { n: num })}</h2>
      <div className="form-grid">
        <DateTimeField legend={t('vipDesk.leg.start', { n: num })} value={leg.start} onChange={(start) => onChange({ start })} error={fieldError(f('start'))} errorLang={errorLang(f('start'))} />
        <DateTimeField legend={t('vipDesk.leg.end', { n: num })} value={leg.end} onChange={(end) => onChange({ end })} error={fieldError(f('end'))} errorLang={errorLang(f('end'))} />
        <SelectField label={t('vipDesk.leg.mode', { n: num })} value={leg.mode} onChange={(e) => onChange({ mode: e.target.value as LegMode })} error={fieldError(f('mode'))} errorLang="en">
          {LEG_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`vip.mode.${m}`)}
            </option>
          ))}
        </SelectField>
        {air ? (
          <Field label={t('vipDesk.leg.registration', { n: num })} hint={t('vipDesk.leg.registrationHint')} autoCapitalize="characters" value={leg.registration} onChange={(e) => onChange({ registration: e.target.value.toUpperCase() })} error={fieldError(f('registration'))} errorLang="en" />
        ) : null}
        <SelectField label={t('vipDesk.leg.activity', { n: num })} value={leg.activity} onChange={(e) => onChange({ activity: e.target.value as LegActivity })} error={fieldError(f('activity'))} errorLang="en">
          {LEG_ACTIVITIES.map((a) => (
            <option key={a} value={a}>
              {t(`vip.activity.${a}`)}
            </option>
          ))}
        </SelectField>
        <Field label={t('vipDesk.leg.venue', { n: num })} value={leg.venue} onChange={(e) => onChange({ venue: e.target.value })} error={fieldError(f('venue'))} errorLang="en" />
      </div>
      {ENDS.map((which) => (
        <fieldset key={which} className="vip-place">
          <legend>{t(`vipDesk.leg.${which}`, { n: num })}</legend>
          <Field label={t(`vipDesk.leg.${which}Name`, { n: num })} value={leg[which].name} onChange={(e) => setPlace(which, { name: e.target.value })} error={fieldError(f(`${which}.name`))} errorLang="en" />
          <Field label={t(`vipDesk.leg.${which}Lat`, { n: num })} inputMode="decimal" value={leg[which].lat} onChange={(e) => setPlace(which, { lat: e.target.value })} error={fieldError(f(`${which}.lat`))} errorLang="en" />
          <Field label={t(`vipDesk.leg.${which}Lng`, { n: num })} inputMode="decimal" value={leg[which].lng} onChange={(e) => setPlace(which, { lng: e.target.value })} error={fieldError(f(`${which}.lng`))} errorLang="en" />
        </fieldset>
      ))}
      {!air ? (
        <div className="vip-route">
          <h3>{t('vipDesk.leg.route', { n: num })}</h3>
          {leg.route.length === 0 ? <p className="hint">{t('vipDesk.leg.routeHint')}</p> : null}
          {fieldError(f('route')) && !leg.route.some((_, i) => fieldError(f(`route[${i}]`))) ? (
            <p className="field-error" lang="en">
              {fieldError(f('route'))}
            </p>
          ) : null}
          <ol className="vip-route-points">
            {leg.route.map((p, i) => (
              <li key={i} className="vip-route-point">
                <Field label={t('vipDesk.leg.pointNameLabel', { n: num, m: i + 1 })} value={p.name} onChange={(e) => setPoint(i, { name: e.target.value })} error={fieldError(f(`route[${i}].name`))} errorLang="en" />
                <Field label={t('vipDesk.leg.pointLat', { n: num, m: i + 1 })} inputMode="decimal" value={p.lat} onChange={(e) => setPoint(i, { lat: e.target.value })} error={fieldError(f(`route[${i}].lat`))} errorLang="en" />
                <Field label={t('vipDesk.leg.pointLng', { n: num, m: i + 1 })} inputMode="decimal" value={p.lng} onChange={(e) => setPoint(i, { lng: e.target.value })} error={fieldError(f(`route[${i}].lng`))} errorLang="en" />
                <button type="button" className="button quiet" onClick={() => onChange({ route: leg.route.filter((_, j) => j !== i) })}>
                  {t('vipDesk.leg.removePoint', { n: num, m: i + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="button" onClick={() => onChange({ route: [...leg.route, { name: '', lat: '', lng: '' }] })}>
            {t('vipDesk.leg.addPoint', { n: num })}
          </button>
        </div>
      ) : null}
      <TextAreaField label={t('vipDesk.leg.remarks', { n: num })} rows={2} value={leg.remarks} onChange={(e) => onChange({ remarks: e.target.value })} error={fieldError(f('remarks'))} errorLang="en" />
      {count > 1 ? (
        <div className="actions">
          <button type="button" className="button quiet" onClick={onRemove}>
            {t('vipDesk.leg.remove', { n: num })}
          </button>
        </div>
      ) : null}
    </section>
  );
}
