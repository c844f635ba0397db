#!/usr/bin/env node
// Assembles the npm package `move-ugc` from one wasm-bindgen `--target web`
// build and pkg-template/. Usage: node scripts/build-pkg.mjs <wasm-bindgen output dir> <package dir>
// (`make pkg`: target/wasm-bindgen/pkg → pkg/; `make pkg-fault`: the
// fault-injection build → target/pkg-fault/).
//
// One .wasm and one copy of each JS file, loaded by every entry:
//
//   web/move_ugc_bg.wasm   the module
//   web/move_ugc.js        wasm-bindgen's glue (ESM), patched below
//   web/snippets/…/host.js js/host.js
//   web/index.js           the core of every entry, and the no-bundler entry itself
//                          (`import init, { MoveUgc } from 'move-ugc/web'; await init();`):
//                          the package's MoveUgc made once around the module's (defineClient)
//   web/webhooks.js        js/webhooks.js (verifyWebhook), imported by web/index.js on the first call
//   browser/index.js       the default for browsers and bundlers (also `move-ugc/bundler`):
//                          init() on import from `new URL('../web/move_ugc_bg.wasm', import.meta.url)`,
//                          which Vite and webpack 5 resolve with no plugin
//   node/index.mjs         Node ESM: initSync() from the bytes of the same .wasm, read with fs
//   node/index.cjs         Node CommonJS: require() of node/index.mjs (require(esm): Node 20.19+, 22.12+)
//   node/files.mjs         js/node-files.js: what only Node does (file paths of files.upload,
//                          jobs.downloadOutputs), never part of what a browser loads
//   move_ugc.d.ts          the declarations (generated from the Rust types) for ESM consumers,
//                          move_ugc.d.cts the same for CommonJS ones, web.d.ts adds init()
//   LICENSE                the licence texts
//   bin/move-ugc.mjs       the move-ugc command (cli/, with its modules): Node only, on
//                          node/index.mjs; no entry loads it

import { execFileSync } from 'node:child_process';
import { transformSync } from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [builtArg, pkgArg] = process.argv.slice(2);
if (!builtArg || !pkgArg) throw new Error('usage: node scripts/build-pkg.mjs <wasm-bindgen output dir> <package dir>');
const built = resolve(root, builtArg);
const pkg = resolve(root, pkgArg);
const template = join(root, 'pkg-template');

if (!existsSync(join(built, 'move_ugc_bg.wasm'))) throw new Error(`missing wasm-bindgen output in ${built}; run make pkg`);

rmSync(pkg, { recursive: true, force: true });
mkdirSync(join(pkg, 'web'), { recursive: true });

// ---- the module, the glue and host.js: once ----
cpSync(join(built, 'move_ugc_bg.wasm'), join(pkg, 'web', 'move_ugc_bg.wasm'));
cpSync(join(built, 'snippets'), join(pkg, 'web', 'snippets'), { recursive: true });
const [crate] = readdirSync(join(built, 'snippets'));
const host = `./snippets/${crate}/js/host.js`;
if (!existsSync(join(pkg, 'web', host))) throw new Error(`no js/host.js among the snippets of ${built}`);

let glue = readFileSync(join(built, 'move_ugc.js'), 'utf8');
// The glue's types are not published as they are (see the declarations
// below); the pointer to them would name a file that is not there.
glue = glue.replace(/^\/\* @ts-self-types=.*\*\/\n/, '');
// After a failure host.js replaces the module's instance (__wbg_reset_state).
// A promise the old instance awaited (a fetch, a timer) may still settle
// later and call its callback, a closure of that instance: the glue throws
// there, in a promise callback nobody handles, which is an unhandled rejection
// (Node ends the process). The call it belonged to was rejected with INTERNAL
// already, so such a late callback has nothing left to do: it returns.
const STALE_CLOSURE = "throw new Error('Cannot invoke closure from previous WASM instance');";
if (!glue.includes(STALE_CLOSURE)) {
  throw new Error('the wasm-bindgen glue no longer guards stale closures as expected: check scripts/build-pkg.mjs against this wasm-bindgen');
}
glue = glue.replaceAll(STALE_CLOSURE, 'return; // a late callback of a replaced instance (scripts/build-pkg.mjs)');
if (!/^export function __wbg_reset_state\b/m.test(glue)) {
  throw new Error('the glue has no __wbg_reset_state: wasm-bindgen must run with --experimental-reset-state-function');
}
let names;
try {
  names = JSON.parse(readFileSync(join(built, 'names.json'), 'utf8'));
} catch (error) {
  throw new Error(`${join(built, 'names.json')} is not wasm-opt's mapping of short names (is the binaryen on PATH the npm one?): ${error.message}`);
}
glue = withShortNames(glue, names, readFileSync(join(built, 'move_ugc_bg.wasm')), (path) => readFileSync(join(built, path), 'utf8'));
writeFileSync(join(pkg, 'web', 'move_ugc.js'), glue);

