/**
 * TODAY() and NOW() in HyperFormula read the emulated clock, in the spreadsheet's time zone, as
 * they read the real one in Sheets. HyperFormula's plugins are global, so the workbook about to
 * evaluate sets the clock first.
 */
import { FunctionPlugin, HyperFormula } from './hyperformula.js';
import { toSerial } from './time.js';

let clock = { now: Date.now(), timeZone: 'UTC' };

export function setFormulaClock(now: number, timeZone: string): void {
  clock = { now, timeZone };
}

export function serialNow(): number {
  return toSerial(clock.now, clock.timeZone);
}

type Run = FunctionPlugin['runFunction'];

class EmulatedClockPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    TODAY: { method: 'today', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATE' },
    NOW: { method: 'now', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATETIME' },
  } as unknown as typeof FunctionPlugin.implementedFunctions;

  today(ast: { args: Parameters<Run>[0] }, state: Parameters<Run>[1]) {
    return this.runFunction(ast.args, state, this.metadata('TODAY'), () => Math.floor(serialNow()));
  }

  now(ast: { args: Parameters<Run>[0] }, state: Parameters<Run>[1]) {
    return this.runFunction(ast.args, state, this.metadata('NOW'), () => serialNow());
  }
}

let registered = false;

export function registerClockFunctions(): void {
  if (registered) return;
  registered = true;
  HyperFormula.unregisterFunction('TODAY');
  HyperFormula.unregisterFunction('NOW');
  HyperFormula.registerFunctionPlugin(EmulatedClockPlugin as never, {
    enGB: { TODAY: 'TODAY', NOW: 'NOW' },
  });
}
