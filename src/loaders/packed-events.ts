import { EVENT_ID, getScalarValue, type Event, type ScalarEvent } from 'js-yaml';

/** Fields of one packed event, {@link STRIDE} numbers a piece. */
export const TYPE = 0;
export const START = 1;
export const END = 2;
export const ANCHOR_START = 3;
export const ANCHOR_END = 4;
export const STYLE = 5;
export const CHOMPING = 6;
export const INDENT = 7;
export const FAST = 8;
export const STRIDE = 9;

/**
 * A YAML stream's parser events packed into one typed array: a scalar's value offsets, style,
 * chomping, indent and whether its value is its source; a collection's start; an anchor or
 * alias name's offsets (-1 for none). Kept for every file until the rules have run, the parser's
 * event objects would cost the garbage collector more than the parse itself.
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
    table[at + TYPE] = type;
    if (type === EVENT_ID.SCALAR) {
      table[at + START] = event.valueStart;
      table[at + END] = event.valueEnd;
      table[at + STYLE] = event.style;
      table[at + CHOMPING] = event.chomping;
      table[at + INDENT] = event.indent;
      table[at + FAST] = event.fast ? 1 : 0;
      table[at + ANCHOR_START] = event.anchorStart;
      table[at + ANCHOR_END] = event.anchorEnd;
    } else if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) {
      table[at + START] = event.start;
      table[at + ANCHOR_START] = event.anchorStart;
      table[at + ANCHOR_END] = event.anchorEnd;
    } else if (type === EVENT_ID.ALIAS) {
      table[at + ANCHOR_START] = event.anchorStart;
      table[at + ANCHOR_END] = event.anchorEnd;
    } else {
      if (type === EVENT_ID.DOCUMENT) documentRoots.push(index + 1);
      table[at + ANCHOR_START] = -1;
    }
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
