import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SheetImportPanel } from '../../components/SheetImportPanel';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import {
  CREATABLE_UNIT_KINDS,
  useCreateUnit,
  useImportUnits,
  useMoveUnit,
  useRemoveUnit,
  useUnits,
  useUpdateUnit,
  type CreatableUnitKind,
  type Unit,
} from './api';

const name = (u: Unit) => (currentLanguage() === 'hi' ? u.nameHi : u.nameEn);
const depth = (u: Unit) => u.path.split('.').length - 1;
/** The commissionerate itself is the root of everything: it is neither moved nor retired. */
const isRoot = (u: Unit) => u.parentId === null;

/** A number typed by a person, or undefined when the field is empty (the API names a bad one). */
function coordinate(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

type Dialog = { kind: 'edit' | 'move' | 'remove'; unit: Unit };

/** The unit tree: zones, ACP circles, thanas and branches; add, rename, move, retire, or import a CSV. */
export function UnitsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.units.title'));
  const [showRetired, setShowRetired] = useState(false);
  const units = useUnits(showRetired);
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const list = units.data ?? [];
  const open = (kind: Dialog['kind'], unit: Unit) => setDialog({ kind, unit });
  const close = () => setDialog(undefined);

  return (
    <>
      <h1>{t('admin.units.title')}</h1>
      <p>{t('admin.units.intro')}</p>
      <ImportPanel />
      <NewUnitForm units={list} />
      <Panel title={t('admin.units.treeTitle')} headingId="units-tree" loading={units.isPending} error={units.error}>
        <label className="checkbox">
          <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
          {t('admin.units.showRetired')}
        </label>
        <ul className="rows unit-tree">
          {list.map((u) => (
            <li key={u.id} className={`row unit-row depth-${Math.min(depth(u), 5)}`} aria-labelledby={`unit-${u.id}`}>
              <div>
                <h3 className="row-title" id={`unit-${u.id}`}>
                  {name(u)} <span className="muted">· {t(`admin.units.kind.${u.kind}`)}</span>
                </h3>
                <p className="muted">
                  <code>{u.code}</code>
                  {u.lat !== null && u.lng !== null ? ` · ${t('admin.units.at', { latitude: u.lat.toFixed(4), longitude: u.lng.toFixed(4) })}` : ''}
                  {u.retiredAt ? ' · ' : ''}
                  {u.retiredAt ? <span className="state-tag cancelled">{t('admin.units.retired')}</span> : null}
                </p>
              </div>
              {u.isActive ? (
                <div className="actions">
                  <button type="button" className="button" onClick={() => open(EDIT, u)} aria-describedby={`unit-${u.id}`}>
                    {t('admin.units.edit')}
                  </button>
                  {isRoot(u) ? null : (
                    <>
                      <button type="button" className="button" onClick={() => open(MOVE, u)} aria-describedby={`unit-${u.id}`}>
                        {t('admin.units.move')}
                      </button>
                      <button type="button" className="button quiet" onClick={() => open(REMOVE, u)} aria-describedby={`unit-${u.id}`}>
                        {t('admin.units.remove')}
                      </button>
                    </>
                  )}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </Panel>
      {dialog?.kind === EDIT ? <EditUnit key={dialog.unit.id} unit={dialog.unit} onClose={close} /> : null}
      {dialog?.kind === MOVE ? <MoveUnit key={dialog.unit.id} unit={dialog.unit} units={list} onClose={close} /> : null}
      {dialog?.kind === REMOVE ? <RemoveUnit key={dialog.unit.id} unit={dialog.unit} onClose={close} /> : null}
    </>
  );
}

/** What the file picker offers. */
const CSV_FILES = '.csv,text/csv';
const EDIT = 'edit';
const MOVE = 'move';
const REMOVE = 'remove';

function ParentOptions({ units, except }: { units: readonly Unit[]; except?: Unit }) {
  return (
    <>
      {units
        .filter((u) => u.isActive && u.kind !== 'THANA' && u.kind !== 'BRANCH')
        .filter((u) => !except || (u.id !== except.id && !u.path.startsWith(`${except.path}.`)))
        .map((u) => (
          <option key={u.id} value={u.code}>
            {`${'\u00a0\u00a0'.repeat(depth(u))}${name(u)} (${u.code})`}
          </option>
        ))}
    </>
  );
}

const EMPTY = { code: '', kind: 'THANA' as CreatableUnitKind, nameEn: '', nameHi: '', parentCode: '', lat: '', lng: '' };

function NewUnitForm({ units }: { units: readonly Unit[] }) {
  const { t } = useTranslation();
  const create = useCreateUnit();
  const [form, setForm] = useState(EMPTY);
  const [made, setMade] = useState<Unit | undefined>();
  const error = create.error instanceof ApiError ? create.error : undefined;
  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const { name: field, value } = e.target;
    setForm((f) => ({ ...f, [field]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMade(undefined);
    create.mutate(
      { code: form.code, kind: form.kind, nameEn: form.nameEn, nameHi: form.nameHi, parentCode: form.parentCode, lat: coordinate(form.lat), lng: coordinate(form.lng) },
      {
        onSuccess: (u) => {
          setMade(u);
          setForm(EMPTY);
        },
      },
    );
  };
  return (
    <Panel title={t('admin.units.newTitle')} headingId="units-new">
      {made ? (
        <p className="notice info" role="status">
          {t('admin.units.created', { name: name(made), path: made.path })}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate className="form-grid">
        <FormMessage error={create.error} />
        <Field label={t('admin.units.code')} hint={t('admin.units.codeHint')} name="code" value={form.code} onChange={onChange} autoCapitalize="characters" error={error?.fieldMessage('code')} errorLang="en" />
        <SelectField label={t('admin.units.kindLabel')} name="kind" value={form.kind} onChange={onChange} error={error?.fieldMessage('kind')} errorLang="en">
          {CREATABLE_UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`admin.units.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <Field label={t('admin.units.nameHi')} name="nameHi" lang="hi" value={form.nameHi} onChange={onChange} error={error?.fieldMessage('nameHi')} errorLang="en" />
        <Field label={t('admin.units.nameEn')} name="nameEn" lang="en" value={form.nameEn} onChange={onChange} error={error?.fieldMessage('nameEn')} errorLang="en" />
        <SelectField label={t('admin.units.parent')} name="parentCode" value={form.parentCode} onChange={onChange} error={error?.fieldMessage('parentCode')} errorLang="en">
          <option value="">{t('admin.units.chooseParent')}</option>
          <ParentOptions units={units} />
        </SelectField>
        <Field label={t('admin.units.lat')} hint={t('admin.units.latLngHint')} name="lat" inputMode="decimal" value={form.lat} onChange={onChange} error={error?.fieldMessage('lat')} errorLang="en" />
        <Field label={t('admin.units.lng')} name="lng" inputMode="decimal" value={form.lng} onChange={onChange} error={error?.fieldMessage('lng')} errorLang="en" />
        <div className="actions">
          <button type="submit" className="button primary" disabled={create.isPending}>
            {t('admin.units.create')}
          </button>
        </div>
      </form>
    </Panel>
  );
}

function EditUnit({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUnit();
  const [nameHi, setNameHi] = useState(unit.nameHi);
  const [nameEn, setNameEn] = useState(unit.nameEn);
  const [lat, setLat] = useState(unit.lat === null ? '' : String(unit.lat));
  const [lng, setLng] = useState(unit.lng === null ? '' : String(unit.lng));
  const error = update.error instanceof ApiError ? update.error : undefined;
  const save = () =>
    update.mutate(
      { id: unit.id, body: { version: unit.version, nameHi, nameEn, lat: lat.trim() === '' ? null : Number(lat), lng: lng.trim() === '' ? null : Number(lng) } },
      { onSuccess: onClose },
    );
  return (
    <ConfirmDialog open title={t('admin.units.editTitle', { name: name(unit) })} confirmLabel={t('admin.save')} cancelLabel={t('admin.cancel')} busy={update.isPending} onConfirm={save} onClose={onClose}>
      <FormMessage error={update.error} explain={(e) => (e.status === 409 ? t('admin.changedMeanwhile') : undefined)} />
      <Field label={t('admin.units.nameHi')} lang="hi" value={nameHi} onChange={(e) => setNameHi(e.target.value)} error={error?.fieldMessage('nameHi')} errorLang="en" />
      <Field label={t('admin.units.nameEn')} lang="en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} error={error?.fieldMessage('nameEn')} errorLang="en" />
      <Field label={t('admin.units.lat')} hint={t('admin.units.offMapHint')} inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} error={error?.fieldMessage('lat')} errorLang="en" />
      <Field label={t('admin.units.lng')} inputMode="decimal" value={lng} onChange={(e) => setLng(e.target.value)} error={error?.fieldMessage('lng')} errorLang="en" />
    </ConfirmDialog>
  );
}

function MoveUnit({ unit, units, onClose }: { unit: Unit; units: readonly Unit[]; onClose: () => void }) {
  const { t } = useTranslation();
  const move = useMoveUnit();
  const [parentCode, setParentCode] = useState('');
  const below = units.filter((u) => u.path.startsWith(`${unit.path}.`)).length;
  const error = move.error instanceof ApiError ? move.error : undefined;
  return (
    <ConfirmDialog
      open
      title={t('admin.units.moveTitle', { name: name(unit) })}
      confirmLabel={t('admin.units.moveYes')}
      cancelLabel={t('admin.cancel')}
      busy={move.isPending}
      onConfirm={() => move.mutate({ id: unit.id, version: unit.version, parentCode }, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>{t('admin.units.moveBody', { count: below })}</p>
      <FormMessage error={move.error} explain={(e) => (e.status === 409 ? t('admin.changedMeanwhile') : undefined)} />
      <SelectField label={t('admin.units.newParent')} value={parentCode} onChange={(e) => setParentCode(e.target.value)} error={error?.fieldMessage('parentCode')} errorLang="en">
        <option value="">{t('admin.units.chooseParent')}</option>
        <ParentOptions units={units} except={unit} />
      </SelectField>
    </ConfirmDialog>
  );
}

function RemoveUnit({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveUnit();
  return (
    <ConfirmDialog
      open
      danger
      title={t('admin.units.removeTitle', { name: name(unit) })}
      confirmLabel={t('admin.units.removeYes')}
      cancelLabel={t('admin.keep')}
      busy={remove.isPending}
      onConfirm={() => remove.mutate({ id: unit.id, version: unit.version }, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>{t('admin.units.removeBody')}</p>
      <FormMessage error={remove.error} explain={(e) => (e.status === 409 ? t('admin.units.removeRefused') : undefined)} />
    </ConfirmDialog>
  );
}

/** The CSV: checked first; a file with bad rows imports nothing until its good rows are confirmed. */
function ImportPanel() {
  const { t } = useTranslation();
  const upload = useImportUnits();
  return (
    <SheetImportPanel
      headingId="units-import"
      accept={CSV_FILES}
      upload={upload}
      keyOf={(r) => r.code}
      texts={{
        title: t('admin.units.importTitle'),
        intro: t('admin.units.importIntro'),
        file: t('admin.units.file'),
        fileHint: t('admin.units.fileHint'),
        check: t('admin.units.check'),
        key: t('admin.units.code'),
        imported: (r) => t('admin.units.imported', { count: r.imported, created: r.created, updated: r.updated, unchanged: r.unchanged }),
        leftOut: (count) => t('admin.units.leftOut', { count }),
        refused: (count, total) => t('admin.units.refused', { count, total }),
        rowErrors: t('admin.units.rowErrors'),
        row: t('admin.units.row'),
        column: t('admin.units.column'),
        problem: t('admin.units.problem'),
        importGood: (count) => t('admin.units.importGood', { count }),
        nothingGood: t('admin.units.nothingGood'),
      }}
    />
  );
}
