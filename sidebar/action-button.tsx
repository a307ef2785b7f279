/** Buttons that make one server call: all disabled while it runs, its outcome told, then a reload. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

export type ActionButton = (label: string, run: () => Promise<string>) => JSX.Element;

export function useActionButtons(
  onMessage: (text: string, failed?: boolean) => void,
  reload: () => void,
): ActionButton {
  const [busy, setBusy] = useState(false);
  const act = (run: () => Promise<string>): void => {
    setBusy(true);
    run()
      .then(
        (text) => onMessage(text),
        (e: Error) => onMessage(e.message, true),
      )
      .finally(() => {
        setBusy(false);
        reload();
      });
  };
  return (label, run) => (
    <button type="button" disabled={busy} onClick={() => act(run)}>
      {label}
    </button>
  );
}
