// Every GraphQL document the SDK can send, generated from the crate's one
// description of each operation (src/catalog.rs), validated against Move's
// real schema (fake-api/schema/introspection.json): with no expands and with
// every expand of each operation.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { buildClientSchema, parse, validate } from 'graphql';

const root = new URL('../../', import.meta.url);
const introspection = JSON.parse(readFileSync(new URL('fake-api/schema/introspection.json', root), 'utf8'));
const schema = buildClientSchema(introspection.data);

test('every generated document validates against the real schema', () => {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'declarations', 'documents'], {
    cwd: root,
    encoding: 'utf8',
  });
  const documents = JSON.parse(out);
  assert.ok(documents.length >= 40, `only ${documents.length} documents`);
  for (const text of documents) {
    const errors = validate(schema, parse(text));
    assert.deepEqual(errors.map((e) => e.message), [], text);
  }
});

test('a document with a field the schema lacks would fail this check', () => {
  const errors = validate(schema, parse('query getJob($jobId: ID!) { getJob(jobId: $jobId) { id colour } }'));
  assert.equal(errors.length, 1);
});
