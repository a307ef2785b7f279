import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
const g = globalThis as { __prof?: Session };
beforeAll(async () => {
  if (g.__prof) return;
  const s = new Session(); s.connect(); g.__prof = s;
  await new Promise((r) => s.post('Profiler.enable', () => s.post('Profiler.setSamplingInterval', { interval: 1000 }, () => s.post('Profiler.start', r))));
});
afterAll(async () => {
  const s = g.__prof!;
  await new Promise<void>((r) => s.post('Profiler.stop', (_e, res: any) => { writeFileSync(`/tmp/cp5/p-${process.pid}-${Date.now()}.cpuprofile`, JSON.stringify(res.profile)); r(); }));
  g.__prof = undefined;
});
