// The account the demo app opens on (`node www/serve.mjs --fake`, `make demo`):
// takes and jobs in every state a person meets, so that the job table, the
// details and the 3D view have something to show before any capture is made.
// Made with the store's own helpers, as a test seeds its data.

const MINUTE = 60_000;

/**
 * Dates `take`, its files, and `jobs` (made on it) `minutes` ago, a minute
 * apart, as if captured then: with the store's live clock the demo's objects
 * would all be a second old.
 */
function age(store, take, jobs, minutes) {
  const at = (m) => new Date(Date.now() - m * MINUTE).toISOString();
  for (const source of take.sources) store.files.get(source.fileId).created = at(minutes + 2);
  take.created = at(minutes + 1);
  jobs.forEach((job, i) => {
    job.created = at(minutes - i);
  });
}

/**
 * Fills `store` (fake-api/store.mjs) with the demo account; returns what it
 * made, by name. With the store's `liveClock` the objects are dated in the
 * last days, as a real account's are (else the store's test clock stays).
 */
export function seedDemoAccount(store) {
  // A Move One capture: the phone's MP4 and the .move file recorded with it,
  // two sources under one deviceLabel.
  const phone = (name, label = 'iphone-15') => [
    { deviceLabel: label, fileId: store.addFile({ type: 'mp4', name: `${name}.mp4` }).id, format: 'MP4' },
    { deviceLabel: label, fileId: store.addFile({ type: 'move', name: `${name}.move` }).id, format: 'MOVE' },
  ];
  const sprintTake = store.addTake({ name: 'Sprint start, track lane 4', sources: phone('sprint-start') });
  const gymTake = store.addTake({ name: 'Handstand, dark gym', sources: phone('handstand') });
  const warmUpTake = store.addTake({ name: 'Warm-up routine', sources: phone('warm-up') });

  // Multi-camera: a calibrated volume, and a take of two cameras in it.
  const cameras = ['cam-left', 'cam-right'];
  const volume = store.addVolume({
    name: 'Studio A volume',
    humanHeight: 1.78,
    areaType: 'NORMAL',
    state: 'FINISHED',
    sources: cameras.map((deviceLabel) => ({ deviceLabel, fileId: store.addFile({ type: 'mp4', name: `calibration-${deviceLabel}.mp4` }).id, format: 'MP4' })),
  });
  const duetTake = store.addTake({
    name: 'Duet rehearsal, studio A',
    takeType: 'MULTI_CAM',
    volumeId: volume.id,
    sources: cameras.map((deviceLabel) => ({ deviceLabel, fileId: store.addFile({ type: 'mp4', name: `duet-${deviceLabel}.mp4` }).id, format: 'MP4' })),
  });

  const jobs = {
    failed: store.addJob({ takeId: gymTake.id, name: 'Handstand (too dark to track)', state: 'FAILED', outputs: ['MAIN_FBX', 'RENDER_VIDEO'] }),
    duet: store.addJob({
      takeId: duetTake.id,
      name: 'Duet rehearsal',
      multi: true,
      numberOfActors: 2,
      rig: 'move_mo',
      state: 'FINISHED',
      // (A multi-camera job's defaults leave out RENDER_OVERLAY_VIDEO: see the API notes.)
      outputs: ['MAIN_GLB', 'RENDER_VIDEO', 'ALL_BVH', 'ALL_FBX'],
    }),
    finished: store.addJob({
      takeId: sprintTake.id,
      name: 'Sprint start',
      state: 'FINISHED',
      outputs: ['MAIN_GLB', 'RENDER_VIDEO', 'MAIN_FBX', 'MAIN_USDZ'],
      options: { trackFingers: true, floorPlane: true },
    }),
    // Moves on a little each time it is opened, and finishes after many reads.
    running: store.addJob({ takeId: warmUpTake.id, name: 'Warm-up routine', state: 'RUNNING', pollsToFinish: 40, outputs: ['MAIN_GLB', 'RENDER_VIDEO'] }),
    // Waits for a worker for as long as the demo runs.
    queued: store.addJob({ takeId: warmUpTake.id, name: 'Warm-up, second angle', state: 'NOT STARTED', hold: true, outputs: ['MAIN_FBX'] }),
  };
  if (store.liveClock) {
    age(store, gymTake, [jobs.failed], 3 * 24 * 60);
    volume.created = new Date(Date.now() - (26 * 60 + 5) * MINUTE).toISOString();
    for (const source of volume.sources) store.files.get(source.fileId).created = new Date(Date.now() - (26 * 60 + 6) * MINUTE).toISOString();
    age(store, duetTake, [jobs.duet], 26 * 60);
    age(store, sprintTake, [jobs.finished], 5 * 60);
    age(store, warmUpTake, [jobs.running, jobs.queued], 40);
  }
  return { takes: { sprintTake, gymTake, warmUpTake, duetTake }, volume, jobs };
}
