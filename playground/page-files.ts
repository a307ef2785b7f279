/**
 * The files the playground serves to a browser: the page (built from `page/main.tsx` with
 * esbuild by build.mjs into the server it bundles, or as the server starts when it is run from
 * source), its stylesheet, the built sidebar, and a local stand-in for
 * Google's add-on stylesheet. Each goes out with a Content-Security-Policy that lets the browser
 * fetch nothing from anywhere but the playground itself, so nothing it serves reaches the network.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import pageBuild from './page-build.json' with { type: 'json' };

const HERE = import.meta.dirname;
const GOOGLE_ADDON_CSS = 'https://ssl.gstatic.com/docs/script/css/add-ons1.css';

/** Nothing from outside: scripts, styles, frames and fetches from the playground only. */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/** The built sidebar is one file with its script inline, as HtmlService serves it. */
const SIDEBAR_POLICY = [
  "default-src 'self'",
  "script-src 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
].join('; ');

/**
 * The page's script as build.mjs built it beside the server it bundled (an esbuild `define`):
 * each start of the bundled server, one per browser test file, then builds nothing. Run from
 * source (tsx), there is none and the server builds it.
 */
const PREBUILT: string | undefined = (globalThis as { PLAYGROUND_PAGE_SCRIPT?: string })
  .PLAYGROUND_PAGE_SCRIPT;

let pageScript: Promise<string> | undefined =
  PREBUILT === undefined ? undefined : Promise.resolve(PREBUILT);

/** The page's build, here and in build.mjs: page-build.json. */
const PAGE_BUILD: esbuild.BuildOptions = {
  ...(pageBuild.options as esbuild.BuildOptions),
  entryPoints: [resolve(HERE, pageBuild.entry)],
};

function buildPage(): Promise<string> {
  pageScript ??= esbuild.build(PAGE_BUILD).then((r) => r.outputFiles?.[0]?.text ?? '');
  return pageScript;
}

// Built once, as the server starts, so the first page load does not wait for it.
void buildPage();

function send(res: ServerResponse, type: string, body: string, policy?: string): void {
  res.writeHead(200, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(policy ? { 'content-security-policy': policy } : {}),
  });
  res.end(body);
}

/** Serves `GET path` when it is one of the page's files; false when it is not. */
export async function servePageFile(path: string, res: ServerResponse): Promise<boolean> {
  switch (path) {
    case '/':
      send(res, 'text/html', readFileSync(resolve(HERE, 'page/index.html'), 'utf8'), PAGE_POLICY);
      return true;
    case '/page.js':
      send(res, 'text/javascript', await buildPage());
      return true;
    case '/page.css':
      send(res, 'text/css', readFileSync(resolve(HERE, 'page/page.css'), 'utf8'));
      return true;
    case '/add-ons1.css':
      send(res, 'text/css', readFileSync(resolve(HERE, 'add-ons.css'), 'utf8'));
      return true;
    default:
      return false;
  }
}

/**
 * A link in the sidebar to a spreadsheet in Google (a founder view) opens that file of the
 * emulated Drive in a browser tab of its own instead: Google is not reachable from here.
 */
const LOCAL_FILE_LINKS = `<script>
document.addEventListener('click', function (e) {
  var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
  var m = a && /^https:\\/\\/docs\\.google\\.com\\/spreadsheets\\/d\\/([^/?#]+)/.exec(a.href);
  if (!m) return;
  e.preventDefault();
  window.open('/?file=' + encodeURIComponent(m[1]), '_blank', 'noopener');
});
</script>`;

/** The built sidebar as the playground serves it: the local stylesheet, the Drive links, `shim`. */
export function serveSidebar(res: ServerResponse, html: string, shim: string): void {
  const page = html
    .replace(GOOGLE_ADDON_CSS, '/add-ons1.css')
    .replace('<head>', `<head>${shim}${LOCAL_FILE_LINKS}`);
  send(res, 'text/html', page, SIDEBAR_POLICY);
}
