/**
 * Priorities follow the sidebar's writes without the user waiting for them (ADR 21): one refresh
 * a few seconds after the last write, never two at once (one due while another runs waits its
 * turn). A failure there does not undo the write, so it stays quiet.
 */
import { server } from './server';

let timer: ReturnType<typeof setTimeout> | undefined;
let running = false;

/** After a write: Priorities refreshed once the writes stop for a moment. */
export function schedulePrioritiesRefresh(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (running) return schedulePrioritiesRefresh();
    running = true;
    const after = () => (running = false);
    server.refreshPriorities().then(after, after);
  }, 3000);
}
