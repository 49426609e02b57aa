import { useTranslation } from 'react-i18next';
import { ApiError, ApiUnreachableError } from '../api/errors';

/**
 * What went wrong with a submission, above the form. Field errors are shown beside their
 * fields instead; an unreachable API says nothing was saved and the form is kept as typed.
 */
export function FormMessage({ error, explain }: { error: unknown; explain?: (e: ApiError) => string | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  let text: string;
  let detail: string | undefined;
  if (error instanceof ApiUnreachableError) {
    text = t('offline.notSaved');
  } else if (error instanceof ApiError) {
    const own = explain?.(error);
    text = own ?? t('errors.refused');
    detail = own || Object.keys(error.fields).length > 0 ? undefined : error.message;
  } else {
    text = t('errors.unexpected');
  }
  return (
    <div className="form-message" role="alert">
      <p>{text}</p>
      {detail ? <p lang="en">{detail}</p> : null}
    </div>
  );
}
