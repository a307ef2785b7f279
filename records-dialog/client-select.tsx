/** The dialog's client list; `all` adds "All clients" (an empty value) at the top. */
import type { Clients } from './main';

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
