import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** Switches to the other language; the choice is remembered on this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'hi' : 'en';
  return (
    <button type="button" className="button quiet lang-switch" lang={other} onClick={() => setLanguage(other)}>
      {t(`language.switchTo.${other}`)}
    </button>
  );
}
