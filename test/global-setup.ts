import { execFileSync } from 'node:child_process';

/** Every bundle test runs the freshly built dist/Code.js. */
export default function setup(): void {
  execFileSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });
}
