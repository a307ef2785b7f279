/** Per-client, per-kind IDs: `D-7`, `ADR-3`. Allocation happens under the document lock. */

export function idNumber(id: unknown, prefix: string): number | null {
  if (typeof id !== 'string') return null;
  const m = new RegExp(`^${prefix}-(\\d+)$`).exec(id.trim());
  return m ? Number(m[1]) : null;
}

/**
 * The next ID after every one in use and after the highest ever issued (`issued`), so an ID
 * deleted by hand is never handed out again.
 */
export function nextId(prefix: string, existing: readonly unknown[], issued: number): string {
  let max = issued;
  for (const id of existing) {
    const n = idNumber(id, prefix);
    if (n !== null && n > max) max = n;
  }
  return `${prefix}-${max + 1}`;
}
