/** The sidebar: a client switcher, the client's registry, and the forms that write to it. */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientEntry } from '../src/app/sidebar-client-index';
import type { SectionKind } from '../src/domain/registry-layout';
import type { RegistryItem } from '../src/domain/section-items';
import { ClientView, loading } from './client-view';
import { AddClientForm } from './forms';
import { ItemForm } from './item-form';
import type { ClientDetail, SidebarOpen } from '../src/main';
import { schedulePrioritiesRefresh } from './priorities-refresh';
import { server } from './server';
import { WeeklyPanel } from './weekly-panel';
import { RadarPanel } from './radar-panel';

type View =
  | { name: 'home' }
  | { name: 'addClient' }
  | { name: 'item'; kind: SectionKind; clientName: string; item?: RegistryItem };

function App() {
  const [clients, setClients] = useState<ClientEntry[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [view, setView] = useState<View>({ name: 'home' });
  const [current, setCurrent] = useState('');
  /** The client shown, or why it could not be read. */
  const [detail, setDetail] = useState<ClientDetail | string | null>(null);
  const [message, setMessage] = useState('');
  /** The tab on screen when an add form opened: the sidebar hears of no tab picked meanwhile. */
  const [screen, setScreen] = useState<string | null>(null);
  /** Whether the message says what failed: shown as an error, not as done. */
  const [failed, setFailed] = useState(false);
  /** The message is at the top of the sidebar: scrolled back to, so that it is seen. */
  const say = (text: string, wrong = false): void => {
    setMessage(text);
    setFailed(wrong);
    scrollTo(0, 0);
  };
  const shown = useRef('');

  /** Shows what one call answered: the list, and this client or the first. */
  const show = (r: SidebarOpen): void => {
    setClients(r.clients);
    shown.current = r.current?.client.id ?? '';
    setCurrent(shown.current);
    setDetail(r.current);
  };
  /** Everything the sidebar shows, in one call. */
  const open = (clientId?: string): void => {
    server
      .getSidebar({ clientId })
      .then(show)
      .catch((e: Error) => setLoadError(e.message));
  };
  useEffect(() => open(), []);

  /** `showTab`: the user picked the client, so its tab opens beside the sidebar too. */
  const showClient = (clientId: string, showTab = false): void => {
    shown.current = clientId;
    setCurrent(clientId);
    void server
      .getClient({ clientId, showTab })
      .catch((e: Error) => e.message)
      .then((d) => shown.current === clientId && setDetail(d));
  };

  /** After a write: the user goes on at once; Priorities follow shortly, outside the wait. */
  const done = (text: string): void => {
    schedulePrioritiesRefresh();
    say(text);
    setView({ name: 'home' });
    if (current) showClient(current);
  };
  /** A client added: the answer already holds the list and the new client. */
  const added = (opened: SidebarOpen): void => {
    schedulePrioritiesRefresh();
    say(`${opened.current?.client.name ?? 'The client'} added`);
    setView({ name: 'home' });
    show(opened);
  };
  const back = (): void => setView({ name: 'home' });

  if (view.name === 'addClient') return <AddClientForm onAdded={added} onCancel={back} />;
  if (view.name === 'item') {
    const other = view.item ? undefined : clients?.find((c) => c.id === screen && c.id !== current);
    return (
      <ItemForm
        kind={view.kind}
        clientId={current}
        clientName={view.clientName}
        item={view.item}
        other={other?.name}
        onDone={done}
        onCancel={back}
      />
    );
  }
  return (
    <main>
      <h1>CTO Registry</h1>
      <div role="status" class={failed ? 'status failed' : 'status'}>
        {message}
      </div>
      {loadError && (
        <p role="alert" class="form-error">
          {loadError}
        </p>
      )}
      {clients === null && !loadError && loading()}
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
              onChange={(e) => showClient(e.currentTarget.value, true)}
            >
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.status === 'Active' ? c.name : `${c.name} (${c.status})`}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" onClick={() => (setMessage(''), setView({ name: 'addClient' }))}>
          Add client
        </button>
      </div>
      <WeeklyPanel onMessage={say} client={clients?.find((c) => c.id === current)} />
      <RadarPanel />
      {current && (
        <ClientView
          clientId={current}
          detail={detail}
          onOpen={(kind, clientName, item) => {
            say('');
            setScreen(null);
            setView({ name: 'item', kind, clientName, item });
            if (!item) server.getTabOnScreen().then(setScreen, () => 0);
          }}
          onMessage={say}
        />
      )}
    </main>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
