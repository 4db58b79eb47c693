import { EVENT_ID, getScalarValue, type Event, type ScalarEvent } from 'js-yaml';

/**
 * Fields of one packed event, {@link STRIDE} numbers a piece: its {@link flags}, a scalar's value
 * offsets or a collection's start, a block scalar's indent, and an anchor's or alias's name
 * offsets (-1 for none).
 */
export const FLAGS = 0;
export const START = 1;
export const END = 2;
export const INDENT = 3;
export const ANCHOR_START = 4;
export const ANCHOR_END = 5;
export const STRIDE = 6;

/** An event's type, scalar style, chomping and whether a scalar's value is its source, in one number. */
export function flags(type: number, style: number, chomping: number, fast: boolean): number {
  return type | (style << 3) | (chomping << 6) | (fast ? 256 : 0);
}

export const typeOf = (flags: number): number => flags & 7;
export const styleOf = (flags: number): number => (flags >> 3) & 7;
export const chompingOf = (flags: number): number => (flags >> 6) & 3;
export const isFast = (flags: number): boolean => (flags & 256) !== 0;

/**
 * A YAML stream's parser events packed into one typed array (fields above). Kept for every file
 * until the rules have run, the parser's event objects would cost the garbage collector more than
 * the parse itself.
 */
export interface PackedEvents {
  table: Int32Array;
  /** Events in the table. */
  length: number;
  /** Index of each document's root event. */
  documentRoots: number[];
}

/** Packs js-yaml's events. */
export function packEvents(events: readonly Event[]): PackedEvents {
  const length = events.length;
  const table = new Int32Array(length * STRIDE);
  const documentRoots: number[] = [];
  for (let index = 0, at = 0; index < length; index++, at += STRIDE) {
    const event = events[index] as Event;
    const type = event.type;
    if (type === EVENT_ID.SCALAR) {
      table[at + FLAGS] = flags(type, event.style, event.chomping, event.fast);
      table[at + START] = event.valueStart;
      table[at + END] = event.valueEnd;
      table[at + INDENT] = event.indent;
    } else {
      table[at + FLAGS] = type;
      if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) table[at + START] = event.start;
      else if (type === EVENT_ID.DOCUMENT) documentRoots.push(index + 1);
    }
    const anchored = type === EVENT_ID.SCALAR || type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE || type === EVENT_ID.ALIAS;
    table[at + ANCHOR_START] = anchored ? event.anchorStart : -1;
    table[at + ANCHOR_END] = anchored ? event.anchorEnd : -1;
  }
  return { table, length, documentRoots };
}

/** The decoded text of a scalar, from its packed fields, as js-yaml decodes it. */
export function scalarText(text: string, valueStart: number, valueEnd: number, style: number, chomping: number, indent: number, fast: boolean): string {
  const event: ScalarEvent = {
    type: EVENT_ID.SCALAR,
    valueStart,
    valueEnd,
    anchorStart: -1,
    anchorEnd: -1,
    tagStart: -1,
    tagEnd: -1,
    style: style as ScalarEvent['style'],
    chomping: chomping as ScalarEvent['chomping'],
    indent,
    fast,
  };
  return getScalarValue(text, event);
}
