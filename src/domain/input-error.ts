/**
 * A problem with what a person asked for, phrased so they can act on it. The entry module turns
 * it into the message `google.script.run`'s failure handler receives; nothing has been written.
 */
export class InputError extends Error {
  constructor(
    message: string,
    /** The field (camelCase key) the problem is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
