import { describe, expect, it } from 'vitest';
import { valueAt } from '../src/values.js';

describe('valueAt', () => {
  const tree = { a: { list: [{ name: 'x' }, null], empty: undefined } };

  it('follows own keys and list indexes, saying whether every step exists', () => {
    expect(valueAt(tree, ['a', 'list', 0, 'name'])).toEqual({ found: true, value: 'x' });
    expect(valueAt(tree, ['a', 'list', 1])).toEqual({ found: true, value: null });
    expect(valueAt(tree, ['a', 'empty'])).toEqual({ found: true, value: undefined });
    expect(valueAt(tree, [])).toEqual({ found: true, value: tree });
  });

  it('finds nothing past a missing key, an index out of range, a step of the wrong kind, or a key only the prototype has', () => {
    expect(valueAt(tree, ['a', 'missing'])).toEqual({ found: false });
    expect(valueAt(tree, ['a', 'list', 2])).toEqual({ found: false });
    expect(valueAt(tree, ['a', 'list', 'name'])).toEqual({ found: false });
    expect(valueAt(tree, ['a', 0])).toEqual({ found: false });
    expect(valueAt(tree, ['a', 'constructor'])).toEqual({ found: false });
    expect(valueAt(tree, ['a', 'list', 0, 'toString'])).toEqual({ found: false });
  });
});
