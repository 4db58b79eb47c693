import { describe, expect, it } from 'vitest';
import { defaultEndpointFor, readKubernetesVersion } from '../../src/profiles/eks-versions.js';

// Below, at and above every boundary of domain.md §2, written out by hand so that the data file
// is checked against the documented table rather than against itself.
const cases: Array<[string, string, 'regional' | 'global' | 'unsupported']> = [
  ['1.16', 'eks.20', 'unsupported'],
  ['1.17', 'eks.9', 'unsupported'],
  ['1.18', 'eks.8', 'unsupported'],
  ['1.18', 'eks.9', 'global'],
  ['1.18', 'eks.10', 'regional'],
  ['1.18', 'eks.11', 'global'],
  ['1.18', 'eks.12', 'global'],
  ['1.19', 'eks.6', 'unsupported'],
  ['1.19', 'eks.7', 'global'],
  ['1.19', 'eks.8', 'regional'],
  ['1.19', 'eks.9', 'global'],
  ['1.19', 'eks.10', 'global'],
  ['1.20', 'eks.2', 'unsupported'],
  ['1.20', 'eks.3', 'global'],
  ['1.20', 'eks.4', 'regional'],
  ['1.20', 'eks.5', 'global'],
  ['1.20', 'eks.6', 'global'],
  ['1.21', 'eks.2', 'unsupported'],
  ['1.21', 'eks.3', 'global'],
  ['1.21', 'eks.4', 'global'],
  ['1.21', 'eks.5', 'regional'],
  ['1.21', 'eks.6', 'global'],
  ['1.21', 'eks.7', 'global'],
  ['1.22', 'eks.0', 'unsupported'],
  ['1.22', 'eks.1', 'regional'],
  ['1.22', 'eks.2', 'regional'],
  ['1.23', 'eks.0', 'unsupported'],
  ['1.23', 'eks.1', 'regional'],
  ['1.23', 'eks.2', 'regional'],
  ['1.24', 'eks.1', 'unsupported'],
  ['1.24', 'eks.2', 'regional'],
  ['1.24', 'eks.3', 'regional'],
  ...['1.25', '1.26', '1.27', '1.28', '1.29'].flatMap((v): Array<[string, string, 'regional' | 'unsupported']> => [
    [v, 'eks.0', 'unsupported'],
    [v, 'eks.1', 'regional'],
    [v, 'eks.2', 'regional'],
  ]),
  ['1.30', 'eks.1', 'unsupported'],
  ['1.30', 'eks.2', 'regional'],
  ['1.30', 'eks.3', 'regional'],
  ['1.31', 'eks.3', 'unsupported'],
  ['1.31', 'eks.4', 'regional'],
  ['1.31', 'eks.5', 'regional'],
  ['1.32', 'eks.1', 'regional'],
  ['1.33', 'eks.1', 'regional'],
  ['1.40', 'eks.9', 'regional'],
];

/** Platform versions past the last the table lists for their Kubernetes version: their default is carried on, and said to be. */
const pastTheTable: Record<string, string> = {
  '1.18 eks.12': 'platform version eks.12 is newer than the table\'s last for Kubernetes 1.18 (eks.11): assumed it keeps that one\'s default',
  '1.19 eks.10': 'platform version eks.10 is newer than the table\'s last for Kubernetes 1.19 (eks.9): assumed it keeps that one\'s default',
  '1.20 eks.6': 'platform version eks.6 is newer than the table\'s last for Kubernetes 1.20 (eks.5): assumed it keeps that one\'s default',
  '1.21 eks.7': 'platform version eks.7 is newer than the table\'s last for Kubernetes 1.21 (eks.6): assumed it keeps that one\'s default',
  ...Object.fromEntries(
    ['1.22', '1.23', '1.25', '1.26', '1.27', '1.28', '1.29'].map((v) => [`${v} eks.2`, `platform version eks.2 is newer than the table's last for Kubernetes ${v} (eks.1): assumed it keeps that one's default`]),
  ),
  '1.24 eks.3': 'platform version eks.3 is newer than the table\'s last for Kubernetes 1.24 (eks.2): assumed it keeps that one\'s default',
  '1.30 eks.3': 'platform version eks.3 is newer than the table\'s last for Kubernetes 1.30 (eks.2): assumed it keeps that one\'s default',
  '1.31 eks.5': 'platform version eks.5 is newer than the table\'s last for Kubernetes 1.31 (eks.4): assumed it keeps that one\'s default',
  '1.40 eks.9': 'Kubernetes 1.40 is newer than the version table knows (1.35): assumed the default of 1.32 and later (Regional)',
};

