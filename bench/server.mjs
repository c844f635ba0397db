#!/usr/bin/env node
// The benchmark's local server: answers at once with a canned body, chosen by a
// cheap look at the request (no GraphQL work), so that what is measured is the
// client. Answers introspection too, which Move's Python SDK asks for first.
// Prints `listening <url>` and serves until killed.

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

import { JOB_BODY, PAGE_BODY } from './canned.mjs';

const introspection = readFileSync(new URL('../fake-api/schema/introspection.json', import.meta.url));
const bodies = { job: Buffer.from(JOB_BODY), page: Buffer.from(PAGE_BODY), schema: introspection };

// CORS, for the cold start measured in Chromium.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'POST, OPTIONS',
};

const server = createServer((req, res) => {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('latin1');
    const body = text.includes('__schema') ? bodies.schema : text.includes('listJobs') ? bodies.page : bodies.job;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length, ...CORS });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${server.address().port}/graphql`);
});
