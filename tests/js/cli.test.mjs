// The move-ugc command, as users run it: the bin that npm linked into
// node_modules/.bin when the packed package was installed here, run as a child
// process against the fake Move API.

import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Webhook } from 'standardwebhooks';

import { startFakeApi } from '../../fake-api/server.mjs';
import { useFakeApi } from './helpers.mjs';

const BIN = fileURLToPath(new URL('./node_modules/.bin/move-ugc', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../examples/media/sample.mp4', import.meta.url));
const MANIFEST = JSON.parse(readFileSync(new URL('./node_modules/move-ugc/package.json', import.meta.url), 'utf8'));

/** The environment of a run: nothing of the developer's own Move settings. */
function envOf(fake, extra = {}) {
  const env = { ...process.env };
  delete env.MOVE_API_KEY;
  delete env.MOVE_API_URL;
  if (fake) Object.assign(env, { MOVE_API_KEY: fake.apiKey, MOVE_API_URL: fake.url });
  return { ...env, ...extra };
}

/**
 * Runs the command with `args`; resolves with `{ code, signal, stdout, stderr }`.
 * `input` is written to its stdin (else stdin is /dev/null: not a terminal).
 * `onStart(child)` sees the process as it runs.
 */
function run(args, { fake, env, input, cwd, onStart } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env: env ?? envOf(fake), cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (input !== undefined) child.stdin.end(input);
    onStart?.(child);
  });
}

/** A run that must succeed quietly: exit 0, nothing on stderr (no progress off a terminal). */
async function ok(args, options) {
  const result = await run(args, options);
  assert.equal(result.code, 0, `move-ugc ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  assert.equal(result.stderr, '', 'stderr holds nothing when it is not a terminal');
  return result;
}

/** A --json run that must succeed: stdout is exactly one JSON document. */
async function json(args, options) {
  const { stdout } = await ok([...args, '--json'], options);
  return JSON.parse(stdout);
}

/** A run that must fail with exit `code` and one error line of `errorCode` on stderr, nothing on stdout. */
async function fails(args, code, errorCode, message, options) {
  const result = await run(args, options);
  assert.equal(result.code, code, `move-ugc ${args.join(' ')}: exit ${result.code}, stderr ${result.stderr}`);
  assert.equal(result.stdout, '', 'nothing on stdout');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr: ${result.stderr}`);
  assert.match(lines[0], new RegExp(`^move-ugc: ${errorCode}: `));
  if (message) assert.match(lines[0], message);
  return result;
}

/**
 * Runs the command in a pseudo-terminal (util-linux `script`): stderr goes to
 * it, and stdout too unless `stdoutFile` is given.
 */
