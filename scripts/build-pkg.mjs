#!/usr/bin/env node
// Assembles the npm package `move-ugc` in pkg/ from wasm-pack's three outputs
// (target/wasm-pack/{nodejs,web,bundler}) and pkg-template/.
//
//   pkg/node/     the nodejs build (CommonJS) with index.cjs and an ESM wrapper index.mjs
//   pkg/web/      the web build: `import init, { MoveUgc } from 'move-ugc/web'; await init();`
//   pkg/bundler/  wasm-pack's bundler build, for bundlers with WebAssembly ESM integration
//   pkg/browser/  the default for bundlers and browsers: the web build, initialised on import
//   pkg/move_ugc.d.ts  the declarations (generated from the Rust types) for ESM consumers,
//                      move_ugc.d.cts the same for CommonJS ones, web.d.ts adds init()
//   pkg/LICENSE        the licence texts

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'target', 'wasm-pack');
const pkg = join(root, 'pkg');
const template = join(root, 'pkg-template');

function snippetPath(dir) {
  const snippets = join(dir, 'snippets');
  const [crate] = readdirSync(snippets);
  return `./snippets/${crate}/js/host.js`;
}

function copyBuild(target, into) {
  const from = join(built, target);
  if (!existsSync(join(from, 'move_ugc_bg.wasm'))) throw new Error(`missing wasm-pack output ${from}; run make pkg`);
  cpSync(from, join(pkg, into), {
    recursive: true,
    filter: (src) => !/(\.gitignore|package\.json|README\.md|\.d\.ts)$/.test(src) || src === from,
  });
}

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg);

