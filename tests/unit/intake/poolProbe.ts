// A program that uses the intake pool the way the app would, for intakePool.test.ts to run in
// a process of its own: from the TypeScript sources (node --import tsx) and built into an
// electron-vite main bundle (where the JPEG decoder's WebAssembly must still be found). It reads the files named on its command line, prints one JSON
// line, and on purpose does not close the pool: idle workers must not keep a process alive.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeJpegTurbo } from '../../../electron/images/jpegTurbo';
import { IntakePool } from '../../../electron/intake/intakePool';

const pool = new IntakePool({ size: 2 });
const files = process.argv.slice(2).map((file) => ({ name: path.basename(file), bytes: readFileSync(file) }));
const outcomes = await pool.inspectAll(files);
console.log(
  JSON.stringify({
    threads: pool.threads,
    outcomes: outcomes.map((list) => list.map((o) => (o.outcome === 'recognised' ? `${o.file}: ${o.credential.name}` : `${o.file}: ${o.outcome}`))),
    sameBytes: outcomes.every((list, i) => list.every((o) => o.outcome !== 'recognised' || o.credential.original.bytes === files[i]?.bytes)),
    // The certificate photo's QR code, read in a worker; and libjpeg-turbo's WebAssembly found from here.
    links: outcomes.flat().flatMap((o) => (o.outcome === 'recognised' && o.credential.selfReported ? o.credential.verification.links : [])),
    jpegTurboWidths: files.filter((f) => f.name.endsWith('.jpg')).map((f) => decodeJpegTurbo(f.bytes, { format: 'gray', maxPixels: 1e6 })?.width ?? null),
  }),
);
