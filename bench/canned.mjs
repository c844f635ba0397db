// The canned answers of the benchmark server: a fully expanded job, and a page
// of 1,000 of them, shaped as the Move API sends them (metadata as AWSJSON strings).

const ALL_OUTPUTS = ['RENDER_VIDEO', 'MAIN_FBX', 'MAIN_USDC', 'MAIN_USDZ', 'MAIN_BLEND', 'MOTION_DATA', 'RENDER_OVERLAY_VIDEO'];

function file(id, type, metadata) {
  return {
    id,
    created: '2025-03-01T10:00:00.000Z',
    type,
    metadata: JSON.stringify(metadata),
    name: `${id}.${type}`,
    presignedUrl: `https://move-ugc-outputs.s3.amazonaws.com/${id}.${type}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20250301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20250301T100000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0123456789abcdef`,
    thumbnailUrl: null,
  };
}

/** One job with every expand: client, take, outputs, rig, inputs. */
export function expandedJob(n = 1) {
  return {
    id: `job-${String(n).padStart(8, '0')}-6f1c-4d2b-9a7e-2f4b8c1d0e9f`,
    created: '2025-03-01T09:58:12.345Z',
    metadata: JSON.stringify({ project: 'Winter campaign', shot: n, tags: ['mocap', 'studio-a'], approved: n % 2 === 0 }),
    state: 'FINISHED',
    name: `Shot ${n}, take 3`,
    progress: { state: 'FINISHED', percentageComplete: 100 },
    client: { id: 'client-7c1f', name: 'Fake Studio', created: '2024-06-01T09:00:00.000Z', metadata: JSON.stringify({ plan: 'studio' }), portal: 'https://portal.move.ai/fake-studio' },
    take: {
      id: `take-${n}-0a1b2c3d`,
      created: '2025-03-01T09:55:00.000Z',
      name: `Shot ${n}`,
      metadata: JSON.stringify({ camera: 'iPhone 15 Pro', fps: 60 }),
      takeType: 'SINGLE_CAM',
      syncMethod: null,
      videoFile: file(`video-${n}`, 'mp4', { camera: 'phone' }),
      additionalFiles: [],
      // Move One: the video and the .move file of one camera.
      sources: [
        { deviceLabel: 'phone', format: 'MP4', cameraSettings: null, file: file(`video-${n}`, 'mp4', { camera: 'phone' }) },
        { deviceLabel: 'phone', format: 'MOVE', cameraSettings: null, file: file(`move-${n}`, 'move', { camera: 'phone' }) },
      ],
    },
    outputs: ALL_OUTPUTS.map((format, i) => ({ format, file: file(`file-${n}-${i}`, format === 'RENDER_VIDEO' ? 'mp4' : 'fbx', { format }) })),
    rig: { name: 'move_mo' },
    inputs: {
      clipWindow: { startTime: 0.5, endTime: 12.25 },
      numberOfActors: 1,
      options: { floorPlane: true, mocapModel: 'M2', trackBall: false, trackFingers: true, trackJerseyNumbers: false },
    },
  };
}

export const JOB_BODY = JSON.stringify({ data: { getJob: expandedJob(1) } });

export const PAGE_SIZE = 1000;
export const PAGE_BODY = JSON.stringify({
  data: { listJobs: { first: PAGE_SIZE, after: null, items: Array.from({ length: PAGE_SIZE }, (_, i) => expandedJob(i + 1)) } },
});
