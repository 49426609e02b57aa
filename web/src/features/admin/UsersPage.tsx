import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { ROLES, useCreateUser, useResetPassword, useRevokeSessions, useUnits, useUpdateUser, useUsers, type Role, type Unit, type User } from './api';

const EMPTY = { username: '', displayNameEn: '', displayNameHi: '', rank: '', unitCode: '', mobile: '' };
type NewAccount = typeof EMPTY;

function unitName(unit: Unit | undefined): string {
  if (!unit) return '';
  return currentLanguage() === 'hi' ? unit.nameHi : unit.nameEn;
}

/** Accounts: who may log in, with which roles, in which unit; one-time passwords; ending sessions. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.users.title'));
  const users = useUsers();
  const units = useUnits();
  const byId = new Map((units.data ?? []).map((u) => [u.id, u]));
  const [editing, setEditing] = useState<User | undefined>();
  const [resetting, setResetting] = useState<User | undefined>();
  const [ending, setEnding] = useState<User | undefined>();
  const [handedOver, setHandedOver] = useState<{ username: string; password: string } | undefined>();
  const reset = useResetPassword();
  const revoke = useRevokeSessions();
  const state = useSession();
  const myId = state.status === 'signed-in' ? state.me.id : undefined;

  return (
    <>
      <h1>{t('admin.users.title')}</h1>
      {handedOver ? <OneTimePassword username={handedOver.username} password={handedOver.password} onDone={() => setHandedOver(undefined)} /> : null}
      <NewAccountForm units={units.data ?? []} onCreated={(username, password) => setHandedOver({ username, password })} />
      <Panel title={t('admin.users.listTitle')} headingId="users-list" loading={users.isPending} error={users.error}>
        <ul className="rows">
          {(users.data ?? []).map((u) => (
            <li key={u.id} className="row user-row" aria-labelledby={`user-${u.id}`}>
              <div className="user-who">
                <h3 className="row-title" id={`user-${u.id}`}>
                  {currentLanguage() === 'hi' ? u.displayNameHi : u.displayNameEn} <span className="muted">({u.rank})</span>
                </h3>
                <p>
                  <code>{u.username}</code> · {unitName(byId.get(u.unitId))}
                </p>
                <p className="muted">{u.roles.map((r) => t(`role.${r}.name`)).join(', ')}</p>
                <p>
                  {u.isActive ? null : <span className="state-tag failed">{t('admin.users.disabled')}</span>}{' '}
                  {u.mustChangePassword ? <span className="state-tag pending_sync">{t('admin.users.mustChange')}</span> : null}{' '}
                  {u.failedLoginCount > 0 ? <span className="muted">{t('admin.users.failedLogins', { count: u.failedLoginCount })}</span> : null}
                </p>
                {u.passwordChangedAt ? <p className="muted">{t('admin.users.passwordChanged', { when: formatDateTime(u.passwordChangedAt) })}</p> : null}
              </div>
              <div className="actions">
                <button type="button" className="button" onClick={() => setEditing(u)} aria-describedby={`user-${u.id}`}>
                  {t('admin.users.edit')}
                </button>
                <button type="button" className="button" onClick={() => (reset.reset(), setResetting(u))} aria-describedby={`user-${u.id}`}>
                  {t('admin.users.resetPassword')}
                </button>
                <button type="button" className="button quiet" onClick={() => (revoke.reset(), setEnding(u))} aria-describedby={`user-${u.id}`}>
                  {t('admin.users.endSessions')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </Panel>
      {editing ? <EditAccount key={editing.id} user={editing} units={units.data ?? []} self={editing.id === myId} onClose={() => setEditing(undefined)} /> : null}
      <ConfirmDialog
        open={!!resetting}
        title={t('admin.users.resetTitle')}
        confirmLabel={t('admin.users.resetYes')}
        cancelLabel={t('admin.keep')}
        danger
        busy={reset.isPending}
        onClose={() => setResetting(undefined)}
        onConfirm={() =>
          resetting &&
          reset.mutate(resetting.id, {
            onSuccess: (r) => {
              setHandedOver({ username: resetting.username, password: r.oneTimePassword });
              setResetting(undefined);
            },
          })
        }
      >
        <p>{resetting ? t('admin.users.resetBody', { username: resetting.username }) : null}</p>
        <FormMessage error={reset.error} />
      </ConfirmDialog>
      <ConfirmDialog
        open={!!ending}
        title={t('admin.users.endTitle')}
        confirmLabel={t('admin.users.endYes')}
        cancelLabel={t('admin.keep')}
        danger
        busy={revoke.isPending}
        onClose={() => setEnding(undefined)}
        onConfirm={() => ending && revoke.mutate(ending.id, { onSuccess: () => setEnding(undefined) })}
      >
        <p>{ending ? t('admin.users.endBody', { username: ending.username }) : null}</p>
        <FormMessage error={revoke.error} />
      </ConfirmDialog>
    </>
  );
}

/** Shown once, as the API gives it: to be handed over in person. */
function OneTimePassword({ username, password, onDone }: { username: string; password: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice info one-time" role="status">
      <p>{t('admin.users.oneTime', { username })}</p>
      <p>
        <code className="password" lang="en">
          {password}
        </code>
      </p>
      <p>{t('admin.users.oneTimeNote')}</p>
      <button type="button" className="button" onClick={onDone}>
        {t('admin.users.oneTimeDone')}
      </button>
    </div>
  );
}