function inTerminal(args, fake, stdoutFile) {
  const quote = (a) => `'${a.replaceAll("'", "'\\''")}'`;
  const line = `stty cols 80 rows 24; ${[BIN, ...args].map(quote).join(' ')}${stdoutFile ? ` > ${quote(stdoutFile)}` : ''}`;
  // Not spawnSync: the fake answers from this very process.
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', line, '/dev/null'], { env: envOf(fake), stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('move-ugc, the command', () => {
  // Jobs finish at their first read: `wait` and `capture` need not sleep.
  const api = useFakeApi({ pollsToFinish: 1 });
  let dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'move-ugc-cli-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('the package', () => {
    it('declares the bin, which npm links into node_modules/.bin, executable', async () => {
      assert.deepEqual(MANIFEST.bin, { 'move-ugc': './bin/move-ugc.mjs' });
      assert.ok(MANIFEST.files.includes('bin/'));
      assert.equal(realpathSync(BIN), realpathSync(fileURLToPath(new URL('./node_modules/move-ugc/bin/move-ugc.mjs', import.meta.url))));
      assert.ok(((await stat(BIN)).mode & 0o111) !== 0, 'executable');
      assert.match(readFileSync(BIN, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    });

    it('no other entry loads it', () => {
      for (const entry of ['web/index.js', 'browser/index.js', 'node/index.mjs', 'node/index.cjs']) {
        const text = readFileSync(new URL(`./node_modules/move-ugc/${entry}`, import.meta.url), 'utf8');
        assert.doesNotMatch(text, /bin\//, entry);
      }
    });

    it('--version prints the package version', async () => {
      const { stdout } = await ok(['--version']);
      assert.equal(stdout, `move-ugc ${MANIFEST.version}\n`);
    });
  });

  describe('--help', () => {
    const commands = [
      ['capture', 'move-ugc capture <video> [--move <file.move>] [--output F]… [--dir <out>] [--name <n>] [--json]'],
      ['jobs list', 'move-ugc jobs list [--limit N] [--take <id>] [--all] [--json]'],
      ['jobs get', 'move-ugc jobs get <id> [--json]'],
      ['jobs wait', 'move-ugc jobs wait <id> [--json]'],
      ['jobs download', 'move-ugc jobs download <id> [--dir <out>] [--output F]… [--json]'],
      ['files upload', 'move-ugc files upload <path> [--json]'],
      ['files get', 'move-ugc files get <id> [--json]'],
      ['takes list', 'move-ugc takes list [--limit N] [--all] [--json]'],
      ['takes get', 'move-ugc takes get <id> [--json]'],
      ['webhooks verify', "move-ugc webhooks verify --secret <whsec_…> [--header 'name: value']… [--tolerance <seconds>] [--json]"],
    ];

    it('move-ugc --help, -h and help list every command, the environment and the exit statuses', async () => {
      const { stdout } = await ok(['--help'], { env: envOf(null) });
      for (const [words] of commands) assert.match(stdout, new RegExp(`^  ${words}\\b`, 'm'), words);
      assert.match(stdout, /MOVE_API_KEY/);
      assert.match(stdout, /MOVE_API_URL/);
      assert.match(stdout, /Exit status: 0 done, 1 failed \([^)]*Ctrl-C[^)]*\), 2 bad usage/);
      assert.equal((await ok(['-h'])).stdout, stdout);
      assert.equal((await ok(['help'])).stdout, stdout);
    });

    for (const [words, usage] of commands) {
      it(`${words} --help shows its usage, options and examples (also as help ${words} and -h)`, async () => {
        const args = words.split(' ');
        // The key is not needed for help, and --help wins over anything else given.
        const { stdout } = await ok([...args, '--help'], { env: envOf(null) });
        assert.ok(stdout.startsWith(`Usage: ${usage}\n`), stdout);
        assert.match(stdout, /\n  --json {2,}print one JSON document on stdout/);
        assert.match(stdout, /\n  -h, --help {2,}show this help/);
        assert.match(stdout, /\nExamples:\n  move-ugc /);
        assert.equal((await ok(['help', ...args])).stdout, stdout);
        assert.equal((await ok([...args, '-h', '--no-such-flag-is-read'])).stdout, stdout);
      });
    }

    it("jobs wait's help says no figure of the SDK's defaults; webhooks verify's names the tolerance's", async () => {
      const { stdout } = await ok(['jobs', 'wait', '--help']);
      assert.match(stdout, /jobs\.waitForCompletion/);
      assert.doesNotMatch(stdout, /\d+ (seconds?|minutes?|hours?)|an hour/);
      const verify = (await ok(['webhooks', 'verify', '--help'])).stdout;
      assert.match(verify, /--tolerance <seconds> +how far the delivery's timestamp may be from now,\s+either way \(default 300, as verifyWebhook\)/);
    });

    for (const group of ['jobs', 'files', 'takes', 'webhooks']) {
      it(`${group} --help lists its subcommands`, async () => {
        const { stdout } = await ok([group, '--help']);
        for (const [words, usage] of commands.filter(([w]) => w.startsWith(`${group} `))) {
          assert.ok(stdout.includes(`  ${usage.replace(' [--json]', '')}\n`), `${words} in ${stdout}`);
        }
        assert.equal((await ok(['help', group])).stdout, stdout);
      });
    }
  });

  describe('bad usage: exit 2, one line on stderr, nothing sent', () => {
    const cases = [
      [[], 'USAGE', /missing command; see move-ugc --help/],
      [['jbos', 'list'], 'USAGE', /unknown command "jbos"; did you mean "jobs"\?/],
      [['captur', 'x.mp4'], 'USAGE', /unknown command "captur"; did you mean "capture"\?/],
      [['frobnicate'], 'USAGE', /unknown command "frobnicate" \(see move-ugc --help\)/],
      [['jobs'], 'USAGE', /missing jobs subcommand: list, get, wait or download/],
      [['jobs', 'lsit'], 'USAGE', /unknown jobs subcommand "lsit"; did you mean "list"\?/],
      [['takes', 'show', 'x'], 'USAGE', /unknown takes subcommand "show"/],
      [['jobs', 'list', '--limt', '5'], 'USAGE', /unknown option --limt for jobs list; did you mean "--limit"\?/],
      [['jobs', 'list', '--jsno'], 'USAGE', /unknown option --jsno for jobs list; did you mean "--json"\?/],
      [['files', 'get', 'f', '-x'], 'USAGE', /unknown option -x for files get/],
      [['capture', 'x.mp4', '--outputs', 'MAIN_FBX'], 'USAGE', /unknown option --outputs for capture; did you mean "--output"\?/],
      [['jobs', 'list', '--limit'], 'USAGE', /--limit needs a value: --limit N/],
      [['jobs', 'download', 'job-1', '--dir', '--json'], 'USAGE', /--dir needs a value, got the option --json/],
      [['jobs', 'list', '--all=yes'], 'USAGE', /--all takes no value, got "yes"/],
      [['jobs', 'get'], 'USAGE', /missing argument <id>: move-ugc jobs get <id>/],
      [['jobs', 'get', 'a', 'b'], 'USAGE', /unexpected argument "b"/],
      [['capture'], 'USAGE', /missing argument <video>/],
      [['webhooks', 'verify'], 'USAGE', /missing --secret <whsec_…>/],
      [['help', 'jobs', 'lst'], 'USAGE', /unknown jobs subcommand "lst"; did you mean "list"\?/],
      [['--json'], 'USAGE', /expected a command before the option --json/],
      [['jobs', 'list', '--limit', 'ten'], 'INVALID_ARGUMENT', /--limit: expected an integer from 1 to 2147483647, got "ten"$/],
      [['jobs', 'list', '--limit', '0'], 'INVALID_ARGUMENT', /--limit: expected an integer from 1 to 2147483647, got "0"$/],
      [['takes', 'list', '--limit', '2.5'], 'INVALID_ARGUMENT', /--limit: expected an integer from 1 to 2147483647, got "2.5"$/],
      [['jobs', 'get', ''], 'INVALID_ARGUMENT', /<id>: expected a job id, got ""/],
      [['jobs', 'list', '--take', ''], 'INVALID_ARGUMENT', /^move-ugc: INVALID_ARGUMENT: --take: expected a non-empty string, got ""$/],
      [['files', 'upload', 'no/such/file.mp4'], 'INVALID_ARGUMENT', /<path>: cannot read the file "no\/such\/file\.mp4": no such file/],
      [['capture', 'clip.mkv'], 'INVALID_ARGUMENT', /<video>: expected a \.mp4, \.mov or \.avi file, got "clip\.mkv"/],
      [['capture', 'no/such/clip.mp4'], 'INVALID_ARGUMENT', /<video>: cannot read the file "no\/such\/clip\.mp4": no such file/],
      [['capture', SAMPLE, '--move', 'no/such.move'], 'INVALID_ARGUMENT', /--move: cannot read the file "no\/such\.move": no such file/],
      [
        ['capture', SAMPLE, '--output', 'MAIN_FBX,fbx'],
        'INVALID_ARGUMENT',
        /--output: expected one of MAIN_BLEND, MAIN_FBX, .*, got "fbx"; did you mean "MAIN_FBX" or "ALL_FBX"\?$/,
      ],
    ];
    for (const [args, errorCode, message] of cases) {
      it(`move-ugc ${args.join(' ')}`, async () => {
        await fails(args, 2, errorCode, message, { fake: api.fake });
        assert.equal(api.fake.requests.length, 0, 'no API request');
        assert.equal(api.fake.uploadAttempts, 0, 'no upload');
      });
    }

    it('a bad value with --json still prints nothing on stdout', async () => {
      await fails(['jobs', 'list', '--limit', '-3', '--json'], 2, 'USAGE', /--limit needs a value, got the option -3 \(write --limit=-3/, { fake: api.fake });
      await fails(['jobs', 'list', '--limit=-3', '--json'], 2, 'INVALID_ARGUMENT', /got "-3"/, { fake: api.fake });
    });

    it('a header that is not `name: value`', async () => {
      await fails(['webhooks', 'verify', '--secret', 'whsec_AAAA', '--header', 'no colon here'], 2, 'INVALID_ARGUMENT', /--header: expected 'name: value', got "no colon here"/, {
        input: '{}',
      });
    });
  });

  describe('configuration from the environment', () => {
    it('a missing MOVE_API_KEY is named, with MOVE_API_URL', async () => {
      const { stderr } = await fails(['jobs', 'list'], 2, 'INVALID_ARGUMENT', /MOVE_API_KEY is not set/, { env: envOf(null) });
      assert.match(stderr, /MOVE_API_URL/);
      await fails(['jobs', 'list'], 2, 'INVALID_ARGUMENT', /MOVE_API_KEY is not set/, { env: envOf(null, { MOVE_API_KEY: '', MOVE_API_URL: api.fake.url }) });
    });

    it('a malformed key or endpoint is named by its variable, the key never shown', async () => {
      const { stderr } = await fails(['jobs', 'list'], 2, 'INVALID_ARGUMENT', /^move-ugc: INVALID_ARGUMENT: MOVE_API_KEY: must be the key alone, with no Bearer prefix/, {
        env: envOf(api.fake, { MOVE_API_KEY: 'Bearer mv_key_secret_value_123' }),
      });
      assert.doesNotMatch(stderr, /secret_value/);
      await fails(['jobs', 'list'], 2, 'INVALID_ARGUMENT', /^move-ugc: INVALID_ARGUMENT: MOVE_API_URL: plain http: is only allowed to a loopback host/, {
        env: envOf(api.fake, { MOVE_API_URL: 'http://api.example.com/graphql' }),
      });
      assert.equal(api.fake.requests.length, 0);
    });

    it('a key the API refuses: exit 1, UNAUTHENTICATED, the key not shown', async () => {
      const { stderr } = await fails(['jobs', 'list', '--json'], 1, 'UNAUTHENTICATED', null, { env: envOf(api.fake, { MOVE_API_KEY: 'mv_key_wrong_wrong_wrong' }) });
      assert.doesNotMatch(stderr, /wrong_wrong/);
    });
  });

  describe('API failures: exit 1 with the code', () => {
    for (const [args, message] of [
      [['jobs', 'get', 'job-missing'], /^move-ugc: NOT_FOUND: getJob: Resource not found/],
      [['jobs', 'wait', 'job-missing'], /^move-ugc: NOT_FOUND: getJob: /],
      [['files', 'get', 'file-missing'], /^move-ugc: NOT_FOUND: getFile: /],
      [['takes', 'get', 'take-missing'], /^move-ugc: NOT_FOUND: getTake: /],
    ]) {
      it(`move-ugc ${args.join(' ')}, with and without --json`, async () => {
        await fails(args, 1, 'NOT_FOUND', message, { fake: api.fake });
        await fails([...args, '--json'], 1, 'NOT_FOUND', message, { fake: api.fake });
      });
    }

    it('a server error after the retries', async () => {
      api.fake.inject({ kind: 'status', status: 503, times: 3 });
      await fails(['takes', 'list'], 1, 'SERVER_ERROR', null, { fake: api.fake });
      assert.equal(api.fake.requests.length, 3, 'a read is tried three times');
    });

    it('a job that failed: JOB_FAILED', async () => {
      const job = api.fake.store.addJob({ state: 'FAILED' });
      await fails(['jobs', 'wait', job.id], 1, 'JOB_FAILED', new RegExp(job.id), { fake: api.fake });
    });
  });

  describe('jobs', () => {
    it('jobs list: a table, or the page as JSON', async () => {
      const take = api.fake.store.addTake({ name: 'Take A' });
      const jobs = ['first', 'second', 'third'].map((name) => api.fake.store.addJob({ takeId: take.id, name }));
      api.fake.store.addJob({ name: 'elsewhere', state: 'FINISHED' });

      const { stdout } = await ok(['jobs', 'list'], { fake: api.fake });
      const lines = stdout.trimEnd().split('\n');
      assert.match(lines[0], /^ID +NAME +STATE +CREATED$/);
      assert.equal(lines.length, 5);
      assert.match(lines[1], /^job-\S+ +elsewhere +FINISHED 100% +2025-01-01 \d\d:\d\d:\d\d UTC$/);
      for (const job of jobs) assert.ok(stdout.includes(job.id));

      const page = await json(['jobs', 'list', '--take', take.id], { fake: api.fake });
      assert.deepEqual(Object.keys(page).sort(), ['items', 'limit', 'nextToken']);
      assert.deepEqual(page.items.map((j) => j.name), ['third', 'second', 'first']);
      assert.equal(page.limit, 10);
      assert.equal(page.nextToken, null);
      assert.equal(api.fake.requests.at(-1).variables.takeId, take.id);
    });

    it('jobs list --limit and --all', async () => {
      for (let i = 0; i < 5; i++) api.fake.store.addJob({ name: `job ${i}` });
      const first = await json(['jobs', 'list', '--limit', '2'], { fake: api.fake });
      assert.equal(first.items.length, 2);
      assert.equal(typeof first.nextToken, 'string');
      const { stdout } = await ok(['jobs', 'list', '--limit', '2'], { fake: api.fake });
      assert.match(stdout, /\n\(more jobs: --all lists every one, --limit N more per page\)\n$/);

      api.fake.reset();
      for (let i = 0; i < 5; i++) api.fake.store.addJob({ name: `job ${i}` });
      const all = await json(['jobs', 'list', '--all', '--limit', '2'], { fake: api.fake });
      assert.deepEqual(all.items.map((j) => j.name), ['job 4', 'job 3', 'job 2', 'job 1', 'job 0']);
      assert.equal(all.nextToken, null);
      assert.equal(api.fake.requests.filter((r) => r.operationName === 'listJobs').length, 3, 'three pages of two');
      assert.equal((await ok(['jobs', 'list', '--all'], { fake: api.fake })).stdout.trimEnd().split('\n').length, 6);
    });

    it('jobs list with no jobs', async () => {
      assert.equal((await ok(['jobs', 'list'], { fake: api.fake })).stdout, 'No jobs.\n');
      assert.equal((await ok(['jobs', 'list', '--take', 'take-1'], { fake: api.fake })).stdout, 'No jobs of take take-1.\n');
    });

    it('jobs get: the job with its take and outputs', async () => {
      const job = api.fake.store.addJob({ name: 'Warm-up', state: 'FINISHED', outputs: ['MAIN_FBX', 'RENDER_VIDEO'] });
      const { stdout } = await ok(['jobs', 'get', job.id], { fake: api.fake });
      assert.match(stdout, new RegExp(`^job +${job.id}\nname +Warm-up\nstate +FINISHED 100%\ncreated +2025-01-01 \\d\\d:\\d\\d:\\d\\d UTC\ntake +${job.takeId}\noutputs\n`));
      assert.match(stdout, /\n {2}FORMAT +FILE +URL\n {2}MAIN_FBX +file-\S+ +http:\/\/127\.0\.0\.1:\d+\/__fake\/files\/\S+\n {2}RENDER_VIDEO +file-/);

      const read = await json(['jobs', 'get', job.id], { fake: api.fake });
      assert.equal(read.id, job.id);
      assert.equal(read.take.id, job.takeId);
      assert.deepEqual(read.outputs.map((o) => o.format), ['MAIN_FBX', 'RENDER_VIDEO']);
      assert.ok('inputs' in read);
    });

    it('jobs get of a job not yet finished says so', async () => {
      const job = api.fake.store.addJob({ state: 'RUNNING', hold: true });
      const { stdout } = await ok(['jobs', 'get', job.id], { fake: api.fake });
      assert.match(stdout, /\nstate +RUNNING \d+%\n/);
      assert.match(stdout, /\noutputs +none yet\n$/);
    });

    it('jobs wait: polls until finished; the finished job as JSON', async () => {
      const job = api.fake.store.addJob({ name: 'to wait for' });
      const done = await json(['jobs', 'wait', job.id], { fake: api.fake });
      assert.equal(done.id, job.id);
      assert.equal(done.progress.state, 'FINISHED');
      assert.ok(done.outputs.length > 0);
      for (const output of done.outputs) assert.match(output.file.presignedUrl, /\/__fake\/files\//);

      const other = api.fake.store.addJob({ name: 'again' });
      const { stdout } = await ok(['jobs', 'wait', other.id], { fake: api.fake });
      assert.match(stdout, new RegExp(`^job +${other.id}\nname +again\nstate +FINISHED 100%\n`));
    });
  });

  describe('files and takes', () => {
    it('files upload: the file uploaded byte for byte; its details, or the File as JSON', async () => {
      const { stdout } = await ok(['files', 'upload', SAMPLE], { fake: api.fake });
      assert.match(stdout, /^file +file-\S+\nname +sample\.mp4\ntype +mp4\ncreated +2025-\S+ \S+ UTC\nsize +5,208 bytes\n$/);
      const id = /^file +(\S+)/.exec(stdout)[1];
      assert.deepEqual(api.fake.store.uploads.get(id).bytes, await readFile(SAMPLE));

      const file = await json(['files', 'upload', SAMPLE], { fake: api.fake });
      assert.match(file.id, /^file-/);
      assert.equal(file.type, 'mp4');
      assert.equal(file.name, 'sample.mp4');
      assert.deepEqual(api.fake.store.uploads.get(file.id).bytes, await readFile(SAMPLE));
    });

    it('files get: the file with its download URL', async () => {
      const stored = api.fake.store.addFile({ type: 'fbx', name: 'out.fbx' });
      const { stdout } = await ok(['files', 'get', stored.id], { fake: api.fake });
      assert.match(stdout, new RegExp(`^file +${stored.id}\nname +out\\.fbx\ntype +fbx\ncreated +\\S+ \\S+ UTC\nurl +http://127\\.0\\.0\\.1:\\d+/__fake/files/${stored.id}`));
      const file = await json(['files', 'get', stored.id], { fake: api.fake });
      assert.equal(file.id, stored.id);
      assert.match(file.presignedUrl, /\/__fake\/files\//);
    });

    it('takes list and takes get', async () => {
      const first = api.fake.store.addTake({ name: 'One' });
      const second = api.fake.store.addTake({ name: 'Two' });
      const { stdout } = await ok(['takes', 'list'], { fake: api.fake });
      assert.match(stdout, new RegExp(`^ID +NAME +TYPE +CREATED\n${second.id} +Two +SINGLE_CAM +\\S+ \\S+ UTC\n${first.id} +One +SINGLE_CAM`));
      const page = await json(['takes', 'list', '--limit', '1'], { fake: api.fake });
      assert.deepEqual(page.items.map((t) => t.id), [second.id]);
      assert.equal(typeof page.nextToken, 'string');
      const all = await json(['takes', 'list', '--all', '--limit', '1'], { fake: api.fake });
      assert.deepEqual(all.items.map((t) => t.id), [second.id, first.id]);

      const take = await json(['takes', 'get', first.id], { fake: api.fake });
      assert.equal(take.id, first.id);
      assert.equal(take.sources.length, 1);
      const shown = (await ok(['takes', 'get', first.id], { fake: api.fake })).stdout;
      assert.match(shown, new RegExp(`^take +${first.id}\nname +One\ntype +SINGLE_CAM\n`));
      assert.match(shown, /\nsources\n {2}CAMERA +FORMAT +FILE\n {2}phone +MP4 +file-/);
    });
  });

  describe('capture: from a video to animation files', () => {
    it('uploads, makes a take, starts the job, waits and downloads every output asked for', async () => {
      const out = join(dir, 'capture-json');
      const result = await json(['capture', SAMPLE, '--output', 'main_fbx', '--output', 'RENDER_VIDEO', '--dir', out, '--name', 'Warm-up'], { fake: api.fake });
      assert.deepEqual(Object.keys(result), ['video', 'move', 'take', 'job', 'downloads']);
      assert.equal(result.video.name, 'sample.mp4');
      assert.deepEqual(api.fake.store.uploads.get(result.video.id).bytes, await readFile(SAMPLE));
      assert.equal(result.move, null);
      assert.equal(result.take.name, 'Warm-up');
      const createTake = api.fake.requests.find((r) => r.operationName === 'createSingleCamTake');
      assert.deepEqual(createTake.variables.sources, [{ deviceLabel: 'camera', fileId: result.video.id, format: 'MP4' }]);
      const createJob = api.fake.requests.filter((r) => r.operationName === 'createSingleCamJob');
      assert.equal(createJob.length, 1, 'one job, once');
      assert.deepEqual(createJob[0].variables.outputs, ['MAIN_FBX', 'RENDER_VIDEO']);
      assert.equal(createJob[0].variables.name, 'Warm-up');
      assert.equal(result.job.progress.state, 'FINISHED');
      assert.deepEqual(result.downloads.map((d) => d.format).sort(), ['MAIN_FBX', 'RENDER_VIDEO']);
      for (const download of result.downloads) {
        const output = result.job.outputs.find((o) => o.format === download.format);
        const bytes = await readFile(download.path);
        const served = Buffer.from(await (await fetch(output.file.presignedUrl)).arrayBuffer());
        assert.ok(bytes.equals(served), 'the output file as storage serves it');
        assert.equal(download.bytes, bytes.length);
        assert.ok(download.path.startsWith(out), download.path);
      }
    });

    it('a --dir that cannot be written is refused before anything is uploaded (exit 2)', async () => {
      const file = join(dir, 'capture-into-a-file');
      await writeFile(file, '');
      await fails(['capture', SAMPLE, '--dir', file], 2, 'INVALID_ARGUMENT', /^move-ugc: INVALID_ARGUMENT: --dir: cannot write files in ".*capture-into-a-file": a file, not a directory$/, {
        fake: api.fake,
      });
      assert.equal(api.fake.requests.length, 0, 'no API request');
      assert.equal(api.fake.uploadAttempts, 0, 'no upload');
    });

    it('with a .move file: two sources of one camera; a table of the files for people', async () => {
      const out = join(dir, 'capture-text');
      const move = join(dir, 'sample.move');
      await writeFile(move, 'depth and sensor data');
      const { stdout } = await ok(['capture', SAMPLE, '--move', move, '--dir', out], { fake: api.fake });
      const createTake = api.fake.requests.find((r) => r.operationName === 'createSingleCamTake');
      const [video, moveSource] = createTake.variables.sources;
      assert.deepEqual([video.format, moveSource.format], ['MP4', 'MOVE']);
      assert.equal(video.deviceLabel, moveSource.deviceLabel);
      assert.equal(api.fake.store.uploads.get(moveSource.fileId).bytes.toString(), 'depth and sensor data');
      assert.equal(api.fake.store.files.get(moveSource.fileId).type, 'move');
      assert.equal(createTake.variables.name, 'sample.mp4', 'named after the video by default');
      assert.equal(api.fake.requests.find((r) => r.operationName === 'createSingleCamJob').variables.outputs, undefined, "the API's default set");
      assert.match(stdout, /^take +take-\S+\njob +job-\S+\noutputs\n {2}FORMAT +FILE +SIZE\n/);
      const rows = stdout.trimEnd().split('\n').slice(4);
      assert.equal(rows.length, 7, "the API's seven default outputs");
      for (const row of rows) {
        const [, format, path, bytes] = /^ {2}(\S+) +(\S+) +([\d,]+) bytes$/.exec(row);
        assert.ok(path.startsWith(out), `${format} in ${out}`);
        assert.equal((await stat(path)).size, Number(bytes.replaceAll(',', '')));
      }
    });

    it('Ctrl-C while it waits: exit 1, and how to pick the job up again, with the same --dir and --output', async () => {
      // A job that takes a hundred reads: the command is still waiting when interrupted.
      const slow = await startFakeApi({ pollsToFinish: 100 });
      const out = join(dir, "interrupted capture's outputs");
      try {
        const result = await run(['capture', SAMPLE, '--dir', out, '--output', 'main_fbx,RENDER_VIDEO'], {
          fake: slow,
          onStart: (child) => {
            const poll = setInterval(() => {
              if (slow.requests.some((r) => r.operationName === 'getJob')) {
                clearInterval(poll);
                child.kill('SIGINT');
              }
            }, 20);
          },
        });
        const job = slow.requests.find((r) => r.operationName === 'getJob').variables.jobId;
        assert.equal(result.code, 1, result.stderr);
        assert.equal(result.signal, null);
        assert.equal(result.stdout, '');
        const lines = result.stderr.trimEnd().split('\n');
        assert.match(lines[0], /^move-ugc: ABORTED: interrupted/);
        const quoted = `'${out.replaceAll("'", "'\\''")}'`;
        assert.equal(
          lines[1],
          `move-ugc: the job ${job} goes on at Move: move-ugc jobs wait ${job}, then move-ugc jobs download ${job} --dir ${quoted} --output main_fbx --output RENDER_VIDEO`,
        );
        assert.ok(!existsSync(out), 'no directory made for outputs never downloaded');
        assert.equal(slow.requests.filter((r) => r.operationName === 'createSingleCamJob').length, 1);
      } finally {
        await slow.close();
      }
    });
  });

  describe('jobs download', () => {
    it('writes every output of a finished job, or those of --output', async () => {
      const job = api.fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_FBX', 'MAIN_USDZ', 'RENDER_VIDEO'] });
      const out = join(dir, 'download-all');
      const files = await json(['jobs', 'download', job.id, '--dir', out], { fake: api.fake });
      assert.deepEqual(files.map((f) => f.format).sort(), ['MAIN_FBX', 'MAIN_USDZ', 'RENDER_VIDEO']);
      for (const file of files) {
        assert.ok(file.path.startsWith(out), file.path);
        assert.equal((await stat(file.path)).size, file.bytes);
      }

      const some = join(dir, 'download-some');
      const { stdout } = await ok(['jobs', 'download', job.id, '--dir', some, '--output', 'main_fbx'], { fake: api.fake });
      assert.match(stdout, /^FORMAT +FILE +SIZE\nMAIN_FBX +\S+ +[\d,]+ bytes\n$/);
      const path = /^MAIN_FBX +(\S+)/m.exec(stdout)[1];
      assert.ok(existsSync(path) && path.startsWith(some));
    });

    it('into the current directory by default', async () => {
      const job = api.fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_FBX'] });
      const cwd = await mkdtemp(join(dir, 'cwd-'));
      const [file] = await json(['jobs', 'download', job.id], { fake: api.fake, cwd });
      const path = resolve(cwd, file.path);
      assert.equal(realpathSync(dirname(path)), realpathSync(cwd));
      assert.equal((await stat(path)).size, file.bytes);
    });

    it('a bad --output is named by its flag (exit 2); a missing job is NOT_FOUND (exit 1)', async () => {
      const job = api.fake.store.addJob({ state: 'FINISHED' });
      await fails(['jobs', 'download', job.id, '--dir', join(dir, 'never'), '--output', 'fbx'], 2, 'INVALID_ARGUMENT', /^move-ugc: INVALID_ARGUMENT: --output: .*did you mean "MAIN_FBX"/, {
        fake: api.fake,
      });
      await fails(['jobs', 'download', 'job-missing', '--dir', join(dir, 'never')], 1, 'NOT_FOUND', null, { fake: api.fake });
    });

    it('a --dir that cannot be written is named by its flag (exit 2)', async () => {
      const job = api.fake.store.addJob({ state: 'FINISHED' });
      const file = join(dir, 'a-file');
      await writeFile(file, '');
      await fails(['jobs', 'download', job.id, '--dir', file], 2, 'INVALID_ARGUMENT', /^move-ugc: INVALID_ARGUMENT: --dir: cannot write files in ".*a-file": a file, not a directory$/, {
        fake: api.fake,
      });
    });

    it('a job not finished yet: exit 1, nothing written', async () => {
      const job = api.fake.store.addJob({ state: 'RUNNING', hold: true });
      const out = join(dir, 'not-yet');
      await fails(['jobs', 'download', job.id, '--dir', out], 1, 'NOT_FOUND', new RegExp(`job ${job.id} has no outputs ready to download yet`), { fake: api.fake });
      assert.ok(!existsSync(out), 'no directory made');
    });

    /**
     * `jobs download` of a 50 MB output (served as it streams, so the command
     * is still downloading), into `dir/<name>`; `interrupt(child)` runs once
     * its partial file appears. The command's result, and its directory.
     */
    async function interruptedDownload(name, interrupt) {
      const big = await startFakeApi({ outputBytes: 50_000_000 });
      const out = join(dir, name);
      try {
        const job = big.store.addJob({ state: 'FINISHED', outputs: ['MAIN_FBX'] });
        const result = await run(['jobs', 'download', job.id, '--dir', out], {
          fake: big,
          onStart: (child) => {
            const poll = setInterval(() => {
              if (!existsSync(out) || !readdirSync(out).some((file) => file.endsWith('.part'))) return;
              clearInterval(poll);
              interrupt(child);
            }, 5);
            child.on('close', () => clearInterval(poll));
          },
        });
        return { result, out };
      } finally {
        await big.close();
      }
    }

    it('Ctrl-C during a download: exit 1, no partial file left', async () => {
      const { result, out } = await interruptedDownload('interrupted-download', (child) => child.kill('SIGINT'));
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^move-ugc: ABORTED: interrupted/);
      assert.deepEqual(readdirSync(out), [], 'the partial file is removed');
    });

    it('Ctrl-C twice during a download: the second does not cut the cleanup short', async () => {
      const { result, out } = await interruptedDownload('interrupted-twice', (child) => {
        // The second 2 ms after the first: while the command removes its partial file.
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGINT'), 2);
      });
      assert.equal(result.signal, null, 'not killed by the second Ctrl-C');
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^move-ugc: ABORTED: interrupted/);
      assert.deepEqual(readdirSync(out), [], 'the partial file is removed');
    });

    it('the disk failing mid-download: exit 1 (a failure, not bad usage), saying which write failed', async () => {
      const job = api.fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_FBX'], outputBytes: 1_000_000 });
      const out = join(dir, 'disk-fails');
      const target = join(out, `${job.id}-MAIN_FBX.fbx`);
      // Slowly (16 chunks, 30 ms apart): a directory takes the file's name while it downloads.
      api.fake.inject({ target: 'download', kind: 'drip', ms: 30 });
      const result = await run(['jobs', 'download', job.id, '--dir', out], {
        fake: api.fake,
        onStart: (child) => {
          const poll = setInterval(() => {
            if (existsSync(out) && readdirSync(out).some((name) => name.endsWith('.part'))) {
              clearInterval(poll);
              mkdirSync(target);
            }
          }, 5);
          child.on('close', () => clearInterval(poll));
        },
      });
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stderr, `move-ugc: INVALID_ARGUMENT: --dir: writing ${target} failed: a directory is in its place (EISDIR)\n`);
      assert.deepEqual(readdirSync(out), [`${job.id}-MAIN_FBX.fbx`], 'no partial file');
    });

  });

  describe('webhooks verify', () => {
    const secret = `whsec_${Buffer.from('a test secret of 32 bytes!!!!!!!').toString('base64')}`;
    const event = {
      event_name: 'ugc.job.state.completed',
      timestamp: '2023-09-14T09:18:17Z',
      detail: { api_name: 'move-ugc-api', client_id: 'client-1', event_attributes: { job: { id: 'job-42', created: '2023-09-14T09:00:00Z', metadata: {} }, take: { id: 'take-7' } } },
    };
    /** A delivery signed by the standardwebhooks library: its body and headers as --header flags. */
    function delivery(prefix = 'webhook') {
      const body = JSON.stringify(event);
      const id = 'msg_2aBcD';
      const now = new Date();
      const signature = new Webhook(secret).sign(id, now, body);
      const headers = [`${prefix}-id: ${id}`, `${prefix}-timestamp: ${Math.floor(now.getTime() / 1000)}`, `${prefix}-signature: ${signature}`];
      return { body, flags: headers.flatMap((h) => ['--header', h]) };
    }

    it('a genuine delivery: the event, as JSON or for people; no API key needed', async () => {
      const { body, flags } = delivery();
      const env = envOf(null);
      const parsed = await json(['webhooks', 'verify', '--secret', secret, ...flags], { env, input: body });
      assert.deepEqual(parsed, event);
      const { stdout } = await ok(['webhooks', 'verify', '--secret', secret, ...flags], { env, input: body });
      assert.equal(stdout, 'verified  ugc.job.state.completed\nsent      2023-09-14 09:18:17 UTC\njob       job-42\ntake      take-7\n');
    });

    it('with Svix\'s header names too', async () => {
      const { body, flags } = delivery('svix');
      assert.deepEqual(await json(['webhooks', 'verify', '--secret', secret, ...flags], { env: envOf(null), input: body }), event);
    });

    it('a tampered body, a wrong secret, a missing header: exit 1, INVALID_SIGNATURE', async () => {
      const { body, flags } = delivery();
      const env = envOf(null);
      await fails(['webhooks', 'verify', '--secret', secret, ...flags], 1, 'INVALID_SIGNATURE', null, { env, input: body.replace('job-42', 'job-43') });
      const wrong = `whsec_${Buffer.from('another secret, also 32 bytes!!!').toString('base64')}`;
      await fails(['webhooks', 'verify', '--secret', wrong, ...flags], 1, 'INVALID_SIGNATURE', null, { env, input: body });
      await fails(['webhooks', 'verify', '--secret', secret, ...flags.slice(0, 4)], 1, 'INVALID_SIGNATURE', /webhook-signature/, { env, input: body });
    });

    it('--tolerance for a delivery saved for later; a bad one is bad usage', async () => {
      const body = JSON.stringify(event);
      const at = new Date(Date.now() - 3_600_000);
      const headers = ['webhook-id: msg_old', `webhook-timestamp: ${Math.floor(at.getTime() / 1000)}`, `webhook-signature: ${new Webhook(secret).sign('msg_old', at, body)}`];
      const flags = headers.flatMap((h) => ['--header', h]);
      const env = envOf(null);
      // 3600 s old when the command reads its clock, or 3601 if a second ticked
      // between this test's clock and the command's (it takes ~80 ms to start).
      await fails(['webhooks', 'verify', '--secret', secret, ...flags], 1, 'INVALID_SIGNATURE', /its timestamp is 360[01] s old, more than the tolerance of 300 s/, { env, input: body });
      assert.deepEqual(await json(['webhooks', 'verify', '--secret', secret, ...flags, '--tolerance', '7200'], { env, input: body }), event);
      await fails(['webhooks', 'verify', '--secret', secret, ...flags, '--tolerance', '1800.5'], 1, 'INVALID_SIGNATURE', /more than the tolerance of 1800\.5 s/, { env, input: body });
      for (const bad of ['an hour', '-5', '1e3', '']) {
        await fails(['webhooks', 'verify', '--secret', secret, ...flags, `--tolerance=${bad}`], 2, 'INVALID_ARGUMENT', new RegExp(`^move-ugc: INVALID_ARGUMENT: --tolerance: expected a number of seconds, 0 or more, got "${bad}"$`), { env, input: body });
      }
    });

    it('an empty body says so (exit 2)', async () => {
      const { flags } = delivery();
      await fails(['webhooks', 'verify', '--secret', secret, ...flags], 2, 'INVALID_ARGUMENT', /^move-ugc: INVALID_ARGUMENT: stdin: the delivery's body is empty: pipe it in exactly as it was received/, {
        env: envOf(null),
        input: '',
      });
    });

    it('a secret that is not a whsec_ secret is bad usage, named --secret and never shown', async () => {
      const { body, flags } = delivery();
      const { stderr } = await fails(['webhooks', 'verify', '--secret', 'not base64 !!', ...flags], 2, 'INVALID_ARGUMENT', /^move-ugc: INVALID_ARGUMENT: --secret: /, {
        env: envOf(null),
        input: body,
      });
      assert.doesNotMatch(stderr, /not base64 !!/);
      // Base64, but no signing secret: too short to be one (Svix's are 24 bytes and more).
      const short = await fails(['webhooks', 'verify', '--secret', 'nope', ...flags], 2, 'INVALID_ARGUMENT', /^move-ugc: INVALID_ARGUMENT: --secret: .*, got the base64 of only 3 bytes$/, {
        env: envOf(null),
        input: body,
      });
      assert.doesNotMatch(short.stderr, /nope/);
    });
  });

  describe('on a terminal: progress bars on stderr', { skip: !hasScript && 'no `script` (util-linux) for a pseudo-terminal' }, () => {
    it('files upload draws its bytes, then clears the line', async () => {
      const { code, output } = await inTerminal(['files', 'upload', SAMPLE], api.fake);
      assert.equal(code, 0, output);
      assert.match(output, /\r\x1b\[KUploading sample\.mp4 \[#{24}\] 100% {2}5\.2 kB \/ 5\.2 kB/);
      assert.match(output, /\r\x1b\[Kfile +file-/, 'the line is cleared before the result');
    });

    it('jobs wait draws the job\'s progress', async () => {
      const job = api.fake.store.addJob({ pollsToFinish: 2, startedPolls: 0 });
      const { code, output } = await inTerminal(['jobs', 'wait', job.id], api.fake);
      assert.equal(code, 0, output);
      // An 80-column terminal: the bar is as wide as the job's id leaves room for.
      const running = new RegExp(`\r\x1b\\[KJob ${job.id} \\[(#+)(\\.+)\\] RUNNING 50%\r`).exec(output);
      assert.ok(running, output);
      assert.equal(running[1].length, running[2].length, 'half done');
      const finished = new RegExp(`\r\x1b\\[KJob ${job.id} \\[#+\\] FINISHED 100%\r`).exec(output);
      assert.ok(finished, output);
      assert.ok(finished[0].length - '\r\x1b[K\r'.length <= 79, 'within the terminal');
    });

    it('--json with stderr on a terminal: the bar there, stdout one document', async () => {
      const out = join(dir, 'upload.json');
      const { code, output } = await inTerminal(['files', 'upload', SAMPLE, '--json'], api.fake, out);
      assert.equal(code, 0, output);
      assert.match(output, /Uploading sample\.mp4 \[#{24}\] 100%/);
      assert.doesNotMatch(output, /"name"/);
      assert.equal(JSON.parse(await readFile(out, 'utf8')).name, 'sample.mp4');
    });
  });
});
