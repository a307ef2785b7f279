/** The form for any kind of item, to add one or to change one; its fields come from the section's columns. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { addSchema, updateSchema, type FieldValue } from '../src/domain/item-schemas';
import { sectionOf, type ColumnSpec, type SectionKind } from '../src/domain/registry-layout';
import type { RelatedDecision } from '../src/domain/related-decisions';
import type { RegistryItem } from '../src/domain/section-items';
import {
  signalsFinder,
  type DecisionDraft,
  type DecisionSignals,
} from '../src/domain/decision-signals';
import { splitTags } from '../src/domain/item-states';
import { AreaField, SelectField, TextField } from './fields';
import { Actions } from './forms';
import { server } from './server';
import { numberOrNull, useForm, type FormState } from './use-form';

function asText(v: FieldValue | undefined): string {
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function editable(kind: SectionKind): ColumnSpec[] {
  return sectionOf(kind).columns.filter((c) => c.type !== 'id' && c.type !== 'formula');
}

function toInput(
  kind: SectionKind,
  values: Record<string, string>,
  only?: Set<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col of editable(kind)) {
    if (only && !only.has(col.key)) continue;
    const v = values[col.key] ?? '';
    out[col.key] = col.type === 'scale' ? numberOrNull(v) : v;
  }
  return out;
}

function Field(props: { col: ColumnSpec; form: FormState; kind: SectionKind }) {
  const { col, form } = props;
  const common = {
    name: col.key,
    label: col.header,
    value: form.values[col.key] ?? '',
    error: form.errors[col.key],
    onInput: form.set,
  };
  const blank = sectionOf(props.kind).defaults?.[col.key] === undefined ? '—' : undefined;
  if (col.type === 'choice' || col.type === 'scale') {
    return (
      <SelectField
        {...common}
        label={col.type === 'scale' ? `${col.header} (1–5)` : col.header}
        options={col.choices ?? []}
        blank={col.type === 'scale' ? '—' : blank}
      />
    );
  }
  if (col.type === 'longText')
    return (
      <AreaField
        {...common}
        hint={col.key === 'privateNote' ? 'Never leaves the registry' : undefined}
      />
    );
  if (col.type === 'date') return <TextField {...common} type="date" />;
  if (col.type === 'link') return <TextField {...common} type="url" placeholder="https://" />;
  return (
    <TextField
      {...common}
      hint={col.type === 'tags' ? 'Comma-separated' : undefined}
      required={sectionOf(props.kind).required === col.key}
    />
  );
}

const NO_SIGNALS: DecisionSignals = { related: [], conflicts: [] };

/**
 * The decision's signals as its tags are typed. The first tag asks the server for the sources once;
 * every later keystroke of the form session is answered here, by the domain's own code (ADR 22).
 */
function Related(props: { tags: string; clientId: string; exception: string }) {
  // Tags the form opened with ask nothing: a form opened and left costs no call.
  const opened = useRef(props.tags);
  const sources = useRef<Promise<(draft: DecisionDraft) => DecisionSignals> | undefined>(undefined);
  const [found, setFound] = useState(NO_SIGNALS);
  useEffect(() => {
    const tags = splitTags(props.tags);
    let live = true;
    if (!tags.length || (!sources.current && props.tags === opened.current)) setFound(NO_SIGNALS);
    else
      (sources.current ??= server
        .decisionSignalSources({ excludeClientId: props.clientId })
        .then(signalsFinder)).then(
        (find) =>
          live &&
          setFound(find({ tags, exception: props.exception, excludeClientId: props.clientId })),
        () => {
          // A failed call is asked again at the next keystroke; meanwhile nothing is shown.
          sources.current = undefined;
          if (live) setFound(NO_SIGNALS);
        },
      );
    return () => {
      live = false;
    };
  }, [props.tags, props.clientId, props.exception]);
  return (
    <>
      {found.conflicts.length > 0 && (
        <ul class="conflicts" aria-label="Principle conflicts">
          {found.conflicts.map((c) => (
            <li key={c.principleId}>
              ⚠ {c.message} ({c.matched.join(', ')}); write an Exception if intended.
            </li>
          ))}
        </ul>
      )}
      {found.related.length > 0 && <RelatedList found={found.related} />}
    </>
  );
}

function RelatedList(props: { found: RelatedDecision[] }) {
  return (
    <section class="related" aria-label="Related decisions at other clients">
      <h3>Related at other clients</h3>
      <ul>
        {props.found.slice(0, 5).map((d) => (
          <li key={`${d.clientId}/${d.id}`}>
            <strong>
              {d.clientName} {d.id}
            </strong>{' '}
            {d.title}{' '}
            <span class="muted">
              ({d.status}; {d.sharedTags.join(', ')})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ItemForm(props: {
  kind: SectionKind;
  clientId: string;
  clientName: string;
  item?: RegistryItem;
  /** Another client whose tab is on screen while this adds to `clientName`. */
  other?: string | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { kind, item } = props;
  const spec = sectionOf(kind);
  // A row without an ID is named by its noun; the server finds it again by its reference (`ref`).
  const noun = spec.noun.toLowerCase();
  const initial: Record<string, string> = {};
  for (const col of editable(kind))
    initial[col.key] = item ? asText(item.fields[col.key]) : (spec.defaults?.[col.key] ?? '');
  const form = useForm(
    initial,
    item ? updateSchema(kind) : addSchema(kind),
    (values) => {
      if (!item) return toInput(kind, values);
      const changed = new Set(Object.keys(values).filter((k) => values[k] !== initial[k]));
      return toInput(kind, values, changed);
    },
    async (input) => {
      const fields = input as Record<string, unknown>;
      if (item) {
        if (Object.keys(fields).length === 0) {
          props.onDone(`Nothing changed in ${item.id || `this ${noun}`}`);
          return;
        }
        const updated = await server.updateItem({
          clientId: props.clientId,
          kind,
          id: item.ref,
          fields,
        });
        props.onDone(`${item.id || spec.noun} updated at ${updated.clientName}`);
      } else {
        const added = await server.addItem({ clientId: props.clientId, kind, fields });
        props.onDone(
          added.id
            ? `${added.id} added to ${added.clientName}`
            : `${spec.noun} added to ${added.clientName}`,
        );
      }
    },
  );
  const title = item ? `Edit ${item.id || noun}` : `Add ${noun}`;
  return (
    <form onSubmit={form.submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <p role={props.other ? 'alert' : undefined} class={props.other ? 'form-error' : 'muted'}>
        {props.other
          ? `On screen: ${props.other}'s tab. This adds to ${props.clientName}.`
          : props.clientName}
      </p>
      {editable(kind).map((col) => (
        <div key={col.key}>
          <Field col={col} form={form} kind={kind} />
          {kind === 'decision' && col.key === 'tags' && (
            <Related
              tags={form.values['tags'] ?? ''}
              clientId={props.clientId}
              exception={form.values['exception'] ?? ''}
            />
          )}
        </div>
      ))}
      <Actions form={form} label={item ? 'Save changes' : title} onCancel={props.onCancel} />
    </form>
  );
}
