import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import type { ApiError } from '../../api/errors';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { addDaysToKey, formatDateKey, parseDateInput, parseIstEntry } from '../../lib/time';
import { DUTY_RANKS, POST_KINDS, type PostKind } from './api';
import { rankText } from './words';

type DivisionDto = components['schemas']['DivisionDto'];
type ShiftDto = components['schemas']['ShiftDto'];

/** What the duty officer types for one shift: a day, from and to (24-hour, IST), and who it needs. */
export interface ShiftForm {
  code: string;
  date: string;
  start: string;
  end: string;
  ranks: Record<string, string>;
  minWomen: string;
  armed: boolean;
}
export interface PostForm {
  code: string;
  name: string;
  nameHi: string;
  kind: PostKind;
  location: string;
  lat: string;
  lng: string;
  equipment: string;
  shifts: ShiftForm[];
}
export interface SectorForm {
  code: string;
  name: string;
  inCharge: string;
  posts: PostForm[];
}
export interface DivisionForm {
  code: string;
  name: string;
  inCharge: string;
  sectors: SectorForm[];
}

export const newShift = (code: string, date = ''): ShiftForm => ({
  code,
  date,
  start: '06:00',
  end: '14:00',
  ranks: {},
  minWomen: '',
  armed: false,
});
export const newPost = (code: string, date = ''): PostForm => ({
  code,
  name: '',
  nameHi: '',
  kind: 'FIXED_POINT',
  location: '',
  lat: '',
  lng: '',
  equipment: '',
  shifts: [newShift(`${code}-A`, date)],
});
export const newSector = (code: string): SectorForm => ({
  code,
  name: '',
  inCharge: '',
  posts: [newPost(`${code}-P1`)],
});
export const newDivision = (code: string): DivisionForm => ({
  code,
  name: '',
  inCharge: '',
  sectors: [newSector(`${code}-S1`)],
});

const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/**
 * The tree as the API takes it. A time the user typed that is not a time is sent as typed, so
 * that the API names the field; an end at or before the start is the next morning (22:00–06:00).
 */
export function toDivisionDtos(divisions: DivisionForm[]): DivisionDto[] {
  return divisions.map((d) => ({
    code: d.code.trim(),
    name: d.name.trim(),
    inCharge: optional(d.inCharge),
    sectors: d.sectors.map((s) => ({
      code: s.code.trim(),
      name: s.name.trim(),
      inCharge: optional(s.inCharge),
      posts: s.posts.map((p) => ({
        code: p.code.trim(),
        name: p.name.trim(),
        nameHi: optional(p.nameHi),
        kind: p.kind,
        location: p.location.trim(),
        lat: numberOrUndefined(p.lat),
        lng: numberOrUndefined(p.lng),
        equipment: optional(p.equipment),
        shifts: p.shifts.map((sh) => {
          const key = parseDateInput(sh.date);
          const start = parseIstEntry(sh.date, sh.start);
          const overnight = sh.end.trim() <= sh.start.trim();
          const end = key
            ? parseIstEntry(overnight ? formatDateKey(addDaysToKey(key, 1)) : sh.date, sh.end)
            : null;
          const ranks = Object.fromEntries(
            Object.entries(sh.ranks)
              .filter(([, n]) => n.trim() !== '')
              .map(([r, n]) => [r, Number(n)]),
          );
          return {
            code: sh.code.trim(),
            start: start ?? `${sh.date} ${sh.start}`,
            end: end ?? `${sh.date} ${sh.end}`,
            // The generated type cannot say "rank → number" (an open object); the API checks each.
            ranks: ranks as unknown as ShiftDto['ranks'],
            minWomen: sh.minWomen.trim() === '' ? 0 : Number(sh.minWomen.trim()),
            armed: sh.armed,
          };
        }),
      })),
    })),
  }));
}

interface NodeProps<T> {
  value: T;
  onChange: (next: T) => void;
  onRemove?: () => void;
  /** The API's name for this node, as in its field errors: divisions[0].sectors[1] */
  path: string;
  error?: ApiError;
}

const at = <T,>(list: T[], i: number, next: T) => list.map((x, j) => (j === i ? next : x));
const without = <T,>(list: T[], i: number) => list.filter((_, j) => j !== i);

