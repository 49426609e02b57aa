import { useId } from 'react';

/** A labelled set of checkboxes (a fieldset), with the API's error for the whole set beside it. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  errorLang,
}: {
  legend: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: readonly T[];
  onChange: (next: T[]) => void;
  error?: string;
  errorLang?: 'en';
}) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={`field checkbox-group${error ? ' invalid' : ''}`} aria-describedby={errorId}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          {o.label}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={errorId} lang={errorLang}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
