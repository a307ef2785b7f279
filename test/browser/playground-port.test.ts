import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';

const ROOT = resolve(import.meta.dirname, '../..');
let taken: Server;
let port: number;

beforeAll(async () => {
  // Something else already listens on the port `npm start` is asked for.
  taken = createServer();
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
  const address = taken.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(() => new Promise<void>((done) => taken.close(() => done())));

describe('the playground on a port already in use', () => {
  it('prints one line naming the port and PORT=next and exits with code 1, no stack', async () => {
    const file = join(tempDir('playground-'), 'registry.json');
    const child = spawn(process.execPath, ['.playground/server.mjs', '--file', file], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      `Port ${port} is in use (another playground?): start on another with PORT=${port + 1} npm start.`,
    ]);
    expect(stderr).not.toMatch(/EADDRINUSE|Unhandled 'error' event| {4}at /);
  }, 30000);
});
