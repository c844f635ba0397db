// "Did you mean …?": the rules (host.js `hint`, which the module's messages
// call), and the messages they end, through the package.

import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { describe, it } from 'node:test';

import { MoveUgc } from 'move-ugc';
import { rejectsWith } from './helpers.mjs';

const snippets = new URL('./node_modules/move-ugc/web/snippets/', import.meta.url);
const [crate] = await readdir(snippets);
const { hint } = await import(new URL(`${crate}/js/host.js`, snippets));

const OUTPUTS = ['MAIN_FBX', 'MAIN_GLB', 'ALL_FBX', 'RENDER_VIDEO'];
const OPTIONS = ['apiKey', 'endpointUrl', 'timeoutMs', 'maxRetries'];
/** The names `hint` suggests for `given` among `known`, best first. */
const meant = (given, known) => [...hint(given, known.join('\n')).matchAll(/"([^"]*)"/g)].map((m) => m[1]);

describe('did you mean', () => {
  it('finds near misses of enum values', () => {
    assert.deepEqual(meant('FBX', OUTPUTS), ['MAIN_FBX', 'ALL_FBX']);
    assert.deepEqual(meant('MIAN_FBX', OUTPUTS), ['MAIN_FBX']);
    assert.deepEqual(meant('render-video', OUTPUTS), ['RENDER_VIDEO']);
    assert.deepEqual(meant('video', OUTPUTS), ['RENDER_VIDEO']);
    assert.deepEqual(meant('ascending', ['DESC', 'ASC']), ['ASC']);
    assert.deepEqual(meant('descending', ['DESC', 'ASC']), ['DESC']);
    assert.deepEqual(meant('UNKNOWN_OUTPUT', OUTPUTS), []);
    assert.deepEqual(meant('', OUTPUTS), []);
    assert.deepEqual(meant('___', OUTPUTS), []);
  });

  it('finds near misses and aliases of property names', () => {
    assert.deepEqual(meant('endpointURL', OPTIONS), ['endpointUrl']);
    assert.deepEqual(meant('baseURL', OPTIONS), ['endpointUrl']);
    assert.deepEqual(meant('timeout', OPTIONS), ['timeoutMs']);
    assert.deepEqual(meant('apikey', OPTIONS), ['apiKey']);
    assert.deepEqual(meant('maxRetry', OPTIONS), ['maxRetries']);
    // An alias counts only when its target is among the names.
    assert.deepEqual(meant('headers', OPTIONS), []);
    assert.deepEqual(meant('headers', [...OPTIONS, 'defaultHeaders']), ['defaultHeaders']);
    // Not a prototype's key either.
    assert.deepEqual(meant('constructor', OPTIONS), []);
  });

  it('says one name, two names, or nothing', () => {
    assert.equal(hint('timeout', OPTIONS.join('\n')), '; did you mean "timeoutMs"?');
    assert.equal(hint('FBX', OUTPUTS.join('\n')), '; did you mean "MAIN_FBX" or "ALL_FBX"?');
    assert.equal(hint('headers', OPTIONS.join('\n')), '');
  });

  it('counts a swap of two neighbouring letters as one mistake', () => {
    assert.deepEqual(meant('MAIN_FXB', OUTPUTS), ['MAIN_FBX']);
    assert.deepEqual(meant('mainfbxx', OUTPUTS), ['MAIN_FBX']);
    // Three mistakes in a short name are too many.
    assert.deepEqual(meant('MAXN_QBY', OUTPUTS), []);
  });
});

// (Options: misuse.test.mjs; files.download's: downloads.test.mjs; the command's: cli.test.mjs.)
describe('the messages that end with a hint', () => {
  const key = 'mv_key_test_0000000000000';
  const ugc = new MoveUgc({ apiKey: key, endpointUrl: 'http://127.0.0.1:1/graphql', maxRetries: 0 });
  const refused = async (promise, message) => {
    const error = await rejectsWith(promise, 'INVALID_ARGUMENT');
    assert.ok(error.message.startsWith(message), error.message);
    return error;
  };

  it('params, enum values and expands', async () => {
    await refused(ugc.jobs.list({ limt: 5 }), 'params.limt: unknown property; did you mean "limit"?');
    await refused(ugc.jobs.retrieve('job-1', { expand: ['clinet'] }), 'params.expand[0]: expected one of client, take, outputs, rig, inputs, got "clinet"; did you mean "client"?');
    await refused(ugc.jobs.createSingleCam({ takeId: 't', options: { trackBalls: true } }), 'params.options.trackBalls: unknown property; did you mean "trackBall"?');
    await refused(ugc.jobs.createSingleCam({ takeId: 't', options: { trackFinger: true } }), 'params.options.trackFinger: unknown property; did you mean "trackFingers"?');
    const outputs = await refused(ugc.jobs.createSingleCam({ takeId: 't', outputs: ['FBX'] }), 'params.outputs[0]: expected one of');
    assert.ok(outputs.message.endsWith('got "FBX"; did you mean "MAIN_FBX" or "ALL_FBX"?'), outputs.message);
  });
});
