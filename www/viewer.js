// The 3D view of a job's result: a GLB output (the animated figure) drawn by
// three.js, with play/pause, a time scrubber, a time readout and an orbit
// camera. three.js comes from the repo's own npm install through the page's
// import map (no CDN); this module is imported only when a result is shown, so
// the page opens without loading three.js.

import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

import { el } from './dom.js';

/** Device pixels per CSS pixel, capped: a 3× phone screen would draw 9× the pixels for no visible gain. */
const MAX_PIXEL_RATIO = 2;

/** Seconds as the readout shows them. */
const seconds = (s) => `${s.toFixed(2)} s`;

/** GLB bytes → the parsed glTF, or a rejection with the loader's reason. */
function parseGlb(bytes) {
  return new Promise((resolve, reject) => new GLTFLoader().parse(bytes, '', resolve, reject));
}

/** Whether `bytes` (an ArrayBuffer) begins with the 4 bytes of `magic`. */
function startsWith(bytes, magic) {
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  return head.length === magic.length && [...magic].every((c, i) => head[i] === c.charCodeAt(0));
}

/**
 * Why `bytes` cannot be a GLB, in words, or null if they start as one. ALL_GLB
 * may come as a zip of several files on the real API (it is not documented):
 * that gets a sentence of its own rather than the loader's parse error.
 */
function notAGlb(bytes) {
  if (startsWith(bytes, 'PK\x03\x04')) return 'This output is a zip archive (several files): download it to open it.';
  if (!startsWith(bytes, 'glTF')) return 'This GLB file could not be shown: it does not start as a GLB file does (glTF).';
  return null;
}

const NO_WEBGL = 'This browser cannot draw 3D (WebGL is off or unavailable); download the GLB instead.';

/**
 * A WebGL renderer on a canvas of our own, or null when the browser gives no
 * WebGL 2 context. The context is asked for here, with the attributes three.js
 * would ask for, so that a browser without WebGL is told in words rather than
 * by three.js's console error and throw.
 */
function createRenderer() {
  const canvas = document.createElement('canvas');
  const attributes = { alpha: true, depth: true, stencil: false, antialias: true, premultipliedAlpha: true, preserveDrawingBuffer: false };
  const context = canvas.getContext('webgl2', attributes);
  if (!context) return null;
  try {
    return new THREE.WebGLRenderer({ canvas, context, antialias: true });
  } catch {
    return null;
  }
}

/**
 * A 3D view in `container` (emptied and filled with a canvas and its
 * controls). `show(bytes)` draws the GLB in `bytes` (an ArrayBuffer) and
 * plays its first animation clip in a loop; a GLB that does not parse, a zip,
 * or a browser without WebGL gets a sentence instead. `setStatus(text)` writes
 * the status line (the download's progress, or its failure). `dispose()`
 * stops the loop and frees the WebGL context, the geometries, materials and
 * textures (Chromium keeps only ~16 contexts, so every view must be disposed
 * when its job is closed).
 */
