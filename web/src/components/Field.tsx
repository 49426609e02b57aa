import type { InputHTMLAttributes } from 'react';
import { FieldFrame, type FieldFrameProps } from './FieldFrame';

type FieldProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

/** A labelled input with its hint and its error, wired for screen readers. */
export function Field({ label, hint, error, errorLang, className, ...input }: FieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      errorLang={errorLang}
      className={className}
      control={(wiring) => <input {...wiring} {...input} />}
    />
  );
}
