import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { useFile } from '../../lib/use-file';
import { formatDate, formatDateTime, formatTime } from '../../lib/time';
import {
  ALL_RANKS,
  chartPdf,
  officerByBelt,
  useAddDuty,
  useAssignments,
  useBandobast,
  useCancelSolve,
  useChart,
  useDiscard,
  usePapers,
  usePin,
  useProgress,
  usePublish,
  useRemoveDuty,
  useSolve,
  useUnits,
  type AssignmentRow,
  type BandobastTree,
  type ChartProgress,
  type ChartSummary,
  type Rank,
} from './api';
import { TableScroll } from './TableScroll';
import { nameOf, rankText, requirementText, shortfallText } from './words';

/** One chart version: solve it, read its shortfalls, pin and edit duties, publish, and its papers. */
export function ChartPage() {
  const { chartId = '' } = useParams();
  const { t } = useTranslation();
  const chart = useChart(chartId);
  const progress = useProgress(chartId);
  const bandobast = useBandobast(chart.data?.bandobastId ?? '');
  const client = useQueryClient();
  const title = chart.data
    ? t('dutyCharts.chart.version', { n: chart.data.versionNo })
    : t('dutyCharts.chart.title');
  usePageTitle(title);

  // When a job ends, the chart it changed is read again.
  const status = progress.data?.status;
  const seen = useRef(status);
  useEffect(() => {
    if (seen.current !== status && seen.current !== undefined)
      void client.invalidateQueries({ queryKey: ['duty-charts', 'charts', chartId] });
    seen.current = status;
  }, [status, chartId, client]);

  if (chart.error || chart.isPending)
    return (
      <Panel
        title={t('dutyCharts.chart.title')}
        headingId="chart"
        loading={chart.isPending}
        error={chart.error}
      />
    );
  const c = chart.data;
  const p = progress.data;
  const allowed = new Set(p?.allowedActions ?? []);
  const canEdit = allowed.has('edit');
  return (
    <>
      <p>
        <Link to={`/duty-charts/${c.bandobastId}`}>
          {bandobast.data
            ? t('dutyCharts.chart.back', { name: nameOf(bandobast.data) })
            : t('dutyCharts.chart.backPlain')}
        </Link>
      </p>
      <h1>
        {bandobast.data
          ? t('dutyCharts.chart.heading', { name: nameOf(bandobast.data), n: c.versionNo })
          : title}{' '}
        <span className={`state-tag chart-${c.status.toLowerCase()}`}>
          {t(`dutyCharts.chartStatus.${c.status}`)}
        </span>
      </h1>
      <SolvePanel chart={c} progress={p} allowed={allowed} />
      {c.solveResult === 'INFEASIBLE' || c.shortfalls.length > 0 ? (
        <ShortfallPanel chart={c} />
      ) : null}
      {bandobast.data ? <DutiesPanel chart={c} tree={bandobast.data} canEdit={canEdit} /> : null}
      <PublishPanel chart={c} progress={p} allowed={allowed} />
      {c.status === 'PUBLISHED' || c.status === 'SUPERSEDED' ? (
        <PapersPanel chartId={c.id} />
      ) : null}
    </>
  );
}

type Phase = 'none' | 'queued' | 'building' | 'solving' | 'saving' | 'done';
const PHASE_VALUE: Record<Phase, number> = {
  none: 0,
  queued: 10,
  building: 30,
  solving: 60,
  saving: 90,
  done: 100,
};

/** Where a solve stands, from the job's own report: queued, building the instance, solving, saving, done. */
function solvePhase(p: ChartProgress | undefined, chart: ChartSummary): Phase {
  if (p?.status === 'SOLVING') {
    const phase = (p.solve.progress as { phase?: string } | null)?.phase;
    if (phase === 'building' || phase === 'solving' || phase === 'saving') return phase;
    return 'queued';
  }
  return p?.solveResult || chart.solveResult ? 'done' : 'none';
}

