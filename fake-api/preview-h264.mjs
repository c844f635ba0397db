// The simplest H.264 a browser plays, written from code (no encoder on these
// machines): Baseline profile, CAVLC, every frame one IDR slice whose
// macroblocks are all I_PCM (mb_type 25: the raw 4:2:0 samples, no
// prediction, no transform). Large for its size, but exact and tiny to write.
// The frames come from a caller's drawing of Y, Cb and Cr planes.

/** Writes bits most significant first, with H.264's Exp-Golomb codes. */
class BitWriter {
  constructor() {
    this.bytes = new Uint8Array(1024);
    this.length = 0;
    this.current = 0;
    this.used = 0;
  }

  /** Room for `n` more bytes (doubling, so a frame of raw samples costs few copies). */
  reserve(n) {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  bit(b) {
    this.current = (this.current << 1) | (b & 1);
    this.used += 1;
    if (this.used === 8) {
      this.reserve(1);
      this.bytes[this.length++] = this.current;
      this.current = 0;
      this.used = 0;
    }
  }

  /** u(n): `value` in `n` bits. */
  u(n, value) {
    for (let i = n - 1; i >= 0; i -= 1) this.bit(Math.floor(value / 2 ** i) % 2);
  }

  /** ue(v): unsigned Exp-Golomb. */
  ue(value) {
    const code = value + 1;
    const length = Math.floor(Math.log2(code));
    this.u(length, 0);
    this.u(length + 1, code);
  }

  /** se(v): signed Exp-Golomb (k > 0 → 2k − 1, k ≤ 0 → −2k). */
  se(value) {
    this.ue(value > 0 ? 2 * value - 1 : -2 * value);
  }

  get aligned() {
    return this.used === 0;
  }

  /** Zero bits up to the next byte (pcm_alignment_zero_bit). */
  align() {
    while (this.used) this.bit(0);
  }

  /** Whole bytes, written while aligned. */
  raw(data) {
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  /** rbsp_trailing_bits: a one, then zeros to the byte boundary; the RBSP. */
  trailing() {
    this.bit(1);
    this.align();
    return this.bytes.subarray(0, this.length);
  }
}

/**
 * A NAL unit: its header byte, then the RBSP with emulation prevention (a 0x03
 * after any two zero bytes that a byte ≤ 3 follows), so that no start code
 * can appear inside it.
 */
function nal(refIdc, type, rbsp) {
  // At most one 0x03 per two bytes of RBSP.
  const out = new Uint8Array(1 + rbsp.length + Math.ceil(rbsp.length / 2));
  out[0] = (refIdc << 5) | type;
  let n = 1;
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out[n++] = 3;
      zeros = 0;
    }
    out[n++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return out.slice(0, n);
}

/** profile_idc 66 (Baseline), constraint_set0 and 1 (Constrained Baseline), level 3.0. */
export const PROFILE = { profile: 66, constraints: 0xc0, level: 30 };

/** The sequence parameter set (NAL type 7) of a `width` × `height` picture (multiples of 16). */
export function sps(width, height) {
  const w = new BitWriter();
  w.u(8, PROFILE.profile);
  w.u(8, PROFILE.constraints);
  w.u(8, PROFILE.level);
  w.ue(0); // seq_parameter_set_id
  w.ue(0); // log2_max_frame_num_minus4: frame_num in 4 bits (always 0: every frame an IDR)
  w.ue(2); // pic_order_cnt_type 2: output order is decoding order
  w.ue(1); // max_num_ref_frames
  w.u(1, 0); // gaps_in_frame_num_value_allowed_flag
  w.ue(width / 16 - 1); // pic_width_in_mbs_minus1
  w.ue(height / 16 - 1); // pic_height_in_map_units_minus1
  w.u(1, 1); // frame_mbs_only_flag
  w.u(1, 1); // direct_8x8_inference_flag
  w.u(1, 0); // frame_cropping_flag
  w.u(1, 0); // vui_parameters_present_flag
  return nal(3, 7, w.trailing());
}

/** The picture parameter set (NAL type 8): CAVLC, one slice group, deblocking controllable. */
export function pps() {
  const w = new BitWriter();
  w.ue(0); // pic_parameter_set_id
  w.ue(0); // seq_parameter_set_id
  w.u(1, 0); // entropy_coding_mode_flag: CAVLC
  w.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
  w.ue(0); // num_slice_groups_minus1
  w.ue(0); // num_ref_idx_l0_default_active_minus1
  w.ue(0); // num_ref_idx_l1_default_active_minus1
  w.u(1, 0); // weighted_pred_flag
  w.u(2, 0); // weighted_bipred_idc
  w.se(0); // pic_init_qp_minus26
  w.se(0); // pic_init_qs_minus26
  w.se(0); // chroma_qp_index_offset
  w.u(1, 1); // deblocking_filter_control_present_flag
  w.u(1, 0); // constrained_intra_pred_flag
  w.u(1, 0); // redundant_pic_cnt_present_flag
  return nal(3, 8, w.trailing());
}

/**
 * One frame as an IDR slice (NAL type 5) of I_PCM macroblocks. `planes` holds
 * `y` (width × height) and `cb`, `cr` (each width/2 × height/2) samples in
 * raster order; `idrPicId` must differ between consecutive IDR pictures.
 */
export function idrSlice(width, height, planes, idrPicId) {
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(7); // slice_type: I (every slice of the picture)
  w.ue(0); // pic_parameter_set_id
  w.u(4, 0); // frame_num
  w.ue(idrPicId); // idr_pic_id
  // dec_ref_pic_marking (an IDR):
  w.u(1, 0); // no_output_of_prior_pics_flag
  w.u(1, 0); // long_term_reference_flag
  w.se(0); // slice_qp_delta
  w.ue(1); // disable_deblocking_filter_idc: off (nothing to smooth in raw samples)
  const mb = new Uint8Array(384);
  const cw = width / 2;
  for (let my = 0; my < height / 16; my += 1) {
    for (let mx = 0; mx < width / 16; mx += 1) {
      w.ue(25); // mb_type I_PCM
      w.align(); // pcm_alignment_zero_bit
      let n = 0;
      for (let y = 0; y < 16; y += 1) for (let x = 0; x < 16; x += 1) mb[n++] = planes.y[(my * 16 + y) * width + mx * 16 + x];
      for (const plane of [planes.cb, planes.cr]) {
        for (let y = 0; y < 8; y += 1) for (let x = 0; x < 8; x += 1) mb[n++] = plane[(my * 8 + y) * cw + mx * 8 + x];
      }
      w.raw(mb);
    }
  }
  return nal(3, 5, w.trailing());
}
