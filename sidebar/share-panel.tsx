/** Sharing the selected client's view with its founders: who has access, share, stop. */
import { useEffect, useState } from 'preact/hooks';
import type { SharingEntry } from '../src/main';
import { server } from './server';
import { useActionButtons } from './action-button';

export function SharePanel(props: {
  clientId: string;
  clientName: string;
  onMessage: (text: string, failed?: boolean) => void;
}) {
  const [entry, setEntry] = useState<SharingEntry | null>(null);
  const [emails, setEmails] = useState('');
  const [role, setRole] = useState('viewer');
  const load = () => {
    server
      .getSharing()
      .then((all) => setEntry(all.find((e) => e.clientId === props.clientId) ?? null))
      .catch(() => setEntry(null));
  };
  useEffect(load, [props.clientId]);
  const button = useActionButtons(props.onMessage, load);
  const shared = entry?.active;
  const stopping = entry?.stopping === true;
  return (
    <details class="share" aria-label="Founder view">
      <summary>
        Founder view{' '}
        {shared ? `(shared with ${entry.emails.length})` : stopping ? '(stopping)' : '(not shared)'}
      </summary>
      {stopping && (
        <p class="note" role="note">
          Stop sharing did not finish: some founders may still have access. The view is no longer
          updated. Choose Stop sharing again to finish.
        </p>
      )}
      {shared && (
        <p>
          <a href={entry.url} target="_blank" rel="noreferrer">
            Open the shared view
          </a>{' '}
          — {entry.role}: {entry.emails.join(', ')}
        </p>
      )}
      <div class="field">
        <label for="share-emails">Emails</label>
        <input
          id="share-emails"
          value={emails}
          placeholder="Founder emails from the profile"
          onInput={(e) => setEmails(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="share-role">Role</label>
        <select id="share-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
          <option value="viewer">Viewer</option>
          <option value="commenter">Commenter</option>
        </select>
      </div>
      <div class="actions">
        {button(shared ? 'Update sharing' : 'Share with founders', () =>
          server
            .shareClientView({
              clientId: props.clientId,
              ...(emails.trim() ? { emails } : {}),
              role,
            })
            .then((r) =>
              r.withheld.length
                ? `${r.clientName} shared with ${r.emails.join(', ')}. Not shared, as it could not be read with confidence: ${r.withheld.join('; ')}.`
                : `${r.clientName} shared with ${r.emails.join(', ')}`,
            ),
        )}
        {(shared || stopping) &&
          button('Stop sharing', () =>
            server
              .stopSharing({ clientId: props.clientId })
              .then(() => `Stopped sharing ${props.clientName}`),
          )}
      </div>
    </details>
  );
}