/** The bandobast's structure: divisions → sectors → points → shifts, each with what it needs. */
export function TreeEditor({
  divisions,
  onChange,
  error,
  path = 'divisions',
  date,
}: {
  divisions: DivisionForm[];
  onChange: (next: DivisionForm[]) => void;
  error?: ApiError;
  path?: string;
  date: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="tree-editor">
      {divisions.map((d, i) => (
        <DivisionEditor
          key={i}
          value={d}
          path={`${path}[${i}]`}
          error={error}
          date={date}
          onChange={(next) => onChange(at(divisions, i, next))}
          onRemove={divisions.length > 1 ? () => onChange(without(divisions, i)) : undefined}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => onChange([...divisions, newDivision(`D${divisions.length + 1}`)])}
        >
          {t('dutyCharts.tree.addDivision')}
        </button>
      </div>
    </div>
  );
}

function Remove({ onRemove, what }: { onRemove?: () => void; what: string }) {
  const { t } = useTranslation();
  if (!onRemove) return null;
  return (
    <button type="button" className="button quiet" onClick={onRemove}>
      {t('dutyCharts.tree.remove', { what })}
    </button>
  );
}

function DivisionEditor({
  value: d,
  onChange,
  onRemove,
  path,
  error,
  date,
}: NodeProps<DivisionForm> & { date: string }) {
  const { t } = useTranslation();
  const fieldMessage = (f: string) => error?.fieldMessage(`${path}.${f}`);
  const label = t('dutyCharts.tree.division', { code: d.code || '…' });
  return (
    <fieldset className="tree-node division">
      <legend>{label}</legend>
      <div className="form-grid">
        <Field
          label={t('dutyCharts.tree.code')}
          value={d.code}
          onChange={(x) => onChange({ ...d, code: x.target.value })}
          error={fieldMessage('code')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.divisionName')}
          value={d.name}
          onChange={(x) => onChange({ ...d, name: x.target.value })}
          error={fieldMessage('name')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.inCharge')}
          hint={t('dutyCharts.tree.inChargeHint')}
          value={d.inCharge}
          onChange={(x) => onChange({ ...d, inCharge: x.target.value })}
          error={fieldMessage('inCharge')}
          errorLang="en"
        />
      </div>
      {d.sectors.map((s, i) => (
        <SectorEditor
          key={i}
          value={s}
          path={`${path}.sectors[${i}]`}
          error={error}
          date={date}
          onChange={(next) => onChange({ ...d, sectors: at(d.sectors, i, next) })}
          onRemove={
            d.sectors.length > 1
              ? () => onChange({ ...d, sectors: without(d.sectors, i) })
              : undefined
          }
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange({
              ...d,
              sectors: [...d.sectors, newSector(`${d.code}-S${d.sectors.length + 1}`)],
            })
          }
        >
          {t('dutyCharts.tree.addSector', { division: d.code })}
        </button>
        <Remove onRemove={onRemove} what={label} />
      </div>
    </fieldset>
  );
}

function SectorEditor({
  value: s,
  onChange,
  onRemove,
  path,
  error,
  date,
}: NodeProps<SectorForm> & { date: string }) {
  const { t } = useTranslation();
  const fieldMessage = (f: string) => error?.fieldMessage(`${path}.${f}`);
  const label = t('dutyCharts.tree.sector', { code: s.code || '…' });
  return (
    <fieldset className="tree-node sector">
      <legend>{label}</legend>
      <div className="form-grid">
        <Field
          label={t('dutyCharts.tree.code')}
          value={s.code}
          onChange={(x) => onChange({ ...s, code: x.target.value })}
          error={fieldMessage('code')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.sectorName')}
          value={s.name}
          onChange={(x) => onChange({ ...s, name: x.target.value })}
          error={fieldMessage('name')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.inCharge')}
          hint={t('dutyCharts.tree.inChargeHint')}
          value={s.inCharge}
          onChange={(x) => onChange({ ...s, inCharge: x.target.value })}
          error={fieldMessage('inCharge')}
          errorLang="en"
        />
      </div>
      {s.posts.map((p, i) => (
        <PostEditor
          key={i}
          value={p}
          path={`${path}.posts[${i}]`}
          error={error}
          date={date}
          onChange={(next) => onChange({ ...s, posts: at(s.posts, i, next) })}
          onRemove={
            s.posts.length > 1 ? () => onChange({ ...s, posts: without(s.posts, i) }) : undefined
          }
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange({
              ...s,
              posts: [...s.posts, newPost(`${s.code}-P${s.posts.length + 1}`, date)],
            })
          }
        >
          {t('dutyCharts.tree.addPost', { sector: s.code })}
        </button>
        <Remove onRemove={onRemove} what={label} />
      </div>
    </fieldset>
  );
}

function PostEditor({
  value: p,
  onChange,
  onRemove,
  path,
  error,
  date,
}: NodeProps<PostForm> & { date: string }) {
  const { t } = useTranslation();
  const fieldMessage = (f: string) => error?.fieldMessage(`${path}.${f}`);
  const label = t('dutyCharts.tree.post', { code: p.code || '…' });
  const letter = String.fromCharCode(65 + p.shifts.length);
  return (
    <fieldset className="tree-node post">
      <legend>{label}</legend>
      <div className="form-grid">
        <Field
          label={t('dutyCharts.tree.code')}
          value={p.code}
          onChange={(x) => onChange({ ...p, code: x.target.value })}
          error={fieldMessage('code')}
          errorLang="en"
        />
        <SelectField
          label={t('dutyCharts.tree.postKind')}
          value={p.kind}
          onChange={(x) => onChange({ ...p, kind: x.target.value as PostKind })}
          error={fieldMessage('kind')}
          errorLang="en"
        >
          {POST_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dutyCharts.postKind.${k}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('dutyCharts.tree.postNameHi')}
          lang="hi"
          value={p.nameHi}
          onChange={(x) => onChange({ ...p, nameHi: x.target.value })}
          error={fieldMessage('nameHi')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.postName')}
          lang="en"
          value={p.name}
          onChange={(x) => onChange({ ...p, name: x.target.value })}
          error={fieldMessage('name')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.location')}
          value={p.location}
          onChange={(x) => onChange({ ...p, location: x.target.value })}
          error={fieldMessage('location')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.equipment')}
          value={p.equipment}
          onChange={(x) => onChange({ ...p, equipment: x.target.value })}
          error={fieldMessage('equipment')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.lat')}
          inputMode="decimal"
          value={p.lat}
          onChange={(x) => onChange({ ...p, lat: x.target.value })}
          error={fieldMessage('lat')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.lng')}
          inputMode="decimal"
          value={p.lng}
          onChange={(x) => onChange({ ...p, lng: x.target.value })}
          error={fieldMessage('lng')}
          errorLang="en"
        />
      </div>
      {p.shifts.map((sh, i) => (
        <ShiftEditor
          key={i}
          value={sh}
          path={`${path}.shifts[${i}]`}
          error={error}
          onChange={(next) => onChange({ ...p, shifts: at(p.shifts, i, next) })}
          onRemove={
            p.shifts.length > 1 ? () => onChange({ ...p, shifts: without(p.shifts, i) }) : undefined
          }
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange({
              ...p,
              shifts: [
                ...p.shifts,
                newShift(`${p.code}-${letter}`, p.shifts[p.shifts.length - 1]?.date ?? date),
              ],
            })
          }
        >
          {t('dutyCharts.tree.addShift', { post: p.code })}
        </button>
        <Remove onRemove={onRemove} what={label} />
      </div>
    </fieldset>
  );
}

function ShiftEditor({ value: sh, onChange, onRemove, path, error }: NodeProps<ShiftForm>) {
  const { t } = useTranslation();
  const fieldMessage = (f: string) => error?.fieldMessage(`${path}.${f}`);
  const label = t('dutyCharts.tree.shift', { code: sh.code || '…' });
  return (
    <fieldset className="tree-node shift">
      <legend>{label}</legend>
      <div className="form-grid">
        <Field
          label={t('dutyCharts.tree.code')}
          value={sh.code}
          onChange={(x) => onChange({ ...sh, code: x.target.value })}
          error={fieldMessage('code')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.date')}
          hint={t('dutyCharts.dateHint')}
          inputMode="numeric"
          value={sh.date}
          onChange={(x) => onChange({ ...sh, date: x.target.value })}
        />
        <Field
          label={t('dutyCharts.tree.start')}
          hint={t('dutyCharts.timeHint')}
          inputMode="numeric"
          value={sh.start}
          onChange={(x) => onChange({ ...sh, start: x.target.value })}
          error={fieldMessage('start')}
          errorLang="en"
        />
        <Field
          label={t('dutyCharts.tree.end')}
          hint={t('dutyCharts.tree.endHint')}
          inputMode="numeric"
          value={sh.end}
          onChange={(x) => onChange({ ...sh, end: x.target.value })}
          error={fieldMessage('end')}
          errorLang="en"
        />
      </div>
      <fieldset
        className="rank-needs"
        aria-describedby={fieldMessage('ranks') ? `${path}-ranks-error` : undefined}
      >
        <legend>{t('dutyCharts.tree.needs', { shift: sh.code })}</legend>
        <div className="rank-grid">
          {DUTY_RANKS.map((r) => (
            <Field
              key={r}
              label={rankText(t, r)}
              type="number"
              min={0}
              inputMode="numeric"
              value={sh.ranks[r] ?? ''}
              onChange={(x) => onChange({ ...sh, ranks: { ...sh.ranks, [r]: x.target.value } })}
            />
          ))}
          <Field
            label={t('dutyCharts.tree.minWomen')}
            type="number"
            min={0}
            inputMode="numeric"
            value={sh.minWomen}
            onChange={(x) => onChange({ ...sh, minWomen: x.target.value })}
            error={fieldMessage('minWomen')}
            errorLang="en"
          />
        </div>
        {fieldMessage('ranks') ? (
          <p className="field-error" id={`${path}-ranks-error`} lang="en">
            {fieldMessage('ranks')}
          </p>
        ) : null}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={sh.armed}
          onChange={(x) => onChange({ ...sh, armed: x.target.checked })}
        />{' '}
        {t('dutyCharts.tree.armed')}
      </label>
      <div className="actions">
        <Remove onRemove={onRemove} what={label} />
      </div>
    </fieldset>
  );
}