function SolvePanel({
  chart,
  progress,
  allowed,
}: {
  chart: ChartSummary;
  progress?: ChartProgress;
  allowed: Set<string>;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const solve = useSolve(chart.id);
  const cancel = useCancelSolve(chart.id);
  const discard = useDiscard(chart.id);
  const [discarding, setDiscarding] = useState(false);
  const phase = solvePhase(progress, chart);
  const roll = progress?.rollCheck ?? chart.rollCheck;
  const [maySolve, mayCancel, mayDiscard] = [
    allowed.has('solve'),
    allowed.has('cancel-solve'),
    allowed.has('discard'),
  ];
  const start = () =>
    solve.mutate(undefined, {
      onSuccess: () =>
        // Queued at once on the screen; the job's own reports follow by polling.
        client.setQueryData<ChartProgress>(
          ['duty-charts', 'charts', chart.id, 'progress'],
          (old) =>
            old
              ? {
                  ...old,
                  status: 'SOLVING',
                  allowedActions: ['solve', 'cancel-solve', 'discard'],
                  solve: { ...old.solve, state: 'waiting', progress: null },
                }
              : old,
        ),
    });
  return (
    <Panel title={t('dutyCharts.solve.title')} headingId="chart-solve">
      <p>{t('dutyCharts.solve.intro')}</p>
      <div className="solve-progress" data-phase={phase}>
        <label htmlFor="solve-progress">{t(`dutyCharts.solve.phase.${phase}`)}</label>
        <progress
          id="solve-progress"
          max={100}
          value={PHASE_VALUE[phase]}
          aria-valuetext={t(`dutyCharts.solve.phase.${phase}`)}
        >
          {PHASE_VALUE[phase]}
        </progress>
        {phase !== 'none' && phase !== 'done' ? (
          <p className="muted">{t('dutyCharts.solve.leave')}</p>
        ) : null}
      </div>
      {roll?.lowerBound ? (
        <p className="notice warning">
          {t('dutyCharts.solve.rollShort', {
            officers: roll.officers,
            slots: roll.slots,
            count: roll.lowerBound,
          })}
        </p>
      ) : null}
      {chart.solveResult && progress?.status !== 'SOLVING' ? (
        <p
          className={`notice ${chart.solveResult === 'OK' ? 'info' : 'warning'}`}
          data-result={chart.solveResult}
        >
          {t(`dutyCharts.solve.result.${chart.solveResult}`, {
            count: chart.assignments,
            officers: chart.officers,
          })}
          {chart.solvedAt
            ? ` ${t('dutyCharts.solve.solvedAt', { when: formatDateTime(chart.solvedAt) })}`
            : ''}
        </p>
      ) : null}
      {/* How the solve ended matters when it did not run to its end (cut short, cancelled, interrupted, failed). */}
      {chart.solveNote && chart.solveEnded !== 'COMPLETED' && progress?.status !== 'SOLVING' ? (
        <p className="muted" lang="en">
          {chart.solveNote}
        </p>
      ) : null}
      {chart.solveErrors.length > 0 ? (
        <ul className="solve-errors" lang="en">
          {chart.solveErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {chart.releasedPins.length > 0 ? (
        <div>
          <p>{t('dutyCharts.solve.releasedPins', { count: chart.releasedPins.length })}</p>
          <ul>
            {chart.releasedPins.map((r) => (
              <li key={`${r.beltNo}-${r.shiftCode}`}>
                <code>{r.beltNo}</code> · {r.shiftCode}: <span lang="en">{r.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormMessage error={solve.error ?? cancel.error ?? discard.error} />
      <div className="actions">
        {maySolve ? (
          <button
            type="button"
            className="button primary"
            disabled={solve.isPending}
            onClick={start}
          >
            {chart.solveResult ? t('dutyCharts.solve.again') : t('dutyCharts.solve.run')}
          </button>
        ) : null}
        {mayCancel ? (
          <button
            type="button"
            className="button"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(undefined)}
          >
            {t('dutyCharts.solve.cancel')}
          </button>
        ) : null}
        {mayDiscard ? (
          <button type="button" className="button quiet" onClick={() => setDiscarding(true)}>
            {t('dutyCharts.solve.discard')}
          </button>
        ) : null}
      </div>
      {discarding ? (
        <ConfirmDialog
          open
          danger
          title={t('dutyCharts.solve.discardTitle', { n: chart.versionNo })}
          confirmLabel={t('dutyCharts.solve.discardYes')}
          cancelLabel={t('dutyCharts.keep')}
          busy={discard.isPending}
          onConfirm={() => discard.mutate(undefined, { onSuccess: () => setDiscarding(false) })}
          onClose={() => setDiscarding(false)}
        >
          <p>{t('dutyCharts.solve.discardBody')}</p>
        </ConfirmDialog>
      ) : null}
    </Panel>
  );
}

/** What the chart could not meet, in plain words: which posts to ask reinforcements for, and why. */
function ShortfallPanel({ chart }: { chart: ChartSummary }) {
  const { t } = useTranslation();
  const total = chart.shortfalls.reduce((n, s) => n + s.missing, 0);
  return (
    <Panel
      title={t('dutyCharts.shortfall.title')}
      headingId="chart-shortfalls"
      className="shortfalls"
    >
      <p className="notice warning">
        {t('dutyCharts.shortfall.summary', { count: total, posts: chart.shortPosts.length })}
      </p>
      {chart.shortPosts.length > 0 ? (
        <>
          <h3>{t('dutyCharts.shortfall.ask')}</h3>
          <ul>
            {chart.shortPosts.map((sp) => (
              <li key={sp.postCode}>
                {t('dutyCharts.shortfall.post', {
                  post: `${sp.postCode} (${sp.postName})`,
                  sector: sp.sectorCode,
                })}
                :{' '}
                {Object.entries(sp.byRequirement)
                  .map(([req, n]) =>
                    t('dutyCharts.shortfall.more', { count: n, what: requirementText(t, req) }),
                  )
                  .join(', ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('dutyCharts.shortfall.each')}</h3>
      <ul className="rows compact">
        {chart.shortfalls.map((s) => (
          <li key={`${s.shiftCode}-${s.requirement}`} className="row shortfall">
            <div>
              <p>{shortfallText(t, s)}</p>
              <p className="muted">
                {t('dutyCharts.shortfall.why')} <span lang="en">{s.reason}</span>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** The duties of the version; pinned ones survive every re-solve. Edits are checked by the API on the spot. */
function DutiesPanel({
  chart,
  tree,
  canEdit,
}: {
  chart: ChartSummary;
  tree: BandobastTree;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const duties = useAssignments(chart.id);
  const pin = usePin(chart.id);
  const remove = useRemoveDuty(chart.id);
  const [removing, setRemoving] = useState<AssignmentRow | undefined>();
  const rows = duties.data?.items ?? [];
  const hi = currentLanguage() === 'hi';
  return (
    <Panel
      title={t('dutyCharts.duties.title')}
      headingId="chart-duties"
      loading={duties.isPending}
      error={duties.error}
    >
      <p>
        {t('dutyCharts.duties.count', {
          count: chart.assignments,
          pinned: chart.pinned,
          officers: chart.officers,
        })}
      </p>
      {canEdit ? <AddDuty chartId={chart.id} tree={tree} /> : null}
      <FormMessage error={pin.error ?? remove.error} />
      {rows.length > 0 ? (
        <TableScroll label={t('dutyCharts.duties.title')}>
          <table className="duty-table">
            <caption className="visually-hidden">{t('dutyCharts.duties.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dutyCharts.duties.shift')}</th>
                <th scope="col">{t('dutyCharts.duties.when')}</th>
                <th scope="col">{t('dutyCharts.officer.beltNo')}</th>
                <th scope="col">{t('dutyCharts.officer.name')}</th>
                <th scope="col">{t('dutyCharts.duties.slot')}</th>
                <th scope="col">{t('dutyCharts.duties.pinned')}</th>
                {canEdit ? <th scope="col">{t('dutyCharts.duties.change')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} data-belt={a.beltNo}>
                  <td>
                    <code>{a.shiftCode}</code>
                  </td>
                  <td>
                    {t('dutyCharts.tree.shiftTime', {
                      date: formatDate(a.startsAt),
                      start: formatTime(a.startsAt),
                      end: formatTime(a.endsAt),
                    })}
                  </td>
                  <td>
                    <code>{a.beltNo}</code>
                  </td>
                  <td>{hi ? a.nameHi : a.nameEn}</td>
                  <td>{rankText(t, a.slotRank)}</td>
                  <td>{a.pinned ? t('dutyCharts.duties.yes') : t('dutyCharts.duties.no')}</td>
                  {canEdit ? (
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button quiet"
                        disabled={pin.isPending}
                        onClick={() => pin.mutate({ assignmentId: a.id, pinned: !a.pinned })}
                      >
                        {a.pinned
                          ? t('dutyCharts.duties.unpin', { belt: a.beltNo })
                          : t('dutyCharts.duties.pin', { belt: a.beltNo })}
                      </button>
                      <button type="button" className="button quiet" onClick={() => setRemoving(a)}>
                        {t('dutyCharts.duties.remove', { belt: a.beltNo })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {removing ? (
        <ConfirmDialog
          open
          title={t('dutyCharts.duties.removeTitle', {
            belt: removing.beltNo,
            shift: removing.shiftCode,
          })}
          confirmLabel={t('dutyCharts.duties.removeYes')}
          cancelLabel={t('dutyCharts.keep')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate(removing.id, { onSettled: () => setRemoving(undefined) })}
          onClose={() => setRemoving(undefined)}
        >
          <p>{t('dutyCharts.duties.removeBody')}</p>
        </ConfirmDialog>
      ) : null}
    </Panel>
  );
}

/** A manual duty, pinned: the API checks leave, rest, the 24-hour cap and the rank on the spot. */
function AddDuty({ chartId, tree }: { chartId: string; tree: BandobastTree }) {
  const { t } = useTranslation();
  const add = useAddDuty(chartId);
  const shifts = tree.divisions.flatMap((d) =>
    d.sectors.flatMap((s) => s.posts.flatMap((p) => p.shifts)),
  );
  const [belt, setBelt] = useState('');
  const [shiftId, setShiftId] = useState('');
  const [slotRank, setSlotRank] = useState<Rank | ''>('');
  const [unknown, setUnknown] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const error = add.error instanceof ApiError ? add.error : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUnknown(undefined);
    setDone(undefined);
    add.reset();
    let officer;
    try {
      officer = belt.trim().length >= 2 ? await officerByBelt(belt.trim()) : undefined;
    } catch (err) {
      setUnknown(err instanceof Error ? t('errors.unexpected') : undefined);
      return;
    }
    if (!officer) {
      setUnknown(t('dutyCharts.duties.noSuchBelt', { belt: belt.trim() }));
      return;
    }
    add.mutate(
      { officerId: officer.id, shiftId, ...(slotRank ? { slotRank } : {}) },
      {
        onSuccess: () => (
          setDone(t('dutyCharts.duties.added', { belt: officer.beltNo })),
          setBelt('')
        ),
      },
    );
  };
  // A refusal that is not about one field (a shift already full, the officer already on it) is the edit's own.
  const refusal = error && Object.keys(error.fields).length === 0 ? error.message : undefined;
  return (
    <form
      className="add-duty"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="add-duty-title"
    >
      <h3 id="add-duty-title">{t('dutyCharts.duties.addTitle')}</h3>
      <p className="muted">{t('dutyCharts.duties.addIntro')}</p>
      <div className="form-grid">
        <Field
          label={t('dutyCharts.officer.beltNo')}
          value={belt}
          onChange={(e) => setBelt(e.target.value)}
          autoCapitalize="characters"
          error={unknown ?? error?.fieldMessage('officerId')}
          errorLang={unknown ? undefined : 'en'}
        />
        <SelectField
          label={t('dutyCharts.duties.shift')}
          value={shiftId}
          onChange={(e) => setShiftId(e.target.value)}
          error={error?.fieldMessage('shiftId')}
          errorLang="en"
        >
          <option value="">{t('dutyCharts.duties.chooseShift')}</option>
          {shifts.map((s) => (
            <option key={s.id} value={s.id}>
              {t('dutyCharts.duties.shiftOption', {
                code: s.code,
                date: formatDate(s.startsAt),
                start: formatTime(s.startsAt),
                end: formatTime(s.endsAt),
              })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('dutyCharts.duties.slot')}
          hint={t('dutyCharts.duties.slotHint')}
          value={slotRank}
          onChange={(e) => setSlotRank(e.target.value as Rank | '')}
          error={error?.fieldMessage('slotRank')}
          errorLang="en"
        >
          <option value="">{t('dutyCharts.duties.ownRank')}</option>
          {ALL_RANKS.map((r) => (
            <option key={r} value={r}>
              {rankText(t, r)}
            </option>
          ))}
        </SelectField>
      </div>
      {refusal ? (
        <div className="form-message" role="alert">
          <p>{t('dutyCharts.duties.refused')}</p>
          <p lang="en">{refusal}</p>
        </div>
      ) : add.error && !(add.error instanceof ApiError) ? (
        <FormMessage error={add.error} />
      ) : null}
      {done ? (
        <p className="notice info" role="status">
          {done}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={add.isPending}>
          {t('dutyCharts.duties.add')}
        </button>
      </div>
    </form>
  );
}

/** Publication: the papers and a slip per officer, by a job; who was not told by SMS, and why. */
function PublishPanel({
  chart,
  progress,
  allowed,
}: {
  chart: ChartSummary;
  progress?: ChartProgress;
  allowed: Set<string>;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const publish = usePublish(chart.id);
  const hi = currentLanguage() === 'hi';
  const job = progress?.publish;
  const notices = progress?.notices ?? chart.notices;
  const publishing = progress?.status === 'PUBLISHING';
  const start = () =>
    publish.mutate(undefined, {
      onSuccess: () =>
        client.setQueryData<ChartProgress>(
          ['duty-charts', 'charts', chart.id, 'progress'],
          (old) => (old ? { ...old, status: 'PUBLISHING', allowedActions: [] } : old),
        ),
    });
  const mayPublish = allowed.has('publish');
  const canPublish = mayPublish && chart.status === 'DRAFT';
  return (
    <Panel title={t('dutyCharts.publish.title')} headingId="chart-publish">
      {chart.status === 'DRAFT' && chart.solveResult !== 'OK' ? (
        <p className="muted">{t('dutyCharts.publish.notYet')}</p>
      ) : null}
      {publishing || (job && job.total > 0) ? (
        <div
          className="publish-progress"
          data-state={publishing ? 'running' : chart.status === 'PUBLISHED' ? 'done' : 'stopped'}
        >
          <label htmlFor="publish-progress">
            {publishing
              ? t('dutyCharts.publish.running', { done: job?.done ?? 0, total: job?.total ?? 0 })
              : t('dutyCharts.publish.issued', { done: job?.done ?? 0, total: job?.total ?? 0 })}
          </label>
          <progress id="publish-progress" max={Math.max(1, job?.total ?? 0)} value={job?.done ?? 0}>
            {job?.done ?? 0}
          </progress>
          {publishing ? <p className="muted">{t('dutyCharts.solve.leave')}</p> : null}
        </div>
      ) : null}
      {chart.publishedAt ? (
        <p className="notice info">
          {t('dutyCharts.chart.publishedAt', { when: formatDateTime(chart.publishedAt) })}
        </p>
      ) : null}
      {notices ? (
        <div className="notices">
          <p>{hi ? notices.message.hi : notices.message.en}</p>
          {notices.notNotifiedOfficers.length > 0 ? (
            <TableScroll
              label={t('dutyCharts.publish.notNotified', { count: notices.notNotified })}
            >
              <table className="duty-table">
                <caption>
                  {t('dutyCharts.publish.notNotified', { count: notices.notNotified })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dutyCharts.officer.beltNo')}</th>
                    <th scope="col">{t('dutyCharts.officer.name')}</th>
                    <th scope="col">{t('dutyCharts.officer.unit')}</th>
                    <th scope="col">{t('dutyCharts.duties.post')}</th>
                    <th scope="col">{t('dutyCharts.publish.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {notices.notNotifiedOfficers.map((o) => (
                    <tr key={o.officerId}>
                      <td>
                        <code>{o.beltNo}</code>
                      </td>
                      <td>
                        {rankText(t, o.rank)} {hi ? o.nameHi : o.nameEn}
                      </td>
                      <td>{hi ? o.unitNameHi : o.unitNameEn}</td>
                      <td>
                        {o.postCode} ({hi && o.postNameHi ? o.postNameHi : o.postName})
                      </td>
                      <td>
                        {hi ? o.reasonText.hi : o.reasonText.en}
                        {o.detail ? (
                          <span className="muted" lang="en">
                            {' '}
                            ({o.detail})
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
        </div>
      ) : null}
      {job?.failedReason ? (
        <p className="notice warning" lang="en">
          {job.failedReason}
        </p>
      ) : null}
      <FormMessage
        error={publish.error}
        explain={(e) => (e.status === 409 ? t('dutyCharts.publish.refused') : undefined)}
      />
      {publish.error instanceof ApiError && publish.error.status === 409 ? (
        <p lang="en">{publish.error.message}</p>
      ) : null}
      {canPublish ? (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={publish.isPending || chart.solveResult !== 'OK'}
            onClick={start}
          >
            {t('dutyCharts.publish.run')}
          </button>
        </div>
      ) : null}
      {publishing && mayPublish ? (
        <div className="actions">
          <button type="button" className="button" disabled={publish.isPending} onClick={start}>
            {t('dutyCharts.publish.again')}
          </button>
        </div>
      ) : null}
    </Panel>
  );
}

/** A thana's chart is the variant "thana-TT_NAGAR"; the master chart has none. */
const thanaOf = (variant: string) =>
  variant.startsWith('thana-') ? variant.slice('thana-'.length) : undefined;

/** The master chart and each thana's chart, opened in the browser's own viewer or saved. */
function PapersPanel({ chartId }: { chartId: string }) {
  const { t } = useTranslation();
  const papers = usePapers(chartId, true);
  const units = useUnits();
  const unitName = (code: string) => {
    const unit = units.data?.find((u) => u.code === code);
    return unit ? nameOf(unit) : code;
  };
  const file = useFile();
  return (
    <Panel
      title={t('dutyCharts.papers.title')}
      headingId="chart-papers"
      loading={papers.isPending}
      error={papers.error}
    >
      {file.error ? <FormMessage error={file.error} /> : null}
      <ul className="rows">
        {(papers.data ?? []).map((paper) => {
          const thana = thanaOf(paper.variant);
          const label = thana
            ? t('dutyCharts.papers.thana', { thana: unitName(thana) })
            : t('dutyCharts.papers.master');
          const headingId = `paper-${paper.id}`;
          return (
            <li key={paper.id} className="row paper" aria-labelledby={headingId}>
              <div>
                <h3 className="row-title" id={headingId}>
                  {label}
                </h3>
                <p className="muted">
                  {t('dutyCharts.papers.pages', { count: paper.pageCount })} ·{' '}
                  {t(`dutyCharts.paperStatus.${paper.status}`, { defaultValue: paper.status })}
                </p>
              </div>
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  aria-describedby={headingId}
                  onClick={() => void file.run(() => chartPdf(chartId, thana), { open: true })}
                >
                  {t('dutyCharts.papers.open')}
                </button>
                <button
                  type="button"
                  className="button primary"
                  aria-describedby={headingId}
                  onClick={() =>
                    void file.run(() => chartPdf(chartId, thana), {
                      save: `${paper.title.replace(/[^\w.-]+/g, '-')}.pdf`,
                    })
                  }
                >
                  {t('dutyCharts.papers.download')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
