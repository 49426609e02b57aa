import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The tab's title: the screen, then the app. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
