/**
 * A form's state: what was typed (kept through every error), the errors at each field from the
 * shared schema, the server's rejection, and whether a call is running.
 */
import { useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import { fieldErrors } from '../src/domain/validation';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  serverError: string;
  busy: boolean;
  set: (name: string, value: string) => void;
  submit: (e: Event) => void;
}

export function useForm(
  initial: Record<string, string>,
  schema: z.ZodMiniType,
  toInput: (values: Record<string, string>) => unknown,
  send: (input: unknown) => Promise<void>,
): FormState {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState('');
  const [busy, setBusy] = useState(false);

  const set = (name: string, value: string): void => {
    setValues((v) => ({ ...v, [name]: value }));
    if (errors[name])
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== name)));
  };

  const submit = (e: Event): void => {
    e.preventDefault();
    if (busy) return;
    const input = toInput(values);
    const found = fieldErrors(schema, input);
    setErrors(found);
    setServerError('');
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`f-${first}`)?.focus();
      return;
    }
    setBusy(true);
    send(input)
      .catch((err: Error) => setServerError(err.message))
      .finally(() => setBusy(false));
  };

  return { values, errors, serverError, busy, set, submit };
}

/** '' stays absent so the schema's default or "required" message applies. */
export function numberOrAbsent(v: string | undefined): number | undefined {
  return v === undefined || v.trim() === '' ? undefined : Number(v);
}

export function numberOrNull(v: string | undefined): number | null {
  return v === undefined || v.trim() === '' ? null : Number(v);
}
