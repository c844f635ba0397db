// move-ugc webhooks verify

import { buffer } from 'node:stream/consumers';

// verifyWebhook's default tolerance, from the package's own file of it.
import { TOLERANCE } from '../../web/webhooks.js';
import { invalidArgument } from '../errors.mjs';
import { fields, when } from '../output.mjs';
import { command, group, namedBy, requirePipedStdin } from './common.mjs';

const verify = command({
  path: ['webhooks', 'verify'],
  summary: 'check a webhook delivery\'s signature (its body on stdin)',
  description:
    'Checks that a webhook delivery comes from Move: the body, read from stdin exactly as it was received, ' +
    'signed with your endpoint\'s secret under the Standard Webhooks scheme (the webhook-id, webhook-timestamp ' +
    'and webhook-signature headers, or their svix- twins), sent within the tolerance (--tolerance: a delivery saved ' +
    'for later needs more). ' +
    'Exits 0 and prints the event if it is genuine; exits 1 with INVALID_SIGNATURE, saying which check failed, if not. ' +
    'Needs no API key.',
  options: {
    secret: { type: 'string', value: '<whsec_…>', required: true, help: 'the signing secret of your webhook endpoint' },
    header: { type: 'string', multiple: true, value: '\'name: value\'', help: 'a header of the delivery; repeat it for each' },
    tolerance: {
      type: 'string',
      value: '<seconds>',
      help: `how far the delivery's timestamp may be from now, either way (default ${TOLERANCE}, as verifyWebhook)`,
    },
  },
  json: 'the event { event_name, timestamp, detail }',
  examples: [
    "move-ugc webhooks verify --secret whsec_… \\\n    --header 'webhook-id: msg_2a…' --header 'webhook-timestamp: 1718000000' \\\n    --header 'webhook-signature: v1,K5o…' < body.json",
    'move-ugc webhooks verify --secret whsec_… --tolerance 86400 --header … < saved-yesterday.json',
  ],
  async run({ values, sdk }) {
    const headers = headersOf(values.header ?? []);
    const options = values.tolerance === undefined ? undefined : { toleranceSeconds: seconds('--tolerance', values.tolerance) };
    requirePipedStdin('the delivery\'s body');
    // The exact bytes received: the signature covers them, not a decoding of them.
    const body = await buffer(process.stdin);
    if (body.length === 0) throw invalidArgument("stdin: the delivery's body is empty: pipe it in exactly as it was received (… < body.json)");
    const event = await namedBy(
      { secret: '--secret', headers: '--header', body: 'stdin', 'options.toleranceSeconds': '--tolerance' },
      sdk.verifyWebhook(body, headers, values.secret, options),
    );
    return { data: event, text: eventText(event) };
  },
});

/** `--tolerance 3600` as a number of seconds: 0 or more, decimals allowed. */
function seconds(flag, text) {
  if (!/^\d{1,15}(\.\d+)?$/.test(text)) throw invalidArgument(`${flag}: expected a number of seconds, 0 or more, got "${text}"`);
  return Number(text);
}

/** `--header 'webhook-id: msg_1'`… as `{ 'webhook-id': 'msg_1' }`. */
function headersOf(lines) {
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) {
      throw invalidArgument(`--header: expected 'name: value', got "${line}"`);
    }
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

function eventText(event) {
  const detail = event?.detail ?? {};
  const attributes = detail.event_attributes ?? {};
  return fields([
    ['verified', event?.event_name],
    ['sent', when(event?.timestamp)],
    ['job', attributes.job?.id ?? detail.job_id],
    ['take', attributes.take?.id],
  ]);
}

export const webhooks = group('webhooks', 'check webhook deliveries', [verify]);
