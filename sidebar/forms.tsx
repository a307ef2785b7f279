/** The Add client and Add debt item forms. */
import { clientInputSchema } from '../src/domain/client';
import { debtFieldsSchema } from '../src/domain/debt';
import { DEBT_STATUSES, PM_TOOLS, PRIORITIES, SCALE, STAGES } from '../src/domain/registry-layout';
import type { ClientSummary } from '../src/domain/client';
import { AreaField, SelectField, TextField } from './fields';
import { server } from './server';
import { numberOrAbsent, numberOrNull, useForm, type FormState } from './use-form';

function Actions(props: { form: FormState; label: string; onCancel: () => void }) {
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

export function AddClientForm(props: { onDone: (message: string) => void; onCancel: () => void }) {
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
      const added = await server.addClient(input as Parameters<typeof server.addClient>[0]);
      props.onDone(`${added.name} added`);
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

export function AddDebtForm(props: {
  clients: ClientSummary[];
  clientId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useForm(
    {
      clientId: props.clientId,
      title: '',
      area: '',
      priority: 'Medium',
      impact: '',
      effort: '',
      status: 'Open',
      owner: '',
      trackedIn: '',
      tags: '',
      lastReviewed: '',
      notes: '',
      privateNote: '',
    },
    debtFieldsSchema,
    (v) => ({ ...v, impact: numberOrNull(v['impact']), effort: numberOrNull(v['effort']) }),
    async (input) => {
      const { clientId, ...fields } = input as Record<string, unknown>;
      const added = await server.addItem({ clientId: String(clientId), kind: 'debt', fields });
      props.onDone(`${added.id} added to ${added.clientName}`);
    },
  );
  const f = (name: string) => ({
    name,
    value: form.values[name] ?? '',
    error: form.errors[name],
    onInput: form.set,
  });
  const clientNames = props.clients.map((c) => c.id);
  return (
    <form onSubmit={form.submit} noValidate aria-label="Add debt item">
      <h2>Add debt item</h2>
      <div class="field">
        <label for="f-clientId">Client</label>
        <select
          id="f-clientId"
          name="clientId"
          value={form.values['clientId']}
          onChange={(e) => form.set('clientId', (e.currentTarget as HTMLSelectElement).value)}
        >
          {props.clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <TextField {...f('title')} label="Title" required />
      <SelectField {...f('priority')} label="Priority" options={PRIORITIES} />
      <div class="pair">
        <SelectField {...f('impact')} label="Impact (1–5)" options={SCALE} blank="—" />
        <SelectField {...f('effort')} label="Effort (1–5)" options={SCALE} blank="—" />
      </div>
      <SelectField {...f('status')} label="Status" options={DEBT_STATUSES} />
      <TextField {...f('area')} label="Area" />
      <TextField {...f('owner')} label="Owner" />
      <TextField
        {...f('trackedIn')}
        label="Tracked in"
        hint="Issue key or link in the client's PM tool"
      />
      <TextField {...f('tags')} label="Tags" hint="Comma-separated" />
      <TextField {...f('lastReviewed')} label="Last reviewed" type="date" />
      <AreaField {...f('notes')} label="Notes" />
      <AreaField {...f('privateNote')} label="Private note" hint="Never leaves the registry" />
      {clientNames.length === 0 && <p class="muted">Add a client first.</p>}
      <Actions form={form} label="Add debt item" onCancel={props.onCancel} />
    </form>
  );
}
