// The real content the fake's storage serves for the outputs a viewer shows
// (fake-api/previews.mjs): the GLB is valid glTF 2.0 that three.js loads and
// animates, the MP4 a well-formed H.264 track; the fake serves them through
// the package's files.download (and by byte range, as S3 does), while a test's
// explicit outputBytes still gets the deterministic bytes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import gltfValidator from 'gltf-validator';
import { AnimationMixer, Box3, Mesh } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';

import { previewFor, previewGlb, previewMp4 } from '../../fake-api/previews.mjs';
import { FIGURE_NODES, WALK_SECONDS } from '../../fake-api/preview-glb.mjs';
import { VIDEO } from '../../fake-api/preview-mp4.mjs';
import { outputContent, startFakeApi } from '../../fake-api/server.mjs';
import { clientOf, useFakeApi } from './helpers.mjs';

// ---- the GLB ----

/** The GLB's header and chunks, checked for lengths as they are read. */
function glbParts(glb) {
  assert.equal(glb.readUInt32LE(0), 0x46546c67, 'magic "glTF"');
  assert.equal(glb.readUInt32LE(4), 2, 'container version 2');
  assert.equal(glb.readUInt32LE(8), glb.length, 'the header gives the whole length');
  const chunks = [];
  for (let at = 12; at < glb.length; ) {
    const length = glb.readUInt32LE(at);
    assert.equal(length % 4, 0, 'chunks are 4-byte aligned');
    assert.ok(at + 8 + length <= glb.length, 'the chunk fits in the file');
    chunks.push({ type: glb.readUInt32LE(at + 4), data: glb.subarray(at + 8, at + 8 + length) });
    at += 8 + length;
  }
  assert.equal(chunks.length, 2);
  assert.equal(chunks[0].type, 0x4e4f534a, 'JSON first');
  assert.equal(chunks[1].type, 0x004e4942, 'then BIN');
  return { json: JSON.parse(chunks[0].data.toString('utf8')), bin: chunks[1].data };
}

const WIDTH = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };
const COMPONENT = { 5123: 2, 5125: 4, 5126: 4 };

/** An accessor's values (float or unsigned short), read from the BIN chunk. */
function values(json, bin, index) {
  const accessor = json.accessors[index];
  const view = json.bufferViews[accessor.bufferView];
  const start = view.byteOffset + (accessor.byteOffset ?? 0);
  const n = accessor.count * WIDTH[accessor.type];
  const read = accessor.componentType === 5126 ? (i) => bin.readFloatLE(start + 4 * i) : (i) => bin.readUInt16LE(start + 2 * i);
  return Array.from({ length: n }, (_, i) => read(i));
}

/** The GLB loaded by three.js's GLTFLoader, as a page's viewer loads it. */
function loadGltf(glb) {
  const buffer = glb.buffer.slice(glb.byteOffset, glb.byteOffset + glb.length);
  return new Promise((resolve, reject) => new GLTFLoader().parse(buffer, '', resolve, reject));
}

