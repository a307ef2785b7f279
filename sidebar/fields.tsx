/** Labelled form fields that show their error beside them and tell assistive technology about it. */
import type { ComponentChildren } from 'preact';

interface Common {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  onInput: (name: string, value: string) => void;
}

function Wrapper(props: Common & { children: ComponentChildren }) {
  return (
    <div class={`field${props.error ? ' invalid' : ''}`} data-field={props.name}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.children}
      {props.hint && (
        <div class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <div class="error" id={`${props.name}-error`} role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

/** What every control of a field carries: its id for the label, its value, and its hint and error. */
function control(props: Common) {
  const ids = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return {
    id: `f-${props.name}`,
    name: props.name,
    value: props.value,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': ids || undefined,
  };
}

export function TextField(
  props: Common & {
    type?: 'text' | 'number' | 'url' | 'date' | 'email';
    required?: boolean;
    step?: string;
    placeholder?: string;
  },
) {
  return (
    <Wrapper {...props}>
      <input
        {...control(props)}
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- Preact's input types are a union keyed by type
        type={(props.type ?? 'text') as 'text'}
        step={props.step}
        required={props.required}
        placeholder={props.placeholder}
        onInput={(e) => props.onInput(props.name, e.currentTarget.value)}
      />
    </Wrapper>
  );
}

export function AreaField(props: Common) {
  return (
    <Wrapper {...props}>
      <textarea
        {...control(props)}
        rows={3}
        onInput={(e) => props.onInput(props.name, e.currentTarget.value)}
      />
    </Wrapper>
  );
}

export function SelectField(props: Common & { options: readonly string[]; blank?: string }) {
  return (
    <Wrapper {...props}>
      <select
        {...control(props)}
        onChange={(e) => props.onInput(props.name, e.currentTarget.value)}
      >
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}
