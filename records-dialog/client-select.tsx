/** The dialog's client list; `all` adds "All clients" (an empty value) at the top. */
import type { Clients } from './main';

/** The client the sidebar showed when it opened the dialog (ADR 25), else the first. */
export function firstChoice(clients: Clients): string {
  const shown = (window as { ctorClientId?: unknown }).ctorClientId;
  return clients.find((c) => c.id === shown)?.id ?? clients[0]?.id ?? '';
}

export function ClientSelect(props: {
  id: string;
  clients: Clients;
  value: string;
  all?: boolean;
  onChange: (id: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>Client</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.all && <option value="">All clients</option>}
        {props.clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
