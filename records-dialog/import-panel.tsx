/**
 * Import: records pasted (several in a row, cut as pasted-records.ts says) and .md files or a
 * repo's zip chosen here, previewed at a client (rows to add, duplicates, skipped), then written
 * when confirmed. The preview and the import read the same files, so the import adds what was shown.
 */
import { useState } from 'preact/hooks';
import { pastedRecords } from '../src/domain/pasted-records';
import type { ImportPreview, ImportResult } from '../src/main';
import { server } from '../sidebar/server';
import { ClientSelect, firstChoice } from './client-select';
import type { Clients } from './main';

type RecordFile = { name: string; text: string } | { name: string; base64: string };

/** A zip as base64 (the server unzips it); a Markdown file as its text. */
function readFile(file: File): Promise<RecordFile> {
  if (!/\.zip$/i.test(file.name)) return file.text().then((text) => ({ name: file.name, text }));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve({ name: file.name, base64: (reader.result as string).replace(/^[^,]*,/, '') });
    reader.onerror = () => reject(new Error(`${file.name} could not be read: choose it again.`));
    reader.readAsDataURL(file);
  });
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function PreviewView({ preview }: { preview: ImportPreview }) {
  return (
    <div id="import-preview">
      <h3>{`To add at ${preview.clientName}: ${plural(preview.rows.length, 'decision')}`}</h3>
      {preview.rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>ID</th>
              <th>Title</th>
              <th>Status</th>
              <th>From</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td>
                <td>{String(r.fields['title'] ?? '')}</td>
                <td>{String(r.fields['status'] ?? '')}</td>
                <td>{r.file}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.duplicates.length > 0 && (
        <>
          <h3 class="flag">{`Already there, left out: ${preview.duplicates.length}`}</h3>
          <ul>
            {preview.duplicates.map((d) => (
              <li key={d.file}>{`${d.file}: "${d.title}" is ${d.existingId}`}</li>
            ))}
          </ul>
        </>
      )}
      {preview.skipped.length > 0 && (
        <>
          <h3 class="flag">{`Skipped: ${preview.skipped.length}`}</h3>
          <ul>
            {preview.skipped.map((s, i) => (
              <li key={i}>{`${s.file}: ${s.reason}`}</li>
            ))}
          </ul>
        </>
      )}
      {preview.notes.length > 0 && (
        <ul class="muted">
          {preview.notes.map((n, i) => (
            <li key={i}>{`${n.file}: ${n.note}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ImportPanel({ clients }: { clients: Clients }) {
  const [clientId, setClientId] = useState(firstChoice(clients));
  const [pasted, setPasted] = useState('');
  const [picked, setPicked] = useState<RecordFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState('');
  /** A new key empties the file input once its files are imported. */
  const [inputKey, setInputKey] = useState(0);

  const files = (): RecordFile[] => [...pastedRecords(pasted), ...picked];
  /** Anything changed after a preview needs a new one before it can be imported. */
  const changed = (): void => {
    setPreview(null);
    setDone('');
  };
  const call = <T,>(run: () => Promise<T>, then: (value: T) => void): void => {
    setBusy(true);
    setError('');
    run()
      .then(then, (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const showPreview = (): void =>
    call(
      () => server.previewImport({ clientId, files: files() }),
      (p) => {
        setDone('');
        setPreview(p);
      },
    );
  const confirm = (): void =>
    call(
      () => server.importDecisions({ clientId, files: files(), confirm: true }),
      (r: ImportResult) => {
        setPreview(null);
        setPasted('');
        setPicked([]);
        setInputKey((k) => k + 1);
        setDone(
          r.rows.length === 0
            ? `Nothing was added to ${r.clientName}.`
            : `Added ${plural(r.rows.length, 'decision')} to the Decisions of ${r.clientName}: ${r.rows.map((x) => x.id).join(', ')}.`,
        );
        // Priorities follow the new decisions; a failure there does not undo the import.
        server.refreshPriorities().catch(() => undefined);
      },
    );

  return (
    <section aria-label="Import records">
      <ClientSelect
        id="import-client"
        clients={clients}
        value={clientId}
        onChange={(id) => {
          setClientId(id);
          changed();
        }}
      />
      <div class="field">
        <label for="pasted">Paste records</label>
        <textarea
          id="pasted"
          value={pasted}
          placeholder={'# Use PostgreSQL\n\n## Status\n\nAccepted\n\n---\n\n# Next record…'}
          onInput={(e) => {
            setPasted(e.currentTarget.value);
            changed();
          }}
        />
        <div class="hint">
          One or more Markdown records (MADR, adr-tools, log4brains), each from its # title; a line
          of --- between them is fine.
        </div>
      </div>
      <div class="field">
        <label for="record-files">Or choose .md files or a zip of docs/adr</label>
        <input
          key={inputKey}
          id="record-files"
          type="file"
          multiple
          accept=".md,.markdown,.zip"
          onChange={(e) => {
            const list = [...(e.currentTarget.files ?? [])];
            changed();
            Promise.all(list.map(readFile)).then(setPicked, (err: Error) => setError(err.message));
          }}
        />
      </div>
      <div class="actions">
        <button type="button" disabled={busy} onClick={showPreview}>
          Preview
        </button>
        {busy && <div class="progress" />}
        {error && (
          <p role="alert" class="form-error">
            {error}
          </p>
        )}
      </div>
      {done && (
        <div role="status" class="status">
          {done}
        </div>
      )}
      {preview && <PreviewView preview={preview} />}
      {preview && preview.rows.length > 0 && (
        <div class="actions">
          <button type="button" class="action" disabled={busy} onClick={confirm}>
            {`Import ${plural(preview.rows.length, 'decision')}`}
          </button>
        </div>
      )}
    </section>
  );
}
