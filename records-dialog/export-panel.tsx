/** Export: one client's decisions or every client's, MADR 4 or adr-tools, as a zip in Drive. */
import { useState } from 'preact/hooks';
import type { ExportResult } from '../src/main';
import { server } from '../sidebar/server';
import { ClientSelect, firstChoice } from './client-select';
import type { Clients } from './main';

const FORMS = [
  { form: 'madr', label: 'MADR 4 (with front matter)' },
  { form: 'nygard', label: "adr-tools (Nygard's form)" },
] as const;

export function ExportPanel({ clients }: { clients: Clients }) {
  const [clientId, setClientId] = useState(firstChoice(clients));
  const [form, setForm] = useState<'madr' | 'nygard'>('madr');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState<ExportResult | null>(null);

  const run = (): void => {
    setBusy(true);
    setError('');
    setResult(null);
    server
      .exportDecisions(clientId ? { clientId, form } : { form })
      .then(setResult, (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <section aria-label="Export records">
      <ClientSelect
        id="export-client"
        clients={clients}
        value={clientId}
        all
        onChange={setClientId}
      />
      <fieldset>
        <legend>Form</legend>
        {FORMS.map((f) => (
          <label key={f.form} style="display:block">
            <input
              type="radio"
              name="form"
              checked={form === f.form}
              onChange={() => setForm(f.form)}
            />{' '}
            {f.label}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="button" class="action" disabled={busy} onClick={run}>
          {busy ? 'Exporting…' : 'Export to Drive'}
        </button>
        {busy && <div class="progress" />}
        {error && (
          <p role="alert" class="form-error">
            {error}
          </p>
        )}
      </div>
      {result && (
        <div role="status" class="status">
          {`${result.decisions} decision${result.decisions === 1 ? '' : 's'} of ${result.clients} client${result.clients === 1 ? '' : 's'} in ${result.files} files: `}
          <a href={result.url} target="_blank" rel="noopener">
            {result.fileName}
          </a>
        </div>
      )}
      {result && result.withheld.length > 0 && (
        <>
          <h3>Left out</h3>
          <ul>
            {result.withheld.map((w, i) => (
              <li key={i}>{`${w.client}${w.row === null ? '' : `, row ${w.row}`}: ${w.reason}`}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
