import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface DateTimeValue {
  date: string;
  time: string;
}

/**
 * An IST date (dd-mm-yyyy) and 24-hour time (HH:MM) in two boxes under one legend, whatever
 * the browser's zone or locale (a datetime-local box would show the browser's own format).
 */
export function DateTimeField({ legend, value, onChange, error, errorLang }: { legend: string; value: DateTimeValue; onChange: (v: DateTimeValue) => void; error?: string; errorLang?: 'en' }) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={`field datetime${error ? ' invalid' : ''}`} aria-describedby={errorId}>
      <legend>{legend}</legend>
      <div className="datetime-boxes">
        <label htmlFor={`${id}-date`}>
          {t('protests.form.date')}
          <input
            id={`${id}-date`}
            aria-label={t('protests.form.dateOf', { what: legend })}
            inputMode="numeric"
            placeholder={t('protests.form.datePlaceholder')}
            value={value.date}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            onChange={(e) => onChange({ ...value, date: e.target.value })}
          />
        </label>
        <label htmlFor={`${id}-time`}>
          {t('protests.form.time')}
          <input
            id={`${id}-time`}
            aria-label={t('protests.form.timeOf', { what: legend })}
            inputMode="numeric"
            placeholder={t('protests.form.timePlaceholder')}
            value={value.time}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            onChange={(e) => onChange({ ...value, time: e.target.value })}
          />
        </label>
      </div>
      {error ? (
        <p className="field-error" id={errorId} lang={errorLang}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
