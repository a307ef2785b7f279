/** Paste and copy of tab-separated blocks on the grid, while it (not the cell editor) has focus. */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { fromClipboard, toClipboard } from './grid-layout';

interface Handlers {
  paste(rows: string[][]): void;
  copy(): string[][];
}

export function useClipboard(
  target: RefObject<HTMLElement | null>,
  enabled: boolean,
  handlers: Handlers,
): void {
  useEffect(() => {
    const el = target.current;
    if (!el || !enabled) return;
    const onPaste = (e: ClipboardEvent): void => {
      const rows = fromClipboard(e.clipboardData?.getData('text/plain') ?? '');
      if (!rows.length) return;
      e.preventDefault();
      handlers.paste(rows);
    };
    const onCopy = (e: ClipboardEvent): void => {
      e.clipboardData?.setData('text/plain', toClipboard(handlers.copy()));
      e.preventDefault();
    };
    el.addEventListener('paste', onPaste);
    el.addEventListener('copy', onCopy);
    return () => {
      el.removeEventListener('paste', onPaste);
      el.removeEventListener('copy', onCopy);
    };
  });
}
