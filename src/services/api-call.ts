/**
 * Calls to the Sheets and Drive advanced services. Google answers them with HTTP statuses that
 * Apps Script throws as `GoogleJsonResponseException` ("API call to drive.files.get failed with
 * error: File not found: …", with `details.code` where present). A 429, a rate-limit 403 or a 5xx
 * is worth another try after a growing, jittered wait; anything else is the answer.
 */

/** How many times a call is tried in all, and the longest the waits may add up to. */
export const API_ATTEMPTS = 5;
export const API_WAIT_LIMIT_MS = 30_000;

export class ApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, when it could be told from the error. */
    readonly code: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function messageOf(e: unknown): string {
  return e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
}

/** The HTTP status of an advanced-service error: `details.code`, else read from its wording. */
export function apiErrorCode(e: unknown): number | null {
  const details =
    e && typeof e === 'object' ? (e as { details?: { code?: unknown } }).details : null;
  if (details && typeof details.code === 'number') return details.code;
  const text = messageOf(e).toLowerCase();
  if (!text.includes('api call to')) return null;
  if (/rate ?limit|quota exceeded|too many requests/.test(text)) return 429;
  if (/not found|requested entity was not found/.test(text)) return 404;
  if (/permission|forbidden|insufficient/.test(text)) return 403;
  if (/internal error|backend error|server error|service unavailable|unavailable/.test(text))
    return 500;
  return null;
}

function retryable(e: unknown): boolean {
  const code = apiErrorCode(e);
  if (code === 429 || (code !== null && code >= 500)) return true;
  return code === 403 && /rate ?limit/i.test(messageOf(e));
}

/**
 * Runs `call`, retrying what Google says to retry with exponential backoff and full jitter,
 * within `API_WAIT_LIMIT_MS` of waiting and before `deadline` (ms since the epoch) if given.
 */
export function callApi<T>(call: () => T, deadline = Infinity): T {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return call();
    } catch (e) {
      const wait = Math.round(Math.random() * 1000 * 2 ** attempt);
      const last =
        attempt >= API_ATTEMPTS ||
        waited + wait > API_WAIT_LIMIT_MS ||
        Date.now() + wait > deadline;
      if (!retryable(e) || last) throw new ApiError(messageOf(e), apiErrorCode(e));
      Utilities.sleep(wait);
      waited += wait;
    }
  }
}
