import type { GrayImage } from './grayImage';

/** A black-and-white image as RGBA (what jsQR takes), with a measure of how busy it is. */
export interface BinaryImage {
  readonly width: number;
  readonly height: number;
  /** Every pixel is 0,0,0,255 or 255,255,255,255. */
  readonly rgba: Uint8ClampedArray;
  /** Black/white changes along the rows: what the QR locator's running time grows with. */
  readonly transitions: number;
}

const blockSize = 8;

/**
 * Local-threshold binarisation, the same scheme jsQR uses internally (8x8 blocks, each
 * thresholded at the mean black point of the 5x5 blocks around it), with one difference:
 * `contrastGate`. A block whose darkest and lightest pixels differ by no more than it is
 * treated as flat paper rather than split at its mean into salt-and-pepper. jsQR's own gate
 * is 24 grey levels; ordinary scanner grain and paper texture exceed that, and each speck
 * then looks like part of a finder pattern, which makes jsQR take seconds instead of
 * milliseconds on a noisy page. Handing jsQR an already clean image keeps it fast, and its
 * own binarisation reproduces a black-and-white image exactly.
 */
export function binarizeForQr(image: GrayImage, contrastGate: number): BinaryImage {
  const { width, height, data } = image;
  const columns = Math.ceil(width / blockSize);
  const rows = Math.ceil(height / blockSize);
  const blackPoints = new Float32Array(columns * rows);

  for (let row = 0; row < rows; row += 1) {
    const yEnd = Math.min(height, (row + 1) * blockSize);
    for (let column = 0; column < columns; column += 1) {
      const xStart = column * blockSize;
      const xEnd = Math.min(width, xStart + blockSize);
      let sum = 0;
      let min = 255;
      let max = 0;
      for (let y = row * blockSize; y < yEnd; y += 1) {
        for (let at = y * width + xStart, end = y * width + xEnd; at < end; at += 1) {
          const value = data[at] ?? 0;
          sum += value;
          if (value < min) min = value;
          if (value > max) max = value;
        }
      }
      let blackPoint = sum / ((yEnd - row * blockSize) * (xEnd - xStart));
      if (max - min <= contrastGate) {
        // Flat: white, unless it is darker than its neighbours' black point (the inside of a
        // large dark module, which is bordered by blocks that did see an edge).
        blackPoint = min / 2;
        if (row > 0 && column > 0) {
          const above = blackPoints[(row - 1) * columns + column] ?? 0;
          const left = blackPoints[row * columns + column - 1] ?? 0;
          const aboveLeft = blackPoints[(row - 1) * columns + column - 1] ?? 0;
          const neighbours = (above + 2 * left + aboveLeft) / 4;
          if (min < neighbours) blackPoint = neighbours;
        }
      }
      blackPoints[row * columns + column] = blackPoint;
    }
  }

  const black = new Uint8Array(width * height);
  for (let row = 0; row < rows; row += 1) {
    const yEnd = Math.min(height, (row + 1) * blockSize);
    const rowFrom = Math.max(0, row - 2);
    const rowTo = Math.min(rows - 1, row + 2);
    for (let column = 0; column < columns; column += 1) {
      const columnFrom = Math.max(0, column - 2);
      const columnTo = Math.min(columns - 1, column + 2);
      let sum = 0;
      for (let r = rowFrom; r <= rowTo; r += 1) {
        for (let c = columnFrom; c <= columnTo; c += 1) sum += blackPoints[r * columns + c] ?? 0;
      }
      const threshold = sum / ((rowTo - rowFrom + 1) * (columnTo - columnFrom + 1));
      const xStart = column * blockSize;
      const xEnd = Math.min(width, xStart + blockSize);
      for (let y = row * blockSize; y < yEnd; y += 1) {
        for (let at = y * width + xStart, end = y * width + xEnd; at < end; at += 1) {
          black[at] = (data[at] ?? 0) <= threshold ? 1 : 0;
        }
      }
    }
  }

  const rgba = new Uint8ClampedArray(width * height * 4);
  let transitions = 0;
  for (let y = 0; y < height; y += 1) {
    let previous = black[y * width];
    for (let at = y * width, end = at + width; at < end; at += 1) {
      const isBlack = black[at];
      if (isBlack !== previous) transitions += 1;
      previous = isBlack;
      const value = isBlack === 1 ? 0 : 255;
      const out = at * 4;
      rgba[out] = value;
      rgba[out + 1] = value;
      rgba[out + 2] = value;
      rgba[out + 3] = 255;
    }
  }
  return { width, height, rgba, transitions };
}
