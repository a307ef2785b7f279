/** The Add client form. */
import { clientInputSchema } from '../src/domain/client';
import { PM_TOOLS, STAGES } from '../src/domain/registry-layout';
import { AreaField, SelectField, TextField } from './fields';
import type { SidebarOpen } from '../src/main';
import { server } from './server';
import { numberOrAbsent, useForm, type FormState } from './use-form';

/** The submit and cancel buttons, the server's rejection, and the busy state while a call runs. */
export function Actions(props: { form: FormState; label: string; onCancel: () => void }) {
  return (
    <div class="actions">
      {props.form.serverError && (
        <div class="form-error" role="alert">
          {props.form.serverError}
        </div>
      )}
      <button type="submit" class="action" disabled={props.form.busy} aria-busy={props.form.busy}>
        {props.form.busy ? 'Saving…' : props.label}
      </button>
      <button type="button" onClick={props.onCancel} disabled={props.form.busy}>
        Cancel
      </button>
      {props.form.busy && <div class="progress" role="progressbar" aria-label="Saving" />}
    </div>
  );
}

export function AddClientForm(props: {
  /** What the sidebar shows next: the list and the new client, in the same answer. */
  onAdded: (opened: SidebarOpen) => void;
  onCancel: () => void;
}) {
  const form = useForm(
    {
      name: '',
      stage: '',
      hoursPerWeek: '',
      founderEmails: '',
      leadEngineer: '',
      pmTool: '',
      pmLink: '',
      repoLink: '',
      reviewCadence: '7',
      engagementStart: '',
      privateNotes: '',
    },
    clientInputSchema,
    (v) => ({
      ...v,
      hoursPerWeek: numberOrAbsent(v['hoursPerWeek']),
      reviewCadence: numberOrAbsent(v['reviewCadence']),
    }),
    async (input) => {
      const opened = await server.addClient(input as Parameters<typeof server.addClient>[0]);
      props.onAdded(opened);
    },
  );
  const f = (name: string) => ({
    name,
    value: form.values[name] ?? '',
    error: form.errors[name],
    onInput: form.set,
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label="Add client">
      <h2>Add client</h2>
      <TextField {...f('name')} label="Client name" required />
      <TextField {...f('hoursPerWeek')} label="Hours per week" type="number" step="0.25" required />
      <SelectField {...f('stage')} label="Stage" options={STAGES} blank="—" />
      <TextField {...f('founderEmails')} label="Founder emails" hint="Comma-separated" />
      <TextField {...f('leadEngineer')} label="Lead engineer" />
      <SelectField {...f('pmTool')} label="PM tool" options={PM_TOOLS} blank="—" />
      <TextField {...f('pmLink')} label="PM link" type="url" placeholder="https://" />
      <TextField {...f('repoLink')} label="Repo link" type="url" placeholder="https://" />
      <TextField {...f('reviewCadence')} label="Review cadence (days)" type="number" step="1" />
      <TextField {...f('engagementStart')} label="Engagement start" type="date" />
      <AreaField {...f('privateNotes')} label="Private notes" hint="Never leaves the registry" />
      <Actions form={form} label="Add client" onCancel={props.onCancel} />
    </form>
  );
}
