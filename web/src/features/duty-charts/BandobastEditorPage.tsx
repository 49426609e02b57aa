import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { usePageTitle } from '../../components/usePageTitle';
import { BANDOBAST_KINDS, useCreateBandobast, type BandobastKind } from './api';
import { newDivision, toDivisionDtos, TreeEditor, type DivisionForm } from './TreeEditor';

/** A number typed, or the API's default when left empty; anything else goes as typed for the API to name. */
const numberOr = (text: string, byDefault: number) =>
  text.trim() === '' ? byDefault : Number(text.trim());

/** A new bandobast: its name, rules and structure, sent as one; the API names any field it refuses. */
export function BandobastEditorPage() {
  const { t } = useTranslation();
  usePageTitle(t('dutyCharts.editor.title'));
  const navigate = useNavigate();
  const create = useCreateBandobast();
  const form = useRef<HTMLFormElement>(null);
  // The tree is long: the first field the API refused gets the focus (and comes into view),
  // once the refusal is rendered (an animation frame could come before React's commit).
  useEffect(() => {
    if (create.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [create.error]);
  const [head, setHead] = useState({
    nameHi: '',
    nameEn: '',
    kind: 'FESTIVAL' as BandobastKind,
    unitCode: '',
    reportMinutesBefore: '30',
    minRestHours: '8',
    maxHoursPer24h: '12',
    higherRankMayFillLower: false,
    briefing: '',
  });
  const [date, setDate] = useState('');
  const [divisions, setDivisions] = useState<DivisionForm[]>([newDivision('D1')]);
  const error = create.error instanceof ApiError ? create.error : undefined;
  const fieldMessage = (f: string) => error?.fieldMessage(f);
  // A refusal of the tree as a whole (no division at all); one of a node stands beside that node.
  const treeError = Object.keys(error?.fields ?? {}).some((f) => f.startsWith('divisions['))
    ? undefined
    : fieldMessage('divisions');
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    create.mutate(
      {
        nameHi: head.nameHi.trim(),
        nameEn: head.nameEn.trim(),
        kind: head.kind,
        ...(head.unitCode.trim() ? { unitCode: head.unitCode.trim().toUpperCase() } : {}),
        reportMinutesBefore: numberOr(head.reportMinutesBefore, 30),
        rules: {
          minRestHours: numberOr(head.minRestHours, 8),
          maxHoursPer24h: numberOr(head.maxHoursPer24h, 12),
          higherRankMayFillLower: head.higherRankMayFillLower,
        },
        ...(head.briefing.trim() ? { briefing: head.briefing.trim() } : {}),
        divisions: toDivisionDtos(divisions),
      },
      {
        onSuccess: (b) => void navigate(`/duty-charts/${b.id}`),
      },
    );
  };
  // A day typed once is offered to every shift that has none yet.
  const setDay = (day: string) => {
    setDate(day);
    setDivisions((ds) =>
      ds.map((d) => ({
        ...d,
        sectors: d.sectors.map((s) => ({
          ...s,
          posts: s.posts.map((p) => ({
            ...p,
            shifts: p.shifts.map((sh) =>
              sh.date === '' || sh.date === date ? { ...sh, date: day } : sh,
            ),
          })),
        })),
      })),
    );
  };
  return (
    <>
      <h1>{t('dutyCharts.editor.title')}</h1>
      <p>{t('dutyCharts.editor.intro')}</p>
      <form onSubmit={submit} noValidate ref={form}>
        <Panel title={t('dutyCharts.editor.event')} headingId="bandobast-event">
          <FormMessage error={create.error} />
          <div className="form-grid">
            <Field
              label={t('dutyCharts.editor.nameHi')}
              lang="hi"
              value={head.nameHi}
              onChange={(x) => setHead({ ...head, nameHi: x.target.value })}
              error={fieldMessage('nameHi')}
              errorLang="en"
            />
            <Field
              label={t('dutyCharts.editor.nameEn')}
              lang="en"
              value={head.nameEn}
              onChange={(x) => setHead({ ...head, nameEn: x.target.value })}
              error={fieldMessage('nameEn')}
              errorLang="en"
            />
            <SelectField
              label={t('dutyCharts.editor.kind')}
              value={head.kind}
              onChange={(x) => setHead({ ...head, kind: x.target.value as BandobastKind })}
              error={fieldMessage('kind')}
              errorLang="en"
            >
              {BANDOBAST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`dutyCharts.kind.${k}`)}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('dutyCharts.editor.unitCode')}
              hint={t('dutyCharts.editor.unitCodeHint')}
              value={head.unitCode}
              autoCapitalize="characters"
              onChange={(x) => setHead({ ...head, unitCode: x.target.value })}
              error={fieldMessage('unitCode')}
              errorLang="en"
            />
            <Field
              label={t('dutyCharts.editor.day')}
              hint={t('dutyCharts.editor.dayHint')}
              inputMode="numeric"
              value={date}
              onChange={(x) => setDay(x.target.value)}
            />
            <Field
              label={t('dutyCharts.editor.reportMinutesBefore')}
              type="number"
              min={0}
              inputMode="numeric"
              value={head.reportMinutesBefore}
              onChange={(x) => setHead({ ...head, reportMinutesBefore: x.target.value })}
              error={fieldMessage('reportMinutesBefore')}
              errorLang="en"
            />
            <Field
              label={t('dutyCharts.editor.minRestHours')}
              type="number"
              min={0}
              inputMode="numeric"
              value={head.minRestHours}
              onChange={(x) => setHead({ ...head, minRestHours: x.target.value })}
              error={fieldMessage('rules.minRestHours')}
              errorLang="en"
            />
            <Field
              label={t('dutyCharts.editor.maxHoursPer24h')}
              type="number"
              min={1}
              inputMode="numeric"
              value={head.maxHoursPer24h}
              onChange={(x) => setHead({ ...head, maxHoursPer24h: x.target.value })}
              error={fieldMessage('rules.maxHoursPer24h')}
              errorLang="en"
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={head.higherRankMayFillLower}
                onChange={(x) => setHead({ ...head, higherRankMayFillLower: x.target.checked })}
              />{' '}
              {t('dutyCharts.editor.higherRankMayFillLower')}
            </label>
            <TextAreaField
              label={t('dutyCharts.editor.briefing')}
              value={head.briefing}
              onChange={(x) => setHead({ ...head, briefing: x.target.value })}
              error={fieldMessage('briefing')}
              errorLang="en"
            />
          </div>
        </Panel>
        <Panel title={t('dutyCharts.tree.title')} headingId="bandobast-tree">
          <p>{t('dutyCharts.tree.intro')}</p>
          {treeError ? (
            <p className="field-error" lang="en">
              {treeError}
            </p>
          ) : null}
          <TreeEditor divisions={divisions} onChange={setDivisions} error={error} date={date} />
        </Panel>
        <div className="actions">
          <button type="submit" className="button primary" disabled={create.isPending}>
            {t('dutyCharts.editor.save')}
          </button>
        </div>
      </form>
    </>
  );
}
