/**
 * The panels under the sheet: toasts and alerts, the outbox (each mail opens with its HTML part
 * in a sandboxed frame beside its text part; newest first), and the emulated Drive with who each file is
 * shared with (each file opens in a browser tab of its own, as its viewers see it).
 */
import type { PageState } from './api';

type Mail = PageState['outbox'][number];

function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** A list's items with their indexes, the newest (last) first: the panels show it at the top. */
function newestFirst<T>(list: T[]): [T, number][] {
  return list.map((item, i): [T, number] => [item, i]).reverse();
}

/**
 * The panels keep one height whatever they hold, each list scrolling on its own with the newest
 * item first, so the sheet above keeps its rows.
 */
export function Panels({
  state,
  error,
  onOpenMail,
}: {
  state: PageState;
  error: string;
  onOpenMail(index: number): void;
}) {
  const people = (label: string, list: string[]) =>
    list.length ? ` · ${label}: ${list.join(', ')}` : '';
  return (
    <footer>
      <div>
        <h2>Toasts and alerts</h2>
        <ul id="messages">
          {newestFirst(state.toasts).map(([t, i]) => (
            <li key={`t${i}`}>{(t.title ? `${t.title}: ` : '') + t.message}</li>
          ))}
          {newestFirst(state.alerts).map(([a, i]) => (
            <li key={`a${i}`}>{`Alert: ${a.title ? `${a.title} — ` : ''}${a.prompt}`}</li>
          ))}
        </ul>
        <div id="error" class="error" role="alert">
          {error}
        </div>
      </div>
      <div>
        <h2>Outbox</h2>
        <ul id="outbox">
          {state.outbox.length === 0 && <li>No mail sent yet.</li>}
          {newestFirst(state.outbox).map(([m, i]) => (
            <li key={i}>
              <button type="button" class="link" onClick={() => onOpenMail(i)}>
                {`${when(m.at)} to ${m.to}: ${m.subject}`}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h2>Drive and triggers</h2>
        <ul id="drive">
          {state.drive.length === 0 && <li>No shared views yet.</li>}
          {state.drive.map((f) => (
            <li key={f.id}>
              {`${f.name} — viewers: ${f.viewers.join(', ') || 'none'}`}
              {people('commenters', f.commenters) + people('editors', f.editors)}
              {f.trashed ? ' (in the bin)' : ' '}
              {!f.trashed && (
                <a href={`/?file=${encodeURIComponent(f.id)}`} target="_blank" rel="noopener">
                  Open
                </a>
              )}
            </li>
          ))}
        </ul>
        <ul id="triggers">
          {state.triggers.map((t, i) => (
            <li key={i}>
              {`Trigger ${t.handler}${t.nextRun ? ` next at ${when(t.nextRun)} UTC` : ''}`}
            </li>
          ))}
        </ul>
      </div>
    </footer>
  );
}

/** One sent mail: its headers, its HTML part in a frame that runs nothing, and its text part. */
export function MailViewer({ mail, onClose }: { mail: Mail; onClose(): void }) {
  return (
    <div class="scrim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <section
        class="mail"
        role="dialog"
        aria-modal="true"
        aria-label={`Mail: ${mail.subject}`}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header>
          <h2>{mail.subject}</h2>
          <button type="button" aria-label="Close mail" ref={(el) => el?.focus()} onClick={onClose}>
            ✕
          </button>
        </header>
        <dl>
          <dt>From</dt>
          <dd>{mail.name ? `${mail.name} <${mail.from}>` : mail.from}</dd>
          <dt>To</dt>
          <dd>{mail.to}</dd>
          {mail.cc && <dt>Cc</dt>}
          {mail.cc && <dd>{mail.cc}</dd>}
          <dt>Sent</dt>
          <dd>{when(mail.at)} UTC</dd>
        </dl>
        <div class="parts">
          <figure>
            <figcaption>HTML part</figcaption>
            {mail.htmlBody ? (
              <iframe title="HTML part of the mail" sandbox="" srcdoc={mail.htmlBody} />
            ) : (
              <p class="muted">This mail has no HTML part.</p>
            )}
          </figure>
          <figure>
            <figcaption>Text part</figcaption>
            <pre aria-label="Text part of the mail">{mail.body}</pre>
          </figure>
        </div>
      </section>
    </div>
  );
}
