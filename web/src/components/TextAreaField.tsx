import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame, type FieldFrameProps } from './FieldFrame';

type TextAreaFieldProps = FieldFrameProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

/** A labelled text of several lines with its hint and its error, as Field is for an input. */
export function TextAreaField({
  label,
  hint,
  error,
  errorLang,
  className,
  ...area
}: TextAreaFieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      errorLang={errorLang}
      className={className}
      control={(wiring) => <textarea {...wiring} {...area} />}
    />
  );
}
