import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { GRADINGS, PRIORITIES, useDakFiles, useDakStep, useOpenDakFile, type DakAction, type DakItem, type DakPriority, type DakSummary, type Grading } from './dak-api';
import { MarkFields, NO_MARK, useMarkTargets, type MarkDraft } from './MarkFields';

const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
const MARK_FIELDS: Record<keyof MarkDraft, string> = { unit: 'toUnit', user: 'toUser', instruction: 'instruction' };
/** The order the actions are offered in. */
const ORDER = ['confirm', 'receive', 'mark', 'reply', 'forward', 'putInFile', 'close', 'reopen'] as const satisfies readonly DakAction[];
type Offered = (typeof ORDER)[number];
const refused = (e: ApiError) => (Object.keys(e.fields).length > 0 ? undefined : e.message);

/** What this user may do with the item now: only the actions the API allows, each with its own form and its errors beside their fields. */
export function DakActions({ d }: { d: DakItem }) {
  const { t } = useTranslation();
  const offered = ORDER.filter((a) => d.allowedActions.includes(a));
  if (offered.length === 0) return null;
  return (
    <Panel title={t('dak.actions.title')} headingId="dak-item-actions" className="dak-actions">
      {offered.map((a) => (
        <ActionFor key={a} d={d} action={a} />
      ))}
    </Panel>
  );
}

function ActionFor({ d, action }: { d: DakItem; action: Offered }) {
  switch (action) {
    case 'confirm':
      return <Confirm d={d} />;
    case 'receive':
      return <Receive d={d} />;
    case 'mark':
    case 'forward':
      return <Mark d={d} action={action} />;
    case 'putInFile':
      return <PutInFile d={d} />;
    case 'reply':
      return <Reply d={d} />;
    case 'close':
    case 'reopen':
      return <Reason d={d} action={action} />;
  }
}

function Action({ id, title, onSubmit, children }: { id: string; title: string; onSubmit: (e: FormEvent) => void; children: ReactNode }) {
  return (
    <section className="dak-action" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <form noValidate onSubmit={onSubmit}>
        {children}
      </form>
    </section>
  );
}

function Receive({ d }: { d: DakItem }) {
  const { t } = useTranslation();
  const step = useDakStep(d.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.mutate({ action: 'receive', body: { version: d.version } });
  };
  return (
    <Action id="dak-do-receive" title={t('dak.actions.receive.title')} onSubmit={submit}>
      <p className="hint">{t('dak.actions.receive.hint')}</p>
      <FormMessage error={step.error} />
      <button type="submit" className="button primary" disabled={step.isPending}>
        {t('dak.actions.receive.submit')}
      </button>
    </Action>
  );
}