// verifyWebhook is plain JavaScript beside host.js in the sources; in the
// package it sits in web/ and imports the one host.js snippet, so that its
// errors are the same MoveUgcError class as every other.
const webhooks = readFileSync(join(root, 'js', 'webhooks.js'), 'utf8');
const HOST_IMPORT = "from './host.js';";
if (!webhooks.includes(HOST_IMPORT)) throw new Error('js/webhooks.js no longer imports ./host.js as scripts/build-pkg.mjs expects');
writeFileSync(join(pkg, 'web', 'webhooks.js'), webhooks.replace(HOST_IMPORT, `from '${host}';`));

// What the glue exports: its classes and functions, and init/initSync.
const glueNames = [...glue.matchAll(/^export (?:class|function|const|let) (\w+)/gm)].map((m) => m[1]);
if (!glueNames.includes('MoveUgc')) throw new Error('the glue exports no MoveUgc');
if (!/^export \{ initSync, __wbg_init as default \};$/m.test(glue)) throw new Error('the glue exports no init/initSync');
// The package's names: the glue's, with the package's own MoveUgc, without the
// instance reset (host.js's business), plus the error class.
const passed = glueNames.filter((name) => name !== 'MoveUgc' && name !== '__wbg_reset_state');
const publicNames = ['MoveUgc', ...passed, 'MoveUgcError', 'isMoveUgcError', 'verifyWebhook'].sort();

// ---- web/index.js: the core every entry imports, and the no-bundler entry ----
writeFileSync(
  join(pkg, 'web', 'index.js'),
  `// The no-bundler browser entry: import init, { MoveUgc } from 'move-ugc/web'; await init();
// Every other entry of the package imports this module too, so that there is
// one MoveUgc class (and one MoveUgcError) whatever the entry.
import initModule, { initSync as initModuleSync, MoveUgc as ModuleMoveUgc, __wbg_reset_state } from './move_ugc.js';
import { defineClient, moduleReady } from '${host}';

// The package's MoveUgc: detached methods, calls after free() and a failure
// of the module (INTERNAL, then a fresh instance) all handled in js/host.js.
export const MoveUgc = defineClient(ModuleMoveUgc, __wbg_reset_state);

/** Instantiates the module (fetched from module_or_path, by default the .wasm beside this file); resolves once it is ready. */
export default async function init(input) {
  const output = await initModule(input);
  moduleReady();
  return output;
}

/** Instantiates the module at once from its bytes or a compiled module. */
export function initSync(input) {
  const output = initModuleSync(input);
  moduleReady();
  return output;
}

export { ${passed.join(', ')} } from './move_ugc.js';
export { MoveUgcError, isMoveUgcError } from '${host}';

/**
 * Verifies a webhook delivery (declared in src/webhooks.rs). The code is in
 * ./webhooks.js, loaded on the first call: pages that never verify a delivery
 * (webhooks reach servers) never download it.
 */
export async function verifyWebhook(body, headers, secret, options) {
  return (await import('./webhooks.js')).verifyWebhook(body, headers, secret, options);
}

// Methods made of others (declared beside their class in the crate):
// create is createSingleCam under the name of Move's older SDKs; iterate walks
// every page through list, which reads and checks each one; waitForCompletion
// polls through retrieve once the module checked its arguments; files.upload,
// files.download and jobs.downloadOutputs (Node's, js/node-files.js) run the
// module's checks, reads and storage transfers (js/host.js).
import * as glue from './move_ugc.js';
import * as hostExports from '${host}';
glue.Jobs.prototype.create = glue.Jobs.prototype.createSingleCam;
glue.Files.prototype.upload = hostExports.uploadFile;
glue.Files.prototype.download = hostExports.downloadFile;
glue.Jobs.prototype.downloadOutputs = hostExports.downloadOutputs;
glue.Jobs.prototype.waitForCompletion = hostExports.waitForCompletion;
for (const Service of [glue.Jobs, glue.Takes, glue.Volumes]) {
  Service.prototype.iterate = function iterate(params) {
    return hostExports.paginate(this, params);
  };
}

// The JavaScript is minified (below): the names users see in consoles and
// stack traces are given back to what the package exports.
for (const [name, value] of Object.entries({ ...glue, ...hostExports, MoveUgc, verifyWebhook })) {
  if (${JSON.stringify(publicNames)}.includes(name)) Object.defineProperty(value, 'name', { value: name });
}
`,
);