function UnitOptions({ units }: { units: readonly Unit[] }) {
  return (
    <>
      {units
        .filter((u) => u.isActive)
        .map((u) => (
          <option key={u.id} value={u.code}>
            {`${'\u00a0\u00a0'.repeat(u.path.split('.').length - 1)}${unitName(u)} (${u.code})`}
          </option>
        ))}
    </>
  );
}

function NewAccountForm({ units, onCreated }: { units: readonly Unit[]; onCreated: (username: string, password: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [form, setForm] = useState<NewAccount>(EMPTY);
  const [roles, setRoles] = useState<Role[]>([]);
  const error = create.error instanceof ApiError ? create.error : undefined;
  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const { name, value } = e.target;
    setForm((f) => ({ ...f, [name]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { ...form, username: form.username.trim(), mobile: form.mobile.trim() || undefined, roles },
      {
        onSuccess: (r) => {
          onCreated(r.user.username, r.oneTimePassword);
          setForm(EMPTY);
          setRoles([]);
        },
      },
    );
  };
  return (
    <Panel title={t('admin.users.newTitle')} headingId="users-new">
      <form onSubmit={submit} noValidate className="form-grid">
        <FormMessage error={create.error} />
        <Field label={t('admin.users.username')} hint={t('admin.users.usernameHint')} name="username" value={form.username} onChange={onChange} autoCapitalize="none" autoComplete="off" error={error?.fieldMessage('username')} errorLang="en" />
        <Field label={t('admin.users.nameHi')} name="displayNameHi" lang="hi" value={form.displayNameHi} onChange={onChange} error={error?.fieldMessage('displayNameHi')} errorLang="en" />
        <Field label={t('admin.users.nameEn')} name="displayNameEn" lang="en" value={form.displayNameEn} onChange={onChange} error={error?.fieldMessage('displayNameEn')} errorLang="en" />
        <Field label={t('admin.users.rank')} hint={t('admin.users.rankHint')} name="rank" value={form.rank} onChange={onChange} error={error?.fieldMessage('rank')} errorLang="en" />
        <SelectField label={t('admin.users.unit')} name="unitCode" value={form.unitCode} onChange={onChange} error={error?.fieldMessage('unitCode')} errorLang="en">
          <option value="">{t('admin.users.chooseUnit')}</option>
          <UnitOptions units={units} />
        </SelectField>
        <Field label={t('admin.users.mobile')} hint={t('admin.users.mobileHint')} name="mobile" inputMode="numeric" value={form.mobile} onChange={onChange} error={error?.fieldMessage('mobile')} errorLang="en" />
        <CheckboxGroup legend={t('admin.users.roles')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}.name`) }))} value={roles} onChange={setRoles} error={error?.fieldMessage('roles')} errorLang="en" />
        <div className="actions">
          <button type="submit" className="button primary" disabled={create.isPending}>
            {t('admin.users.create')}
          </button>
        </div>
      </form>
    </Panel>
  );
}

/** Roles, unit, mobile and whether the account may log in; any of the first three ends its sessions. */
function EditAccount({ user, units, self, onClose }: { user: User; units: readonly Unit[]; self: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const current = units.find((u) => u.id === user.unitId);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [unitCode, setUnitCode] = useState(current?.code ?? '');
  const [mobile, setMobile] = useState(user.mobile ?? '');
  const [active, setActive] = useState(user.isActive);
  const error = update.error instanceof ApiError ? update.error : undefined;
  const save = () => {
    const body: Parameters<typeof update.mutate>[0]['body'] = { version: user.version };
    if (roles.join() !== user.roles.join()) body.roles = roles;
    if (unitCode && unitCode !== current?.code) body.unitCode = unitCode;
    if (mobile.trim() && mobile.trim() !== user.mobile) body.mobile = mobile.trim();
    if (active !== user.isActive) body.isActive = active;
    update.mutate({ id: user.id, body }, { onSuccess: onClose });
  };
  return (
    <ConfirmDialog open title={t('admin.users.editTitle', { username: user.username })} confirmLabel={t('admin.save')} cancelLabel={t('admin.cancel')} busy={update.isPending} onConfirm={save} onClose={onClose}>
      <FormMessage error={update.error} explain={(e) => (e.status === 409 ? t('admin.changedMeanwhile') : undefined)} />
      <CheckboxGroup legend={t('admin.users.roles')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}.name`) }))} value={roles} onChange={setRoles} error={error?.fieldMessage('roles')} errorLang="en" />
      <SelectField label={t('admin.users.unit')} value={unitCode} onChange={(e) => setUnitCode(e.target.value)} error={error?.fieldMessage('unitCode')} errorLang="en">
        <UnitOptions units={units} />
      </SelectField>
      <Field label={t('admin.users.mobile')} inputMode="numeric" value={mobile} onChange={(e) => setMobile(e.target.value)} error={error?.fieldMessage('mobile')} errorLang="en" />
      <label className="checkbox">
        <input type="checkbox" checked={active} disabled={self} onChange={(e) => setActive(e.target.checked)} />
        {t('admin.users.mayLogIn')}
      </label>
      <p className="hint muted">{self ? t('admin.users.notYourself') : t('admin.users.editNote')}</p>
    </ConfirmDialog>
  );
}