describe('the preview GLB', () => {
  it('is a GLB container holding glTF 2.0 JSON and its binary buffer', () => {
    const { json, bin } = glbParts(previewGlb());
    assert.equal(json.asset.version, '2.0');
    assert.equal(json.buffers.length, 1);
    assert.ok(json.buffers[0].byteLength <= bin.length && bin.length - json.buffers[0].byteLength < 4, 'the BIN chunk is the buffer, padded');
    assert.equal(json.scenes[json.scene].nodes.length, 1, 'one root: the hips');
  });

  it("passes Khronos's glTF validator without an error, warning, info or hint", async () => {
    const report = await gltfValidator.validateBytes(new Uint8Array(previewGlb()));
    assert.deepEqual(report.issues.messages, []);
    assert.equal(report.issues.numErrors + report.issues.numWarnings + report.issues.numInfos + report.issues.numHints, 0);
    assert.equal(report.info.animationCount, 1);
  });

  it('keeps every bufferView inside the buffer and every accessor inside its bufferView', () => {
    const { json } = glbParts(previewGlb());
    for (const [i, view] of json.bufferViews.entries()) {
      assert.equal(view.byteOffset % 4, 0, `bufferView ${i} is 4-byte aligned`);
      assert.ok(view.byteOffset + view.byteLength <= json.buffers[0].byteLength, `bufferView ${i} inside the buffer`);
    }
    for (const [i, accessor] of json.accessors.entries()) {
      const view = json.bufferViews[accessor.bufferView];
      const bytes = accessor.count * WIDTH[accessor.type] * COMPONENT[accessor.componentType];
      assert.ok((accessor.byteOffset ?? 0) + bytes <= view.byteLength, `accessor ${i} inside its bufferView`);
    }
  });

  it('gives vertex data and indices their bufferView targets, and animation data none', () => {
    const { json } = glbParts(previewGlb());
    const targetOf = (accessor) => json.bufferViews[json.accessors[accessor].bufferView].target;
    for (const mesh of json.meshes) {
      for (const p of mesh.primitives) {
        assert.equal(targetOf(p.attributes.POSITION), 34962);
        assert.equal(targetOf(p.attributes.NORMAL), 34962);
        assert.equal(targetOf(p.indices), 34963);
      }
    }
    for (const s of json.animations[0].samplers) {
      assert.equal(targetOf(s.input), undefined);
      assert.equal(targetOf(s.output), undefined);
    }
  });

  it('states the exact min and max of every POSITION and of the keyframe times', () => {
    const { json, bin } = glbParts(previewGlb());
    const checked = [...json.meshes.map((m) => m.primitives[0].attributes.POSITION), json.animations[0].samplers[0].input];
    for (const index of checked) {
      const accessor = json.accessors[index];
      const width = WIDTH[accessor.type];
      const data = values(json, bin, index);
      for (let c = 0; c < width; c += 1) {
        const column = data.filter((_, i) => i % width === c);
        assert.equal(accessor.min[c], Math.min(...column), `accessor ${index} min[${c}]`);
        assert.equal(accessor.max[c], Math.max(...column), `accessor ${index} max[${c}]`);
      }
    }
  });

  it('is a humanoid of named nodes, each a box mesh with a PBR material', () => {
    const { json, bin } = glbParts(previewGlb());
    assert.deepEqual(json.nodes.map((n) => n.name), FIGURE_NODES);
    for (const name of ['Hips', 'Spine', 'Chest', 'Neck', 'Head', 'LeftUpperArm', 'RightForeArm', 'LeftUpperLeg', 'RightFoot']) {
      assert.ok(FIGURE_NODES.includes(name), name);
    }
    // A tree: every node but the root is the child of exactly one node.
    const children = json.nodes.flatMap((n) => n.children ?? []);
    assert.deepEqual([...children].sort((a, b) => a - b), json.nodes.map((_, i) => i).slice(1));
    assert.equal(json.meshes.length, json.nodes.length);
    for (const mesh of json.meshes) {
      const [p] = mesh.primitives;
      assert.equal(json.accessors[p.attributes.POSITION].count, 24);
      assert.equal(json.accessors[p.indices].count, 36);
      assert.ok(values(json, bin, p.indices).every((i) => i < 24), 'indices inside the vertices');
      assert.equal(json.materials[p.material].pbrMetallicRoughness.baseColorFactor.length, 4);
    }
  });

  it('has one "Walk" clip of LINEAR keyframes: normalised quaternions, a loop that ends where it starts', () => {
    const { json, bin } = glbParts(previewGlb());
    assert.equal(json.animations.length, 1);
    const [walk] = json.animations;
    assert.equal(walk.name, 'Walk');
    const rotations = walk.channels.filter((c) => c.target.path === 'rotation');
    assert.ok(rotations.length >= 8, 'legs, arms and more turn');
    assert.ok(walk.channels.some((c) => c.target.path === 'translation' && json.nodes[c.target.node].name === 'Hips'), 'the hips bob');
    for (const channel of walk.channels) {
      const sampler = walk.samplers[channel.sampler];
      assert.equal(sampler.interpolation, 'LINEAR');
      const times = values(json, bin, sampler.input);
      assert.equal(times[0], 0);
      assert.equal(times.at(-1), WALK_SECONDS);
      const out = values(json, bin, sampler.output);
      const width = channel.target.path === 'rotation' ? 4 : 3;
      assert.equal(out.length, times.length * width);
      assert.deepEqual(out.slice(0, width), out.slice(-width), `${channel.target.path} of ${json.nodes[channel.target.node].name} loops`);
      if (width === 4) {
        for (let i = 0; i < out.length; i += 4) {
          assert.ok(Math.abs(Math.hypot(...out.slice(i, i + 4)) - 1) < 1e-6, 'a unit quaternion');
        }
      }
    }
  });

  it('loads in three.js: one clip of 2 s, the figure standing on y = 0, about 1.7 tall, facing +Z', async () => {
    const gltf = await loadGltf(previewGlb());
    assert.equal(gltf.animations.length, 1);
    assert.equal(gltf.animations[0].name, 'Walk');
    assert.ok(Math.abs(gltf.animations[0].duration - WALK_SECONDS) < 1e-6, `duration ${gltf.animations[0].duration}`);
    let meshes = 0;
    gltf.scene.traverse((o) => {
      if (o instanceof Mesh) meshes += 1;
    });
    assert.equal(meshes, FIGURE_NODES.length);
    const box = new Box3().setFromObject(gltf.scene);
    assert.ok(Math.abs(box.min.y) < 1e-6, `feet on the floor: ${box.min.y}`);
    assert.ok(box.max.y > 1.6 && box.max.y < 1.8, `height ${box.max.y}`);
    const foot = new Box3().setFromObject(gltf.scene.getObjectByName('LeftFoot'));
    assert.ok(foot.max.z > -foot.min.z, 'the toes point to +Z');
  });

  it('animates in three.js: the limbs are posed differently at two times, and again alike a cycle later', async () => {
    const gltf = await loadGltf(previewGlb());
    const mixer = new AnimationMixer(gltf.scene);
    mixer.clipAction(gltf.animations[0]).play();
    const pose = (t) => {
      mixer.setTime(t);
      return ['LeftUpperLeg', 'RightUpperArm', 'Hips'].flatMap((name) => {
        const node = gltf.scene.getObjectByName(name);
        return [...node.quaternion.toArray(), ...node.position.toArray()];
      });
    };
    const quarter = pose(WALK_SECONDS / 4);
    const threeQuarters = pose((3 * WALK_SECONDS) / 4);
    const difference = quarter.reduce((sum, v, i) => sum + Math.abs(v - threeQuarters[i]), 0);
    assert.ok(difference > 0.3, `the poses differ (${difference})`);
    const again = pose(WALK_SECONDS / 4 + WALK_SECONDS);
    again.forEach((v, i) => assert.ok(Math.abs(v - quarter[i]) < 1e-5, 'the same pose a cycle later'));
  });
});

