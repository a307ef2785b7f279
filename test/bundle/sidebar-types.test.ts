import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Type-checks a snippet written in the sidebar against the real entry module. */
function diagnose(body: string): string[] {
  const dir = mkdtempSync(join(ROOT, 'sidebar', '.typecheck-'));
  const file = join(dir, 'probe.ts');
  writeFileSync(
    file,
    `import { server } from '../server';\nexport async function probe() {\n${body}\n}\n`,
  );
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  const program = ts.createProgram([file], { ...config?.options, noEmit: true });
  const out = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  rmSync(dir, { recursive: true, force: true });
  return out;
}

describe('the sidebar client is typed from src/main.ts', () => {
  it('accepts the real functions with their arguments and result types', () => {
    expect(
      diagnose(`
        const r = await server.getRegistry();
        const n: number = r.clients.length;
        const added = await server.addItem({ clientId: '1', kind: 'debt', fields: { title: 'x' } });
        const id: string = added.id;
        return [n, id];`),
    ).toEqual([]);
  }, 60000);

  it('rejects a function the server does not export, and a wrongly shaped argument', () => {
    const errors = diagnose(`
        await server.getRegistryy();
        await server.addClient({ name: 'Acme', hoursPerWeek: 'two' });`);
    expect(errors.some((e) => e.includes("Property 'getRegistryy' does not exist"))).toBe(true);
    expect(errors.some((e) => e.includes("Type 'string' is not assignable to type 'number'"))).toBe(
      true,
    );
  }, 60000);
});
