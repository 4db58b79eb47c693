import { describe, expect, it } from 'vitest';
import { interpolate } from '../src/text.js';

describe('interpolate', () => {
  it('fills each placeholder from the data, as often as it comes, and leaves unknown names as written', () => {
    const data = { name: 'web', value: '$1 & $&', empty: '' };
    expect(interpolate('{{name}} sets {{ value }} on {{name}}', data)).toBe('web sets $1 & $& on web');
    expect(interpolate('{{missing}} and {{  empty  }}.', data)).toBe('{{missing}} and .');
    expect(interpolate('{{name}}{{name}}', data)).toBe('webweb');
    expect(interpolate('no placeholder', data)).toBe('no placeholder');
    expect(interpolate('', data)).toBe('');
    expect(interpolate('{{ not a name }} {name} {{name', data)).toBe('{{ not a name }} {name} {{name');
    // Only the data's own names: not what every object inherits.
    expect(interpolate('{{toString}}', data)).toBe('{{toString}}');
  });

  it('gives the same text each time a template comes again, with other data', () => {
    expect(interpolate('a {{x}} b', { x: '1' })).toBe('a 1 b');
    expect(interpolate('a {{x}} b', { x: '2' })).toBe('a 2 b');
    expect(interpolate('a {{x}} b', {})).toBe('a {{x}} b');
  });
});