// ---- the MP4 ----

/** The boxes of `data` (type, content) in order; `into` lists container boxes to open. */
function boxes(data, into = ['moov', 'trak', 'mdia', 'minf', 'stbl']) {
  const found = [];
  for (let at = 0; at < data.length; ) {
    const size = data.readUInt32BE(at);
    assert.ok(size >= 8 && at + size <= data.length, `a box fits its parent (at ${at}, size ${size})`);
    const type = data.toString('latin1', at + 4, at + 8);
    const content = data.subarray(at + 8, at + size);
    found.push({ type, content, offset: at });
    if (into.includes(type)) found.push(...boxes(content, into).map((b) => ({ ...b, offset: b.offset + at + 8 })));
    at += size;
  }
  return found;
}

/** Reads bits and Exp-Golomb codes of an RBSP (emulation prevention removed). */
function bitReader(bytes) {
  let bit = 0;
  const u = (n) => {
    let v = 0;
    for (let i = 0; i < n; i += 1, bit += 1) v = v * 2 + ((bytes[bit >> 3] >> (7 - (bit & 7))) & 1);
    return v;
  };
  const ue = () => {
    let zeros = 0;
    while (u(1) === 0) zeros += 1;
    return 2 ** zeros - 1 + u(zeros);
  };
  return { u, ue };
}

