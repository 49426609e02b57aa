import './timeline.css';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { personName, type PersonRef } from '../lib/people';
import { formatDateTime } from '../lib/time';
import { Panel } from './Panel';

/** One step of a record's history. */
export interface TimelineStage {
  key: string;
  /** ISO instant. */
  at: string;
  title: string;
  /** Who took the step, when the record names them. */
  by?: PersonRef | null;
  detail?: string;
}

/** A record's history in a panel, oldest first: when, what, by whom, and any note. */
export function Timeline({ title, headingId, stages }: { title: string; headingId: string; stages: readonly TimelineStage[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const sorted = [...stages].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Panel title={title} headingId={headingId}>
      <ol className="timeline">
        {sorted.map((s) => (
          <li key={s.key} data-stage={s.key}>
            <span className="when">{formatDateTime(s.at)}</span>
            <span className="what">{s.title}</span>
            {s.by ? <span className="by">{t('timeline.by', { who: personName(s.by, lang) })}</span> : null}
            {s.detail ? <span className="detail">{s.detail}</span> : null}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
