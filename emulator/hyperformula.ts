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
  FormulaLexer: new (lexerConfig: unknown) => unknown;
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

// The lexer too (a Chevrotain lexer analysed on construction): tokenizing keeps no state.
const lexers = new Map<unknown, unknown>();
const FormulaLexer = parserModule.FormulaLexer;
parserModule.FormulaLexer = function SharedFormulaLexer(lexerConfig: unknown) {
  let lexer = lexers.get(lexerConfig);
  if (!lexer) lexers.set(lexerConfig, (lexer = new FormulaLexer(lexerConfig)));
  return lexer;
} as unknown as typeof FormulaLexer;

/*
 * A formula parsed by one engine is parsed the same by another, given the same text at the same
 * address and the same ids for the tabs it names: every restore of a saved registry parses the
 * same few hundred formulas, about a fifth of its cost. Each parse is remembered across engines
 * with the tabs its parse looked up and the ids they had; another engine takes it only when each
 * of those tabs has the same id there (asked the same way, so a tab the formula names but the
 * workbook lacks is registered as the parse would have). The engine's own cache gets the result
 * as its own parse would have put it there.
 */
interface ParseResult {
  ast: unknown;
  errors: unknown[];
  hasVolatileFunction: boolean;
  hasStructuralChangeFunction: boolean;
  dependencies: unknown[];
}
interface Remembered {
  hash: string;
  raw: unknown;
  ast: unknown;
  hasVolatileFunction: boolean;
  hasStructuralChangeFunction: boolean;
  sheets: [string, number | undefined][];
}
interface CachingParser extends ParserHolder {
  lexerConfig: object;
  cache: { get(hash: string): unknown; set(hash: string, ast: unknown): unknown };
  functionRegistry: unknown;
}
const parsersIndex = require(join(root, 'parser/index.js')) as {
  collectDependencies: (ast: unknown, registry: unknown) => unknown[];
};
const remembered = new Map<string, Remembered[]>();
/**
 * Formulas remembered at most: a playground left running writes formulas at ever new cells, and
 * the memory is let go at this size (the next parse of each is a parse like any other).
 */
const REMEMBERED_AT_MOST = 100_000;
/** The raw AST and hash of the parse under way, caught as it enters the engine's cache. */
let caught: { hash: string; raw: unknown } | null = null;
const cacheModule = require(join(root, 'parser/Cache.js')) as {
  Cache: {
    prototype: {
      set: (hash: string, ast: unknown) => unknown;
      get: (hash: string) => { ast: unknown } | undefined;
    };
  };
};
const cacheSet = cacheModule.Cache.prototype.set;
cacheModule.Cache.prototype.set = function (this: unknown, hash: string, ast: unknown) {
  caught = { hash, raw: ast };
  return cacheSet.call(this, hash, ast);
};
const cacheGet = cacheModule.Cache.prototype.get;
cacheModule.Cache.prototype.get = function (this: unknown, hash: string) {
  const entry = cacheGet.call(this, hash);
  if (entry) caught = { hash, raw: entry.ast };
  return entry;
};
/** One number per lexer configuration: a parse is remembered for engines of the same settings. */
const lexerIds = new WeakMap<object, number>();
let lexersSeen = 0;

const parse = cachingModule.ParserWithCaching.prototype.parse as (
  this: CachingParser,
  text: string,
  address: { sheet: number; row: number; col: number },
) => ParseResult;
cachingModule.ParserWithCaching.prototype.parse = function (
  this: CachingParser,
  ...args: unknown[]
) {
  const [text, address] = args as [string, { sheet: number; row: number; col: number }];
  const resolve = this.resolveSheetReference;
  let lexer = lexerIds.get(this.lexerConfig);
  if (lexer === undefined) lexerIds.set(this.lexerConfig, (lexer = lexersSeen++));
  const key = `${lexer}|${address.sheet},${address.row},${address.col}|${text}`;
  for (const r of remembered.get(key) ?? []) {
    if (!r.sheets.every(([name, id]) => resolve(name) === id)) continue;
    if (this.cache.get(r.hash) === undefined) this.cache.set(r.hash, r.raw);
    return {
      ast: r.ast,
      errors: [],
      hasVolatileFunction: r.hasVolatileFunction,
      hasStructuralChangeFunction: r.hasStructuralChangeFunction,
      dependencies: parsersIndex.collectDependencies(r.ast, this.functionRegistry),
    };
  }
  const sheets: [string, number | undefined][] = [];
  const recording: Resolve = (name) => {
    const id = resolve(name);
    sheets.push([name, id]);
    return id;
  };
  this.formulaParser.resolveSheetReference = recording;
  this.resolveSheetReference = recording;
  caught = null;
  try {
    const result = parse.call(this, text, address);
    // Remembered only when the engine's cache held or took it: a parse that failed is not.
    const got = caught as { hash: string; raw: unknown } | null;
    if (result.errors.length === 0 && got !== null) {
      if (remembered.size >= REMEMBERED_AT_MOST) remembered.clear();
      const list = remembered.get(key) ?? [];
      list.push({
        hash: got.hash,
        raw: got.raw,
        ast: result.ast,
        hasVolatileFunction: result.hasVolatileFunction,
        hasStructuralChangeFunction: result.hasStructuralChangeFunction,
        sheets,
      });
      remembered.set(key, list);
    }
    return result;
  } finally {
    this.resolveSheetReference = resolve;
  }
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