/** A NAL unit's RBSP: its payload after the header byte without the 0x03 emulation prevention bytes. */
function rbsp(nal) {
  const out = [];
  let zeros = 0;
  for (const byte of nal.subarray(1)) {
    if (zeros >= 2 && byte === 3) {
      zeros = 0;
      continue;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

describe('the preview MP4', () => {
  const mp4 = previewMp4();
  const all = boxes(mp4);
  const find = (type) => all.find((b) => b.type === type);
  const frames = VIDEO.fps * VIDEO.seconds;

  it('is ftyp, then moov, then mdat, at the top level', () => {
    assert.deepEqual(
      boxes(mp4, []).map((b) => b.type),
      ['ftyp', 'moov', 'mdat'],
    );
    assert.equal(find('ftyp').content.toString('latin1', 0, 4), 'isom');
    assert.ok(!all.some((b) => b.type === 'moof'), 'not fragmented');
  });

  it(`lasts ${VIDEO.seconds} s in the movie and in the track, ${frames} frames of ${VIDEO.width}×${VIDEO.height}`, () => {
    const mvhd = find('mvhd').content;
    assert.equal(mvhd.readUInt32BE(16) / mvhd.readUInt32BE(12), VIDEO.seconds);
    const mdhd = find('mdhd').content;
    assert.equal(mdhd.readUInt32BE(16) / mdhd.readUInt32BE(12), VIDEO.seconds);
    const tkhd = find('tkhd').content;
    assert.equal(tkhd.readUInt32BE(76) / 0x10000, VIDEO.width);
    assert.equal(tkhd.readUInt32BE(80) / 0x10000, VIDEO.height);
    assert.equal(find('hdlr').content.toString('latin1', 8, 12), 'vide');
    const stts = find('stts').content;
    assert.equal(stts.readUInt32BE(4), 1);
    assert.equal(stts.readUInt32BE(8), frames);
    assert.equal(stts.readUInt32BE(8) * stts.readUInt32BE(12), mdhd.readUInt32BE(16), 'the samples fill the track');
  });

  it('places every sample in mdat: stsz sizes sum to its payload, stco points at its start', () => {
    const stsz = find('stsz').content;
    assert.equal(stsz.readUInt32BE(4), 0, 'sizes per sample');
    assert.equal(stsz.readUInt32BE(8), frames);
    const sizes = Array.from({ length: frames }, (_, i) => stsz.readUInt32BE(12 + 4 * i));
    const mdat = find('mdat');
    assert.equal(sizes.reduce((a, b) => a + b, 0), mdat.content.length);
    const stco = find('stco').content;
    assert.equal(stco.readUInt32BE(4), 1, 'one chunk');
    assert.equal(stco.readUInt32BE(8), mdat.offset + 8);
    const stsc = find('stsc').content;
    assert.deepEqual([1, 1, frames, 1].map((_, i) => stsc.readUInt32BE(4 + 4 * i)), [1, 1, frames, 1]);
  });

  it('describes H.264 Constrained Baseline in avcC: one SPS (NAL 7) of the picture size, one PPS (NAL 8)', () => {
    const stsd = find('stsd').content;
    const entry = stsd.subarray(8);
    assert.equal(entry.toString('latin1', 4, 8), 'avc1');
    const avc1 = entry.subarray(8, entry.readUInt32BE(0));
    assert.equal(avc1.readUInt16BE(24), VIDEO.width);
    assert.equal(avc1.readUInt16BE(26), VIDEO.height);
    const avcC = avc1.subarray(78);
    assert.equal(avcC.toString('latin1', 4, 8), 'avcC');
    const config = avcC.subarray(8);
    assert.deepEqual([config[0], config[1], config[3]], [1, 66, 30], 'version 1, Baseline, level 3.0');
    assert.equal(config[4] & 3, 3, '4-byte NAL lengths');
    assert.equal(config[5] & 31, 1, 'one SPS');
    const spsLength = config.readUInt16BE(6);
    const sps = config.subarray(8, 8 + spsLength);
    assert.equal(sps[0] & 31, 7);
    assert.equal(config[8 + spsLength], 1, 'one PPS');
    const pps = config.subarray(11 + spsLength, 11 + spsLength + config.readUInt16BE(9 + spsLength));
    assert.equal(pps[0] & 31, 8);
    assert.equal(11 + spsLength + pps.length, config.length, 'nothing after the PPS');
    // The SPS's fields up to the picture size.
    const r = bitReader(rbsp(sps));
    assert.deepEqual([r.u(8), r.u(8), r.u(8)], [66, 0xc0, 30]);
    assert.equal(r.ue(), 0, 'seq_parameter_set_id');
    r.ue(); // log2_max_frame_num_minus4
    assert.equal(r.ue(), 2, 'pic_order_cnt_type 2');
    r.ue(); // max_num_ref_frames
    r.u(1); // gaps_in_frame_num_value_allowed_flag
    assert.equal((r.ue() + 1) * 16, VIDEO.width);
    assert.equal((r.ue() + 1) * 16, VIDEO.height);
    assert.equal(r.u(1), 1, 'frame_mbs_only_flag');
  });

  it('holds one IDR slice (NAL 5) of I_PCM macroblocks per sample, behind its 4-byte length, with no start code inside', () => {
    const mdat = find('mdat').content;
    const stsz = find('stsz').content;
    const idrIds = [];
    let at = 0;
    for (let i = 0; i < frames; i += 1) {
      const size = stsz.readUInt32BE(12 + 4 * i);
      const length = mdat.readUInt32BE(at);
      assert.equal(4 + length, size, `sample ${i}: one NAL unit`);
      const nal = mdat.subarray(at + 4, at + size);
      assert.equal(nal[0] & 31, 5, 'an IDR slice');
      assert.equal(nal[0] >> 5, 3, 'a reference picture');
      for (let j = 2; j < nal.length; j += 1) {
        assert.ok(!(nal[j - 2] === 0 && nal[j - 1] === 0 && nal[j] <= 2), `sample ${i}: no 0x0000 0${nal[j]} inside`);
      }
      const r = bitReader(rbsp(nal));
      assert.equal(r.ue(), 0, 'first_mb_in_slice');
      assert.equal(r.ue(), 7, 'an I slice');
      r.ue(); // pic_parameter_set_id
      r.u(4); // frame_num
      idrIds.push(r.ue());
      r.u(2); // dec_ref_pic_marking
      r.ue(); // slice_qp_delta
      r.ue(); // disable_deblocking_filter_idc
      assert.equal(r.ue(), 25, 'the first macroblock is I_PCM');
      at += size;
    }
    idrIds.slice(1).forEach((id, i) => assert.notEqual(id, idrIds[i], 'consecutive IDR pictures differ in idr_pic_id'));
  });

  it('moves: frames half a second apart differ', () => {
    const mdat = find('mdat').content;
    const stsz = find('stsz').content;
    // Each sample where stsz says it is (a 4-byte length, then the slice); past its header bytes.
    const starts = [0];
    for (let i = 0; i < frames; i += 1) starts.push(starts[i] + stsz.readUInt32BE(12 + 4 * i));
    const sample = (i) => mdat.subarray(starts[i] + 16, starts[i + 1]);
    const [first, later] = [sample(0), sample(6)];
    assert.equal(first.length, later.length, 'I_PCM frames of one size');
    let differing = 0;
    for (let i = 0; i < first.length; i += 1) if (first[i] !== later[i]) differing += 1;
    assert.ok(differing > 500, `${differing} bytes differ`);
  });
});

// ---- served by the fake ----

describe('the fake serves the previews', () => {
  const api = useFakeApi();

  it('previewFor gives the GLB for the GLB formats, the MP4 for the videos, nothing for the rest', () => {
    assert.equal(previewFor('MAIN_GLB'), previewGlb());
    assert.equal(previewFor('ALL_GLB'), previewGlb());
    assert.equal(previewFor('RENDER_VIDEO'), previewMp4());
    assert.equal(previewFor('RENDER_OVERLAY_VIDEO'), previewMp4());
    assert.equal(previewFor('MAIN_FBX'), null);
    assert.equal(previewFor('MOTION_DATA'), null);
  });

  it('files.download of a MAIN_GLB and a RENDER_VIDEO output gives the preview bytes; other outputs their 4096 bytes', async () => {
    const ugc = clientOf(api.fake);
    const seeded = api.fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_GLB', 'RENDER_VIDEO', 'RENDER_OVERLAY_VIDEO', 'ALL_GLB', 'MAIN_FBX'] });
    const job = await ugc.jobs.retrieve(seeded.id, { expand: ['outputs'] });
    const byFormat = Object.fromEntries(job.outputs.map((o) => [o.format, o]));
    assert.ok(Buffer.from(await ugc.files.download(byFormat.MAIN_GLB.file)).equals(previewGlb()));
    assert.ok(Buffer.from(await ugc.files.download(byFormat.ALL_GLB.file.id)).equals(previewGlb()));
    assert.ok(Buffer.from(await ugc.files.download(byFormat.RENDER_VIDEO.file)).equals(previewMp4()));
    assert.ok(Buffer.from(await ugc.files.download(byFormat.RENDER_OVERLAY_VIDEO.file)).equals(previewMp4()));
    const fbx = byFormat.MAIN_FBX.file;
    assert.ok(Buffer.from(await ugc.files.download(fbx)).equals(outputContent(fbx.id, 4096)));
    // What the files say they are, so that a page knows what it got.
    assert.deepEqual([byFormat.MAIN_GLB.file.type, byFormat.MAIN_GLB.file.name], ['glb', 'main_glb.glb']);
    assert.deepEqual([byFormat.ALL_GLB.file.type, byFormat.ALL_GLB.file.name], ['glb', 'all_glb.glb']);
    assert.deepEqual([byFormat.RENDER_VIDEO.file.type, byFormat.RENDER_VIDEO.file.name], ['mp4', 'render_video.mp4']);
    const file = await ugc.files.retrieve(byFormat.MAIN_GLB.file.id);
    assert.equal(file.type, 'glb');
  });

  it('answers with the content type and length of the preview', async () => {
    const job = api.fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_GLB', 'RENDER_VIDEO', 'MAIN_FBX'] });
    const expected = { MAIN_GLB: ['model/gltf-binary', previewGlb()], RENDER_VIDEO: ['video/mp4', previewMp4()], MAIN_FBX: ['application/octet-stream', null] };
    for (const { format, file } of job.outputFiles) {
      const response = await fetch(`${api.fake.url.replace(/\/graphql$/, '')}/__fake/files/${file.id}`);
      const body = Buffer.from(await response.arrayBuffer());
      const [type, bytes] = expected[format];
      assert.equal(response.headers.get('content-type'), type, format);
      assert.equal(Number(response.headers.get('content-length')), body.length, format);
      if (bytes) assert.ok(body.equals(bytes), format);
    }
  });

  it('serves byte ranges as S3 does: 206 with Content-Range, a suffix range, 416 past the end', async () => {
    const job = api.fake.store.addJob({ state: 'FINISHED', outputs: ['RENDER_VIDEO', 'MAIN_FBX'] });
    const [video, fbx] = job.outputFiles.map((o) => `${api.fake.url.replace(/\/graphql$/, '')}/__fake/files/${o.file.id}`);
    const mp4 = previewMp4();
    const part = await fetch(video, { headers: { range: 'bytes=100-70099' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 100-70099/${mp4.length}`);
    assert.equal(part.headers.get('accept-ranges'), 'bytes');
    assert.ok(Buffer.from(await part.arrayBuffer()).equals(mp4.subarray(100, 70100)));
    const open = await fetch(video, { headers: { range: `bytes=${mp4.length - 10}-` } });
    assert.ok(Buffer.from(await open.arrayBuffer()).equals(mp4.subarray(-10)));
    const suffix = await fetch(fbx, { headers: { range: 'bytes=-96' } });
    assert.equal(suffix.status, 206);
    assert.equal(suffix.headers.get('content-range'), 'bytes 4000-4095/4096');
    assert.ok(Buffer.from(await suffix.arrayBuffer()).equals(outputContent(job.outputFiles[1].file.id, 4096).subarray(4000)));
    const past = await fetch(fbx, { headers: { range: 'bytes=4096-' } });
    assert.equal(past.status, 416);
    assert.equal(past.headers.get('content-range'), 'bytes */4096');
    await past.arrayBuffer();
  });

  it("keeps a job's explicit outputBytes: the deterministic bytes of that size, whatever the format", async () => {
    const ugc = clientOf(api.fake);
    const job = api.fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_GLB', 'RENDER_VIDEO'], outputBytes: 5000 });
    for (const { file } of job.outputFiles) {
      assert.ok(Buffer.from(await ugc.files.download(file.id)).equals(outputContent(file.id, 5000)));
    }
  });

  it("keeps the store's explicit outputBytes (startFakeApi's option) for every output", async () => {
    const fake = await startFakeApi({ outputBytes: 777 });
    try {
      const ugc = clientOf(fake);
      const job = fake.store.addJob({ state: 'FINISHED', outputs: ['MAIN_GLB', 'RENDER_OVERLAY_VIDEO'] });
      for (const { file } of job.outputFiles) {
        assert.ok(Buffer.from(await ugc.files.download(file.id)).equals(outputContent(file.id, 777)));
      }
      const seeded = await (
        await fetch(`${fake.url.replace(/\/graphql$/, '')}/__fake/seed`, { method: 'POST', body: JSON.stringify({ job: { state: 'FINISHED', outputs: ['MAIN_GLB'], outputBytes: 99 } }) })
      ).json();
      const [output] = fake.store.jobs.get(seeded.jobId).outputFiles;
      assert.ok(Buffer.from(await ugc.files.download(output.file.id)).equals(outputContent(output.file.id, 99)), 'a seed with outputBytes');
    } finally {
      await fake.close();
    }
  });
});
