// The client's options beyond the key (environment defaults, a proxy without a
// key, `fetch`, `defaultHeaders`) and `ugc.request`, the raw GraphQL escape hatch.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it, before, after } from 'node:test';

import { MoveUgc, MoveUgcError } from 'move-ugc';
import { useFakeApi, clientOf, rejectsWith, thrown } from './helpers.mjs';

const KEY = 'mv_key_secret_value_123456';

/** Runs `fn` with these environment variables (undefined: unset), then puts them back. */
function withEnv(vars, fn) {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const set = (values) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  set(vars);
  try {
    return fn();
  } finally {
    set(saved);
  }
}

/** A `fetch` that records what the SDK sends (url, method, headers) and sends it. */
function recordingFetch() {
  const sent = [];
  const fetchFn = (url, init) => {
    sent.push({ url: String(url), method: init?.method ?? 'GET', headers: new Headers(init?.headers) });
    return fetch(url, init);
  };
  return { sent, fetch: fetchFn };
}

describe('options from the environment', () => {
  const api = useFakeApi();

  it('new MoveUgc() takes MOVE_API_KEY and MOVE_API_URL', async () => {
    const ugc = withEnv({ MOVE_API_KEY: api.fake.apiKey, MOVE_API_URL: api.fake.url }, () => new MoveUgc());
    assert.equal(ugc.endpointUrl, api.fake.url);
    assert.equal((await ugc.client.retrieve()).id, 'client-fake-0001');
    assert.equal(api.fake.requests[0].authorization, api.fake.apiKey);
  });

  it('options win over the environment', () => {
    const ugc = withEnv({ MOVE_API_KEY: KEY, MOVE_API_URL: 'http://localhost:1/graphql' }, () => new MoveUgc({ endpointUrl: api.fake.url }));
    assert.equal(ugc.endpointUrl, api.fake.url);
  });

  it('a bad value from the environment is named by its variable, never shown', () => {
    const short = withEnv({ MOVE_API_KEY: 'mv_key_1', MOVE_API_URL: undefined }, () => thrown(() => new MoveUgc()));
    assert.equal(short.message, 'MOVE_API_KEY: is too short to be a Move API key (at least 12 characters)');
    const http = withEnv({ MOVE_API_KEY: KEY, MOVE_API_URL: 'http://api.move.ai/ugc/graphql' }, () => thrown(() => new MoveUgc()));
    assert.equal(http.code, 'INVALID_ARGUMENT');
    assert.match(http.message, /^MOVE_API_URL: plain http: is only allowed to a loopback host/);
    assert.ok(!http.message.includes('secret_value'));
  });

  it('with no key anywhere the message names both ways to give one', () => {
    const error = withEnv({ MOVE_API_KEY: undefined, MOVE_API_URL: undefined }, () => thrown(() => new MoveUgc()));
    assert.ok(error instanceof MoveUgcError);
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.equal(
      error.message,
      'options.apiKey: is required: pass { apiKey } or set the environment variable MOVE_API_KEY (without a key, endpointUrl must name your own backend that adds it)',
    );
  });
});

