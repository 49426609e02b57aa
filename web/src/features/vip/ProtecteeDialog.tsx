import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { SECURITY_CATEGORIES, useCreateProtectee, type Protectee, type SecurityCategory } from './api';

/** A person added to the ranked VIP list from the editor, when the programme is for someone not on it yet. */
export function ProtecteeDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (p: Protectee) => void }) {
  const { t } = useTranslation();
  const create = useCreateProtectee();
  const [form, setForm] = useState({ nameHi: '', nameEn: '', designationHi: '', designationEn: '', category: 'Y' as SecurityCategory, callSign: '', listRank: '' });
  const setField = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const error = create.error instanceof ApiError ? create.error : undefined;
  const save = () =>
    create.mutate(
      {
        nameHi: form.nameHi.trim(),
        nameEn: form.nameEn.trim(),
        designationHi: form.designationHi.trim(),
        designationEn: form.designationEn.trim(),
        category: form.category,
        callSign: form.callSign.trim() || undefined,
        listRank: form.listRank.trim() === '' ? Number.NaN : Number(form.listRank),
      },
      { onSuccess: onCreated },
    );
  return (
    <ConfirmDialog open title={t('vipDesk.protectee.title')} confirmLabel={t('vipDesk.protectee.save')} cancelLabel={t('vipDesk.board.cancel')} busy={create.isPending} onConfirm={save} onClose={onClose}>
      <FormMessage error={create.error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('vipDesk.protectee.refused') : undefined)} />
      <Field label={t('vipDesk.protectee.nameHi')} lang="hi" value={form.nameHi} onChange={(e) => setField('nameHi', e.target.value)} error={error?.fieldMessage('nameHi')} errorLang="en" />
      <Field label={t('vipDesk.protectee.nameEn')} lang="en" value={form.nameEn} onChange={(e) => setField('nameEn', e.target.value)} error={error?.fieldMessage('nameEn')} errorLang="en" />
      <Field label={t('vipDesk.protectee.designationHi')} lang="hi" value={form.designationHi} onChange={(e) => setField('designationHi', e.target.value)} error={error?.fieldMessage('designationHi')} errorLang="en" />
      <Field label={t('vipDesk.protectee.designationEn')} lang="en" value={form.designationEn} onChange={(e) => setField('designationEn', e.target.value)} error={error?.fieldMessage('designationEn')} errorLang="en" />
      <SelectField label={t('vipDesk.protectee.category')} value={form.category} onChange={(e) => setField('category', e.target.value)} error={error?.fieldMessage('category')} errorLang="en">
        {SECURITY_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </SelectField>
      <Field label={t('vipDesk.protectee.callSign')} hint={t('vipDesk.protectee.callSignHint')} autoCapitalize="characters" value={form.callSign} onChange={(e) => setField('callSign', e.target.value.toUpperCase())} error={error?.fieldMessage('callSign')} errorLang="en" />
      <Field label={t('vipDesk.protectee.listRank')} hint={t('vipDesk.protectee.listRankHint')} inputMode="numeric" value={form.listRank} onChange={(e) => setField('listRank', e.target.value)} error={error?.fieldMessage('listRank')} errorLang="en" />
    </ConfirmDialog>
  );
}
