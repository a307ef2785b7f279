/**
 * The Decision records dialog (add-on menu ▸ Decision records…): records pasted or chosen as
 * files imported into a client's Decisions after a preview, and a client's decisions (or every
 * client's) exported as one zip in Drive. The server does the reading and writing (ADR 25).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Registry } from '../src/main';
import { server } from '../sidebar/server';
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';

export type Clients = Registry['clients'];

function Dialog() {
  const [clients, setClients] = useState<Clients | null>(null);
  const [error, setError] = useState('');
  const [tab, setTab] = useState<'import' | 'export'>('import');
  useEffect(() => {
    server
      .getRegistry()
      .then((r) => setClients(r.clients))
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <main>
      <div class="tabs" role="tablist">
        {(['import', 'export'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
          >
            {t === 'import' ? 'Import records' : 'Export records'}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {clients === null && !error && <p class="muted">Loading clients…</p>}
      {clients && clients.length === 0 && (
        <p class="muted">No clients yet: add a client from the sidebar first.</p>
      )}
      {clients &&
        clients.length > 0 &&
        (tab === 'import' ? <ImportPanel clients={clients} /> : <ExportPanel clients={clients} />)}
    </main>
  );
}

render(<Dialog />, document.getElementById('app')!);