describe('options.endpointUrl, read by the runtime\'s own URL parser (as fetch reads it)', () => {
  const endpoint = (url) => new MoveUgc({ apiKey: KEY, endpointUrl: url }).endpointUrl;
  const refusal = (url) => thrown(() => new MoveUgc({ apiKey: KEY, endpointUrl: url }));

  it('takes https: anywhere, and http: only to a loopback host, however it is written', () => {
    for (const url of [
      'https://api-test.move.ai/ugc/graphql',
      'HTTPS://API.MOVE.AI:443/ugc/graphql?x=1',
      'http://localhost:4000/graphql',
      'http://LOCALHOST/graphql',
      'http://localhost./graphql',
      'http://127.0.0.1:8080/',
      'http://127.255.3.4',
      'http://127.1/', // 127.0.0.1, written short
      'http://0x7f000001/', // 127.0.0.1, in hexadecimal
      'http://[::1]:4000/graphql',
      'http://[0:0:0:0:0:0:0:1]/graphql',
    ]) {
      assert.equal(endpoint(url), url, url);
    }
  });

  it('refuses plain http: to any other host, naming the option', () => {
    for (const url of ['http://api.move.ai/ugc/graphql', 'http://128.0.0.1/', 'http://127.0.0.1.evil.com/', 'http://localhost.evil.com/', 'http://10.0.0.1/', 'http://[::2]/']) {
      const error = refusal(url);
      assert.equal(error.code, 'INVALID_ARGUMENT', url);
      assert.equal(
        error.message,
        'options.endpointUrl: plain http: is only allowed to a loopback host (localhost, 127.0.0.0/8, [::1]); use https: so the API key never travels in clear text',
        url,
      );
    }
  });

  it('refuses what is not an absolute http(s) URL, user information, and other schemes', () => {
    for (const url of ['', 'api.move.ai/ugc/graphql', '/ugc/graphql', 'https://', 'https://:443/', 'https://api.move.ai:99999/', 'https://[::1/', 'https://exa mple.com/', 'http://127.0.0.256/']) {
      assert.equal(refusal(url).message, 'options.endpointUrl: must be an absolute http(s) URL', JSON.stringify(url));
    }
    assert.equal(refusal('ftp://api.move.ai/').message, 'options.endpointUrl: must use https: (or http: to a loopback host)');
    assert.equal(refusal('https://user:pw@api.move.ai/').message, 'options.endpointUrl: must not contain user information');
    assert.equal(refusal('https://user@api.move.ai/').message, 'options.endpointUrl: must not contain user information');
  });

  it('names MOVE_API_URL when the URL came from there', () => {
    const error = withEnv({ MOVE_API_KEY: KEY, MOVE_API_URL: 'not a url' }, () => thrown(() => new MoveUgc()));
    assert.equal(error.message, 'MOVE_API_URL: must be an absolute http(s) URL');
  });
});

