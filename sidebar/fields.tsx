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

function aria(props: Common) {
  const ids = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return { 'aria-invalid': props.error ? true : undefined, 'aria-describedby': ids || undefined };
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
        id={`f-${props.name}`}
        name={props.name}
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- Preact's input types are a union keyed by type
        type={(props.type ?? 'text') as 'text'}
        step={props.step}
        required={props.required}
        placeholder={props.placeholder}
        value={props.value}
        onInput={(e) => props.onInput(props.name, e.currentTarget.value)}
        {...aria(props)}
      />
    </Wrapper>
  );
}

export function AreaField(props: Common) {
  return (
    <Wrapper {...props}>
      <textarea
        id={`f-${props.name}`}
        name={props.name}
        rows={3}
        value={props.value}
        onInput={(e) => props.onInput(props.name, e.currentTarget.value)}
        {...aria(props)}
      />
    </Wrapper>
  );
}

export function SelectField(props: Common & { options: readonly string[]; blank?: string }) {
  return (
    <Wrapper {...props}>
      <select
        id={`f-${props.name}`}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onInput(props.name, e.currentTarget.value)}
        {...aria(props)}
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
