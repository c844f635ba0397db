//! `verifyWebhook`: the declarations of the function and of Move's webhook
//! events.
//!
//! The function itself is JavaScript (`js/webhooks.js`, on WebCrypto): it
//! needs no module instance and no API key, and a page that never verifies a
//! delivery never downloads it (`web/index.js` loads it on the first call).
//! Its declaration lives here so that it lands in the generated `.d.ts` with
//! everything else.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const WEBHOOKS_TS: &'static str = r#"
/**
 * The body of a webhook delivery exactly as it was received: the text, or its
 * bytes (a `Uint8Array`, a Node `Buffer`, an `ArrayBuffer`). Never the parsed
 * JSON: the signature covers the exact bytes.
 */
export type WebhookBody = string | ArrayBuffer | ArrayBufferView;

/**
 * The headers of a webhook delivery: a fetch `Headers` object, or a record of
 * header names to values such as Node's `req.headers` (names in any letter case).
 */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** Options of `verifyWebhook`. */
export interface VerifyWebhookOptions {
  /**
   * How far, in seconds, the delivery's timestamp may be from this machine's
   * clock, in the past or the future (a replayed delivery is refused). Default 300.
   */
  toleranceSeconds?: number;
}

/** What Move says about a job in a `ugc.job.state.*` event. */
export interface MoveWebhookJobDetail {
  /** The API that sent the event: `'move-ugc-api'`. */
  api_name: string;
  /** The client account the job belongs to. */
  client_id: string;
  /** The job and its take. */
  event_attributes: {
    /** The job: its id, when it was created (ISO 8601), and its metadata. */
    job: { id: string; created: string; metadata: JsonValue };
    /** The take the job ran on. */
    take: { id: string };
  };
}

/** A job finished: read its outputs with `jobs.retrieve(id, { expand: ['outputs'] })`. */
export interface MoveJobCompletedEvent {
  /** The event's name. */
  event_name: 'ugc.job.state.completed';
  /** When the event happened (ISO 8601). */
  timestamp: string;
  /** The job and its take. */
  detail: MoveWebhookJobDetail;
}

/** A job failed. */
export interface MoveJobFailedEvent {
  /** The event's name. */
  event_name: 'ugc.job.state.failed';
  /** When the event happened (ISO 8601). */
  timestamp: string;
  /** The job and its take. */
  detail: MoveWebhookJobDetail;
}

/** The older job events, which name only the job. */
export interface MoveLegacyJobEvent {
  /** The event's name. */
  event_name: 'job.state.started' | 'job.state.completed';
  /** When the event happened (ISO 8601). */
  timestamp: string;
  /** The job the event is about. */
  detail: { job_id: string };
}

/**
 * An event Move delivers to a webhook endpoint, told apart by `event_name`:
 * `if (event.event_name === 'ugc.job.state.completed') event.detail.event_attributes.job.id`.
 * An event of a name Move adds later resolves too, though its type is none of
 * these: compare `event.event_name as string` to handle it.
 */
export type MoveWebhookEvent = MoveJobCompletedEvent | MoveJobFailedEvent | MoveLegacyJobEvent;

/**
 * Verifies a webhook delivery from Move (sent through Svix, signed by the
 * Standard Webhooks scheme) and resolves with its event. Needs no API key;
 * works in Node, browsers (secure contexts) and edge runtimes (WebCrypto).
 *
 * It checks the `webhook-id`, `webhook-timestamp` and `webhook-signature`
 * headers (or their `svix-` twins), that the timestamp is within
 * `toleranceSeconds` of now, and that one of the `v1` signatures is the
 * HMAC-SHA256 of `id.timestamp.body` with the secret (compared in constant
 * time); then that the body is a Move event. Any failure rejects with a
 * `MoveUgcError` of code `INVALID_SIGNATURE` saying which check failed (answer
 * such a delivery with a 400); a bad argument with `INVALID_ARGUMENT`.
 *
 * @param body The raw body as received (before any `JSON.parse`).
 * @param headers The request's headers.
 * @param secret The endpoint's signing secret, `whsec_…` (what `webhooks.upsert` returned on creation).
 * @param options `toleranceSeconds` (default 300).
 * @example
 * const event = await verifyWebhook(rawBody, req.headers, secret); // secret: the endpoint's whsec_…
 * if (event.event_name === 'ugc.job.state.completed') console.log(event.detail.event_attributes.job.id);
 */
export declare function verifyWebhook(
  body: WebhookBody,
  headers: WebhookHeaders,
  secret: string,
  options?: VerifyWebhookOptions,
): Promise<MoveWebhookEvent>;
"#;
