// Builds the add-on into dist/: Code.js (a classic Apps Script file), Sidebar.html and
// DecisionRecords.html (self-contained pages) and appsscript.json. `clasp push` sends dist/ as it is. Then the local
// playground's server into .playground/ (never pushed): bundled once here, it starts in Node
// without compiling TypeScript, for `npm start` and for each browser test alike.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';

const GLOBAL = 'CTORegistry';
const ENTRY = 'src/main.ts';
const OUT = 'dist';
const PLAYGROUND_SERVER = '.playground/server.mjs';

/** The entry module's runtime exports, read from esbuild's metafile rather than a hand-kept list. */
async function entryExports() {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint === ENTRY);
  if (!output) throw new Error(`esbuild reported no output for ${ENTRY}`);
  return [...output.exports].sort();
}

async function buildCode(exportsList) {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const body = result.outputFiles[0].text;
  // Apps Script only sees top-level function declarations: one stub per export of the entry module.
  const stubs = exportsList
    .map((name) => `function ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}`)
    .join('\n\n');
  const code = `// CTO Registry: built from src/ by build.mjs. Do not edit; edit src/ and rebuild.\n${body}\n${stubs}\n`;
  // Every export must be a function, or its stub would fail only when Apps Script calls it.
  const context = vm.createContext({});
  vm.runInContext(body, context);
  for (const name of exportsList) {
    const kind = vm.runInContext(`typeof ${GLOBAL}.${name}`, context);
    if (kind !== 'function') {
      throw new Error(
        `src/main.ts exports "${name}", which is a ${kind}; export only functions from the entry module.`,
      );
    }
  }
  return code;
}

/** One self-contained page (HtmlService serves one file): `dir`'s main.tsx, CSS and index.html. */
async function buildPage(dir, cssFiles) {
  const result = await esbuild.build({
    entryPoints: [`${dir}/main.tsx`],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    // HtmlService serves the file as UTF-8: a dash or an ellipsis is 3 bytes, not a 6-byte escape.
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = (
    await esbuild.transform(cssFiles.map((f) => readFileSync(f, 'utf8')).join('\n'), {
      loader: 'css',
      minify: true,
    })
  ).code;
  // The page's own indentation is bytes the sidebar's limit counts: gone between tags.
  const template = readFileSync(`${dir}/index.html`, 'utf8').replace(/>\s+</g, '><').trim();
  return template.replace('/*STYLE*/', () => css).replace('/*SCRIPT*/', () => script);
}

/** Each page and the most bytes it may take (the sidebar's limit is the brief's). */
const PAGES = [
  { file: 'Sidebar.html', dir: 'sidebar', css: ['sidebar/sidebar.css'], limit: 61_440 },
  {
    file: 'DecisionRecords.html',
    dir: 'records-dialog',
    css: ['sidebar/sidebar.css', 'records-dialog/dialog.css'],
    limit: 30_720,
  },
];

mkdirSync(OUT, { recursive: true });
const exportsList = await entryExports();
writeFileSync(`${OUT}/Code.js`, await buildCode(exportsList));
for (const p of PAGES) {
  const html = await buildPage(p.dir, p.css);
  const size = Buffer.byteLength(html);
  if (size > p.limit)
    throw new Error(`${OUT}/${p.file} is ${size} bytes; its limit is ${p.limit}.`);
  writeFileSync(`${OUT}/${p.file}`, html);
}
copyFileSync('appsscript.json', `${OUT}/appsscript.json`);
// The playground page's script, built here once and put into the server's bundle
// (playground/page-files.ts), not again at each start of the server.
const pageBuild = JSON.parse(readFileSync('playground/page-build.json', 'utf8'));
const pageScript = (
  await esbuild.build({ ...pageBuild.options, entryPoints: [`playground/${pageBuild.entry}`] })
).outputFiles[0].text;
await esbuild.build({
  entryPoints: ['playground/server.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // HyperFormula, esbuild and Preact are loaded from node_modules, as they are under tsx.
  packages: 'external',
  // The server finds the repository, the page and the built add-on from its own folder.
  define: {
    'import.meta.dirname': JSON.stringify(resolve('playground')),
    'globalThis.PLAYGROUND_PAGE_SCRIPT': JSON.stringify(pageScript),
  },
  outfile: PLAYGROUND_SERVER,
  logLevel: 'warning',
});
console.log(
  `Built ${OUT}/Code.js (${exportsList.length} functions), ${PAGES.map((p) => `${OUT}/${p.file}`).join(', ')}, ${OUT}/appsscript.json and ${PLAYGROUND_SERVER}`,
);
