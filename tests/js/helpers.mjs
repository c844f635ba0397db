// Shared helpers of the package tests: one fake Move API per test file, a
// client for it, and assertions on MoveUgcError.

import assert from 'node:assert/strict';
import { before, after, beforeEach, afterEach } from 'node:test';

import { MoveUgc, MoveUgcError, isMoveUgcError } from 'move-ugc';
import { startFakeApi } from '../../fake-api/server.mjs';

// The tests make their own clients: a key or an endpoint of the real API in
// the developer's environment must not reach them (each test file runs in a
// process of its own).
delete process.env.MOVE_API_KEY;
delete process.env.MOVE_API_URL;

/**
 * Starts a fake for the current file; resets it before each test and fails a
 * test that made the fake see any schema violation.
 */
export function useFakeApi(options = {}) {
  const handle = { fake: null };
  before(async () => {
    handle.fake = await startFakeApi(options);
  });
  after(async () => {
    await handle.fake.close();
  });
  beforeEach(() => handle.fake.reset());
  afterEach(() => {
    assert.deepEqual(handle.fake.violations, [], 'the fake Move API saw schema violations');
  });
  return handle;
}

/** A client of `fake`, with option overrides. */
export function clientOf(fake, options = {}) {
  return new MoveUgc({ apiKey: fake.apiKey, endpointUrl: fake.url, ...options });
}

/** Awaits `promise`, which must reject with a MoveUgcError of `code`; returns the error. */
export async function rejectsWith(promise, code) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected a rejection with ${code}, but the call succeeded`);
  assert.ok(error instanceof MoveUgcError, `not a MoveUgcError: ${error?.stack ?? error}`);
  assert.ok(error instanceof Error);
  assert.ok(isMoveUgcError(error));
  assert.equal(error.name, 'MoveUgcError');
  assert.equal(error.code, code, `${error.code}: ${error.message}`);
  return error;
}

/** What `make()` throws; fails the test if it does not throw. */
export function thrown(make) {
  try {
    make();
  } catch (error) {
    return error;
  }
  assert.fail('expected a throw');
}

/** Seeds a take in the fake's store and returns its id. */
export function seedTake(fake, name = 'Seeded take') {
  return fake.store.addTake({ name }).id;
}
