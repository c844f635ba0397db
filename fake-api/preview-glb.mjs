// A small animated figure as a glTF 2.0 binary (GLB), made from code: the
// content the fake's storage serves for a job's MAIN_GLB / ALL_GLB output, so
// that a viewer has a real animation to show. A humanoid skeleton of nodes
// (hips → spine → chest → neck → head; shoulder → upper arm → forearm and
// upper leg → lower leg → foot on each side), each node a box mesh, with one
// looping "Walk" clip. Y up, about 1.7 units tall, feet on y = 0, facing +Z.

/** How long the walk cycle lasts, in seconds. */
export const WALK_SECONDS = 2;
/** Keyframes per second of the walk (LINEAR between them). */
const KEYS_PER_SECOND = 12;

const SKIN = [0.96, 0.78, 0.64, 1];
const SHIRT = [0.16, 0.45, 0.82, 1];
const TROUSERS = [0.2, 0.22, 0.3, 1];
const MATERIALS = [
  { name: 'Skin', color: SKIN },
  { name: 'Shirt', color: SHIRT },
  { name: 'Trousers', color: TROUSERS },
];

// Each bone: its parent, its offset from the parent's origin, its box (min and
// max corners in its own space, so that the box runs from this joint towards
// the next) and its material index.
const box = (x0, y0, z0, x1, y1, z1) => ({ min: [x0, y0, z0], max: [x1, y1, z1] });
const BONES = [
  { name: 'Hips', parent: null, at: [0, 0.92, 0], box: box(-0.14, -0.06, -0.08, 0.14, 0.1, 0.08), material: 2 },
  { name: 'Spine', parent: 'Hips', at: [0, 0.1, 0], box: box(-0.13, 0, -0.07, 0.13, 0.2, 0.07), material: 1 },
  { name: 'Chest', parent: 'Spine', at: [0, 0.2, 0], box: box(-0.17, 0, -0.09, 0.17, 0.24, 0.09), material: 1 },
  { name: 'Neck', parent: 'Chest', at: [0, 0.24, 0], box: box(-0.04, 0, -0.04, 0.04, 0.06, 0.04), material: 0 },
  { name: 'Head', parent: 'Neck', at: [0, 0.06, 0], box: box(-0.09, 0, -0.09, 0.09, 0.2, 0.11), material: 0 },
  ...['Left', 'Right'].flatMap((side) => {
    const s = side === 'Left' ? 1 : -1;
    // Mirrored for the right side (0 - a, not -a: no negative zero in the data).
    const x = (a, b) => (s > 0 ? [a, b] : [0 - b, 0 - a]);
    const [sx0, sx1] = x(0, 0.14);
    return [
      { name: `${side}Shoulder`, parent: 'Chest', at: [0.05 * s, 0.2, 0], box: box(sx0, -0.04, -0.04, sx1, 0.04, 0.04), material: 1 },
      { name: `${side}UpperArm`, parent: `${side}Shoulder`, at: [0.15 * s, 0, 0], box: box(-0.045, -0.28, -0.045, 0.045, 0, 0.045), material: 1 },
      { name: `${side}ForeArm`, parent: `${side}UpperArm`, at: [0, -0.28, 0], box: box(-0.04, -0.26, -0.04, 0.04, 0, 0.04), material: 0 },
      { name: `${side}UpperLeg`, parent: 'Hips', at: [0.1 * s, -0.02, 0], box: box(-0.065, -0.41, -0.065, 0.065, 0, 0.065), material: 2 },
      { name: `${side}LowerLeg`, parent: `${side}UpperLeg`, at: [0, -0.41, 0], box: box(-0.055, -0.41, -0.055, 0.055, 0, 0.055), material: 2 },
      { name: `${side}Foot`, parent: `${side}LowerLeg`, at: [0, -0.41, 0], box: box(-0.05, -0.08, -0.05, 0.05, 0, 0.15), material: 0 },
    ];
  }),
];

/** The hips' height at rest (the walk bobs it). */
const HIPS_Y = BONES[0].at[1];

/** A rotation of `angle` radians about the unit axis `axis`, as glTF's [x, y, z, w]. */
function quaternion(axis, angle) {
  const s = Math.sin(angle / 2);
  return [axis[0] * s, axis[1] * s, axis[2] * s, Math.cos(angle / 2)];
}

