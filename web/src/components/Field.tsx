import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  /** A hint under the label, read with the field. */
  hint?: string;
  /** The message for this field, shown beside it: ours, or the API's (its `fields[]`). */
  error?: string;
  /** The API writes its messages in English: say so to screen readers. */
  errorLang?: 'en';
  className?: string;
}

/** Label, hint and error around one control, tied together with `aria-describedby`. */
function Frame({ label, hint, error, errorLang, className, control }: Common & { control: (ids: { id: string; describedBy?: string }) => ReactNode }) {
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
      {control({ id, describedBy })}
      {error ? (
        <p className="field-error" id={errorId} lang={errorLang}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type FieldProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

/** A labelled input with its hint and its error, wired for screen readers. */
export function Field({ label, hint, error, errorLang, className, ...input }: FieldProps) {
  return (
    <Frame
      {...{ label, hint, error, errorLang, className }}
      control={({ id, describedBy }) => <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />}
    />
  );
}

type SelectFieldProps = Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & { children: ReactNode };

/** A labelled choice from a list. */
export function SelectField({ label, hint, error, errorLang, className, children, ...select }: SelectFieldProps) {
  return (
    <Frame
      {...{ label, hint, error, errorLang, className }}
      control={({ id, describedBy }) => (
        <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
          {children}
        </select>
      )}
    />
  );
}

type TextAreaFieldProps = Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

/** A labelled text of several lines. */
export function TextAreaField({ label, hint, error, errorLang, className, ...area }: TextAreaFieldProps) {
  return (
    <Frame
      {...{ label, hint, error, errorLang, className }}
      control={({ id, describedBy }) => <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...area} />}
    />
  );
}
