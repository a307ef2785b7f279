/** One client: its numbers, the debt matrix, every section's items to open, and what could not be read. */
import { SECTIONS, type SectionKind } from '../src/domain/registry-layout';
import type { RegistryItem } from '../src/domain/section-items';
import type { ClientDetail } from '../src/main';
import { Matrix } from './matrix';
import { server } from './server';
import { SharePanel } from './share-panel';

function headline(item: RegistryItem): string {
  const f = item.fields;
  return String(
    f['title'] || f['goal'] || f['risk'] || f['personRole'] || f['notes'] || f['date'] || '',
  );
}

export const loading = () => <p class="muted">Loading…</p>;

export function ClientView(props: {
  clientId: string;
  /** The client, or why it could not be read. */
  detail: ClientDetail | string | null;
  /** A form for a new item of this kind, or for this item. */
  onOpen: (kind: SectionKind, clientName: string, item?: RegistryItem) => void;
  onMessage: (text: string, failed?: boolean) => void;
}) {
  const { detail } = props;
  if (typeof detail === 'string')
    return (
      <p role="alert" class="form-error">
        {detail}
      </p>
    );
  if (!detail || detail.client.id !== props.clientId) return loading();
  const name = detail.client.name;
  return (
    <section aria-label={`${name} registry`}>
      <div class="add-row" role="group" aria-label="Add to this client">
        {SECTIONS.map((s) => (
          <button type="button" key={s.kind} onClick={() => props.onOpen(s.kind, name)}>
            + {s.kind.charAt(0).toUpperCase() + s.kind.slice(1)}
          </button>
        ))}
        <button
          type="button"
          onClick={() => void server.showDecisionRecords({ clientId: props.clientId })}
        >
          Import/export ADRs…
        </button>
      </div>
      <SharePanel clientId={props.clientId} clientName={name} onMessage={props.onMessage} />
      <Matrix items={detail.items.debt} onOpen={(item) => props.onOpen(item.kind, name, item)} />
      {SECTIONS.map((s) => {
        const items = detail.items[s.kind];
        if (items.length === 0) return null;
        return (
          <details key={s.kind} open={s.kind === 'debt' || s.kind === 'decision'}>
            <summary>
              {s.title} ({items.length})
            </summary>
            <ul class="items">
              {items.map((item) => (
                <li key={item.ref}>
                  <button
                    type="button"
                    class="link"
                    onClick={() => props.onOpen(item.kind, name, item)}
                  >
                    {item.id ? `${item.id} ` : ''}
                    {headline(item)}
                  </button>{' '}
                  <span class="muted">{String(item.fields['status'] ?? '')}</span>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      {detail.problems.length > 0 && (
        <details class="problems" open>
          <summary>Cells that could not be read ({detail.problems.length})</summary>
          <ul>
            {detail.problems.slice(0, 20).map((p) => (
              <li key={`${p.tab}!${p.cell}`}>
                {p.cell}: {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
