/**
 * HyperFormula as the emulator uses it, with one formula parser for every workbook. HyperFormula
 * builds a parser (a Chevrotain grammar analysed on construction) for every engine, and the tests
 * build an engine for every workbook they restore: about a tenth of the bundle tests' CPU went
 * there. The parser depends only on the engine's lexer settings, which are the same for every
 * workbook here, and on how the engine resolves a sheet name, which is handed to it before each
 * parse. Parsing is synchronous, so one parser serves every engine in turn.
 *
 * The patch reaches HyperFormula's CommonJS build, whose modules export plain properties; the
 * ES build's bindings cannot be replaced, so the emulator loads HyperFormula through `require`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import type * as HF from 'hyperformula';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('hyperformula'));
// The package first: its modules require one another in an order their cycles depend on.
const hyperformula = require('hyperformula') as typeof HF;

interface LexerSettings {
  arrayRowSeparator: string;
  arrayColumnSeparator: string;
  decimalSeparator: string;
  functionArgSeparator: string;
  ignoreWhiteSpace: string;
  translationPackage: unknown;
}
type Resolve = (sheetName: string) => number | undefined;
interface Parser {
  resolveSheetReference: Resolve;
}
interface ParserHolder {
  formulaParser: Parser;
  resolveSheetReference: Resolve;
}

const lexerModule = require(join(root, 'parser/LexerConfig.js')) as {
  buildLexerConfig: (config: LexerSettings) => unknown;
};
const parserModule = require(join(root, 'parser/FormulaParser.js')) as {
  FormulaParser: new (lexerConfig: unknown, resolve: Resolve) => Parser;
};
const cachingModule = require(join(root, 'parser/ParserWithCaching.js')) as {
  ParserWithCaching: { prototype: { parse: (...args: unknown[]) => unknown } };
};

const keyOf = (c: LexerSettings): string =>
  JSON.stringify([
    c.arrayRowSeparator,
    c.arrayColumnSeparator,
    c.decimalSeparator,
    c.functionArgSeparator,
    c.ignoreWhiteSpace,
  ]);

// One lexer configuration per settings, so that one parser's token types match every lexer's.
const lexerConfigs = new Map<string, unknown>();
const buildLexerConfig = lexerModule.buildLexerConfig;
const translations = new Map<unknown, string>();
lexerModule.buildLexerConfig = (config) => {
  if (!translations.has(config.translationPackage))
    translations.set(config.translationPackage, String(translations.size));
  const key = `${keyOf(config)}|${translations.get(config.translationPackage)}`;
  let built = lexerConfigs.get(key);
  if (!built) lexerConfigs.set(key, (built = buildLexerConfig(config)));
  return built;
};

const parsers = new Map<unknown, Parser>();
const FormulaParser = parserModule.FormulaParser;
parserModule.FormulaParser = function SharedFormulaParser(lexerConfig: unknown, resolve: Resolve) {
  let parser = parsers.get(lexerConfig);
  if (!parser) parsers.set(lexerConfig, (parser = new FormulaParser(lexerConfig, resolve)));
  return parser;
} as unknown as typeof FormulaParser;

const parse = cachingModule.ParserWithCaching.prototype.parse;
cachingModule.ParserWithCaching.prototype.parse = function (this: ParserHolder, ...args) {
  this.formulaParser.resolveSheetReference = this.resolveSheetReference;
  return parse.apply(this, args);
};

/*
 * HyperFormula lists every cell whose value a change moved (`ContentChanges`), keyed by a string
 * of its address, to hand back from each write and to its `valuesUpdated` event. The emulator
 * neither reads what a write returns nor listens to events (it reads cells when a script asks),
 * and the only other reader, the column index's `applyChanges`, is off (`useColumnIndex: false`):
 * a list of 15,000 changes a write at 50 clients was made and dropped, a sixth of the budget
 * tests' CPU with the garbage collection it caused. The list stays empty.
 */
const changesModule = require(join(root, 'ContentChanges.js')) as {
  ContentChanges: { prototype: { add: (...args: unknown[]) => void } };
};
changesModule.ContentChanges.prototype.add = function add() {};

/*
 * Each row or column inserted or removed looks for array formulas (of which the add-on writes
 * none) in a copy of the list of every formula and value of the workbook: walked in place here,
 * without the copy of 100,000 entries.
 */
interface GraphNodes {
  graph: { nodesSparseArray: unknown[] };
}
const graphModule = require(join(root, 'DependencyGraph/DependencyGraph.js')) as {
  DependencyGraph: { prototype: { arrayFormulaNodes: () => Iterable<unknown> } };
};
const arrayVertexModule = require(join(root, 'DependencyGraph/FormulaVertex.js')) as {
  ArrayFormulaVertex: new (...args: never[]) => unknown;
};
graphModule.DependencyGraph.prototype.arrayFormulaNodes = function* (this: GraphNodes) {
  for (const vertex of this.graph.nodesSparseArray) {
    if (vertex instanceof arrayVertexModule.ArrayFormulaVertex) yield vertex;
  }
};

export const HyperFormula: typeof HF.HyperFormula = hyperformula.HyperFormula;
export type HyperFormula = HF.HyperFormula;
export const FunctionPlugin: typeof HF.FunctionPlugin = hyperformula.FunctionPlugin;
export type FunctionPlugin = HF.FunctionPlugin;