export function createResultViewer(container) {
  const status = el('p', { class: 'viewer-status muted', 'aria-live': 'polite' }, 'Loading the 3D view…');
  const stage = el('div', { class: 'viewer-stage' });
  const play = el('button', { type: 'button', class: 'viewer-play', disabled: true }, 'Pause');
  const scrubber = el('input', { type: 'range', class: 'viewer-scrubber', min: 0, max: 0, step: 0.01, value: 0, disabled: true, 'aria-label': 'Animation time' });
  const readout = el('output', { class: 'viewer-time', 'aria-live': 'off' }, seconds(0));
  const bar = el('div', { class: 'viewer-controls' }, play, scrubber, readout);
  container.replaceChildren(stage, bar, status);

  let renderer = null;
  let controls = null;
  let scene = null;
  let camera = null;
  let mixer = null;
  let action = null;
  let resizer = null;
  let disposed = false;
  let needsRender = true;
  let last = null;

  function setPlaying(playing) {
    if (!action) return;
    action.paused = !playing;
    play.textContent = playing ? 'Pause' : 'Play';
    last = null;
  }

  function showTime() {
    const t = action ? action.time : 0;
    scrubber.value = String(t);
    readout.textContent = `${seconds(t)} / ${seconds(action ? action.getClip().duration : 0)}`;
  }

  function seek(t) {
    setPlaying(false);
    action.time = t;
    mixer.update(0);
    showTime();
    needsRender = true;
  }

  function resize() {
    const width = stage.clientWidth;
    const height = stage.clientHeight;
    if (!renderer || width === 0 || height === 0) return;
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    needsRender = true;
  }

  // One frame: the clip moves on while playing; the scene is drawn only when
  // something changed (playing, orbiting, seeking, resizing), and not at all
  // while the view is hidden (another tab of the page is shown).
  function frame(now) {
    if (stage.offsetParent === null) {
      last = null;
      return;
    }
    if (action && !action.paused) {
      const delta = last === null ? 0 : (now - last) / 1000;
      last = now;
      mixer.update(delta);
      showTime();
      needsRender = true;
    }
    if (needsRender) {
      renderer.render(scene, camera);
      needsRender = false;
    }
  }

  /** Points the camera at the figure from the front (+Z), a little from the side and above. */
  function frameFigure(model) {
    const box = new THREE.Box3().setFromObject(model);
    const size = box.getSize(new THREE.Vector3());
    const center = box.getCenter(new THREE.Vector3());
    const extent = Math.max(size.x, size.y, size.z, 0.1);
    const distance = (extent / 2 / Math.tan(THREE.MathUtils.degToRad(camera.fov / 2))) * 1.3;
    camera.near = distance / 100;
    camera.far = distance * 100;
    camera.position.set(center.x + distance * 0.35, center.y + extent * 0.25, center.z + distance);
    camera.updateProjectionMatrix();
    controls.target.copy(center);
    controls.update();
    const grid = new THREE.GridHelper(extent * 4, 16, 0x8a94a3, 0xc9d0d8);
    grid.position.y = box.min.y;
    scene.add(grid);
  }

  async function show(bytes) {
    if (disposed) return;
    const wrong = notAGlb(bytes);
    if (wrong) {
      status.textContent = wrong;
      return;
    }
    let gltf;
    try {
      gltf = await parseGlb(bytes);
    } catch (error) {
      if (!disposed) status.textContent = `This GLB file could not be shown: ${error?.message ?? error}`;
      return;
    }
    if (disposed) return;

    renderer = createRenderer();
    if (!renderer) {
      status.textContent = NO_WEBGL;
      return;
    }
    renderer.setPixelRatio(Math.min(window.devicePixelRatio, MAX_PIXEL_RATIO));
    renderer.setClearColor(0xf3f5f7);
    // role="img": a bare canvas's aria-label is not read by screen readers.
    renderer.domElement.setAttribute('role', 'img');
    renderer.domElement.setAttribute('aria-label', '3D view of the animation');
    stage.append(renderer.domElement);

    scene = new THREE.Scene();
    scene.add(new THREE.HemisphereLight(0xffffff, 0x8d8d8d, 2.5));
    const sun = new THREE.DirectionalLight(0xffffff, 2);
    sun.position.set(3, 6, 4);
    scene.add(sun);
    scene.add(gltf.scene);

    camera = new THREE.PerspectiveCamera(40, 4 / 3, 0.01, 100);
    controls = new OrbitControls(camera, renderer.domElement);
    controls.addEventListener('change', () => {
      needsRender = true;
    });
    frameFigure(gltf.scene);

    const clip = gltf.animations[0];
    if (clip) {
      mixer = new THREE.AnimationMixer(gltf.scene);
      action = mixer.clipAction(clip);
      action.play();
      scrubber.max = String(clip.duration);
      scrubber.disabled = false;
      play.disabled = false;
      setPlaying(true);
      showTime();
      status.textContent = `${clip.name || 'Animation'} · ${seconds(clip.duration)} · drag to orbit`;
    } else {
      status.textContent = 'This GLB has no animation: a still figure · drag to orbit';
    }

    resizer = new ResizeObserver(resize);
    resizer.observe(stage);
    resize();
    renderer.setAnimationLoop(frame);
  }

  play.addEventListener('click', () => setPlaying(action?.paused ?? false));
  // Dragging the scrubber seeks and pauses; playing again goes on from there.
  scrubber.addEventListener('input', () => seek(Number(scrubber.value)));

  function dispose() {
    if (disposed) return;
    disposed = true;
    resizer?.disconnect();
    if (renderer) {
      renderer.setAnimationLoop(null);
      controls.dispose();
      mixer?.stopAllAction();
      scene.traverse((object) => {
        object.geometry?.dispose();
        for (const material of [object.material ?? []].flat()) {
          for (const value of Object.values(material)) if (value?.isTexture) value.dispose();
          material.dispose();
        }
      });
      renderer.dispose();
      // Gives the WebGL context back now rather than whenever the canvas is collected.
      renderer.forceContextLoss();
    }
    container.replaceChildren();
  }

  /** Shows `text` in the view's status line (download progress, or why nothing is drawn). */
  function setStatus(text) {
    if (!disposed) status.textContent = text;
  }

  return { show, setStatus, dispose };
}
