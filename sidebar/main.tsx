import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

interface ClientRow {
  id: string;
  name: string;
  counts: { debt: number };
}

declare const google: {
  script: {
    run: {
      withSuccessHandler(f: (v: unknown) => void): {
        withFailureHandler(f: (e: Error) => void): { getRegistry(): void };
      };
    };
  };
};

function App() {
  const [clients, setClients] = useState<ClientRow[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    google.script.run
      .withSuccessHandler((v) => setClients((v as { clients: ClientRow[] }).clients))
      .withFailureHandler((e) => setError(e.message))
      .getRegistry();
  }, []);
  return (
    <main>
      <h1>CTO Registry</h1>
      {error && <p role="alert">{error}</p>}
      {clients === null && !error && <p class="muted">Loading…</p>}
      {clients && clients.length === 0 && <p class="muted">No clients yet.</p>}
      {clients && (
        <ul>
          {clients.map((c) => (
            <li key={c.id}>
              {c.name} <span class="muted">({c.counts.debt} debt items)</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
