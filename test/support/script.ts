/** Runs a small Apps Script file in the emulator, for tests of the emulator itself. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRuntime,
  type LoadedScript,
  type Runtime,
  type RuntimeOptions,
} from '../../emulator/index.js';
import { tempDir } from './temp.js';

export function runScript(
  source: string,
  options: RuntimeOptions = {},
): { rt: Runtime; script: LoadedScript; path: string } {
  const dir = tempDir('gas-');
  const path = join(dir, 'Code.js');
  writeFileSync(path, source);
  const rt = createRuntime({ now: '2026-11-18T10:00:00Z', ...options });
  return { rt, script: rt.load(path), path };
}