/**
 * The walk at phase `p` (0..1, one cycle): each animated bone's rotation as
 * angles about X (positive swings the limb's end backwards, towards -Z) and,
 * for the chest, about Y. Every term is periodic in p, so the clip loops.
 */
function pose(p) {
  const w = 2 * Math.PI * p;
  const swing = Math.sin(w);
  const x = (angle) => quaternion([1, 0, 0], angle);
  return {
    LeftUpperLeg: x(-0.45 * swing),
    RightUpperLeg: x(0.45 * swing),
    // The knee bends (backwards) while its leg swings forwards.
    LeftLowerLeg: x(0.7 * Math.max(0, Math.sin(w + 0.6))),
    RightLowerLeg: x(0.7 * Math.max(0, Math.sin(w + Math.PI + 0.6))),
    LeftFoot: x(0.2 * Math.cos(w)),
    RightFoot: x(-0.2 * Math.cos(w)),
    // Arms swing against the legs; forearms bend forwards a little.
    LeftUpperArm: x(0.4 * swing),
    RightUpperArm: x(-0.4 * swing),
    LeftForeArm: x(-0.35 - 0.2 * Math.max(0, -swing)),
    RightForeArm: x(-0.35 - 0.2 * Math.max(0, swing)),
    Chest: quaternion([0, 1, 0], 0.12 * swing),
  };
}

/** The 24 corners (4 per face, for flat normals) and 36 indices of a box. */
function boxMesh({ min, max }) {
  const positions = [];
  const normals = [];
  const indices = [];
  // Each face: its normal axis and sign, and the two axes spanning it.
  for (const [axis, sign] of [[0, 1], [0, -1], [1, 1], [1, -1], [2, 1], [2, -1]]) {
    const u = (axis + 1) % 3;
    const v = (axis + 2) % 3;
    const base = positions.length / 3;
    for (const [a, b] of [[0, 0], [1, 0], [1, 1], [0, 1]]) {
      const corner = [0, 0, 0];
      corner[axis] = sign > 0 ? max[axis] : min[axis];
      corner[u] = a ? max[u] : min[u];
      corner[v] = b ? max[v] : min[v];
      positions.push(...corner);
      const normal = [0, 0, 0];
      normal[axis] = sign;
      normals.push(...normal);
    }
    // Counter-clockwise seen from outside: (u, v) is right-handed with the axis
    // for the + face, so the - face takes the other winding.
    const quad = sign > 0 ? [0, 1, 2, 0, 2, 3] : [0, 2, 1, 0, 3, 2];
    indices.push(...quad.map((i) => base + i));
  }
  return { positions, normals, indices };
}

/**
 * Collects typed arrays into one binary buffer (each view 4-byte aligned) and
 * the glTF bufferViews and accessors describing them.
 */
class BinaryBuilder {
  constructor() {
    this.parts = [];
    this.length = 0;
    this.bufferViews = [];
    this.accessors = [];
  }

  /** Adds `values` as an accessor; returns its index. */
  add(values, { type, componentType, target, minMax = false }) {
    const array = componentType === 5123 ? new Uint16Array(values) : new Float32Array(values);
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    const view = { buffer: 0, byteOffset: this.length, byteLength: bytes.length };
    if (target) view.target = target;
    this.parts.push(bytes);
    this.length += bytes.length;
    const pad = (4 - (this.length % 4)) % 4;
    if (pad) {
      this.parts.push(Buffer.alloc(pad));
      this.length += pad;
    }
    this.bufferViews.push(view);
    const width = { SCALAR: 1, VEC3: 3, VEC4: 4 }[type];
    const accessor = { bufferView: this.bufferViews.length - 1, componentType, count: values.length / width, type };
    if (minMax) {
      accessor.min = [];
      accessor.max = [];
      for (let c = 0; c < width; c += 1) {
        let lo = Infinity;
        let hi = -Infinity;
        // Of the float32 values as stored, so that min/max match the data exactly.
        for (let i = c; i < array.length; i += width) {
          lo = Math.min(lo, array[i]);
          hi = Math.max(hi, array[i]);
        }
        accessor.min.push(lo);
        accessor.max.push(hi);
      }
    }
    this.accessors.push(accessor);
    return this.accessors.length - 1;
  }

