// Just enough PNG and ICO reading for the icon checks: non-interlaced 8-bit PNGs (what Chromium and ImageMagick write
// for our icons) decoded to RGBA with node:zlib, and an .ico's directory of sizes.
import { inflateSync } from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  /** 8-bit RGBA, row by row. */
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Width and height from the IHDR chunk, without decoding pixels. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  if (!buf.subarray(0, 8).equals(SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export function decodePng(buf: Buffer): Png {
  const { width, height } = pngSize(buf);
  const depth = buf[24]!;
  const colour = buf[25]!;
  const interlace = buf[28]!;
  const channels = CHANNELS[colour];
  if (depth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
  }
  const idat: Buffer[] = [];
  let palette: Buffer | null = null;
  let transparency: Buffer | null = null;
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') transparency = data;
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels]! : 0;
      const b = y > 0 ? pixels[out - stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels]! : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter} on row ${y}`);
      pixels[out + x] = (line[x]! + pred) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    let px: [number, number, number, number];
    if (colour === 6) px = [p[0]!, p[1]!, p[2]!, p[3]!];
    else if (colour === 2) px = [p[0]!, p[1]!, p[2]!, 255];
    else if (colour === 4) px = [p[0]!, p[0]!, p[0]!, p[1]!];
    else if (colour === 0) px = [p[0]!, p[0]!, p[0]!, 255];
    else {
      const idx = p[0]!;
      if (!palette) throw new Error('palette PNG without PLTE');
      px = [palette[idx * 3]!, palette[idx * 3 + 1]!, palette[idx * 3 + 2]!, transparency?.[idx] ?? 255];
    }
    rgba.set(px, i * 4);
  }
  return { width, height, rgba };
}

/** The square sizes an .ico holds, from its directory (a width byte of 0 means 256). */
export function icoSizes(buf: Buffer): number[] {
  if (buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  const count = buf.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 6 + i * 16;
    sizes.push(buf[entry] || 256);
  }
  return sizes;
}
