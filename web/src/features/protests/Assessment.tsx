import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/time';
import type { Clash, RuleResult } from './api';

/** The rules the DCP is shown, each with what it compared (the API's words, in English). */
export function RuleResults({ rules }: { rules: readonly RuleResult[] }) {
  const { t } = useTranslation();
  return (
    <ul className="rules">
      {rules.map((r) => (
        <li key={r.rule} className={r.ok ? 'rule ok' : 'rule bad'} data-rule={r.rule}>
          <span className="rule-mark">{t(r.ok ? 'protests.rules.ok' : 'protests.rules.notOk')}</span>
          <span className="rule-name">{t(`protests.rule.${r.rule}`)}</span>
          <span className="rule-detail muted" lang="en">
            {r.detail}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** What stands in the event's way: other applications and VIP movements near it at that time. */
export function ClashList({ clashes }: { clashes: readonly Clash[] }) {
  const { t } = useTranslation();
  if (clashes.length === 0) return <p className="muted">{t('protests.clashes.none')}</p>;
  return (
    <div className="clash-warning" role="alert">
      <p className="clash-head">{t('protests.clashes.warning', { count: clashes.length })}</p>
      <ul className="rows compact">
        {clashes.map((c, i) => (
          <li key={c.id ?? `withheld-${i}`} className="row clash">
            <span className="tag protest">{t(`protests.clashKind.${c.kind}`)}</span>
            {c.source === 'protest' && c.id ? <Link to={`/protests/${c.id}`}>{c.ref}</Link> : c.ref ? <span>{c.ref}</span> : null}
            <span>{c.title}</span>
            <span className="muted">
              {formatDateTime(c.startsAt)}–{formatDateTime(c.endsAt)}
            </span>
            {c.distanceMetres !== null ? <span className="muted">{t('protests.clashes.distance', { metres: Math.round(c.distanceMetres) })}</span> : null}
            {c.status ? <span className="muted">{t(`protest.status.${c.status}`, { defaultValue: c.status })}</span> : null}
            {c.detailsWithheld ? <span className="muted">{t('protests.clashes.withheld')}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
