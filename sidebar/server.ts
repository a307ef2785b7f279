/**
 * The sidebar's view of the server: every function `src/main.ts` exports, called through
 * `google.script.run` and answered as a promise. The types come from the entry module itself,
 * so a renamed or reshaped server function breaks this build, not the user.
 */
import type * as Main from '../src/main';

type Entry = typeof Main;
type Callable = {
  [K in keyof Entry as Entry[K] extends (...args: never[]) => unknown ? K : never]: Entry[K];
};

export type Server = {
  [K in keyof Callable]: Callable[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
  [name: string]: unknown;
}

declare const google: { script: { run: Runner } };

function toError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (e && typeof e === 'object' && 'message' in e) return new Error(String(e.message));
  return new Error(String(e));
}

export const server = new Proxy({} as Server, {
  get(_target, name) {
    return (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const runner = google.script.run
          .withSuccessHandler(resolve)
          .withFailureHandler((e) => reject(toError(e)));
        (runner[String(name)] as (...a: unknown[]) => void)(...args);
      });
  },
});