function Mark({ d, action }: { d: DakItem; action: 'mark' | 'forward' }) {
  const { t } = useTranslation();
  const step = useDakStep(d.id);
  const targets = useMarkTargets();
  const [mark, setMark] = useState<MarkDraft>(NO_MARK);
  const [priority, setPriority] = useState<DakPriority>(d.priority);
  const error = step.error instanceof ApiError ? step.error : undefined;
  return (
    <Action
      id={`dak-do-${action}`}
      title={t(`dak.actions.${action}.title`)}
      onSubmit={(e) => {
        e.preventDefault();
        step.mutate(
          { action, body: { version: d.version, toUnit: text(mark.unit), toUser: text(mark.user), instruction: text(mark.instruction), priority: priority === d.priority ? undefined : priority } },
          { onSuccess: () => setMark(NO_MARK) },
        );
      }}
    >
      <FormMessage error={step.error} explain={(e) => (refused(e) ? undefined : t('dak.form.refused'))} />
      <MarkFields value={mark} onChange={setMark} targets={targets} error={(f) => error?.fieldMessage(MARK_FIELDS[f])} />
      <SelectField label={t('dak.form.priority')} hint={t('dak.form.priorityHint')} value={priority} onChange={(e) => setPriority(e.target.value as DakPriority)} error={error?.fieldMessage('priority')} errorLang="en">
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`dak.priority.${p}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button primary" disabled={step.isPending}>
        {t(`dak.actions.${action}.submit`)}
      </button>
    </Action>
  );
}

/** The dak clerk's confirmation of an e-mailed item: its grading, and its marking at once if they choose. */
export function Confirm({ d }: { d: DakSummary }) {
  const { t } = useTranslation();
  const step = useDakStep(d.id);
  const targets = useMarkTargets();
  const [grading, setGrading] = useState<Grading>(d.grading);
  const [priority, setPriority] = useState<DakPriority>(d.priority);
  const [mark, setMark] = useState<MarkDraft>(NO_MARK);
  const error = step.error instanceof ApiError ? step.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.mutate({ action: 'confirm', body: { version: d.version, grading, priority, toUnit: text(mark.unit), toUser: text(mark.user), instruction: text(mark.instruction) } });
  };
  return (
    <Action id={`dak-do-confirm-${d.id}`} title={t('dak.actions.confirm.title', { ref: d.ref })} onSubmit={submit}>
      <FormMessage error={step.error} explain={(e) => (refused(e) ? undefined : t('dak.form.refused'))} />
      <div className="form-grid">
        <SelectField label={t('dak.form.grading')} hint={t('dak.form.gradingHint')} value={grading} onChange={(e) => setGrading(e.target.value as Grading)} error={error?.fieldMessage('grading')} errorLang="en">
          {GRADINGS.map((g) => (
            <option key={g} value={g}>
              {t(`dak.grading.${g}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dak.form.priority')} hint={t('dak.form.priorityHint')} value={priority} onChange={(e) => setPriority(e.target.value as DakPriority)} error={error?.fieldMessage('priority')} errorLang="en">
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`dak.priority.${p}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <MarkFields value={mark} onChange={setMark} targets={targets} error={(f) => error?.fieldMessage(MARK_FIELDS[f])} />
      <button type="submit" className="button primary" disabled={step.isPending}>
        {t('dak.actions.confirm.submit')}
      </button>
    </Action>
  );
}

function PutInFile({ d }: { d: DakItem }) {
  const { t } = useTranslation();
  const step = useDakStep(d.id);
  const files = useDakFiles();
  const open = useOpenDakFile();
  const [fileId, setFileId] = useState('');
  const [head, setHead] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  const openError = open.error instanceof ApiError ? open.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.mutate({ action: 'putInFile', body: { version: d.version, fileId } });
  };
  return (
    <Action id="dak-do-file" title={t('dak.actions.putInFile.title')} onSubmit={submit}>
      <FormMessage error={step.error} explain={(e) => (refused(e) ? undefined : t('dak.form.refused'))} />
      <SelectField label={t('dak.actions.putInFile.file')} value={fileId} onChange={(e) => setFileId(e.target.value)} error={error?.fieldMessage('fileId')} errorLang="en">
        <option value="">{t('dak.actions.putInFile.choose')}</option>
        {(files.data?.items ?? []).map((f) => (
          <option key={f.id} value={f.id}>
            {t('dak.item.fileLine', { ref: f.ref, head: f.subjectHead })}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button primary" disabled={step.isPending || fileId === ''}>
        {t('dak.actions.putInFile.submit')}
      </button>
      <FormMessage error={open.error} explain={(e) => (refused(e) ? undefined : t('dak.form.refused'))} />
      <Field label={t('dak.actions.putInFile.newHead')} hint={t('dak.actions.putInFile.newHint')} value={head} onChange={(e) => setHead(e.target.value)} error={openError?.fieldMessage('subjectHead')} errorLang="en" />
      <button
        type="button"
        className="button"
        disabled={open.isPending}
        onClick={() => open.mutate({ subjectHead: head.trim() }, { onSuccess: (f) => { setFileId(f.id); setHead(''); } })}
      >
        {t('dak.actions.putInFile.open')}
      </button>
    </Action>
  );
}

function Reason({ d, action }: { d: DakItem; action: 'close' | 'reopen' }) {
  const { t } = useTranslation();
  const step = useDakStep(d.id);
  const [reason, setReason] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  return (
    <Action
      id={`dak-do-${action}`}
      title={t(`dak.actions.${action}.title`)}
      onSubmit={(e) => {
        e.preventDefault();
        step.mutate({ action, body: { version: d.version, reason: reason.trim() } }, { onSuccess: () => setReason('') });
      }}
    >
      <FormMessage error={step.error} explain={(e) => (refused(e) ? undefined : t('dak.form.refused'))} />
      <TextAreaField label={t(`dak.actions.${action}.reason`)} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={error?.fieldMessage('reason')} errorLang="en" />
      <button type="submit" className={action === 'close' ? 'button' : 'button primary'} disabled={step.isPending}>
        {t(`dak.actions.${action}.submit`)}
      </button>
    </Action>
  );
}

/** An outward letter answering the item: numbered, drawn as a bilingual PDF with its verify QR, and sent to e-Office by the API. */
function Reply({ d }: { d: DakItem }) {
  const { t } = useTranslation();
  const step = useDakStep(d.id);
  const [recipient, setRecipient] = useState(() => (d.senderOffice ? `${d.senderName}, ${d.senderOffice}` : d.senderName));
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const error = step.error instanceof ApiError ? step.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.mutate({ action: 'reply', body: { version: d.version, recipient: recipient.trim(), subject: text(subject), body: body.trim() } }, { onSuccess: () => { setSubject(''); setBody(''); } });
  };
  return (
    <Action id="dak-do-reply" title={t('dak.actions.reply.title')} onSubmit={submit}>
      <FormMessage error={step.error} explain={(e) => (refused(e) ? undefined : t('dak.form.refused'))} />
      <Field label={t('dak.actions.reply.recipient')} value={recipient} onChange={(e) => setRecipient(e.target.value)} error={error?.fieldMessage('recipient')} errorLang="en" />
      <Field label={t('dak.actions.reply.subject')} hint={t('dak.actions.reply.subjectHint')} value={subject} onChange={(e) => setSubject(e.target.value)} error={error?.fieldMessage('subject')} errorLang="en" />
      <TextAreaField label={t('dak.actions.reply.body')} rows={5} value={body} onChange={(e) => setBody(e.target.value)} error={error?.fieldMessage('body')} errorLang="en" />
      <button type="submit" className="button primary" disabled={step.isPending}>
        {step.isPending ? t('dak.actions.reply.sending') : t('dak.actions.reply.submit')}
      </button>
    </Action>
  );
}
