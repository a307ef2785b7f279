/**
 * The headless Chromium the browser tests drive, from npm (`@sparticuz/chromium`). The run starts
 * one (test/global-setup.ts) and each browser test file connects to it; a file run on its own
 * outside that setup launches its own.
 */
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type BrowserServer, type LaunchOptions } from 'playwright-core';

/**
 * The package's flags for a serverless host, less two kinds. `--single-process`: with it the
 * browser ends when a page closes. The GPU emulated in software (SwiftShader through ANGLE, in
 * the browser process): with no GPU, Chromium's own software compositing draws the same pages
 * for about a quarter less CPU on the browser tests.
 *
 * And V8's optimising compiler off in the pages (`--js-flags=--no-opt`): a test's page lives a
 * few seconds, too short for the code it optimises to repay the compiling (the browser tests on
 * one worker took 179 CPU-s against 197).
 */
const DROPPED = new Set([
  '--single-process',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--in-process-gpu',
  '--ignore-gpu-blocklist',
]);

export async function browserOptions(): Promise<LaunchOptions> {
  return {
    executablePath: await chromium.executablePath(),
    args: [...chromium.args.filter((a) => !DROPPED.has(a)), '--disable-gpu', '--js-flags=--no-opt'],
    headless: true,
  };
}

export async function launchBrowserServer(): Promise<BrowserServer> {
  return playwright.launchServer(await browserOptions());
}
