import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { DUTY_CHART_PREPARERS, hasAnyRole } from '../../lib/roles';
import { formatDate, formatDateTime, formatTime } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { useAddDivisions, useBandobast, useCharts, useNewChart, type BandobastTree } from './api';
import { newDivision, toDivisionDtos, TreeEditor, type DivisionForm } from './TreeEditor';
import { nameOf, postName, ranksText } from './words';

/** A bandobast: its structure as one tree, and its chart versions. */
export function BandobastPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const tree = useBandobast(id);
  usePageTitle(tree.data ? nameOf(tree.data) : t('dutyCharts.list.title'));
  const state = useSession();
  const canPrepare =
    state.status === 'signed-in' && hasAnyRole(state.me.roles, DUTY_CHART_PREPARERS);
  if (tree.error || tree.isPending)
    return (
      <Panel
        title={t('dutyCharts.list.title')}
        headingId="bandobast"
        loading={tree.isPending}
        error={tree.error}
      />
    );
  const b = tree.data;
  return (
    <>
      <h1>{nameOf(b)}</h1>
      <p className="muted">
        <code>{b.ref}</code> · {t(`dutyCharts.kind.${b.kind}`)} ·{' '}
        {t('dutyCharts.bandobast.rules', {
          rest: b.minRestHours,
          cap: b.maxHoursPer24h,
          before: b.reportMinutesBefore,
        })}
        {b.higherRankMayFillLower ? ` · ${t('dutyCharts.editor.higherRankMayFillLower')}` : ''}
      </p>
      <Versions bandobastId={b.id} canPrepare={canPrepare} />
      <TreeView tree={b} />
      {canPrepare ? <AddDivisions tree={b} /> : null}
    </>
  );
}

function Versions({ bandobastId, canPrepare }: { bandobastId: string; canPrepare: boolean }) {
  const { t } = useTranslation();
  const charts = useCharts(bandobastId);
  const create = useNewChart(bandobastId);
  const navigate = useNavigate();
  const list = [...(charts.data ?? [])].sort((a, b) => b.versionNo - a.versionNo);
  return (
    <Panel
      title={t('dutyCharts.bandobast.versions')}
      headingId="bandobast-versions"
      loading={charts.isPending}
      error={charts.error}
    >
      {list.length === 0 ? <p className="muted">{t('dutyCharts.bandobast.noVersions')}</p> : null}
      <ul className="rows compact">
        {list.map((c) => (
          <li key={c.id} className="row">
            <div>
              <Link to={`/duty-charts/charts/${c.id}`}>
                {t('dutyCharts.chart.version', { n: c.versionNo })}
              </Link>{' '}
              <span className={`state-tag chart-${c.status.toLowerCase()}`}>
                {t(`dutyCharts.chartStatus.${c.status}`)}
              </span>
              {c.publishedAt ? (
                <span className="muted">
                  {' '}
                  · {t('dutyCharts.chart.publishedAt', { when: formatDateTime(c.publishedAt) })}
                </span>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {canPrepare ? (
        <>
          <FormMessage error={create.error} />
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={create.isPending}
              onClick={() =>
                create.mutate(undefined, {
                  onSuccess: (c) => void navigate(`/duty-charts/charts/${c.id}`),
                })
              }
            >
              {t('dutyCharts.bandobast.newVersion')}
            </button>
          </div>
        </>
      ) : null}
    </Panel>
  );
}

/** Divisions → sectors → points → shifts, with each shift's time and what it needs. */
export function TreeView({ tree }: { tree: BandobastTree }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('dutyCharts.tree.title')} headingId="bandobast-structure">
      <ul className="tree">
        {tree.divisions.map((d) => (
          <li key={d.id}>
            <p className="tree-line">
              <strong>{t('dutyCharts.tree.division', { code: d.code })}</strong> {d.name}
              {d.inCharge ? (
                <span className="muted">
                  {' '}
                  ·{' '}
                  {t('dutyCharts.tree.inChargeIs', {
                    name: nameOf(d.inCharge),
                    belt: d.inCharge.beltNo,
                  })}
                </span>
              ) : null}
            </p>
            <ul>
              {d.sectors.map((s) => (
                <li key={s.id}>
                  <p className="tree-line">
                    <strong>{t('dutyCharts.tree.sector', { code: s.code })}</strong> {s.name}
                    {s.inCharge ? (
                      <span className="muted">
                        {' '}
                        ·{' '}
                        {t('dutyCharts.tree.inChargeIs', {
                          name: nameOf(s.inCharge),
                          belt: s.inCharge.beltNo,
                        })}
                      </span>
                    ) : null}
                  </p>
                  <ul>
                    {s.posts.map((p) => (
                      <li key={p.id}>
                        <p className="tree-line">
                          <strong>{t('dutyCharts.tree.post', { code: p.code })}</strong>{' '}
                          {postName(p)}{' '}
                          <span className="muted">
                            · {t(`dutyCharts.postKind.${p.kind}`)} · {p.location}
                          </span>
                        </p>
                        <ul>
                          {p.shifts.map((sh) => (
                            <li key={sh.id} className="tree-line">
                              <code>{sh.code}</code>{' '}
                              {t('dutyCharts.tree.shiftTime', {
                                date: formatDate(sh.startsAt),
                                start: formatTime(sh.startsAt),
                                end: formatTime(sh.endsAt),
                              })}
                              : {ranksText(t, sh.ranks)}
                              {sh.minWomen > 0
                                ? `; ${t('dutyCharts.tree.womenAtLeast', { count: sh.minWomen })}`
                                : ''}
                              {sh.armed ? `; ${t('dutyCharts.tree.armed')}` : ''}
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** More divisions for a bandobast already entered (a new route section, a second venue). */
function AddDivisions({ tree }: { tree: BandobastTree }) {
  const { t } = useTranslation();
  const add = useAddDivisions(tree.id);
  const [open, setOpen] = useState(false);
  const [divisions, setDivisions] = useState<DivisionForm[]>([
    newDivision(`D${tree.divisions.length + 1}`),
  ]);
  const error = add.error instanceof ApiError ? add.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { divisions: toDivisionDtos(divisions) },
      {
        onSuccess: () => (
          setOpen(false),
          setDivisions([newDivision(`D${tree.divisions.length + 2}`)])
        ),
      },
    );
  };
  return (
    <Panel title={t('dutyCharts.bandobast.addDivisions')} headingId="bandobast-add">
      {open ? (
        <form onSubmit={submit} noValidate>
          <FormMessage error={add.error} />
          <TreeEditor divisions={divisions} onChange={setDivisions} error={error} date="" />
          <div className="actions">
            <button type="submit" className="button primary" disabled={add.isPending}>
              {t('dutyCharts.bandobast.addSave')}
            </button>
            <button type="button" className="button quiet" onClick={() => setOpen(false)}>
              {t('dutyCharts.keep')}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setOpen(true)}>
            {t('dutyCharts.bandobast.addOpen')}
          </button>
        </div>
      )}
    </Panel>
  );
}