// ---- browser/index.js: the default for browsers and bundlers ----
mkdirSync(join(pkg, 'browser'));
writeFileSync(
  join(pkg, 'browser', 'index.js'),
  `// The default browser and bundler entry (also move-ugc/bundler): the module,
// initialised on import (top-level await). Vite, webpack 5 and esbuild resolve
// the .wasm URL below and ship that one file.
import init from '../web/index.js';

await init({ module_or_path: new URL('../web/move_ugc_bg.wasm', import.meta.url) });

export { ${publicNames.join(', ')} } from '../web/index.js';
`,
);

// ---- node/: the same module, instantiated from its bytes ----
mkdirSync(join(pkg, 'node'));
writeFileSync(
  join(pkg, 'node', 'index.mjs'),
  `// The Node entry (ESM): the module instantiated at once from the bytes of the
// package's one .wasm, read with fs (no top-level await, so that require()
// can load this file too: see index.cjs).
import { readFileSync } from 'node:fs';
import { initSync } from '../web/index.js';
import { useNode } from '../web/${host.slice(2)}';
import { downloadOutputs, readPath } from './files.mjs';

initSync({ module: readFileSync(new URL('../web/move_ugc_bg.wasm', import.meta.url)) });
// files.upload reads file paths from disk; jobs.downloadOutputs writes files;
// files.download resolves with a Uint8Array here (a Blob in browsers).
useNode({ readPath, downloadOutputs });

export { ${publicNames.join(', ')} } from '../web/index.js';
`,
);
// The Node-only files of downloadOutputs import host.js from beside them in js/.
const nodeFiles = readFileSync(join(root, 'js', 'node-files.js'), 'utf8');
if (!nodeFiles.includes("from './host.js';")) throw new Error('js/node-files.js no longer imports ./host.js: check scripts/build-pkg.mjs');
writeFileSync(join(pkg, 'node', 'files.mjs'), nodeFiles.replace("from './host.js';", `from '../web/${host.slice(2)}';`));
writeFileSync(
  join(pkg, 'node', 'index.cjs'),
  `'use strict';
// The Node entry (CommonJS): the ESM entry itself, through require(esm)
// (Node 20.19+, 22.12+), so that both share one module instance and one set
// of classes (\`instanceof MoveUgcError\` holds across them), with no second
// copy of the JavaScript.
try {
  module.exports = require('./index.mjs');
} catch (error) {
  if (error && error.code === 'ERR_REQUIRE_ESM') {
    throw new Error(
      \`move-ugc: require('move-ugc') needs Node 20.19+ or 22.12+ (this is \${process.version}); use import, or a newer Node\`,
      { cause: error },
    );
  }
  throw error;
}
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
const generated = readFileSync(join(built, 'move_ugc.d.ts'), 'utf8');
const initStart = generated.indexOf('export type InitInput');
if (initStart < 0) throw new Error('no init() declarations in the web build');
// [Symbol.dispose]() needs lib esnext.disposable, which most projects do not
// have: keep the declaration compiling for every strict project (the method exists).
// wasm-bindgen's own free() comes without JSDoc: every public method has one.
// The models, enums, expands and params are declared from the crate's own
// descriptions of them (src/catalog.rs), never written beside them by hand.
const described = execFileSync('cargo', ['run', '--quiet', '--bin', 'declarations'], { cwd: root, encoding: 'utf8' });
// __wbg_reset_state is host.js's, not the package's.
const types = declareExpandGenerics(`${generated.slice(0, initStart)}\n${described}`)
  .replace(/^export function __wbg_reset_state\(\): void;\n/m, '')
  .replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, '')
  .replace(
    /^(\s*)free\(\): void;$/gm,
    '$1/** Releases the object\'s WebAssembly memory now rather than when it is garbage-collected. */\n$1free(): void;',
  )
  .trimEnd() + '\n';
if (/__wbg_reset_state/.test(types)) throw new Error('__wbg_reset_state left in the public declarations');
writeFileSync(join(pkg, 'move_ugc.d.ts'), types);
// CommonJS consumers (require, `module: node16`/`nodenext`) read the same
// declarations as a CommonJS file, so that TypeScript does not take the
// package's CommonJS entry for ESM ("masquerading as ESM").
writeFileSync(join(pkg, 'move_ugc.d.cts'), types);
// InitOutput lists the module's raw exports, typed with `any`; callers need none
// of them, so the public declaration keeps only the memory.
const initTypes = generated
  .slice(initStart)
  .replace(
    /export interface InitOutput \{[\s\S]*?\n\}/,
    '/** What `init()` resolves with: the instantiated module. */\nexport interface InitOutput {\n    /** The module\'s memory. */\n    readonly memory: WebAssembly.Memory;\n}',
  )
  .replace(/^export type InitInput/m, '/** Where `init()` takes the module from: a URL, a fetch Response, bytes or a compiled module. */\nexport type InitInput')
  .replace(/^export type SyncInitInput/m, '/** What `initSync()` takes: the module\'s bytes or a compiled module. */\nexport type SyncInitInput');
writeFileSync(join(pkg, 'web.d.ts'), `export * from './move_ugc.js';\n\n${initTypes}`);
// move-ugc/bundler is the browser entry under another name.
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
// Every runtime name is declared, and every declared value is there at runtime.
const declared = new Set([...types.matchAll(/^export (?:declare )?(?:class|function) (\w+)/gm)].map((m) => m[1]));
const missing = publicNames.filter((name) => !declared.has(name));
const undelivered = [...declared].filter((name) => !publicNames.includes(name));
if (missing.length || undelivered.length) {
  throw new Error(`declarations and exports differ: undeclared ${missing.join(', ') || '-'}; not exported ${undelivered.join(', ') || '-'}`);
}

// ---- package.json and README ----
const manifest = JSON.parse(readFileSync(join(template, 'package.json'), 'utf8'));
manifest.version = /^version = "(.+)"$/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
cpSync(join(template, 'README.md'), join(pkg, 'README.md'));
cpSync(join(root, 'LICENSE'), join(pkg, 'LICENSE'));

// ---- bin/: the move-ugc command ----
// cli/ as it is: move-ugc.mjs imports ../node/index.mjs, so it runs only from
// the package, and only the bin loads it (the web entry never pays for it).
cpSync(join(root, 'cli'), join(pkg, 'bin'), { recursive: true });
if (!manifest.bin || manifest.bin['move-ugc'] !== './bin/move-ugc.mjs' || !manifest.files.includes('bin/')) {
  throw new Error('pkg-template/package.json must declare the bin move-ugc (./bin/move-ugc.mjs) and ship bin/');
}
// ---- minified JavaScript ----
// What a page downloads is counted in the budget of the web entry: every
// shipped .js is minified (whitespace, comments, local names; the sources are
// js/host.js and this script). The exported classes and functions get their
// names back in web/index.js (esbuild's keepNames would wrap every function).
// Node prints the source line of an uncaught error's first frame: in a file
// minified to one line, that is the whole file (13 KB of host.js on the
// terminal). So each function starts a line of its own (a few bytes of gzip),
// a change that must leave the code as it was (checked: it minifies the same).
const minify = (text) => transformSync(text, { minify: true, legalComments: 'none', target: 'es2022' }).code;
for (const file of walk(pkg).filter((f) => /\.(m|c)?js$/.test(f))) {
  const code = minify(readFileSync(file, 'utf8'));
  const lined = code.replace(/([;}])(?=(?:export )?(?:async )?function[ *]|(?:export )?class )/g, '$1\n');
  if (minify(lined) !== minify(code)) throw new Error(`breaking ${file} into lines changed its code`);
  writeFileSync(file, lined);
}
// esbuild keeps a hashbang; the command needs it (and to be executable, for `node_modules/.bin` links).
const bin = join(pkg, 'bin', 'move-ugc.mjs');
if (!readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')) throw new Error('bin/move-ugc.mjs lost its #! line');
chmodSync(bin, 0o755);

console.log(`${pkgArg}: move-ugc ${manifest.version} (${publicNames.join(', ')})`);

/**
 * The glue rewritten for the module's short import and export names
 * (scripts/build-wasm.sh): `names` is wasm-opt's mapping, `{ imports:
 * [[module, name, short]…], exports: [[name, short]…] }`; `wasm` the module's
 * bytes, whose imports the rewritten glue must provide, each once, and whose
 * exports must be the mapping's; `read(path)` reads a file of the build
 * (the snippets). Any mismatch stops the build.
 */
function withShortNames(text, names, wasm, read) {
  const compiled = new WebAssembly.Module(wasm);
  const wanted = WebAssembly.Module.imports(compiled);
  const modules = [...new Set(wanted.map((i) => i.module))];
  if (modules.length !== 1) throw new Error(`the module imports from ${modules.length} modules, not one: check scripts/build-wasm.sh`);
  const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
  if (!sameSet(wanted.map((i) => i.name), names.imports.map(([, , short]) => short))) {
    throw new Error("the module's imports are not those of names.json (a stale mapping?)");
  }
  if (!sameSet(WebAssembly.Module.exports(compiled).map((e) => e.name), names.exports.map(([, short]) => short))) {
    throw new Error("the module's exports are not those of names.json (a stale mapping?)");
  }
  // The glue's imports: its own (import0's properties) and the snippets'
  // namespaces (import1…), under their module paths in __wbg_get_imports().
  const returned = /\n    return \{\n        __proto__: null,\n((?:        "[^"]+": import\d+,\n)+)    \};\n/.exec(text);
  if (!returned) throw new Error('no __wbg_get_imports() return object of the expected shape in the glue');
  const namespaceOf = Object.fromEntries([...returned[1].matchAll(/"([^"]+)": (import\d+),/g)].map((m) => [m[1], m[2]]));
  const added = [];
  for (const [module, name, short] of names.imports) {
    const namespace = namespaceOf[module];
    if (!namespace) throw new Error(`the module imports ${name} from ${module}, which the glue does not provide`);
    if (namespace === 'import0') {
      const key = new RegExp(`^        ${name}: `, 'gm');
      if (text.match(key)?.length !== 1) throw new Error(`the glue does not define the import ${name} once`);
      text = text.replace(key, () => `        ${short}: `);
    } else {
      // A snippet's own export, passed as it is.
      if (!new RegExp(`^export (?:async )?(?:function|class|const|let) ${name}\\b`, 'm').test(read(module))) {
        throw new Error(`the module imports ${name} from ${module}, which does not export it`);
      }
      added.push(`    import0.${short} = ${namespace}.${name};\n`);
    }
  }
  text = text.replace(returned[0], () => `\n${added.join('')}    return { ${JSON.stringify(modules[0])}: import0 };\n`);
  // The glue reaches the module's exports as properties of `wasm`.
  const shortOf = new Map(names.exports);
  return text.replace(/\bwasm\.(\w+)\b/g, (whole, name) => {
    const short = shortOf.get(name);
    if (!short) throw new Error(`the glue uses wasm.${name}, which is not among the module's exports`);
    return `wasm.${short}`;
  });
}

/** Every file under `dir`. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
