import { describe, expect, it } from 'vitest';
import { declarationMarkers } from '../../src/loaders/declared/markers.js';
import { declarationReaders } from '../../src/loaders/declared/readers.js';

describe('declaration markers', () => {
  it('lists every declaration reader’s markers, each once', () => {
    const named = new Set(declarationReaders.flatMap((reader) => (reader.markers ? [reader.markers] : [])));
    expect(new Set(declarationMarkers)).toEqual(named);
    expect(declarationMarkers.length).toBe(named.size);
  });
});
