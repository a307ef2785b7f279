/** A right-click menu: its items as menu items, closed by a choice, Escape or a click elsewhere. */
import { useEffect, useRef } from 'preact/hooks';
import { px } from './grid-layout';

export interface MenuItem {
  label: string;
  run(): unknown;
}

export interface MenuAt {
  x: number;
  y: number;
  items: MenuItem[];
}

export function ContextMenu({ at, onClose }: { at: MenuAt; onClose(): void }) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector('button')?.focus();
    const away = (e: MouseEvent): void => {
      if (!list.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [at]);
  return (
    <ul
      ref={list}
      role="menu"
      class="context-menu"
      style={{ left: px(at.x), top: px(at.y) }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        e.preventDefault();
        const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
        const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
        const next =
          buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
        next?.focus();
      }}
    >
      {at.items.map((item) => (
        <li role="none" key={item.label}>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              onClose();
              item.run();
            }}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
