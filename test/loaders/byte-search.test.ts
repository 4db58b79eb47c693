import { describe, expect, it } from 'vitest';
import { ByteSearch, leadingPart } from '../../src/loaders/byte-search.js';

describe('leadingPart', () => {
  it('starts at the rarest character that leaves four to search', () => {
    expect(leadingPart('sts.amazonaws.com')).toBe('zonaws');
    expect(leadingPart('AWS_GLOBAL')).toBe('GLOBAL');
    expect(leadingPart('eks.amazonaws.com/role-arn')).toBe('zonaws');
  });

  it('keeps a text of four characters or fewer whole', () => {
    expect(leadingPart('cdk')).toBe('cdk');
    expect(leadingPart('gacy')).toBe('gacy');
    expect(leadingPart('')).toBe('');
  });

  it('counts a character outside printable ASCII as the rarest', () => {
    expect(leadingPart('aaaaé-bbbb')).toBe('é-bbbb');
  });
});

describe('ByteSearch', () => {
  it('finds texts by their leading part, then whole, and searches each part once a file', () => {
    const search = new ByteSearch();
    const endpoint = search.needle('sts.amazonaws.com');
    const role = search.needle('eks.amazonaws.com/role-arn');
    const part = search.part('zonaws');
    expect(endpoint.part).toBe(part);
    expect(role.part).toBe(part);

    const bytes = Buffer.from('url = "https://sts.amazonaws.com"');
    let searches = 0;
    const counting = new Proxy(bytes, {
      get(target, key) {
        if (key === 'includes') return (needle: Buffer) => (searches++, target.includes(needle));
        return Reflect.get(target, key) as unknown;
      },
    });
    search.start(counting);
    expect(search.holds(endpoint)).toBe(true);
    expect(search.holds(role)).toBe(false);
    expect(search.holdsPart(part)).toBe(true);
    // The part once, then each whole text.
    expect(searches).toBe(3);

    search.start(Buffer.from('nothing here'));
    expect(search.holds(endpoint)).toBe(false);
    expect(search.holds(role)).toBe(false);
  });

  it('finds a text no longer than its part by the part alone', () => {
    const search = new ByteSearch();
    const cdk = search.needle('cdk');
    expect(cdk.whole).toBeUndefined();
    search.start(Buffer.from("import 'aws-cdk-lib'"));
    expect(search.holds(cdk)).toBe(true);
    search.start(Buffer.from('import pulumi'));
    expect(search.holds(cdk)).toBe(false);
  });
});
