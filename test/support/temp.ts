/**
 * Folders a test writes files into (registries, zips, a playground's workbook), inside the run's
 * own temporary folder (test/global-setup.ts), which is removed when the run ends: a run leaves
 * nothing behind in the system's temporary folder. A file run outside that setup uses the
 * system's temporary folder itself.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(inject('tempRoot') || tmpdir(), prefix));
}
