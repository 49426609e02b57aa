import { currentLanguage } from '../../i18n';
import type { LegChange } from './api';

/** What changed since the revision before, in the screen's language (the API words each change in both). */
export function ChangeList({ changes, empty }: { changes: readonly LegChange[]; empty: string }) {
  const hi = currentLanguage() === 'hi';
  if (changes.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="vip-changes">
      {changes.map((c, i) => (
        <li key={`${c.legKey}-${c.kind}-${i}`} className="vip-change" data-kind={c.kind} lang={hi ? 'hi' : 'en'}>
          {hi ? c.hi : c.en}
        </li>
      ))}
    </ul>
  );
}