describe('a backend that adds the key (no apiKey)', () => {
  const api = useFakeApi();
  let proxy;
  let proxyUrl;
  const seenByProxy = [];

  before(async () => {
    // What a web app's own backend does: checks its user, adds the key, forwards.
    proxy = createServer(async (req, res) => {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      seenByProxy.push({ authorization: req.headers.authorization ?? null, session: req.headers['x-session'] ?? null });
      if (req.headers['x-session'] !== 'user-42') {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ errorType: 'UnauthorizedException', message: 'who are you?' }] }));
        return;
      }
      const answer = await fetch(api.fake.url, {
        method: 'POST',
        headers: { authorization: api.fake.apiKey, 'content-type': 'application/json' },
        body: Buffer.concat(chunks),
      });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${proxy.address().port}/move-graphql`;
  });
  after(() => new Promise((resolve) => proxy.close(resolve)));

  it('sends no Authorization of its own, and its own headers reach the backend', async () => {
    const ugc = withEnv({ MOVE_API_KEY: undefined }, () => new MoveUgc({ endpointUrl: proxyUrl, defaultHeaders: { 'X-Session': 'user-42' } }));
    const page = await ugc.jobs.list();
    assert.deepEqual(page, { items: [], limit: 10, nextToken: null });
    assert.deepEqual(seenByProxy.at(-1), { authorization: null, session: 'user-42' });
  });

  it('may send an Authorization header of its own to the backend', async () => {
    const ugc = new MoveUgc({ endpointUrl: proxyUrl, defaultHeaders: { Authorization: 'Bearer session-token', 'x-session': 'user-42' } });
    await ugc.jobs.list();
    assert.deepEqual(seenByProxy.at(-1), { authorization: 'Bearer session-token', session: 'user-42' });
  });

  it("the backend's refusal is UNAUTHENTICATED", async () => {
    const ugc = new MoveUgc({ endpointUrl: proxyUrl });
    const error = await rejectsWith(ugc.jobs.list(), 'UNAUTHENTICATED');
    assert.equal(error.status, 401);
  });
});

describe('options.fetch and options.defaultHeaders', () => {
  const api = useFakeApi();

  it('every request goes through the given fetch; headers go to the API, never to storage', async () => {
    const recorder = recordingFetch();
    const ugc = clientOf(api.fake, { fetch: recorder.fetch, defaultHeaders: { 'X-Trace-Id': 'trace-1' } });
    await ugc.files.upload(new Uint8Array([1, 2, 3]), { type: 'mp4' });
    const toApi = recorder.sent.filter((r) => r.url === api.fake.url);
    const toStorage = recorder.sent.filter((r) => r.url.includes('/__fake/uploads/'));
    assert.equal(toApi.length, 1, 'createFile went through the given fetch');
    assert.equal(toStorage.length, 1, 'the PUT went through the given fetch');
    assert.equal(toApi[0].headers.get('x-trace-id'), 'trace-1');
    assert.equal(toApi[0].headers.get('authorization'), api.fake.apiKey);
    assert.equal(toApi[0].headers.get('content-type'), 'application/json');
    assert.equal(toStorage[0].method, 'PUT');
    assert.equal(toStorage[0].headers.get('x-trace-id'), null);
    assert.equal(toStorage[0].headers.get('authorization'), null);
  });

  it('a fetch that throws or answers no Response is a NETWORK_ERROR, and the client goes on', async () => {
    const boom = new Error('proxy down');
    let fail = true;
    const ugc = clientOf(api.fake, {
      maxRetries: 0,
      fetch: (url, init) => {
        if (fail) throw boom;
        return fetch(url, init);
      },
    });
    const error = await rejectsWith(ugc.jobs.list(), 'NETWORK_ERROR');
    assert.equal(error.cause, boom);
    assert.match(error.message, /proxy down/);
    fail = false;
    assert.deepEqual((await ugc.jobs.list()).items, []);
    const odd = clientOf(api.fake, { maxRetries: 0, fetch: async () => ({ status: 200, body: '{}' }) });
    const notResponse = await rejectsWith(odd.jobs.list(), 'NETWORK_ERROR');
    assert.match(notResponse.message, /options\.fetch did not resolve with a Response/);
  });

  it('a read is retried through the given fetch', async () => {
    const recorder = recordingFetch();
    api.fake.inject({ kind: 'status', status: 503 });
    const ugc = clientOf(api.fake, { fetch: recorder.fetch });
    await ugc.jobs.list();
    assert.equal(recorder.sent.length, 2);
  });

  const invalid = [
    [{ fetch: 'node-fetch' }, 'options.fetch: expected a function, got "node-fetch"'],
    [{ defaultHeaders: 'x-a: 1' }, 'options.defaultHeaders: expected an object of header names and string values, got "x-a: 1"'],
    [{ defaultHeaders: { 'x-count': 3 } }, 'options.defaultHeaders.x-count: expected a string, got 3'],
    [{ defaultHeaders: { 'x-a': 'one\r\nx-evil: 1' } }, 'options.defaultHeaders.x-a: may only hold visible ASCII characters, spaces and tabs (no line breaks)'],
    [{ defaultHeaders: { 'bad header': '1' } }, "options.defaultHeaders.bad header: is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~)"],
    [{ defaultHeaders: { 'Content-Type': 'text/plain' } }, 'options.defaultHeaders.Content-Type: is set by the SDK for every request and cannot be replaced'],
    [
      { defaultHeaders: { authorization: 'Bearer x' } },
      'options.defaultHeaders.authorization: would replace the API key: give apiKey, or an Authorization header for your own backend without apiKey, not both',
    ],
    [{ dangerouslyAllowBrowser: 'yes' }, 'options.dangerouslyAllowBrowser: expected a boolean, got "yes"'],
  ];
  for (const [options, message] of invalid) {
    it(`refuses ${JSON.stringify(options)} before anything is sent`, () => {
      const error = thrown(() => new MoveUgc({ apiKey: KEY, endpointUrl: api.fake.url, ...options }));
      assert.ok(error instanceof MoveUgcError);
      assert.equal(error.code, 'INVALID_ARGUMENT');
      assert.equal(error.message, message);
      assert.equal(api.fake.requests.length, 0);
    });
  }

  it('outside a browser page the browser flag changes nothing', async () => {
    const ugc = clientOf(api.fake, { dangerouslyAllowBrowser: false });
    assert.deepEqual((await ugc.jobs.list()).items, []);
  });
});

describe('ugc.request(query, variables, options)', () => {
  const api = useFakeApi();

  it('resolves with data as the API sent it', async () => {
    const ugc = clientOf(api.fake);
    api.fake.store.setClientMetadata({ metadata: { plan: 'studio' } });
    const data = await ugc.request('query Me { client { id name metadata } }');
    // AWSJSON stays the string the API sent: this is the raw answer.
    assert.deepEqual(data, { client: { id: 'client-fake-0001', name: 'Fake Studio', metadata: '{"plan":"studio"}' } });
    const [sent] = api.fake.requests;
    assert.equal(sent.authorization, api.fake.apiKey);
    assert.equal(sent.query, 'query Me { client { id name metadata } }');
    assert.deepEqual(sent.variables, {});
  });

  it('sends the variables, and a GraphQL error is typed', async () => {
    const ugc = clientOf(api.fake);
    const jobId = api.fake.store.addJob({ name: 'Raw' }).id;
    const query = 'query Job($jobId: ID!) { getJob(jobId: $jobId) { id name } }';
    assert.deepEqual(await ugc.request(query, { jobId }), { getJob: { id: jobId, name: 'Raw' } });
    assert.deepEqual(api.fake.requests[0].variables, { jobId });
    const missing = await rejectsWith(ugc.request(query, { jobId: 'job-nope' }), 'NOT_FOUND');
    assert.equal(missing.errorType, 'MoveNotFoundError');
    assert.match(missing.message, /^request: /);
  });

  it('a query is retried after a 503; a mutation never is', async () => {
    const ugc = clientOf(api.fake);
    api.fake.inject({ kind: 'status', status: 503 });
    assert.deepEqual(await ugc.request('{ client { id } }'), { client: { id: 'client-fake-0001' } });
    assert.equal(api.fake.requests.length, 2);

    api.fake.reset();
    api.fake.inject({ kind: 'status', status: 503 });
    const update = 'mutation Touch($metadata: AWSJSON) { updateClient(metadata: $metadata) { id } }';
    const error = await rejectsWith(ugc.request(update, { metadata: '{"a":1}' }), 'SERVER_ERROR');
    assert.equal(error.retryable, false, 'a mutation whose fate is unknown is not retryable');
    assert.equal(api.fake.requests.length, 1);
  });

  it('honours options.signal', async () => {
    const ugc = clientOf(api.fake);
    api.fake.inject({ kind: 'hang' });
    const controller = new AbortController();
    const call = ugc.request('{ client { id } }', undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await rejectsWith(call, 'ABORTED');
  });

  const misuse = [
    ['a query that is not a string', (u) => u.request({ query: '{ client { id } }' }), 'query: expected a GraphQL document (a string), got an object'],
    ['an empty query', (u) => u.request('  '), 'query: expected a GraphQL document with a query or a mutation, got "  "'],
    ['a subscription', (u) => u.request('subscription { jobs { id } }'), 'query: is a subscription, which the API does not serve over HTTP; send a query or a mutation'],
    ['variables that are not an object', (u) => u.request('{ client { id } }', ['x']), 'variables: expected an object, got an array'],
    ['variables JSON cannot carry', (u) => u.request('{ client { id } }', { n: 10n }), 'variables.n: expected a JSON value, got 10n'],
    ['an unknown option', (u) => u.request('{ client { id } }', {}, { signl: 1 }), 'options.signl: unknown property; did you mean "signal"? (the properties are signal)'],
    ['a signal that is not one', (u) => u.request('{ client { id } }', {}, { signal: true }), 'options.signal: expected an AbortSignal, got true'],
  ];
  for (const [what, call, message] of misuse) {
    it(`rejects ${what} before anything is sent`, async () => {
      const error = await rejectsWith(call(clientOf(api.fake)), 'INVALID_ARGUMENT');
      assert.equal(error.message, message);
      assert.equal(api.fake.requests.length, 0);
    });
  }

  it('rejects (never throws) detached or after free()', async () => {
    const ugc = clientOf(api.fake);
    const { request } = ugc;
    const detached = request('{ client { id } }');
    assert.ok(detached instanceof Promise);
    await rejectsWith(detached, 'INVALID_ARGUMENT');
    ugc.free();
    const freed = await rejectsWith(ugc.request('{ client { id } }'), 'INVALID_ARGUMENT');
    assert.match(freed.message, /^request: this client was freed/);
  });
});