  bytes() {
    return Buffer.concat(this.parts);
  }
}

/** The figure's glTF JSON and binary buffer. */
function figure() {
  const bin = new BinaryBuilder();
  const index = new Map(BONES.map((bone, i) => [bone.name, i]));
  const meshes = BONES.map((bone) => {
    const { positions, normals, indices } = boxMesh(bone.box);
    const POSITION = bin.add(positions, { type: 'VEC3', componentType: 5126, target: 34962, minMax: true });
    const NORMAL = bin.add(normals, { type: 'VEC3', componentType: 5126, target: 34962 });
    const ind = bin.add(indices, { type: 'SCALAR', componentType: 5123, target: 34963 });
    return { name: bone.name, primitives: [{ attributes: { POSITION, NORMAL }, indices: ind, material: bone.material }] };
  });
  const nodes = BONES.map((bone, i) => {
    const node = { name: bone.name, mesh: i, translation: bone.at };
    const children = BONES.flatMap((child, j) => (child.parent === bone.name ? [j] : []));
    if (children.length) node.children = children;
    return node;
  });

  // One keyframe per 1/KEYS_PER_SECOND s, the last equal to the first: a seamless loop.
  const keys = WALK_SECONDS * KEYS_PER_SECOND;
  const times = Array.from({ length: keys + 1 }, (_, k) => k / KEYS_PER_SECOND);
  const poses = times.map((_, k) => pose((k % keys) / keys));
  const input = bin.add(times, { type: 'SCALAR', componentType: 5126, minMax: true });
  const samplers = [];
  const channels = [];
  for (const name of Object.keys(poses[0])) {
    const output = bin.add(poses.flatMap((p) => p[name]), { type: 'VEC4', componentType: 5126 });
    samplers.push({ input, output, interpolation: 'LINEAR' });
    channels.push({ sampler: samplers.length - 1, target: { node: index.get(name), path: 'rotation' } });
  }
  // The hips bob twice per cycle (once per step), a little.
  const bob = poses.map((_, k) => [0, HIPS_Y + 0.025 * Math.cos((4 * Math.PI * (k % keys)) / keys), 0]);
  samplers.push({ input, output: bin.add(bob.flat(), { type: 'VEC3', componentType: 5126 }), interpolation: 'LINEAR' });
  channels.push({ sampler: samplers.length - 1, target: { node: 0, path: 'translation' } });

  const buffer = bin.bytes();
  const json = {
    asset: { version: '2.0', generator: 'move-ugc fake-api previews.mjs' },
    scene: 0,
    scenes: [{ name: 'Figure', nodes: [0] }],
    nodes,
    meshes,
    materials: MATERIALS.map(({ name, color }) => ({ name, pbrMetallicRoughness: { baseColorFactor: color, metallicFactor: 0, roughnessFactor: 0.7 } })),
    animations: [{ name: 'Walk', samplers, channels }],
    accessors: bin.accessors,
    bufferViews: bin.bufferViews,
    buffers: [{ byteLength: buffer.length }],
  };
  return { json, buffer };
}

/** A chunk of a GLB: length, type, data padded to 4 bytes with `pad`. */
function chunk(type, data, pad) {
  const padded = Buffer.alloc(Math.ceil(data.length / 4) * 4, pad);
  data.copy(padded);
  const head = Buffer.alloc(8);
  head.writeUInt32LE(padded.length, 0);
  head.writeUInt32LE(type, 4);
  return Buffer.concat([head, padded]);
}

/** The figure as GLB bytes: header, JSON chunk (space-padded), BIN chunk (zero-padded). */
export function makeGlb() {
  const { json, buffer } = figure();
  const jsonChunk = chunk(0x4e4f534a, Buffer.from(JSON.stringify(json)), 0x20);
  const binChunk = chunk(0x004e4942, buffer, 0);
  const header = Buffer.alloc(12);
  header.writeUInt32LE(0x46546c67, 0); // "glTF"
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + jsonChunk.length + binChunk.length, 8);
  return Buffer.concat([header, jsonChunk, binChunk]);
}

/** The names of the figure's nodes, in glTF order (for tests). */
export const FIGURE_NODES = BONES.map((bone) => bone.name);
