import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A wide table that scrolls inside its panel, never the page, on a phone; focusable and named,
 * so that it can be scrolled by keyboard too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={t('dutyCharts.table', { what: label })}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
