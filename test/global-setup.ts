/**
 * Before any test: the add-on is built (every bundle and browser test runs the fresh dist/), and
 * one headless Chromium is started for every browser test file of the run to connect to
 * (`launchBrowser`). Starting a Chromium cost each browser file about a second of CPU and most of
 * a second of wall time; one browser's pages are as separate as two browsers' (each file's pages
 * live in contexts of their own, closed when the file disconnects). The run's temporary folder is
 * made here too, and removed at its end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './support/browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's shared Chromium listens; empty when the run has no browser test. */
    browserEndpoint: string;
    /** The run's temporary folder (`tempDir`), removed when the run ends. */
    tempRoot: string;
  }
}

/**
 * Whether the files named on the command line may include a browser test (a run of, say,
 * test/bundle alone starts no Chromium). A browser file run without the shared Chromium launches
 * its own, so a filter this misreads costs time, never a result.
 */
function runsBrowserTests(): boolean {
  const paths = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('-') && a !== 'run' && a !== 'watch');
  return (
    paths.length === 0 || paths.some((p) => 'test/browser/'.includes(p) || p.includes('browser'))
  );
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });
  const tempRoot = mkdtempSync(join(tmpdir(), 'cto-registry-test-'));
  project.provide('tempRoot', tempRoot);
  const removeTemp = () => rmSync(tempRoot, { recursive: true, force: true });
  if (!runsBrowserTests()) {
    project.provide('browserEndpoint', '');
    return async () => removeTemp();
  }
  const server = await launchBrowserServer();
  project.provide('browserEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
    removeTemp();
  };
}
