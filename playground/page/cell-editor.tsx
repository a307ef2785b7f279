/**
 * The cell editor: a text box over the cell, as in Sheets. Opened by typing (Enter mode: the
 * arrow keys commit and move) or by Enter, F2 or a double click (Edit mode: the arrow keys move
 * the caret). Enter commits and moves down, Tab right, Escape cancels, a click elsewhere commits.
 * A cell with a dropdown offers its values under the editor, filtered by what is typed.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { px } from './grid-layout';

export interface EditorPlace {
  top: number;
  left: number;
  width: number;
  height: number;
}

export type Move = 'down' | 'up' | 'right' | 'left' | 'none';

interface Props {
  label: string;
  place: EditorPlace;
  initial: string;
  /** Opened by typing: the arrow keys commit and move. */
  enterMode: boolean;
  /** The values a dropdown offers, if the cell has one. */
  values?: string[];
  /** Show every value at first (opened from the dropdown's arrow), before anything is typed. */
  listOpen?: boolean;
  onCommit(text: string, move: Move): void;
  onCancel(): void;
}

const ARROWS: Record<string, Move> = {
  ArrowDown: 'down',
  ArrowUp: 'up',
  ArrowRight: 'right',
  ArrowLeft: 'left',
};

export function CellEditor(props: Props) {
  const [text, setText] = useState(props.initial);
  const [typed, setTyped] = useState(false);
  const [highlight, setHighlight] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  // At once, not after paint: the keys typed next must reach the editor.
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const showList = !!props.values && (typed || !!props.listOpen);
  const options = !props.values
    ? []
    : typed && text
      ? props.values.filter((v) => v.toLowerCase().includes(text.toLowerCase()))
      : props.values;

  const finish = (value: string, move: Move): void => {
    if (done.current) return;
    done.current = true;
    props.onCommit(value, move);
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    const chosen = highlight >= 0 ? options[highlight] : undefined;
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(chosen ?? text, e.shiftKey ? 'up' : 'down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      finish(chosen ?? text, e.shiftKey ? 'left' : 'right');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      done.current = true;
      props.onCancel();
    } else if (showList && options.length && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => Math.max(0, Math.min(options.length - 1, h + step)));
    } else if (props.enterMode && ARROWS[e.key]) {
      e.preventDefault();
      finish(text, ARROWS[e.key]!);
    }
    e.stopPropagation();
  };

  const { place } = props;
  const width = Math.max(place.width, Math.min(600, text.length * 7.5 + 16));
  return (
    <div class="cell-editor" style={{ top: px(place.top), left: px(place.left) }}>
      <input
        ref={input}
        aria-label={props.label}
        value={text}
        spellcheck={false}
        style={{ width: px(width), height: px(place.height) }}
        onInput={(e) => {
          setText((e.target as HTMLInputElement).value);
          setTyped(true);
          setHighlight(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => finish(text, 'none')}
      />
      {showList && options.length > 0 && (
        <ul role="listbox" aria-label={`Values for ${props.label.replace(/^Edit /, '')}`}>
          {options.map((v, i) => (
            <li
              key={v}
              role="option"
              aria-selected={i === highlight}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => finish(v, 'down')}
            >
              {v}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
