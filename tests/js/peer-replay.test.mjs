// Parity with Move's official Python SDK: each of the 105 requests its own test
// suite records (tests/fixtures/python-sdk-requests.json, a copy of
// /work/shared/move-ugc-api/python-sdk-requests.json) is turned into the
// equivalent call of this package (API.md §3–§4), made against the fake Move
// API, and the request our SDK sent is compared with the peer's, both parsed
// with graphql and typed by the real schema:
// - the operation type and the root field are the same;
// - the root field's arguments, resolved against the variables, are equal
//   (an explicit null equals an absent argument or input field; AWSJSON
//   arguments compare as parsed JSON; numbers as numbers);
// - every field the peer selects, flattened to a path through inline fragments
//   and fragment spreads (`sources.file.id`), is selected by us too (extra ones
//   are reported as a diagnostic). `__typename` counts only directly inside a
//   union-typed field (Volume: getVolume, listVolumes.items, Take.volume): the
//   peer's GraphQL client adds it everywhere, we need it only there.
// The ids of the records do not exist in the fake: NOT_FOUND is a fine answer;
// INVALID_ARGUMENT means our SDK refused a call the peer makes, a failure,
// except for the values the API forbids (output types outside the OutputType
// enum, an empty clip window, a height no person has): our SDK must refuse
// those before sending, naming the param, and the rest of the call is then
// replayed with the value replaced.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Kind, parse, getNamedType, isListType, isNonNullType, isInputObjectType, isUnionType } from 'graphql';

import { MoveUgcError, isMoveUgcError } from 'move-ugc';
import { loadSchema } from '../../fake-api/server.mjs';
import { useFakeApi, clientOf } from './helpers.mjs';

const RECORDS = JSON.parse(readFileSync(new URL('../fixtures/python-sdk-requests.json', import.meta.url), 'utf8'));
const schema = loadSchema();
const OUTPUT_TYPES = new Set(schema.getType('OutputType').getValues().map((v) => v.name));

// ---- reading a GraphQL request ----

/** The single operation of `document`, its root field, and that field's schema definition. */
function rootOf(document) {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  assert.equal(operations.length, 1, 'one operation per request');
  const [operation] = operations;
  const fields = operation.selectionSet.selections;
  assert.equal(fields.length, 1, 'one root field per request');
  assert.equal(fields[0].kind, Kind.FIELD, 'the root selection is a field');
  const rootType = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const definition = rootType.getFields()[fields[0].name.value];
  assert.ok(definition, `${fields[0].name.value} is a ${operation.operation} field of the schema`);
  return { operation, field: fields[0], definition };
}

/** The JavaScript value of an AST value, variables substituted (undefined: not given). */
function valueOf(node, variables, definitions) {
  switch (node.kind) {
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (Object.hasOwn(variables, name)) return variables[name];
      const declared = definitions.find((d) => d.variable.name.value === name);
      return declared?.defaultValue ? valueOf(declared.defaultValue, {}, []) : undefined;
    }
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables, definitions));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables, definitions)]));
    default:
      throw new Error(`unexpected value kind ${node.kind}`);
  }
}

/** The root field's arguments as given: name → value (null and absent ones left out). */
function argumentsOf(operation, field, variables) {
  const args = {};
  for (const argument of field.arguments) {
    const value = valueOf(argument.value, variables, operation.variableDefinitions);
    if (value !== null && value !== undefined) args[argument.name.value] = value;
  }
  return args;
}

/**
 * A value made comparable by its input type: null and absent input fields
 * dropped, AWSJSON parsed, a single value given for a list made a list.
 */
function comparable(value, type) {
  if (value === null || value === undefined) return undefined;
  if (isNonNullType(type)) return comparable(value, type.ofType);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    return items.map((item) => comparable(item, type.ofType) ?? null);
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return value;
    const fields = type.getFields();
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      const made = fields[key] ? comparable(item, fields[key].type) : item;
      if (made !== undefined) out[key] = made;
    }
    return out;
  }
  if (type.name === 'AWSJSON' && typeof value === 'string') {
    try {
      return { json: JSON.parse(value) };
    } catch {
      return { notJson: value };
    }
  }
  return value;
}

/** The root field's arguments, comparable (see comparable()). */
function comparableArguments(definition, args) {
  const out = {};
  for (const [name, value] of Object.entries(args)) {
    const argument = definition.args.find((a) => a.name === name);
    assert.ok(argument, `${definition.name} has an argument ${name}`);
    const made = comparable(value, argument.type);
    if (made !== undefined) out[name] = made;
  }
  return out;
}

/**
 * Every leaf field the root field selects, as a path below it ('sources.file.id'),
 * through inline fragments and fragment spreads. `__typename` counts only
 * directly inside a union-typed field.
 */
