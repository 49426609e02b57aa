import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { currentLanguage } from '../../i18n';
import { useUnits, type Unit } from './dak-api';

/** Where an item goes: a unit or section, an officer (by username), or an officer of that unit; and what they are to do. */
export interface MarkDraft {
  unit: string;
  user: string;
  instruction: string;
}

const UNIT: keyof MarkDraft = 'unit';
const USER: keyof MarkDraft = 'user';
const INSTRUCTION: keyof MarkDraft = 'instruction';

export const NO_MARK: MarkDraft = { unit: '', user: '', instruction: '' };

export function useMarkTargets(): readonly Unit[] {
  const units = useUnits();
  return useMemo(() => (units.data ?? []).filter((u) => u.isActive).sort((a, b) => a.path.localeCompare(b.path)), [units.data]);
}

export function MarkFields({ value, onChange, targets, error }: { value: MarkDraft; onChange: (v: MarkDraft) => void; targets: readonly Unit[]; error: (field: keyof MarkDraft) => string | undefined }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  return (
    <div className="form-grid">
      <SelectField label={t('dak.mark.unit')} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value })} error={error(UNIT)} errorLang="en">
        <option value="">{t('dak.mark.noUnit')}</option>
        {targets.map((u) => (
          <option key={u.code} value={u.code}>
            {hi ? u.nameHi : u.nameEn}
          </option>
        ))}
      </SelectField>
      <Field label={t('dak.mark.user')} hint={t('dak.mark.userHint')} autoComplete="off" value={value.user} onChange={(e) => onChange({ ...value, user: e.target.value })} error={error(USER)} errorLang="en" />
      <TextAreaField className="wide" label={t('dak.mark.instruction')} rows={2} value={value.instruction} onChange={(e) => onChange({ ...value, instruction: e.target.value })} error={error(INSTRUCTION)} errorLang="en" />
    </div>
  );
}
