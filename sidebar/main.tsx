/** The sidebar: a client switcher, the client's registry, and the forms that write to it. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ClientSummary } from '../src/domain/client';
import type { SectionKind } from '../src/domain/registry-layout';
import type { RegistryItem } from '../src/domain/section-items';
import { ClientView } from './client-view';
import { AddClientForm } from './forms';
import { ItemForm } from './item-form';
import { server } from './server';
import { WeeklyPanel } from './weekly-panel';

type View =
  | { name: 'home' }
  | { name: 'addClient' }
  | { name: 'item'; kind: SectionKind; clientName: string; item?: RegistryItem };

function App() {
  const [clients, setClients] = useState<ClientSummary[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [view, setView] = useState<View>({ name: 'home' });
  const [current, setCurrent] = useState('');
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);

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
    // Priorities follow every write; a failure there does not undo the write, so it stays quiet.
    server.refreshPriorities().catch(() => undefined);
    setMessage(text);
    setView({ name: 'home' });
    setVersion((v) => v + 1);
    load();
  };
  const back = (): void => setView({ name: 'home' });

  if (view.name === 'addClient') return <AddClientForm onDone={done} onCancel={back} />;
  if (view.name === 'item') {
    return (
      <ItemForm
        kind={view.kind}
        clientId={current}
        clientName={view.clientName}
        item={view.item}
        onDone={done}
        onCancel={back}
      />
    );
  }
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
      <div class="switcher">
        {clients && clients.length > 0 && (
          <div class="field">
            <label for="client-switcher">Client</label>
            <select
              id="client-switcher"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
            >
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.status})
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" onClick={() => (setMessage(''), setView({ name: 'addClient' }))}>
          Add client
        </button>
      </div>
      <WeeklyPanel onMessage={setMessage} client={clients?.find((c) => c.id === current)} />
      {current && (
        <ClientView
          clientId={current}
          version={version}
          onAdd={(kind, clientName) => (
            setMessage(''),
            setView({ name: 'item', kind, clientName })
          )}
          onMessage={setMessage}
          onEdit={(item, clientName) => (
            setMessage(''),
            setView({ name: 'item', kind: item.kind, clientName, item })
          )}
        />
      )}
    </main>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
