// verifyWebhook: checks a webhook delivery from Move (sent through Svix,
// signed by the Standard Webhooks scheme) and reads its event. Plain
// JavaScript on WebCrypto: it needs no module instance and no API key, and
// runs in Node, browsers and edge runtimes. The package's web/index.js loads
// this file on the first call, so that pages that never verify a delivery
// (most: webhooks reach servers) never download it. Its declaration, with
// the event types, is in src/webhooks.rs.

import { MoveUgcError, invalid, shown } from './host.js';

/** How far from now a delivery's timestamp may be, in seconds, unless `toleranceSeconds` says otherwise (the move-ugc command shows it). */
export const TOLERANCE = 300;
/** The fewest bytes of a signing secret: Svix makes them of 24, and takes none shorter (32 base64 characters). */
const SECRET_BYTES = 24;

const refused = (why) => new MoveUgcError('INVALID_SIGNATURE', `webhook not verified: ${why}`, { retryable: false });
const notAnEvent = (why) => refused(`the payload is not a Move event: ${why}`);

/** A value by its kind only (a secret is never shown). */
const kind = (value) => (value == null ? String(value) : typeof value == 'object' ? 'an object' : `a ${typeof value}`);

/** base64 to bytes; undefined if it is not base64. */
function fromBase64(text) {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The exact bytes of the body as received. */
function bytesOf(body) {
  if (typeof body == 'string') return new TextEncoder().encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw invalid(
    'body',
    `expected the raw body as received (a string, Uint8Array, Buffer or ArrayBuffer), got ${shown(body)}` +
      (body && typeof body == 'object' ? ': pass it before JSON.parse, the signature covers its exact bytes' : ''),
  );
}

/**
 * The key of a `whsec_…` secret (or of its bare base64, as the svix library
 * takes it). The secret is never shown: a refusal says only what is wrong
 * with it.
 */
function keyOf(secret) {
  const expected = 'expected the endpoint\'s signing secret ("whsec_" and the base64 of its key, 24 bytes or more)';
  if (typeof secret != 'string') throw invalid('secret', `${expected}, got ${kind(secret)}`);
  const base64 = secret.startsWith('whsec_') ? secret.slice(6) : secret;
  const key = fromBase64(base64);
  let wrong;
  if (secret === '') wrong = 'an empty string';
  else if (base64 === '') wrong = '"whsec_" and nothing after it';
  else if (!key) wrong = 'a string that is not base64';
  else if (key.length < SECRET_BYTES) wrong = `the base64 of only ${key.length} byte${key.length == 1 ? '' : 's'}`;
  if (wrong) throw invalid('secret', `${expected}, got ${wrong}`);
  return key;
}

/** `options.toleranceSeconds`, checked. */
function toleranceOf(options) {
  if (options == null) return TOLERANCE;
  if (typeof options != 'object' || Array.isArray(options)) throw invalid('options', `expected an object, got ${shown(options)}`);
  for (const name of Object.keys(options)) {
    if (name != 'toleranceSeconds') {
      const near = /toler|skew|age|window/i.test(name) ? '; did you mean "toleranceSeconds"?' : '';
      throw invalid(`options.${name}`, `unknown property${near} (the properties are toleranceSeconds)`);
    }
  }
  const seconds = options.toleranceSeconds ?? TOLERANCE;
  if (typeof seconds != 'number' || !(seconds >= 0 && seconds < Infinity)) {
    throw invalid('options.toleranceSeconds', `expected a finite number of seconds, 0 or more, got ${shown(seconds)}`);
  }
  return seconds;
}

/**
 * Header `webhook-<name>`, else `svix-<name>`, from a Headers object or a
 * record (Node's req.headers: lower-case names, a string or a list of them):
 * `[its name, its value]`.
 */
function headerOf(headers, name) {
  for (const full of [`webhook-${name}`, `svix-${name}`]) {
    let value;
    if (typeof headers.get == 'function') value = headers.get(full);
    else for (const key of Object.keys(headers)) if (key.toLowerCase() == full) value = headers[key];
    if (Array.isArray(value)) value = value.join(' ');
    if (value != null && value !== '') return [full, String(value)];
  }
  throw refused(`no webhook-${name} header (nor svix-${name})`);
}

/** See src/webhooks.rs for the contract. */
export async function verifyWebhook(body, headers, secret, options) {
  const bytes = bytesOf(body);
  if (headers == null || typeof headers != 'object' || Array.isArray(headers)) {
    throw invalid('headers', `expected a Headers object or a record of header names to values (Node's req.headers), got ${shown(headers)}`);
  }
  const key = keyOf(secret);
  const tolerance = toleranceOf(options);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new MoveUgcError(
      'INTERNAL',
      'verifyWebhook needs WebCrypto (crypto.subtle), which this runtime does not have: browsers offer it to secure contexts only (https:, localhost)',
      { retryable: false },
    );
  }

  const [, id] = headerOf(headers, 'id');
  const [timestampName, timestamp] = headerOf(headers, 'timestamp');
  const [signatureName, signatures] = headerOf(headers, 'signature');
  if (!/^\d{1,15}$/.test(timestamp)) throw refused(`the ${timestampName} header is not a number of seconds, got ${shown(timestamp)}`);
  const age = Math.floor(Date.now() / 1000) - Number(timestamp);
  if (age > tolerance) throw refused(`its timestamp is ${age} s old, more than the tolerance of ${tolerance} s (a delivery replayed, or a clock wrong)`);
  if (-age > tolerance) throw refused(`its timestamp is ${-age} s in the future, more than the tolerance of ${tolerance} s (a clock wrong)`);
  // Space-separated; a header sent twice comes joined by ", " (Headers, Node).
  const candidates = signatures
    .split(/,?\s+/)
    .filter((s) => s.startsWith('v1,'))
    .map((s) => fromBase64(s.slice(3)));
  if (!candidates.length) throw refused(`the ${signatureName} header holds no v1 signature ("v1,<base64>"), got ${shown(signatures)}`);

  // HMAC-SHA256 over `id.timestamp.body`, compared by WebCrypto in constant time.
  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(prefix.length + bytes.length);
  signed.set(prefix);
  signed.set(bytes, prefix.length);
  const hmac = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  let matched = false;
  for (const candidate of candidates) {
    if (candidate && (await subtle.verify('HMAC', hmac, candidate, signed))) matched = true;
  }
  if (!matched) {
    throw refused(
      'no signature matches the body: a wrong secret, or a body changed on the way (pass the raw body as received, before any JSON.parse)',
    );
  }

  let event;
  try {
    event = JSON.parse(typeof body == 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw notAnEvent('it is not JSON');
  }
  if (event == null || typeof event != 'object' || Array.isArray(event)) throw notAnEvent(`expected an object, got ${shown(event)}`);
  if (typeof event.event_name != 'string') throw notAnEvent(`expected a string event_name, got ${shown(event.event_name)}`);
  return event;
}
