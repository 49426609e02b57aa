import { useId, type ReactNode } from 'react';

/** What every labelled control takes besides its own attributes. */
export interface FieldFrameProps {
  label: string;
  /** A hint under the label, read with the field. */
  hint?: string;
  /** The message for this field, shown beside it: ours, or the API's (its `fields[]`). */
  error?: string;
  /** The API writes its messages in English: say so to screen readers. */
  errorLang?: 'en';
  className?: string;
}

/** The attributes that tie a control to its label, hint and error. */
export interface ControlWiring {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The label, hint and error around one control, wired for screen readers. Field, SelectField
 * and TextAreaField differ only in the control they render.
 */
export function FieldFrame({
  label,
  hint,
  error,
  errorLang,
  className,
  control,
}: FieldFrameProps & { control: (wiring: ControlWiring) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? (
        <p className="field-error" id={errorId} lang={errorLang}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
