/**
 * Printable ASCII from the rarest to the commonest in source code (byte counts over a large body
 * of JavaScript and TypeScript). A search of bytes for a text runs at memory speed between the
 * occurrences of the text's first character, and slows at each one: a text is looked for first by
 * the part that starts at its rarest character.
 */
const rarestFirst = '~%^ZXY75$J!K4G<+Q8UH>FW2z6|LB?`][_@N\'M9O1V-j3Dq\\}{CI#REPTkS&Ax"=:/w()*v;y,bg0.fmphucdlinosarte ';

/** How long a leading part is: long enough to be rare, short enough to be searched character by character. */
const partLength = 6;

const rankOf = (character: string): number => {
  const rank = rarestFirst.indexOf(character);
  return rank < 0 ? -1 : rank;
};

/**
 * The part of `text` to look for first: the (up to) six characters from its rarest one, among the
 * starts that leave at least four characters (all of a shorter text). Characters outside
 * printable ASCII count as the rarest of all.
 */
export function leadingPart(text: string): string {
  const lastStart = text.length - Math.min(text.length, 4);
  let best = 0;
  for (let start = 1; start <= lastStart; start++) if (rankOf(text[start]!) < rankOf(text[best]!)) best = start;
  return text.slice(best, best + partLength);
}

/** A text to look for: the id of its leading part, and the whole text when it is longer. */
export interface Needle {
  readonly part: number;
  readonly whole: Buffer | undefined;
}

/**
 * Searches of one file's bytes at a time, in which each part is searched at most once a file
 * (texts that share a leading part, or a part named outright, share its search).
 */
export class ByteSearch {
  private readonly parts: Buffer[] = [];
  private readonly ids = new Map<string, number>();
  /** Per part, for the current bytes: 0 not searched yet, 1 found, 2 not found. */
  private state = new Uint8Array(0);
  private bytes: Buffer = Buffer.alloc(0);

  /** A part to search for as it is written: its id. */
  part(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.parts.push(Buffer.from(text)) - 1;
      this.ids.set(text, id);
      this.state = new Uint8Array(this.parts.length);
    }
    return id;
  }

  /** A text to search for by its {@link leadingPart}. */
  needle(text: string): Needle {
    const part = leadingPart(text);
    return { part: this.part(part), whole: part === text ? undefined : Buffer.from(text) };
  }

  /** Starts on a file's bytes: nothing searched yet. */
  start(bytes: Buffer): void {
    this.bytes = bytes;
    this.state.fill(0);
  }

  /** Whether the current bytes hold a part (by id). */
  holdsPart(id: number): boolean {
    let state = this.state[id];
    if (state === 0) this.state[id] = state = this.bytes.includes(this.parts[id]!) ? 1 : 2;
    return state === 1;
  }

  /** Whether the current bytes hold a text. */
  holds(needle: Needle): boolean {
    return this.holdsPart(needle.part) && (needle.whole === undefined || this.bytes.includes(needle.whole));
  }
}