function selectedPaths(document, definition) {
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const paths = new Set();
  const walk = (selectionSet, parentType, prefix, inUnion) => {
    for (const selection of selectionSet.selections) {
      assert.equal(selection.directives?.length ?? 0, 0, 'no @include/@skip expected');
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') {
          if (inUnion) paths.add(`${prefix}__typename`);
          continue;
        }
        const field = parentType.getFields()[name];
        assert.ok(field, `${parentType.name} has a field ${name}`);
        const named = getNamedType(field.type);
        if (selection.selectionSet) walk(selection.selectionSet, named, `${prefix}${name}.`, isUnionType(named));
        else paths.add(`${prefix}${name}`);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        walk(selection.selectionSet, type, prefix, inUnion);
      } else {
        const fragment = fragments.get(selection.name.value);
        assert.ok(fragment, `fragment ${selection.name.value} is defined`);
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), prefix, inUnion);
      }
    }
  };
  const named = getNamedType(definition.type);
  const field = rootOf(document).field;
  if (field.selectionSet) walk(field.selectionSet, named, '', isUnionType(named));
  return paths;
}

/** What a request is, for comparison. */
function describeRequest(query, variables) {
  const document = parse(query);
  const { operation, field, definition } = rootOf(document);
  const args = argumentsOf(operation, field, variables ?? {});
  return {
    type: operation.operation,
    root: field.name.value,
    args,
    comparable: comparableArguments(definition, args),
    paths: selectedPaths(document, definition),
  };
}

// ---- turning a record into a call of our package ----

