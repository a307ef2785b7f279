import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Snippets written in the sidebar, each type-checked against the real entry module. */
const PROBES = {
  accepts: `
        const r = await server.getRegistry();
        const n: number = r.clients.length;
        const added = await server.addItem({ clientId: '1', kind: 'debt', fields: { title: 'x' } });
        const id: string = added.id;
        return [n, id];`,
  rejects: `
        await server.getRegistryy();
        await server.addClient({ name: 'Acme', hoursPerWeek: 'two' });`,
};

let checked: Map<keyof typeof PROBES, string[]> | undefined;

/**
 * The type errors in one probe. Every probe is checked in one program, on first use, and only
 * the probes' own files are checked (the entry module's types are read as the sidebar reads them).
 */
function diagnose(probe: keyof typeof PROBES): string[] {
  if (!checked) {
    const dir = mkdtempSync(join(ROOT, 'sidebar', '.typecheck-'));
    try {
      const files = Object.entries(PROBES).map(([name, body]) => {
        const file = join(dir, `${name}.ts`);
        writeFileSync(
          file,
          `import { server } from '../server';\nexport async function probe() {\n${body}\n}\n`,
        );
        return [name as keyof typeof PROBES, file] as const;
      });
      const config = ts.getParsedCommandLineOfConfigFile(
        join(ROOT, 'tsconfig.json'),
        {},
        { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
      );
      const program = ts.createProgram(
        files.map(([, file]) => file),
        { ...config?.options, noEmit: true },
      );
      checked = new Map(
        files.map(([name, file]) => [
          name,
          ts
            .getPreEmitDiagnostics(program, program.getSourceFile(file))
            .filter((d) => d.file?.fileName === file)
            .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return checked.get(probe) ?? [];
}

describe('the sidebar client is typed from src/main.ts', () => {
  it('accepts the real functions with their arguments and result types', () => {
    expect(diagnose('accepts')).toEqual([]);
  }, 60000);

  it('rejects a function the server does not export, and a wrongly shaped argument', () => {
    const errors = diagnose('rejects');
    expect(errors.some((e) => e.includes("Property 'getRegistryy' does not exist"))).toBe(true);
    expect(errors.some((e) => e.includes("Type 'string' is not assignable to type 'number'"))).toBe(
      true,
    );
  }, 60000);
});
