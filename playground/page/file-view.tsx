/**
 * Another spreadsheet of the emulated Drive (a founder view the add-on made), opened in a browser
 * tab of its own as the people it is shared with see it: its own tabs and cells, view only, with
 * no add-on menu and no sidebar.
 */
import { useEffect, useState } from 'preact/hooks';
import { fileState, type FileState } from './api';
import { Grid } from './grid';
import { TabBar } from './tab-bar';

export function FileView({ id }: { id: string }) {
  const [state, setState] = useState<FileState | null | undefined>(undefined);

  const load = (tab: number | null): void => {
    void fileState(id, tab).then((s) => {
      setState(s);
      if (s) document.title = `${s.file.name} (view only)`;
    });
  };
  useEffect(() => load(null), [id]);

  if (state === undefined) return <p class="loading">Opening the file…</p>;
  if (state === null)
    return (
      <p class="loading" role="alert">
        This file is not in the emulated Drive, or it is in the bin.
      </p>
    );
  const { file } = state;
  const shared = [...file.viewers, ...file.commenters];
  return (
    <>
      <header class="top">
        <h1 id="title">{file.name}</h1>
        <span class="badge">View only</span>
        <span class="note">
          {shared.length
            ? `As its viewers see it: ${shared.join(', ')}. Owner: ${file.owner}.`
            : `Shared with no one: only its owner, ${file.owner}, can open it.`}
        </span>
      </header>
      <main>
        <section class="sheet" aria-label="Spreadsheet">
          {state.sheet && (
            <Grid
              sheet={state.sheet}
              readOnly
              onEdit={() => Promise.resolve(false)}
              onLink={(link) => {
                const gid = /^#gid=(\d+)$/.exec(link);
                if (gid) load(Number(gid[1]));
                else if (!link.startsWith('file:'))
                  window.open(link, '_blank', 'noopener,noreferrer');
              }}
              onUndo={() => undefined}
            />
          )}
          <TabBar
            tabs={state.tabs}
            current={state.sheet?.id ?? null}
            readOnly
            onOpen={(tab) => load(tab)}
            onEdit={() => Promise.resolve(false)}
            onAsk={() => undefined}
          />
        </section>
      </main>
    </>
  );
}