// ---- node: CommonJS as wasm-bindgen emits it, with the ESM snippet turned into CommonJS ----
copyBuild('nodejs', 'node');
const nodeDir = join(pkg, 'node');
writeFileSync(join(nodeDir, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
const nodeSnippet = snippetPath(nodeDir);
const hostFile = join(nodeDir, nodeSnippet);
const hostSource = readFileSync(hostFile, 'utf8');
const hostNames = [...hostSource.matchAll(/^export (?:class|function|async function) (\w+)/gm)].map((m) => m[1]);
const stillExported = hostSource.replace(/^export (class|function|async function) /gm, '').match(/^export .*/m);
if (stillExported) throw new Error(`js/host.js: cannot turn into CommonJS: ${stillExported[0]}`);
writeFileSync(
  hostFile,
  hostSource.replace(/^export (class|function|async function) /gm, '$1 ') + `\nmodule.exports = { ${hostNames.join(', ')} };\n`,
);
writeFileSync(
  join(nodeDir, 'index.cjs'),
  `'use strict';
// The Node entry (CommonJS). The ESM entry index.mjs re-exports this same module,
// so classes are shared and \`instanceof MoveUgcError\` holds across both.
const wasm = require('./move_ugc.js');
const host = require('${nodeSnippet}');

// Node's util.inspect shows the settings, never the key (which is not in JS memory anyway).
wasm.MoveUgc.prototype[Symbol.for('nodejs.util.inspect.custom')] = function inspect() {
  return \`MoveUgc \${JSON.stringify(this.toJSON())}\`;
};

// Detached methods and calls after free() reject with a MoveUgcError.
host.hardenClient(wasm.MoveUgc);
// files.upload reads file paths with it.
host.useNodeFs(require('node:fs'));

module.exports = { ...wasm, MoveUgcError: host.MoveUgcError, isMoveUgcError: host.isMoveUgcError };
`,
);
// hardenClient is the entries' own business, not part of the package's API.
const nodeExports = Object.keys(createRequire(import.meta.url)(join(nodeDir, 'index.cjs')));
writeFileSync(
  join(nodeDir, 'index.mjs'),
  `// The Node entry (ESM): the CommonJS build, re-exported by name.
import cjs from './index.cjs';

export const { ${nodeExports.join(', ')} } = cjs;
`,
);

// ---- web: the no-bundler entry, with an explicit init() ----
copyBuild('web', 'web');
const webDir = join(pkg, 'web');
writeFileSync(
  join(webDir, 'index.js'),
  `// The no-bundler browser entry: import init, { MoveUgc } from 'move-ugc/web'; await init();
import { MoveUgc } from './move_ugc.js';
import { hardenClient } from '${snippetPath(webDir)}';

// Detached methods and calls after free() reject with a MoveUgcError.
hardenClient(MoveUgc);

export { default, initSync } from './move_ugc.js';
export * from './move_ugc.js';
export { MoveUgcError, isMoveUgcError } from '${snippetPath(webDir)}';
`,
);

// ---- bundler: wasm-pack's bundler build, for bundlers with WebAssembly ESM integration ----
copyBuild('bundler', 'bundler');
const bundlerDir = join(pkg, 'bundler');
writeFileSync(
  join(bundlerDir, 'index.js'),
  `// For bundlers configured for WebAssembly ESM integration (webpack asyncWebAssembly,
// vite-plugin-wasm): import { MoveUgc } from 'move-ugc/bundler'.
import { MoveUgc } from './move_ugc.js';
import { hardenClient } from '${snippetPath(bundlerDir)}';

// Detached methods and calls after free() reject with a MoveUgcError.
hardenClient(MoveUgc);

export * from './move_ugc.js';
export { MoveUgcError, isMoveUgcError } from '${snippetPath(bundlerDir)}';
`,
);

// ---- browser: the default for bundlers and browsers, no configuration needed ----
mkdirSync(join(pkg, 'browser'));
writeFileSync(
  join(pkg, 'browser', 'index.js'),
  `// The default browser and bundler entry: the web build, initialised on import
// (top-level await). Vite, webpack 5 and esbuild resolve the .wasm URL below.
// (The web entry's module, imported for its hardening of MoveUgc.)
import init from '../web/index.js';

await init({ module_or_path: new URL('../web/move_ugc_bg.wasm', import.meta.url) });

export * from '../web/move_ugc.js';
export { MoveUgcError, isMoveUgcError } from '../web/${snippetPath(webDir).slice(2)}';
`,
);

// ---- types: one set of declarations for every entry ----
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

// A method that takes `expand` is generic in it, so that its result is typed
// with what was expanded (`Expanded<Job, E>`). wasm-bindgen cannot declare a
// method's type parameters: the Rust side writes `E` in the signature, and
// each such method gets `<E extends …Expand = never>` of its class here.
const EXPAND_OF_CLASS = { Jobs: 'JobExpand', Takes: 'TakeExpand', Files: 'FileExpand', Volumes: 'VolumeExpand' };
function declareExpandGenerics(text) {
  let owner = null;
  return text
    .split('\n')
    .map((line) => {
      const opened = /^export class (\w+)/.exec(line);
      if (opened) owner = opened[1];
      const method = /^(\s+)(\w+)\((.*)$/.exec(line);
      if (!method || !/\bE\b/.test(method[3])) return line;
      const expand = EXPAND_OF_CLASS[owner];
      if (!expand) throw new Error(`${owner}.${method[2]} is typed with E, but ${owner} has no expand type`);
      return `${method[1]}${method[2]}<E extends ${expand} = never>(${method[3]}`;
    })
    .join('\n');
}
// [Symbol.dispose]() needs lib esnext.disposable, which most projects do not
// have: keep the declaration compiling for every strict project (the method exists).
// wasm-bindgen's own free() comes without JSDoc: every public method has one.
// The models, enums, expands and params are declared from the crate's own
// descriptions of them (src/catalog.rs), never written beside them by hand.
const generated = execFileSync('cargo', ['run', '--quiet', '--bin', 'declarations'], { cwd: root, encoding: 'utf8' });
const types = declareExpandGenerics(readFileSync(join(built, 'nodejs', 'move_ugc.d.ts'), 'utf8') + '\n' + generated)
  .replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, '')
  .replace(
    /^(\s*)free\(\): void;$/gm,
    '$1/** Releases the object\'s WebAssembly memory now rather than when it is garbage-collected. */\n$1free(): void;',
  );
writeFileSync(join(pkg, 'move_ugc.d.ts'), types);
// CommonJS consumers (require, `module: node16`/`nodenext`) read the same
// declarations as a CommonJS file, so that TypeScript does not take the
// package's CommonJS build for ESM ("masquerading as ESM").
writeFileSync(join(pkg, 'move_ugc.d.cts'), types);
const webTypes = readFileSync(join(built, 'web', 'move_ugc.d.ts'), 'utf8');
const initStart = webTypes.indexOf('export type InitInput');
if (initStart < 0) throw new Error('no init() declarations in the web build');
// InitOutput lists the module's raw exports, typed with `any`; callers need none
// of them, so the public declaration keeps only the memory.
const initTypes = webTypes
  .slice(initStart)
  .replace(
    /export interface InitOutput \{[\s\S]*?\n\}/,
    '/** What `init()` resolves with: the instantiated module. */\nexport interface InitOutput {\n    /** The module\'s memory. */\n    readonly memory: WebAssembly.Memory;\n}',
  )
  .replace(/^export type InitInput/m, '/** Where `init()` takes the module from: a URL, a fetch Response, bytes or a compiled module. */\nexport type InitInput')
  .replace(/^export type SyncInitInput/m, '/** What `initSync()` takes: the module\'s bytes or a compiled module. */\nexport type SyncInitInput');
writeFileSync(join(pkg, 'web.d.ts'), `export * from './move_ugc.js';\n\n${initTypes}`);
// The bundler build has the same exports as the others.
writeFileSync(join(pkg, 'bundler.d.ts'), `export * from './move_ugc.js';\n`);
for (const file of ['move_ugc.d.ts', 'move_ugc.d.cts', 'web.d.ts']) {
  const text = readFileSync(join(pkg, file), 'utf8');
  if (/\bany\b/.test(withoutComments(text))) {
    throw new Error(`the public ${file} contains \`any\``);
  }
  // Every exported declaration, method, property and constructor has JSDoc.
  const lines = text.split('\n');
  const undocumented = lines.filter((line, i) => {
    const item = line.trim();
    const declares = /^(export (?!\*)|[a-zA-Z_]\w*(<[^>]*>)?\(|readonly |constructor\()/.test(item);
    return declares && !(lines[i - 1] ?? '').trim().endsWith('*/');
  });
  if (undocumented.length) throw new Error(`undocumented in ${file}:\n${undocumented.join('\n')}`);
}

// ---- package.json and README ----
const manifest = JSON.parse(readFileSync(join(template, 'package.json'), 'utf8'));
manifest.version = /^version = "(.+)"$/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
cpSync(join(template, 'README.md'), join(pkg, 'README.md'));
cpSync(join(root, 'LICENSE'), join(pkg, 'LICENSE'));
console.log(`pkg/: move-ugc ${manifest.version} (${nodeExports.join(', ')})`);
