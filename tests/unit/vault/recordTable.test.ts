import { describe, expect, it } from 'vitest';
import { RecordTable } from '../../../electron/vault/recordTable';

const name = (short: string, rest: string): string => `${short}${rest.repeat(52 / rest.length)}`;

describe('RecordTable: records by name, looked up by short id', () => {
  it('finds a record by its 12-character short id and forgets it once deleted', () => {
    const table = new RecordTable<number>();
    const a = name('0123456789ab', 'c');
    table.set(a, 1).set(name('ba9876543210', 'd'), 2);
    expect(table.namesWithShortId('0123456789ab')).toEqual([a]);
    table.set(a, 3); // replacing a record keeps one entry
    expect(table.namesWithShortId('0123456789ab')).toEqual([a]);
    expect(table.delete(a)).toBe(true);
    expect(table.namesWithShortId('0123456789ab')).toEqual([]);
    expect(table.delete(a)).toBe(false);
    expect(table.size).toBe(1);
  });

  it('keeps both names when two share a short id, so a lookup can call it ambiguous', () => {
    const table = new RecordTable<string>();
    const first = name('aaaaaaaaaaaa', '1');
    const second = name('aaaaaaaaaaaa', '2');
    table.set(first, 'one').set(second, 'two');
    expect(table.namesWithShortId('aaaaaaaaaaaa')).toEqual([first, second]);
    table.delete(first);
    expect(table.namesWithShortId('aaaaaaaaaaaa')).toEqual([second]);
    table.clear();
    expect(table.namesWithShortId('aaaaaaaaaaaa')).toEqual([]);
  });
});
