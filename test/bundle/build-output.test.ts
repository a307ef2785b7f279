import { readFileSync } from 'node:fs';
import * as acorn from 'acorn';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE } from '../support/bundle.js';

const code = readFileSync(BUNDLE, 'utf8');
const ast = acorn.parse(code, { ecmaVersion: 2022, sourceType: 'script' });

async function entryExports(): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: ['src/main.ts'],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  const out = Object.values(result.metafile.outputs).find((o) => o.entryPoint === 'src/main.ts');
  return [...(out?.exports ?? [])].sort();
}

describe('dist/Code.js', () => {
  it('is a classic script without import or export', () => {
    const moduleSyntax = ast.body.filter((n) => /^(Import|Export)/.test(n.type));
    expect(moduleSyntax).toEqual([]);
    expect(() => acorn.parse(code, { ecmaVersion: 2022, sourceType: 'script' })).not.toThrow();
  });

  it('declares a top-level function for every export of src/main.ts, and no other', async () => {
    const stubs = ast.body
      .filter((n): n is acorn.FunctionDeclaration => n.type === 'FunctionDeclaration')
      .map((n) => n.id.name)
      .sort();
    const exported = await entryExports();
    expect(exported.length).toBeGreaterThanOrEqual(7);
    expect(stubs).toEqual(exported);
    for (const name of [
      'onOpen',
      'onInstall',
      'setupRegistry',
      'addClient',
      'addItem',
      'getRegistry',
    ]) {
      expect(stubs).toContain(name);
    }
  });

  it('comes from an entry module under 150 lines whose exports are each one statement (issue 12)', () => {
    const entry = readFileSync('src/main.ts', 'utf8');
    expect(entry.trimEnd().split('\n').length).toBeLessThan(150);
    // Every export is a name handed on to a use case: no statement block of its own beyond one line.
    const blocks = [...entry.matchAll(/^export function \w+\([^)]*\)[^{]*\{\n((?:.*\n)*?)\}/gm)];
    for (const [, body] of blocks) expect(body?.trim().split('\n').length).toBe(1);
  });

  it('carries zod and the domain code, and never HyperFormula', () => {
    expect(code).toContain('ZodError');
    expect(code).toMatch(/function nextId\(/);
    expect(code).toMatch(/function locateClientTab\(/);
    expect(code).not.toMatch(/hyperformula/i);
    expect(code).not.toMatch(/GNU General Public License/);
  });

  it('ships a manifest with V8, a time zone and explicit scopes', () => {
    const manifest = JSON.parse(
      readFileSync(BUNDLE.replace('Code.js', 'appsscript.json'), 'utf8'),
    ) as {
      runtimeVersion: string;
      timeZone: string;
      oauthScopes: string[];
    };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toMatch(/^[A-Z][a-z]+\/[A-Za-z_]+$/);
    expect(manifest.oauthScopes).toContain(
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });

  it('builds a self-contained sidebar page under 60 KB', () => {
    const html = readFileSync(BUNDLE.replace('Code.js', 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).toContain('getSidebar');
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(60 * 1024);
  });

  it('builds a self-contained Decision records dialog page under 30 KB', () => {
    const html = readFileSync(BUNDLE.replace('Code.js', 'DecisionRecords.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).toContain('previewImport');
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(30 * 1024);
  });
});
