/** The note box beside a cell (Insert note, Shift+F2): Save keeps it, an empty note removes it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditorPlace } from './cell-editor';
import { px } from './grid-layout';

interface Props {
  label: string;
  place: EditorPlace;
  initial: string;
  onSave(text: string): void;
  onCancel(): void;
}

export function NoteEditor({ label, place, initial, onSave, onCancel }: Props) {
  const [text, setText] = useState(initial);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  return (
    <div
      class="note-editor"
      role="dialog"
      aria-label={label}
      style={{ top: px(place.top), left: px(place.left + place.width + 4) }}
    >
      <textarea
        ref={area}
        aria-label="Note"
        value={text}
        rows={4}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onCancel();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSave(text);
        }}
      />
      <div class="note-actions">
        <button type="button" onClick={() => onSave(text)}>
          Save note
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
