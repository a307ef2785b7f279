/**
 * The sheet tabs along the bottom, as in Sheets: click to open, double-click to rename (Enter
 * keeps, Escape cancels), right-click for Rename and Delete, + to add a sheet.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Edit, TabEntry } from './api';
import { ContextMenu, type MenuAt } from './context-menu';

interface Props {
  tabs: TabEntry[];
  current: number | null;
  readOnly: boolean;
  onOpen(id: number): void;
  onEdit(change: Edit): Promise<boolean>;
  onAsk(question: string, yes: () => void): void;
}

export function TabBar({ tabs, current, readOnly, onOpen, onEdit, onAsk }: Props) {
  const [renaming, setRenaming] = useState<number | null>(null);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const strip = useRef<HTMLElement>(null);

  // The open tab stays in sight along the strip, as in Sheets, whenever it or the strip changes
  // (a tab opened by a link or a script, a sidebar narrowing the page).
  useEffect(() => {
    strip.current
      ?.querySelector('[aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });

  const rename = (id: number, name: string): void => {
    setRenaming(null);
    const before = tabs.find((t) => t.id === id)?.name;
    if (name.trim() && name !== before) void onEdit({ op: 'renameTab', tab: id, name });
  };

  return (
    <div class="tab-bar">
      {!readOnly && (
        <button
          type="button"
          class="add-tab"
          aria-label="Add sheet"
          onClick={() => void onEdit({ op: 'addTab' })}
        >
          +
        </button>
      )}
      <nav class="tabs" id="tabs" role="tablist" aria-label="Tabs" ref={strip}>
        {tabs.map((t) =>
          renaming === t.id ? (
            <input
              key={t.id}
              class="tab-name"
              aria-label="Sheet name"
              value={t.name}
              ref={(el) => el?.focus()}
              onKeyDown={(e) => {
                const el = e.target as HTMLInputElement;
                if (e.key === 'Enter') rename(t.id, el.value);
                if (e.key === 'Escape') setRenaming(null);
              }}
              onBlur={(e) => rename(t.id, (e.target as HTMLInputElement).value)}
            />
          ) : (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={t.id === current}
              onClick={() => onOpen(t.id)}
              onDblClick={() => !readOnly && setRenaming(t.id)}
              onContextMenu={(e) => {
                e.preventDefault();
                if (readOnly) return;
                setMenu({
                  x: e.clientX,
                  y: e.clientY - 80,
                  items: [
                    { label: 'Rename', run: () => setRenaming(t.id) },
                    {
                      label: 'Delete',
                      run: () =>
                        onAsk(`Delete the sheet "${t.name}"? Undo brings it back.`, () => {
                          void onEdit({ op: 'deleteTab', tab: t.id });
                        }),
                    },
                  ],
                });
              }}
            >
              {t.name}
            </button>
          ),
        )}
      </nav>
      {menu && <ContextMenu at={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}