/** The expand of a record, from its test name (undefined: no expand param). */
function expandOf(name) {
  const EXPANDS = {
    no_expand: undefined,
    empty_expand: [],
    empty_expand_no_thumbnail: [],
    expand_client: ['client'],
    expand_take: ['take'],
    expand_outputs: ['outputs'],
    expand_rig: ['rig'],
    expand_inputs: ['inputs'],
    expand_volume: ['volume'],
    expand_additional_sources: ['sources'],
    expand_additional_files: ['sources'],
    expand_video_file: ['sources'],
    expand_clip_window: ['clipWindow'],
  };
  const [first = '', second = ''] = [...name.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
  const tokens = first.split('-').filter((t) => /(^|_)expand/.test(t));
  assert.ok(tokens.length <= 1, `at most one expand in ${name}`);
  if (tokens.length === 0) {
    assert.ok(!/expand/.test(second), `an expand in the second part only: ${name}`);
    return { given: false };
  }
  assert.ok(Object.hasOwn(EXPANDS, tokens[0]), `an expand the harness knows: ${tokens[0]} (${name})`);
  const expand = EXPANDS[tokens[0]];
  // The recorder's own label agrees: create_mutation_expand_None / _[] / _client / _sources…
  const label = second.match(/_expand_(.*)$/)?.[1];
  if (label !== undefined) {
    const expected = expand === undefined ? 'None' : expand.length === 0 ? '[' : expand[0];
    assert.equal(label, expected, `the expand of ${name}`);
  }
  return expand === undefined ? { given: false } : { given: true, expand };
}

/** AWSJSON arguments hold the user's value encoded; `after` stays the opaque token it is. */
function userValueOf(argument, value) {
  if (getNamedType(argument.type).name === 'AWSJSON' && argument.name !== 'after') return JSON.parse(value);
  return value;
}

/** Drops nulls from input objects, recursively: a null the peer sends is a value the user did not give. */
function withoutNulls(value) {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

const page = { first: 'limit', after: 'nextToken', sortDirection: 'sortBy', takeId: 'takeId' };
const same = (...names) => Object.fromEntries(names.map((n) => [n, n]));

/**
 * Per root field: how to call our package, from which arguments (API name →
 * param name), and whether the method takes `expand`. `id` is the positional
 * id argument, if any.
 */
const CALLS = {
  createFile: { params: same('type', 'name', 'metadata'), expand: true, call: (u, p) => u.files.create(p) },
  getFile: { id: 'fileId', expand: true, call: (u, p, id) => u.files.retrieve(id, ...p) },
  updateFile: { id: 'id', params: same('name', 'metadata'), expand: true, call: (u, p, id) => u.files.update(id, p) },
  generateShareCode: { id: 'fileId', call: (u, p, id) => u.files.generateShareCode(id) },
  createSingleCamJob: {
    params: same('takeId', 'name', 'metadata', 'options', 'outputs', 'clipWindow'),
    expand: true,
    call: (u, p) => u.jobs.createSingleCam(p),
  },
  createMultiCamJob: {
    params: same('takeId', 'numberOfActors', 'name', 'metadata', 'options', 'outputs', 'rig', 'clipWindow'),
    expand: true,
    call: (u, p) => u.jobs.createMultiCam(p),
  },
  getJob: { id: 'jobId', expand: true, call: (u, p, id) => u.jobs.retrieve(id, ...p) },
  updateJob: { id: 'id', params: same('name', 'metadata'), expand: true, call: (u, p, id) => u.jobs.update(id, p) },
  listJobs: { params: page, expand: true, call: (u, p) => u.jobs.list(p) },
  createSingleCamTake: { params: same('sources', 'name', 'metadata'), expand: true, call: (u, p) => u.takes.createSingleCam(p) },
  createMultiCamTake: {
    params: same('sources', 'volumeId', 'syncMethod', 'name', 'metadata'),
    expand: true,
    call: (u, p) => u.takes.createMultiCam(p),
  },
  getTake: { id: 'takeId', expand: true, call: (u, p, id) => u.takes.retrieve(id, ...p) },
  updateTake: { id: 'id', params: same('name', 'metadata'), expand: true, call: (u, p, id) => u.takes.update(id, p) },
  listTakes: { params: { first: 'limit', after: 'nextToken', sortDirection: 'sortBy' }, expand: true, call: (u, p) => u.takes.list(p) },
  createVolumeWithHuman: {
    params: same('sources', 'humanHeight', 'areaType', 'syncMethod', 'clipWindow', 'name', 'metadata'),
    expand: true,
    call: (u, p) => u.volumes.createHumanVolume(p),
  },
  getVolume: { id: 'id', expand: true, call: (u, p, id) => u.volumes.retrieve(id, ...p) },
  listVolumes: { params: { first: 'limit', after: 'nextToken', sortDirection: 'sortBy' }, expand: true, call: (u, p) => u.volumes.list(p) },
  client: { call: (u) => u.client.retrieve() },
  updateClient: { params: same('metadata'), call: (u, p) => u.client.update(p) },
  upsertWebhookEndpoint: { params: same('uid', 'url', 'events', 'description', 'secret', 'metadata'), call: (u, p) => u.webhooks.upsert(p) },
  listRigs: { call: (u) => u.rigs.list() },
  listCameraSettings: { call: (u) => u.cameraSettings.list() },
};

/**
 * The call of our package equivalent to a record: `user` holds the user-level
 * value of each argument the peer gave (by API argument name), `expand` the
 * record's expand. Returns a function of a MoveUgc client.
 */
function callFor(root, user, expand) {
  const spec = CALLS[root];
  assert.ok(spec, `the harness knows ${root}`);
  const used = new Set([spec.id, ...Object.keys(spec.params ?? {})].filter(Boolean));
  const unmapped = Object.keys(user).filter((name) => !used.has(name));
  assert.deepEqual(unmapped, [], `arguments of ${root} the harness does not map`);
  if (expand.given) assert.ok(spec.expand, `${root} takes no expand, yet the record has one`);
  const params = {};
  for (const [argument, param] of Object.entries(spec.params ?? {})) if (Object.hasOwn(user, argument)) params[param] = user[argument];
  if (expand.given) params.expand = expand.expand;
  const id = spec.id ? user[spec.id] : undefined;
  if (spec.id) assert.equal(typeof id, 'string', `${root} has its id`);
  // retrieve(id) or retrieve(id, { expand }): the params object only when there is an expand.
  const retrieve = spec.id && !spec.params;
  const args = retrieve ? (expand.given ? [{ expand: expand.expand }] : []) : params;
  return (ugc) => spec.call(ugc, args, id);
}

// ---- the values the API forbids ----

const isPersonHeight = (h) => Number.isFinite(h) && h > 0.25 && h <= 3;

/**
 * The forbidden values among the peer's arguments (user-level, by API name):
 * each with the param path our SDK must name, and how to replace it.
 */
function forbiddenIn(user) {
  const found = [];
  if (Array.isArray(user.outputs)) {
    const bad = user.outputs.findIndex((o) => !OUTPUT_TYPES.has(o));
    if (bad >= 0) {
      found.push({
        path: `params.outputs[${bad}]`,
        what: `output types the API does not have: ${user.outputs.filter((o) => !OUTPUT_TYPES.has(o)).join(', ')}`,
        fix: (args) => ({ ...args, outputs: args.outputs.filter((o) => OUTPUT_TYPES.has(o)) }),
      });
    }
  }
  if (user.clipWindow && !(user.clipWindow.startTime < user.clipWindow.endTime)) {
    found.push({
      path: 'params.clipWindow',
      what: `an empty clip window ${JSON.stringify(user.clipWindow)}`,
      fix: (args) => ({ ...args, clipWindow: { ...args.clipWindow, endTime: args.clipWindow.startTime + 1 } }),
    });
  }
  if (user.humanHeight !== undefined && !isPersonHeight(user.humanHeight)) {
    found.push({
      path: 'params.humanHeight',
      what: `a height no person has: ${user.humanHeight} m`,
      fix: (args) => ({ ...args, humanHeight: 1.8 }),
    });
  }
  return found;
}

const show = (value) => (value === undefined ? '(absent)' : JSON.stringify(value));

// ---- the replay ----

describe("replaying the Python SDK's recorded requests", () => {
  const api = useFakeApi();

  it('the fixture holds the 105 records, each a request the schema accepts', () => {
    assert.equal(RECORDS.length, 105);
    assert.equal(new Set(RECORDS.map((r) => r.name)).size, RECORDS.length, 'names are unique');
    for (const record of RECORDS) describeRequest(record.query, record.variables);
  });

  for (const record of RECORDS) {
    it(record.name, async (t) => {
      const { fake } = api;
      const ugc = clientOf(fake, { maxRetries: 0 });
      const peer = describeRequest(record.query, record.variables);
      const { definition } = rootOf(parse(record.query));
      const expand = expandOf(record.name);
      const user = {};
      for (const [name, value] of Object.entries(peer.args)) {
        user[name] = withoutNulls(userValueOf(definition.args.find((a) => a.name === name), value));
      }
      const problems = [];

      // Values the API forbids: refused before sending, each naming its param
      // (with the other forbidden values already replaced).
      const forbidden = forbiddenIn(user);
      const fixAll = (args, except) => forbidden.filter((f) => f !== except).reduce((a, f) => f.fix(a), args);
      for (const bad of forbidden) {
        const before = fake.requests.length;
        let error = null;
        try {
          await callFor(peer.root, fixAll(user, bad), expand)(ugc);
        } catch (e) {
          error = e;
        }
        if (!error) problems.push(`${bad.what}: our SDK accepted it (it must refuse it with INVALID_ARGUMENT naming ${bad.path})`);
        else if (!(error instanceof MoveUgcError) || error.code !== 'INVALID_ARGUMENT') {
          problems.push(`${bad.what}: expected INVALID_ARGUMENT naming ${bad.path}, got ${error?.code ?? error}: ${error?.message}`);
        } else if (!error.message.startsWith(bad.path)) {
          problems.push(`${bad.what}: the message should start with ${bad.path}: ${error.message}`);
        }
        if (fake.requests.length !== before) problems.push(`${bad.what}: a request was sent anyway`);
        t.diagnostic(`excused: ${bad.what}; replayed with it replaced`);
      }

      // The call, with the forbidden values replaced.
      const before = fake.requests.length;
      let error = null;
      try {
        await callFor(peer.root, fixAll(user), expand)(ugc);
      } catch (e) {
        error = e;
      }
      if (error && !isMoveUgcError(error)) {
        problems.push(`the call threw something other than a MoveUgcError: ${error?.stack ?? error}`);
      } else if (error?.code === 'INVALID_ARGUMENT') {
        problems.push(`our SDK refused the peer's call: ${error.message}`);
      } else if (error && error.code !== 'NOT_FOUND') {
        problems.push(`the call failed with ${error.code}: ${error.message}`);
      }
      const sent = fake.requests.slice(before);
      if (!error || error.code !== 'INVALID_ARGUMENT') {
        if (sent.length !== 1) problems.push(`expected exactly one request, ${sent.length} were sent`);
      }

      if (sent.length >= 1) {
        const ours = describeRequest(sent[0].query, sent[0].variables);
        if (ours.type !== peer.type) problems.push(`operation: the peer sends a ${peer.type}, we send a ${ours.type}`);
        if (ours.root !== peer.root) problems.push(`root field: the peer calls ${peer.root}, we call ${ours.root}`);
        else {
          const expected = comparableArguments(definition, forbidden.reduce((a, f) => f.fix(a), peer.args));
          for (const name of new Set([...Object.keys(expected), ...Object.keys(ours.comparable)])) {
            try {
              assert.deepStrictEqual(ours.comparable[name], expected[name]);
            } catch {
              problems.push(`argument ${name}: the peer sends ${show(expected[name])}, we send ${show(ours.comparable[name])}`);
            }
          }
          const missing = [...peer.paths].filter((p) => !ours.paths.has(p));
          if (missing.length) problems.push(`fields the peer selects and we do not: ${missing.join(', ')}`);
          const extra = [...ours.paths].filter((p) => !peer.paths.has(p));
          if (extra.length) t.diagnostic(`we also select: ${extra.join(', ')}`);
        }
      }

      if (problems.length) assert.fail(`${problems.length} difference(s) with the Python SDK:\n  - ${problems.join('\n  - ')}`);
    });
  }
});
