/**
 * The open wallet's records by full name (a 64-hex-digit keyed hash), with their 12-character
 * short ids indexed as they change. The app looks a credential up by short id for every
 * picture and detail it shows; scanning 10,000 names each time made a screenful of card
 * pictures cost milliseconds. Two names sharing a short id (2^-48 odds, but possible) are
 * both kept, so a lookup can say the id is ambiguous instead of picking one.
 */
export class RecordTable<T> extends Map<string, T> {
  private readonly byShortId = new Map<string, string | string[]>();

  static readonly shortIdLength = 12;

  override set(name: string, record: T): this {
    if (!super.has(name)) this.index(name);
    return super.set(name, record);
  }

  override delete(name: string): boolean {
    if (!super.delete(name)) return false;
    const short = name.slice(0, RecordTable.shortIdLength);
    const known = this.byShortId.get(short);
    if (Array.isArray(known)) {
      const rest = known.filter((other) => other !== name);
      this.byShortId.set(short, rest.length === 1 ? (rest[0] ?? name) : rest);
    } else this.byShortId.delete(short);
    return true;
  }

  override clear(): void {
    super.clear();
    this.byShortId.clear();
  }

  /** The full names whose short id is exactly `shortId`. */
  namesWithShortId(shortId: string): readonly string[] {
    const known = this.byShortId.get(shortId);
    return known === undefined ? [] : Array.isArray(known) ? known : [known];
  }

  private index(name: string): void {
    const short = name.slice(0, RecordTable.shortIdLength);
    const known = this.byShortId.get(short);
    this.byShortId.set(short, known === undefined ? name : Array.isArray(known) ? [...known, name] : [known, name]);
  }
}
