// A short moving picture as an MP4 (H.264 from preview-h264.mjs), made from
// code: the content the fake's storage serves for a job's RENDER_VIDEO /
// RENDER_OVERLAY_VIDEO output, so that a page has a real video to play. A
// stick figure walks across a gradient with a bouncing ball, drawn straight
// into Y, Cb and Cr planes; muxed as a plain (non-fragmented) MP4:
// ftyp, moov (one video track), mdat.

import { PROFILE, idrSlice, pps, sps } from './preview-h264.mjs';

/** The video's picture size (whole macroblocks), frame rate and length. */
export const VIDEO = { width: 160, height: 96, fps: 12, seconds: 3 };
/** The track's time units per second: a whole number of them per frame. */
const TIMESCALE = VIDEO.fps * 100;

// ---- the picture ----

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
function toSegment(x, y, [ax, ay, bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** The stick figure's limbs (segments in pixels) at time `t` seconds. */
function figureAt(t, { width, height }) {
  const step = Math.sin(2 * Math.PI * t);
  const hipX = 20 + ((t * 40) % (width - 40));
  const hipY = height - 34 - 2 * Math.abs(Math.cos(2 * Math.PI * t));
  const neckY = hipY - 26;
  const limb = (x, y, angle, length) => [x, y, x + length * Math.sin(angle), y + length * Math.cos(angle)];
  return {
    head: [hipX, neckY - 8],
    segments: [
      [hipX, hipY, hipX, neckY],
      // Legs and arms swing against each other, a little apart even as they cross.
      limb(hipX, hipY, 0.15 + 0.45 * step, 26),
      limb(hipX, hipY, -0.15 - 0.45 * step, 26),
      limb(hipX, neckY + 3, 0.1 - 0.7 * step, 20),
      limb(hipX, neckY + 3, -0.1 + 0.7 * step, 20),
    ],
  };
}

/** The Y, Cb and Cr planes of frame `n` (samples kept within 16..235, video range). */
function drawFrame(n, video) {
  const { width, height, fps } = video;
  const t = n / fps;
  const y = new Uint8Array(width * height);
  const cb = new Uint8Array((width * height) / 4);
  const cr = new Uint8Array((width * height) / 4);
  const { head, segments } = figureAt(t, video);
  // The ball bounces across the top, right to left.
  const ballX = width - 12 - ((t * 30) % (width - 24));
  const ballY = 18 + 14 * Math.abs(Math.sin(Math.PI * 1.5 * t));
  const ground = height - 8;
  // Only pixels near the figure are measured against its limbs.
  const xs = [head[0], ...segments.flatMap((s) => [s[0], s[2]])];
  const ys = [head[1], ...segments.flatMap((s) => [s[1], s[3]])];
  const [left, right, top, bottom] = [Math.min(...xs) - 7, Math.max(...xs) + 7, Math.min(...ys) - 7, Math.max(...ys) + 7];
  const near = (px, py) => px >= left && px <= right && py >= top && py <= bottom;
  for (let py = 0; py < height; py += 1) {
    for (let px = 0; px < width; px += 1) {
      // A sky that darkens upwards, a ground band; the figure and the ball over them.
      let value = py >= ground ? 90 : 60 + Math.round((90 * py) / height);
      let u = py >= ground ? 110 : 150;
      let v = py >= ground ? 120 : 112;
      if (Math.hypot(px - ballX, py - ballY) <= 7) [value, u, v] = [170, 70, 190];
      const onFigure = near(px, py) && (Math.hypot(px - head[0], py - head[1]) <= 6 || segments.some((s) => toSegment(px, py, s) <= 1.8));
      if (onFigure) [value, u, v] = [230, 128, 128];
      y[py * width + px] = value;
      if (py % 2 === 0 && px % 2 === 0) {
        cb[(py / 2) * (width / 2) + px / 2] = u;
        cr[(py / 2) * (width / 2) + px / 2] = v;
      }
    }
  }
  return { y, cb, cr };
}

// ---- the MP4 container ----

const u8 = (v) => Buffer.from([v]);
const u16 = (v) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(v);
  return b;
};
const u32 = (v) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v);
  return b;
};
const zeros = (n) => Buffer.alloc(n);

