// verifyWebhook's types: what it takes (raw bodies, Headers or Node's headers
// record), and its event union, told apart by `event_name`. Correct usage
// compiles; each `@ts-expect-error` must fail.

import { verifyWebhook, MoveUgcError, type MoveWebhookEvent, type ErrorCode, type JsonValue } from 'move-ugc';
import { verifyWebhook as verifyOnTheWeb } from 'move-ugc/web';

/** Node's `req.headers` as @types/node declares it (IncomingHttpHeaders): an interface with an index signature. */
interface IncomingHttpHeaders {
  [header: string]: string | string[] | undefined;
  'content-type'?: string;
  'set-cookie'?: string[];
}

export async function receive(raw: Uint8Array, text: string, buffer: ArrayBuffer, nodeHeaders: IncomingHttpHeaders, secret: string): Promise<string> {
  const event: MoveWebhookEvent = await verifyWebhook(raw, nodeHeaders, secret);
  await verifyWebhook(text, new Headers(), secret, { toleranceSeconds: 60 });
  await verifyOnTheWeb(buffer, { 'webhook-id': 'msg_1', 'webhook-timestamp': '1', 'webhook-signature': ['v1,a', 'v1,b'] }, secret, {});
  await verifyWebhook(new DataView(buffer), nodeHeaders, secret);

  switch (event.event_name) {
    case 'ugc.job.state.completed': {
      const jobId: string = event.detail.event_attributes.job.id;
      const takeId: string = event.detail.event_attributes.take.id;
      const metadata: JsonValue = event.detail.event_attributes.job.metadata;
      const clientId: string = event.detail.client_id;
      void [takeId, metadata, clientId];
      return jobId;
    }
    case 'ugc.job.state.failed':
      return event.detail.event_attributes.job.created;
    case 'job.state.started':
    case 'job.state.completed':
      // @ts-expect-error the older events name only the job
      void event.detail.event_attributes;
      return event.detail.job_id;
    default: {
      // The union is exhaustive; an event Move adds later is compared as a string.
      const never: never = event;
      return never;
    }
  }
}

export async function misuse(secret: string, parsed: { event_name: string }): Promise<void> {
  const event = await verifyWebhook('{}', {}, secret);
  // @ts-expect-error narrow on event_name first: older events have no event_attributes
  void event.detail.event_attributes;
  // @ts-expect-error a misspelt event name cannot match
  if (event.event_name === 'ugc.job.state.complete') return;
  // @ts-expect-error the parsed body is not the raw body
  await verifyWebhook(parsed, {}, secret);
  // @ts-expect-error headers are a Headers or a record of strings
  await verifyWebhook('{}', { 'webhook-id': 5 }, secret);
  // @ts-expect-error the secret is a string
  await verifyWebhook('{}', {}, new Uint8Array());
  // @ts-expect-error an unknown option
  await verifyWebhook('{}', {}, secret, { tolerance: 5 });
  // @ts-expect-error the tolerance is a number of seconds
  await verifyWebhook('{}', {}, secret, { toleranceSeconds: '300' });
  try {
    await verifyWebhook('{}', {}, secret);
  } catch (error) {
    if (error instanceof MoveUgcError) {
      const code: ErrorCode = error.code;
      if (code === 'INVALID_SIGNATURE') return;
    }
  }
}
