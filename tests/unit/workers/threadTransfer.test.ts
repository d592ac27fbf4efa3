import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { packValue, unpackValue, type PackedValue } from '../../../electron/workers/threadTransfer';

/** Sends a packed value through a real message port, transferring its buffers. */
function postAndReceive(packed: PackedValue): PackedValue {
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(packed, [...packed.buffers]);
    const received = receiveMessageOnPort(port2);
    if (!received) throw new Error('nothing arrived');
    return received.message as PackedValue;
  } finally {
    port1.close();
  }
}

describe('values packed for another thread', () => {
  it('come back equal, including what JSON alone would lose or mangle', () => {
    const image = Uint8Array.from([137, 80, 78, 71]);
    const pooled = Buffer.from('a small Node buffer, a view on an 8 KB pool');
    const value = {
      text: 'plain',
      long: 'x'.repeat(5_000) + '"quoted"\n',
      numbers: [1, -0.5, Number.NaN, Number.POSITIVE_INFINITY],
      sparse: ['a', undefined, 'b'],
      absent: undefined,
      when: new Date('2025-01-01T00:00:00Z'),
      nested: { image, again: image, pooled, empty: new Uint8Array(0), deeper: [{ flag: true, none: null }] },
    };
    const expected = structuredClone(value);
    const back = unpackValue(postAndReceive(packValue([value]))) as [typeof value];
    const [result] = back;
    expect(result).toEqual({ ...expected, nested: { ...expected.nested, pooled: new Uint8Array(pooled) } });
    expect(Object.keys(result)).not.toContain('absent');
    expect(result.numbers[2]).toBeNaN();
    expect(result.sparse).toHaveLength(3);
    expect(result.when).toBeInstanceOf(Date);
    // One array referenced twice stays one array; small buffers travel gathered in one buffer.
    expect(result.nested.again).toBe(result.nested.image);
    expect(result.nested.image.buffer).toBe(result.nested.pooled.buffer);
    expect(result.nested.pooled.buffer.byteLength).toBe(image.length + pooled.length);
  });

  it('send only references for bytes that lie within the inputs the receiver holds', () => {
    const inputs = [Uint8Array.from([1, 2, 3]), Uint8Array.from([10, 11, 12, 13, 14, 15])];
    // The sender's copy of the inputs, back to back in one buffer, as the worker pool sends them.
    const carrier = new Uint8Array(16);
    carrier.set(inputs[0] ?? [], 0);
    carrier.set(inputs[1] ?? [], 8);
    const value = { whole: carrier.subarray(8, 14), part: carrier.subarray(10, 12), first: carrier.subarray(0, 3), other: Uint8Array.from([9]) };
    const packed = packValue([value], (view) => {
      if (view.buffer !== carrier.buffer) return undefined;
      return view.byteOffset >= 8 ? [1, view.byteOffset - 8] : [0, view.byteOffset];
    });
    // Only the one byte that is not an input travels.
    expect(packed.buffers.map((b) => b.byteLength)).toEqual([1]);
    const [result] = unpackValue(postAndReceive(packed), inputs) as [typeof value];
    expect(result.whole).toBe(inputs[1]);
    expect(result.first).toBe(inputs[0]);
    expect(result.part.buffer).toBe(inputs[1]?.buffer);
    expect([...result.part]).toEqual([12, 13]);
    expect([...result.other]).toEqual([9]);
  });

  it('refuse, with an error, a reference to an input or buffer that is not there', () => {
    const carrier = new Uint8Array(8);
    const packed = packValue([{ bytes: carrier.subarray(0, 4) }], () => [3, 0]);
    expect(() => unpackValue(packed, [])).toThrow(/input it was not given/);
    const gathered = packValue([{ bytes: Uint8Array.from([1]) }]);
    expect(() => unpackValue({ ...gathered, buffers: [] })).toThrow(/did not arrive/);
  });
});
