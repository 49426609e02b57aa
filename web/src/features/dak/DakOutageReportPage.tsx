import './dak.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDateTime, istDateKey } from '../../lib/time';
import { useFile } from '../../lib/use-file';
import { issueOutageReportPdf, outageReportCsv, useOutageReport, useOutages, type Outage, type OutageReport, type OutageReportPaper } from './dak-api';

/** "from 01-12-2026 10:00 to 01-12-2026 14:30" or "since … (still down)". */
function useOutageWords() {
  const { t } = useTranslation();
  return (o: Outage) => (o.endedAt ? t('dak.outage.span', { from: formatDateTime(o.beganAt), to: formatDateTime(o.endedAt) }) : t('dak.outage.ongoing', { from: formatDateTime(o.beganAt) }));
}

/** The report "received during the outage of <dates>": pick an outage, see every item with both numbers, take the CSV or the PDF. */
export function DakOutageReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('dak.outage.title'));
  const [params, setParams] = useSearchParams();
  const outages = useOutages();
  const words = useOutageWords();
  const chosen = params.get('outage');
  const report = useOutageReport(chosen);
  return (
    <div className="page dak-page">
      <h1>{t('dak.outage.title')}</h1>
      <Panel title={t('dak.outage.pick')} headingId="dak-outage-pick" loading={outages.isPending} error={outages.error}>
        {outages.data && outages.data.items.length === 0 ? (
          <p className="muted">{t('dak.outage.none')}</p>
        ) : (
          <SelectField
            label={t('dak.outage.outage')}
            value={chosen ?? ''}
            onChange={(e) => setParams(e.target.value ? { outage: e.target.value } : {})}
          >
            <option value="">{t('dak.outage.choose')}</option>
            {(outages.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {words(o)}
              </option>
            ))}
          </SelectField>
        )}
      </Panel>
      {chosen ? (
        <Panel title={report.data ? t('dak.outage.heading', { span: words(report.data.outage) }) : t('dak.outage.title')} headingId="dak-outage-report" loading={report.isPending} error={report.error}>
          {report.data ? <Report id={chosen} r={report.data} /> : null}
        </Panel>
      ) : null}
    </div>
  );
}

function Report({ id, r }: { id: string; r: OutageReport }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const file = useFile();
  const [paper, setPaper] = useState<OutageReportPaper | null>(null);
  const day = istDateKey(r.outage.beganAt);
  const notYet = r.rows.filter((x) => !x.eofficeRef).length;
  return (
    <>
      <p className="muted">{t('dak.outage.asAt', { when: formatDateTime(r.asAt), count: r.rows.length })}</p>
      {notYet > 0 ? (
        <p className="notice warning" role="status">
          {t('dak.outage.notYet', { count: notYet })}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => void file.run(() => outageReportCsv(id), { save: `dak-outage-${day}.csv` })}>
          {t('dak.outage.csv')}
        </button>
        <button
          type="button"
          className="button primary"
          onClick={() =>
            void file.run(
              async () => {
                const issued = await issueOutageReportPdf(id);
                setPaper(issued.paper);
                return issued.pdf;
              },
              { save: `dak-outage-${day}.pdf` },
            )
          }
        >
          {t('dak.outage.pdf')}
        </button>
      </div>
      {paper ? (
        <p role="status">
          {t('dak.outage.issued', { when: formatDateTime(paper.issuedAt), count: paper.pageCount })} <a href={paper.verifyUrl}>{t('dak.outage.verify')}</a>
        </p>
      ) : null}
      <FormMessage error={file.error} />
      {r.rows.length === 0 ? (
        <p className="muted">{t('dak.outage.empty')}</p>
      ) : (
        <div className="dak-table-scroll" role="region" aria-label={t('dak.outage.rows')} tabIndex={0}>
          <table className="dak-report-table">
            <thead>
              <tr>
                <th scope="col">{t('dak.outage.col.ref')}</th>
                <th scope="col">{t('dak.outage.col.eofficeRef')}</th>
                <th scope="col">{t('dak.form.channel')}</th>
                <th scope="col">{t('dak.form.receivedAt')}</th>
                <th scope="col">{t('dak.form.subject')}</th>
                <th scope="col">{t('dak.form.status')}</th>
                <th scope="col">{t('dak.item.holder')}</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((x) => (
                <tr key={x.ref} data-ref={x.ref}>
                  <th scope="row">{x.ref}</th>
                  <td>{x.eofficeRef ?? t('dak.outage.notThere')}</td>
                  <td>{t(`dak.channel.${x.intakeChannel}`)}</td>
                  <td>{formatDateTime(x.receivedAt)}</td>
                  <td>{x.subject ?? t('dak.outage.withheld', { grading: t(`dak.grading.${x.grading}`) })}</td>
                  <td>{t(`dak.status.${x.status}`)}</td>
                  <td>{x.holder ? (lang === 'hi' ? x.holder.hi : x.holder.en) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
