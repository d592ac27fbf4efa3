/**
 * Carries a pool task's answers (intake outcomes, verification reports, card pictures) from a
 * worker thread to the main thread cheaply at both ends.
 *
 * Structured cloning (what postMessage does by default) costs more per outcome than reading
 * the badge did: it walks some sixty properties on each side, copies every byte array into a
 * fresh allocation (the whole 8 KB pool behind a small Node Buffer, too) and copies the file
 * itself back. So a packed value travels as:
 *  - JSON text for its structure (one native parse on the receiving side);
 *  - `values`: what JSON would not carry faithfully or cheaply, by structured clone: long
 *    strings (the signed credential text, copied as one block instead of escaped and
 *    unescaped), non-finite numbers, `undefined` inside arrays, anything that is not a plain
 *    object or array;
 *  - byte arrays as views on `buffers`, one new buffer gathering them all, transferred rather
 *    than copied; and byte arrays that are (part of) one of the inputs, which the receiver
 *    already holds, only as a reference to that input: the file a badge came in is not sent
 *    back, and the receiver's outcome carries the very array it handed over.
 * The receiver rebuilds the same value; a byte array referenced twice (a baked image is both
 * the original file and the badge's picture) comes back as one array referenced twice.
 */
export interface PackedValue {
  readonly json: string;
  readonly values: readonly unknown[];
  readonly buffers: readonly ArrayBuffer[];
}

type Container = Record<string, unknown> | unknown[];
type Key = string | number;

/** A place to fill: [kind, reference, ...path from the root]. */
type Place = [typeof bytesPlace | typeof valuePlace, number, ...Key[]];
const bytesPlace = 0;
const valuePlace = 1;

/** Strings at least this long travel beside the JSON rather than inside it. */
const longString = 512;

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

class Packer {
  readonly places: Place[] = [];
  readonly values: unknown[] = [];
  readonly views: Uint8Array[] = [];
  private readonly viewIndex = new Map<Uint8Array, number>();
  private readonly path: Key[] = [];

  /** Walks `container`, replacing what JSON cannot carry well by 0 and noting its place. */
  visit(container: Container): void {
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) {
        const value: unknown = container[i];
        if (value === undefined) this.lift(container, i, value);
        else this.visitEntry(container, i, value);
      }
      return;
    }
    for (const key of Object.keys(container)) {
      const value = container[key];
      // JSON leaves out undefined properties, which is what an absent optional field is.
      if (value !== undefined) this.visitEntry(container, key, value);
    }
  }

  private visitEntry(container: Container, key: Key, value: unknown): void {
    switch (typeof value) {
      case 'string':
        if (value.length >= longString) this.lift(container, key, value);
        return;
      case 'number':
        if (!Number.isFinite(value)) this.lift(container, key, value);
        return;
      case 'boolean':
        return;
      case 'object':
        if (value === null) return;
        if (value instanceof Uint8Array) {
          this.liftBytes(container, key, value);
        } else if (Array.isArray(value) || isPlainObject(value)) {
          this.path.push(key);
          this.visit(value as Container);
          this.path.pop();
        } else {
          this.lift(container, key, value);
        }
        return;
      default:
        // bigint, function, symbol: structured clone carries what can be carried, refuses the rest.
        this.lift(container, key, value);
    }
  }

  private lift(container: Container, key: Key, value: unknown): void {
    this.places.push([valuePlace, this.values.length, ...this.path, key]);
    this.values.push(value);
    (container as Record<Key, unknown>)[key] = 0;
  }

  private liftBytes(container: Container, key: Key, bytes: Uint8Array): void {
    let index = this.viewIndex.get(bytes);
    if (index === undefined) {
      index = this.views.length;
      this.views.push(bytes);
      this.viewIndex.set(bytes, index);
    }
    this.places.push([bytesPlace, index, ...this.path, key]);
    (container as Record<Key, unknown>)[key] = 0;
  }
}

/** Where a byte array lies within the inputs: [input number, byte offset within it]. */
export type InputLocator = (bytes: Uint8Array) => readonly [number, number] | undefined;

/** Layout sources below zero: -1 is an empty array, -2 - n is input n. */
const empty = -1;
const inputSource = (input: number): number => -2 - input;

/**
 * Packs `root` for the trip to another thread. `root` is consumed: what is lifted out of it
 * is replaced in place, so pack only values nobody reads afterwards. `locateInput` says which
 * byte arrays lie within the inputs the receiver holds; every other byte array is copied into
 * the one buffer to transfer.
 */
export function packValue(root: Container, locateInput: InputLocator = () => undefined): PackedValue {
  const packer = new Packer();
  packer.visit(root);
  // [source, byteOffset, byteLength] for each distinct byte array.
  const layout: number[] = [];
  const located = packer.views.map((view) => (view.byteLength === 0 ? undefined : locateInput(view)));
  const gatheredBytes = packer.views.reduce((sum, view, i) => (located[i] ? sum : sum + view.byteLength), 0);
  const gathered = new Uint8Array(gatheredBytes);
  let gatheredAt = 0;
  packer.views.forEach((view, i) => {
    const input = located[i];
    if (view.byteLength === 0) {
      layout.push(empty, 0, 0);
    } else if (input) {
      layout.push(inputSource(input[0]), input[1], view.byteLength);
    } else {
      gathered.set(view, gatheredAt);
      layout.push(0, gatheredAt, view.byteLength);
      gatheredAt += view.byteLength;
    }
  });
  return { json: JSON.stringify([root, packer.places, layout]), values: packer.values, buffers: gatheredBytes > 0 ? [gathered.buffer] : [] };
}

/**
 * Rebuilds a value packed by `packValue`, once its buffers have arrived. `inputs` are the
 * receiver's own byte arrays the sender was given copies of, in the same order: a whole input
 * comes back as that very array, part of one as a view on it.
 */
export function unpackValue(packed: PackedValue, inputs: readonly Uint8Array[] = []): unknown {
  const [root, places, layout] = JSON.parse(packed.json) as [Container, Place[], number[]];
  const views: Uint8Array[] = [];
  const view = (index: number): Uint8Array => {
    let bytes = views[index];
    if (!bytes) {
      const source = layout[index * 3] ?? empty;
      const offset = layout[index * 3 + 1] ?? 0;
      const length = layout[index * 3 + 2] ?? 0;
      if (source >= 0) {
        const buffer = packed.buffers[source];
        if (!buffer) throw new Error('A packed value refers to a buffer that did not arrive.');
        bytes = new Uint8Array(buffer, offset, length);
      } else if (source === empty) {
        bytes = new Uint8Array(0);
      } else {
        const input = inputs[-2 - source];
        if (!input || offset + length > input.length) throw new Error('A packed value refers to an input it was not given.');
        bytes = offset === 0 && length === input.length ? input : input.subarray(offset, offset + length);
      }
      views[index] = bytes;
    }
    return bytes;
  };
  for (const [kind, reference, ...path] of places) {
    const key = path.pop();
    if (key === undefined) continue;
    let target = root as Record<Key, unknown>;
    for (const step of path) target = target[step] as Record<Key, unknown>;
    target[key] = kind === bytesPlace ? view(reference) : packed.values[reference];
  }
  return root;
}