/** A box: 32-bit size, four-character type, content. */
function box(type, ...content) {
  const body = Buffer.concat(content);
  return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

/** A full box: a box whose content opens with version (8 bits) and flags (24 bits). */
const fullBox = (type, version, flags, ...content) => box(type, u32(version * 2 ** 24 + flags), ...content);

/** The identity transform of mvhd and tkhd (16.16 and 2.30 fixed point). */
const MATRIX = Buffer.concat([0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].map(u32));

/** The avcC box: the decoder's configuration, holding the SPS and PPS. */
function avcC(spsNal, ppsNal) {
  return box(
    'avcC',
    u8(1), // configurationVersion
    u8(PROFILE.profile),
    u8(PROFILE.constraints),
    u8(PROFILE.level),
    u8(0xff), // reserved (6 bits) + lengthSizeMinusOne 3: 4-byte NAL lengths
    u8(0xe1), // reserved (3 bits) + one SPS
    u16(spsNal.length),
    Buffer.from(spsNal),
    u8(1), // one PPS
    u16(ppsNal.length),
    Buffer.from(ppsNal),
  );
}

/** The moov box of one video track whose samples (all in one chunk) start at `mdatOffset`. */
function moov({ width, height, fps }, sampleSizes, spsNal, ppsNal, mdatOffset) {
  const frameTicks = TIMESCALE / fps;
  const duration = sampleSizes.length * frameTicks;
  const movieDuration = Math.round((duration * 1000) / TIMESCALE);
  const sampleEntry = box(
    'avc1',
    zeros(6), // reserved
    u16(1), // data_reference_index
    zeros(16), // pre_defined, reserved, pre_defined[3]
    u16(width),
    u16(height),
    u32(0x00480000), // 72 dpi
    u32(0x00480000),
    u32(0), // reserved
    u16(1), // frame_count
    zeros(32), // compressorname
    u16(0x0018), // depth
    u16(0xffff), // pre_defined -1
    avcC(spsNal, ppsNal),
  );
  const stbl = box(
    'stbl',
    fullBox('stsd', 0, 0, u32(1), sampleEntry),
    fullBox('stts', 0, 0, u32(1), u32(sampleSizes.length), u32(frameTicks)),
    fullBox('stsc', 0, 0, u32(1), u32(1), u32(sampleSizes.length), u32(1)),
    fullBox('stsz', 0, 0, u32(0), u32(sampleSizes.length), ...sampleSizes.map(u32)),
    fullBox('stco', 0, 0, u32(1), u32(mdatOffset)),
  );
  const minf = box(
    'minf',
    fullBox('vmhd', 0, 1, u16(0), zeros(6)),
    box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1))),
    stbl,
  );
  const mdia = box(
    'mdia',
    // language "und" packed as three 5-bit letters.
    fullBox('mdhd', 0, 0, u32(0), u32(0), u32(TIMESCALE), u32(duration), u16(0x55c4), u16(0)),
    fullBox('hdlr', 0, 0, u32(0), Buffer.from('vide'), zeros(12), Buffer.from('VideoHandler\0')),
    minf,
  );
  const tkhd = fullBox(
    'tkhd', 0, 3, // enabled, in movie
    u32(0), u32(0), u32(1), u32(0), u32(movieDuration),
    zeros(8), u16(0), u16(0), u16(0), u16(0), // reserved, layer, alternate_group, volume, reserved
    MATRIX,
    u32(width * 0x10000),
    u32(height * 0x10000),
  );
  const mvhd = fullBox(
    'mvhd', 0, 0,
    u32(0), u32(0), u32(1000), u32(movieDuration),
    u32(0x00010000), u16(0x0100), zeros(10), // rate 1.0, volume 1.0, reserved
    MATRIX,
    zeros(24), // pre_defined
    u32(2), // next_track_ID
  );
  return box('moov', mvhd, box('trak', tkhd, mdia));
}

/** The video as MP4 bytes. */
export function makeMp4(video = VIDEO) {
  const { width, height, fps, seconds } = video;
  const spsNal = sps(width, height);
  const ppsNal = pps();
  // Each sample: the frame's one NAL unit behind its 4-byte length.
  const samples = [];
  for (let n = 0; n < fps * seconds; n += 1) {
    const slice = idrSlice(width, height, drawFrame(n, video), n % 2);
    samples.push(u32(slice.length), Buffer.from(slice.buffer, slice.byteOffset, slice.length));
  }
  const sampleSizes = [];
  for (let i = 0; i < samples.length; i += 2) sampleSizes.push(4 + samples[i + 1].length);
  const ftyp = box('ftyp', Buffer.from('isom'), u32(0x200), Buffer.from('isomiso2avc1mp41'));
  // moov's size does not depend on the offset it holds: measure it, then place mdat after it.
  const size = moov(video, sampleSizes, spsNal, ppsNal, 0).length;
  const mdatOffset = ftyp.length + size + 8;
  const mdat = box('mdat', ...samples);
  return Buffer.concat([ftyp, moov(video, sampleSizes, spsNal, ppsNal, mdatOffset), mdat]);
}
