/**
 * The playground's page: the registry open in an emulated Sheets editor (tabs, grid, the
 * add-on's menu and sidebar, the clock), or, at `/?file=ID`, another spreadsheet of the emulated
 * Drive as the people it is shared with see it.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { columnNumber, edit, post, registryState, type Edit, type PageState } from './api';
import { Ask, Problem } from './dialogs';
import { FileView } from './file-view';
import { Grid } from './grid';
import { MailViewer, Panels } from './panels';
import { TabBar } from './tab-bar';

interface Question {
  text: string;
  yes(): void;
}

function Registry() {
  const [state, setState] = useState<PageState | null>(null);
  const [tab, setTab] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [problem, setProblem] = useState('');
  const [question, setQuestion] = useState<Question | null>(null);
  const [mail, setMail] = useState<number | null>(null);
  /** The cell a followed link points at, in its tab. */
  const [goTo, setGoTo] = useState<LinkTarget | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [toast, setToast] = useState('');
  const toasts = useRef(-1);
  const tabRef = useRef<number | null>(null);

  const asked = useRef(0);

  /** Draws the latest state; an answer overtaken by a later request is dropped. */
  const refresh = async (to: number | null = tabRef.current): Promise<void> => {
    // The tab asked for is the one every later refresh draws, before this answer comes back.
    tabRef.current = to;
    const ticket = ++asked.current;
    const next = await registryState(to);
    if (ticket !== asked.current) return;
    if (toasts.current >= 0 && next.toasts.length > toasts.current) {
      setToast(next.toasts[next.toasts.length - 1]?.message ?? '');
      setTimeout(() => setToast(''), 3000);
    }
    toasts.current = next.toasts.length;
    setState(next);
    setTab(next.tab?.id ?? null);
    tabRef.current = next.tab?.id ?? null;
  };

  useEffect(() => {
    void refresh(null);
    const onMessage = (e: MessageEvent): void => {
      if (e.origin !== location.origin) return;
      const data = e.data as { type?: string; activated?: number } | null;
      const type = data?.type;
      // A tab the script opened is shown; otherwise the tab the user is on stays.
      if (type === 'registry-changed') void refresh(data?.activated ?? tabRef.current);
      if (type === 'close-sidebar') void post('/api/sidebar/close').then(() => refresh());
      if (type === 'close-dialog') void post('/api/dialog/close').then(() => refresh());
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const act = async (path: string, body: object = {}): Promise<boolean> => {
    const answer = await post(path, body);
    setError(
      answer.ok === false ? (answer.error ?? 'The playground refused that.') : (answer.cut ?? ''),
    );
    await refresh();
    return answer.ok !== false;
  };

  const onEdit = async (change: Edit): Promise<boolean> => {
    const answer = await edit(change);
    if (!answer.ok) setProblem(answer.error ?? 'That edit was refused.');
    await refresh(answer.tab ?? tabRef.current);
    return answer.ok;
  };

  if (!state) return <p class="loading">Loading the playground…</p>;
  const menuTitle = state.menu[0]?.title ?? 'CTO Registry';
  const items = state.menu.flatMap(
    (m) => m.items as { caption?: string; functionName?: string; separator?: true }[],
  );

  return (
    <>
      <header class="top">
        <h1 id="title">{state.title}</h1>
        <span class="note">
          An emulation of Google Sheets running the built add-on; the real add-on runs in Google
          Sheets.
        </span>
        <span class="spacer" />
        <button
          type="button"
          class="undo"
          disabled={!state.undo}
          title={state.undo ? `Undo ${state.undo} (Ctrl+Z)` : 'Nothing to undo'}
          onClick={() => void onEdit({ op: 'undo' })}
        >
          ↶ Undo
        </button>
        <div class="menu">
          <button
            type="button"
            id="menu-button"
            aria-haspopup="true"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {`Extensions ▸ ${menuTitle}`}
          </button>
          {menuOpen && (
            <ul id="menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}>
              {items.map((item, i) =>
                item.separator ? (
                  <li key={i} class="sep" role="separator" />
                ) : item.functionName ? (
                  <li key={i} role="none">
                    <button
                      type="button"
                      role="menuitem"
                      ref={(el) => {
                        if (i === 0) el?.focus();
                      }}
                      onClick={() => {
                        setMenuOpen(false);
                        void act('/api/menu', { functionName: item.functionName });
                      }}
                    >
                      {item.caption}
                    </button>
                  </li>
                ) : null,
              )}
            </ul>
          )}
        </div>
        <div class="tools">
          <span id="clock" title="Emulated clock, in the spreadsheet's time zone">
            {`${state.nowText} (${state.timeZone})`}
          </span>
          <button type="button" id="advance" onClick={() => void act('/api/clock')}>
            Advance to next Monday 07:00
          </button>
        </div>
      </header>
      {state.empty && (
        <div class="banner" id="demo-banner">
          <span>This workbook is empty. Start with a demo registry of three clients?</span>
          <button
            type="button"
            id="load-demo"
            onClick={() => void act('/api/demo').then(() => refresh(null))}
          >
            Load demo registry
          </button>
        </div>
      )}
      <main>
        <section class="sheet" aria-label="Spreadsheet">
          {state.sheet && (
            <Grid
              sheet={state.sheet}
              readOnly={false}
              onEdit={onEdit}
              onLink={(link) =>
                followLink(link, (id, cell) => {
                  setGoTo(cell ? { tab: id, ...cell } : null);
                  void refresh(id);
                })
              }
              goTo={goTo?.tab === state.sheet.id ? goTo : null}
              onUndo={() => void onEdit({ op: 'undo' })}
            />
          )}
          <TabBar
            tabs={state.tabs}
            current={tab}
            readOnly={false}
            onOpen={(id) => {
              setGoTo(null);
              void refresh(id);
            }}
            onEdit={onEdit}
            onAsk={(text, yes) => setQuestion({ text, yes })}
          />
        </section>
        {state.sidebarOpen && (
          <aside class="sidebar" id="sidebar" aria-label="Add-on sidebar">
            <div class="bar">
              <span>{menuTitle}</span>
              <button
                type="button"
                id="close-sidebar"
                aria-label="Close sidebar"
                onClick={() => void act('/api/sidebar/close')}
              >
                ✕
              </button>
            </div>
            <iframe id="sidebar-frame" title={`${menuTitle} sidebar`} src="/sidebar" />
          </aside>
        )}
      </main>
      {state.dialog && (
        <div class="modal-backdrop">
          <div class="addon-dialog" id="addon-dialog" role="dialog" aria-label={state.dialog.title}>
            <div class="bar">
              <span>{state.dialog.title}</span>
              <button
                type="button"
                id="close-dialog"
                aria-label="Close dialog"
                onClick={() => void act('/api/dialog/close')}
              >
                ✕
              </button>
            </div>
            <iframe id="dialog-frame" title={state.dialog.title} src="/dialog" />
          </div>
        </div>
      )}
      <Panels state={state} error={error} onOpenMail={setMail} />
      {toast && (
        <div class="toast" id="toast" role="status">
          {toast}
        </div>
      )}
      {mail !== null && state.outbox[mail] && (
        <MailViewer mail={state.outbox[mail]} onClose={() => setMail(null)} />
      )}
      {problem && <Problem text={problem} onClose={() => setProblem('')} />}
      {question && (
        <Ask
          text={question.text}
          onAnswer={(yes) => {
            setQuestion(null);
            if (yes) question.yes();
          }}
        />
      )}
    </>
  );
}

interface LinkTarget {
  tab: number;
  row: number;
  column: number;
}

/**
 * A link in a cell: another tab (`#gid=`, with `&range=A20` a cell in it), a file of the
 * emulated Drive, or a page elsewhere.
 */
export function followLink(
  link: string,
  openTab: (id: number, cell?: { row: number; column: number }) => void,
): void {
  const gid = /^#gid=(\d+)(?:&range=([A-Z]{1,3})(\d+))?$/.exec(link);
  if (gid)
    openTab(
      Number(gid[1]),
      gid[2] && gid[3] ? { row: Number(gid[3]), column: columnNumber(gid[2]) } : undefined,
    );
  else if (link.startsWith('file:'))
    window.open(`/?file=${encodeURIComponent(link.slice(5))}`, '_blank', 'noopener');
  else window.open(link, '_blank', 'noopener,noreferrer');
}

const file = new URLSearchParams(location.search).get('file');
render(file ? <FileView id={file} /> : <Registry />, document.getElementById('app')!);
