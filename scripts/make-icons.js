#!/usr/bin/env node
/**
 * Draws CompAlign's add-in icons (assets/icon-16.png … icon-80.png) without any image library:
 * a rounded tile in the brand teal with three ascending white bars (pay rising with
 * attainment) sitting on an amber target line. Each pixel is 8×8 supersampled, so the small
 * sizes stay crisp. Run once (`node scripts/make-icons.js`); the PNGs are committed.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.join(__dirname, "..", "assets");
const SAMPLES = 8;

// Brand colours (sRGB): a vertical teal gradient, white bars, an amber target line.
const TEAL_TOP = [0x12, 0x8f, 0x8b];
const TEAL_BOTTOM = [0x0a, 0x5c, 0x5a];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xf2, 0xb1, 0x34];

/** Signed-distance style tests in unit coordinates (0..1, y down). */
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Layers, back to front: [test(x, y, size), colour(y)]. Small icons get thicker strokes. */
function layers(size) {
  const small = size <= 16;
  const baseline = 0.8;
  const barWidth = small ? 0.2 : 0.17;
  const gap = small ? 0.07 : 0.075;
  const left = (1 - (3 * barWidth + 2 * gap)) / 2;
  const heights = [0.3, 0.45, 0.6];
  const lineY = small ? 0.82 : 0.815;
  const lineH = small ? 0.09 : 0.055;
  const bars = heights.map((h, i) => {
    const x0 = left + i * (barWidth + gap);
    return [x0, baseline - h, x0 + barWidth, baseline];
  });
  return [
    [
      (x, y) => inRoundedRect(x, y, 0, 0, 1, 1, 0.2),
      (y) => TEAL_TOP.map((c, i) => c + (TEAL_BOTTOM[i] - c) * y),
    ],
    ...bars.map((b) => [
      (x, y) => inRoundedRect(x, y, b[0], b[1], b[2], b[3], small ? 0.02 : 0.03),
      () => WHITE,
    ]),
    [
      (x, y) => inRoundedRect(x, y, left - 0.04, lineY, 1 - left + 0.04, lineY + lineH, lineH / 2),
      () => AMBER,
    ],
  ];
}

function render(size) {
  const stack = layers(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let colour = null;
          for (const [inside, paint] of stack) if (inside(x, y)) colour = paint(y);
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter, interlace: 0
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT_DIR, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  process.stderr.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
