#!/usr/bin/env node
// Real content for the outputs a viewer shows: the fake's storage serves these
// bytes for a job's MAIN_GLB / ALL_GLB (an animated figure, preview-glb.mjs)
// and RENDER_VIDEO / RENDER_OVERLAY_VIDEO (a short H.264 MP4,
// preview-mp4.mjs). Both are made from code on first use and kept. Usage:
//
//   node fake-api/previews.mjs <dir>     writes <dir>/figure.glb and <dir>/render.mp4

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { makeGlb } from './preview-glb.mjs';
import { makeMp4 } from './preview-mp4.mjs';

let glb = null;
let mp4 = null;

/** The animated figure (glTF 2.0 binary), made once. */
export function previewGlb() {
  glb ??= makeGlb();
  return glb;
}

/** The rendered video (H.264 in MP4), made once. */
export function previewMp4() {
  mp4 ??= makeMp4();
  return mp4;
}

/** What the fake's storage serves for each output format that has real content, and as what. */
const PREVIEWS = {
  MAIN_GLB: { content: previewGlb, contentType: 'model/gltf-binary' },
  ALL_GLB: { content: previewGlb, contentType: 'model/gltf-binary' },
  RENDER_VIDEO: { content: previewMp4, contentType: 'video/mp4' },
  RENDER_OVERLAY_VIDEO: { content: previewMp4, contentType: 'video/mp4' },
};

/** Whether outputs of `format` have real content here (without making it). */
export function hasPreview(format) {
  return Object.hasOwn(PREVIEWS, format);
}

/** The content of an output of `format` (a Buffer), or null for a format without real content. */
export function previewFor(format) {
  return PREVIEWS[format]?.content() ?? null;
}

/** The content type of previewFor(format), or null. */
export function previewContentType(format) {
  return PREVIEWS[format]?.contentType ?? null;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node fake-api/previews.mjs <dir>   (writes <dir>/figure.glb and <dir>/render.mp4)');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of [['figure.glb', previewGlb()], ['render.mp4', previewMp4()]]) {
    writeFileSync(join(dir, name), content);
    console.log(`${join(dir, name)}: ${content.length} bytes`);
  }
}
