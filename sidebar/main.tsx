/** The sidebar: the clients at a glance, and the forms that write to the registry. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ClientSummary } from '../src/domain/client';
import { AddClientForm, AddDebtForm } from './forms';
import { server } from './server';

type View = 'home' | 'addClient' | 'addDebt';

function App() {
  const [clients, setClients] = useState<ClientSummary[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [view, setView] = useState<View>('home');
  const [current, setCurrent] = useState('');
  const [message, setMessage] = useState('');

  const load = (): void => {
    server
      .getRegistry()
      .then((r) => {
        setClients(r.clients);
        setLoadError('');
        setCurrent((c) => (r.clients.some((x) => x.id === c) ? c : (r.clients[0]?.id ?? '')));
      })
      .catch((e: Error) => setLoadError(e.message));
  };
  useEffect(load, []);

  const done = (text: string): void => {
    setMessage(text);
    setView('home');
    load();
  };
  const open = (v: View): void => {
    setMessage('');
    setView(v);
  };

  if (view === 'addClient') return <AddClientForm onDone={done} onCancel={() => setView('home')} />;
  if (view === 'addDebt' && clients) {
    return (
      <AddDebtForm
        clients={clients}
        clientId={current}
        onDone={done}
        onCancel={() => setView('home')}
      />
    );
  }
  const selected = clients?.find((c) => c.id === current);
  return (
    <main>
      <h1>CTO Registry</h1>
      <div role="status" class="status">
        {message}
      </div>
      {loadError && (
        <p role="alert" class="form-error">
          {loadError}
        </p>
      )}
      {clients === null && !loadError && <p class="muted">Loading…</p>}
      {clients && clients.length === 0 && (
        <p class="muted">No clients yet. Add your first client to start.</p>
      )}
      {clients && clients.length > 0 && (
        <div class="field">
          <label for="client-switcher">Client</label>
          <select
            id="client-switcher"
            value={current}
            onChange={(e) => setCurrent((e.currentTarget as HTMLSelectElement).value)}
          >
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {selected && (
        <dl class="summary" aria-label={`${selected.name} summary`}>
          <dt>Status</dt>
          <dd>{selected.status}</dd>
          <dt>Hours per week</dt>
          <dd>{selected.hoursPerWeek ?? '—'}</dd>
          <dt>Debt items</dt>
          <dd>{selected.counts.debt}</dd>
          <dt>Decisions</dt>
          <dd>{selected.counts.decision}</dd>
          <dt>Risks</dt>
          <dd>{selected.counts.risk}</dd>
        </dl>
      )}
      <div class="actions">
        <button type="button" class="action" onClick={() => open('addDebt')} disabled={!selected}>
          Add debt item
        </button>
        <button type="button" onClick={() => open('addClient')}>
          Add client
        </button>
      </div>
      {clients && clients.length > 0 && (
        <ul class="clients" aria-label="Clients">
          {clients.map((c) => (
            <li key={c.id}>
              <span>{c.name}</span> <span class="muted">{c.counts.debt} debt</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
