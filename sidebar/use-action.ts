/** A button's server call: busy while it runs, its outcome told to the user, then a reload. */
import { useState } from 'preact/hooks';

export function useAction(
  onMessage: (text: string) => void,
  reload: () => void,
): [boolean, (run: () => Promise<string>) => void] {
  const [busy, setBusy] = useState(false);
  const act = (run: () => Promise<string>): void => {
    setBusy(true);
    run()
      .then(onMessage, (e: Error) => onMessage(e.message))
      .finally(() => {
        setBusy(false);
        reload();
      });
  };
  return [busy, act];
}