describe('EKS version table', () => {
  it.each(cases)('Kubernetes %s platform %s defaults to %s', (kubernetes, platform, expected) => {
    const result = defaultEndpointFor(kubernetes, platform);
    expect(result.defaultEndpoint).toBe(expected);
    const note = pastTheTable[`${kubernetes} ${platform}`];
    expect(result.assumptions).toEqual(note === undefined ? [] : [note]);
  });

  it('says so when a platform version is given without a Kubernetes version, which it then cannot use', () => {
    expect(defaultEndpointFor(null, 'eks.99')).toEqual({
      defaultEndpoint: 'regional',
      assumptions: ['Kubernetes version unknown: assumed a current EKS cluster (Regional default)', 'platform version eks.99 not used: it means something only with a Kubernetes version'],
    });
  });

  it.each([
    ['1.29', { version: '1.29' }],
    ['v1.29', { version: '1.29' }],
    ['1.29.3', { version: '1.29' }],
    ['v1.29.3-eks-abcdef', { version: '1.29' }],
    ['1.10', { version: '1.10' }],
    ['1.99', { version: '1.99' }],
    ['1.3', { problem: 'EKS has no Kubernetes 1.3, its oldest is 1.10; did you mean 1.30? In YAML an unquoted 1.30 is the number 1.3: quote it, "1.30"' }],
    ['1.1', { problem: 'EKS has no Kubernetes 1.1, its oldest is 1.10; did you mean 1.10? In YAML an unquoted 1.10 is the number 1.1: quote it, "1.10"' }],
    ['24', { problem: "'24' is not a Kubernetes version such as 1.29 (or v1.29.3, as kubectl prints it)" }],
    ['2.1', { problem: "'2.1' is not a Kubernetes version such as 1.29 (or v1.29.3, as kubectl prints it)" }],
  ])('reads the version a user gives, %s, as %j', (text, reading) => {
    expect(readKubernetesVersion(text)).toEqual(reading);
  });

  it.each([
    ['1.17', 'unsupported'],
    ['1.18', 'global'],
    ['1.19', 'global'],
    ['1.20', 'global'],
    ['1.21', 'global'],
    ['1.22', 'regional'],
    ['1.24', 'regional'],
    ['1.31', 'regional'],
  ])('an unknown platform version of %s is taken as the newest: %s', (kubernetes, expected) => {
    const result = defaultEndpointFor(kubernetes, null);
    expect(result.defaultEndpoint).toBe(expected);
    if (expected !== 'unsupported') expect(result.assumptions.join()).toMatch(/platform version unknown/);
  });

  it('at and above 1.32 every platform version has the setting, so none is assumed', () => {
    expect(defaultEndpointFor('1.32', null)).toEqual({ defaultEndpoint: 'regional', assumptions: [] });
  });

  it('an unknown Kubernetes version is taken as a current cluster, and says so', () => {
    const result = defaultEndpointFor(null, null);
    expect(result.defaultEndpoint).toBe('regional');
    expect(result.assumptions).toEqual([expect.stringMatching(/Kubernetes version unknown/)]);
  });

  it('accepts the API server’s gitVersion form', () => {
    expect(defaultEndpointFor('v1.24.17-eks-5e0fdde', 'eks.2').defaultEndpoint).toBe('regional');
  });

  it('refuses versions that are not versions', () => {
    expect(() => defaultEndpointFor('latest', null)).toThrow(/not a Kubernetes version/);
    expect(() => defaultEndpointFor('1.24', 'two')).toThrow(/not an EKS platform version/);
  });
});
