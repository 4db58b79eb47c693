import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, scanFiles, where } from '../helpers.js';
import { deployment, roleArn, serviceAccount } from './fixtures.js';
import { describeRegionCase, regionCase } from '../../src/profiles/region-case.js';
import type { ProfileFlags } from '../../src/profiles/resolve-profiles.js';

const table = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'regions.json'), 'utf8')) as { optIn: string[]; enabledByDefault: string[]; sources: string[]; checked: string };

// The opt-in Regions as the domain facts list them (IAM table and Accounts reference), checked one by one.
const optInRegions = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6',
  'ap-southeast-7', 'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
];

describe('data/regions.json', () => {
  it('names its sources and the day it was checked, and lists each Region once', () => {
    expect(table.sources.length).toBeGreaterThan(0);
    expect(table.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(table.optIn).toEqual(optInRegions);
    expect(table.optIn.filter((region) => table.enabledByDefault.includes(region))).toEqual([]);
  });

  it.each(optInRegions)('%s is opt-in: the strongest case', (region) => {
    expect(regionCase(region)).toBe('optIn');
    expect(describeRegionCase({ region })).toBe(
      `${region} is an opt-in Region: calls from it to the global endpoint are still served in us-east-1 (N. Virginia), and the version 1 session tokens the global endpoint issues by default are not valid in ${region}.`,
    );
  });

  it.each(table.enabledByDefault.filter((region) => region !== 'us-east-1'))('%s is enabled by default: served in-Region since 2025', (region) => {
    expect(regionCase(region)).toBe('enabledByDefault');
    expect(describeRegionCase({ region })).toMatch(new RegExp(`^${region} is enabled by default, so since 2025 calls from it to the global endpoint are served in ${region} itself`));
  });

  it('us-east-1 is where the global endpoint has always been served: not "served in us-east-1 itself, not in us-east-1"', () => {
    expect(regionCase('us-east-1')).toBe('enabledByDefault');
    expect(describeRegionCase({ region: 'us-east-1' })).toBe(
      "us-east-1 is the Region the global endpoint has always been served in, so calls from it to sts.amazonaws.com stay in us-east-1; the global endpoint still departs from AWS's advice to use regional endpoints, and breaks if the workload moves to an opt-in Region or another partition.",
    );
  });

  it.each(['cn-north-1', 'cn-northwest-1', 'us-gov-west-1', 'us-gov-east-1'])('%s is in a partition without a global endpoint', (region) => {
    expect(regionCase(region)).toBe('otherPartition');
    expect(describeRegionCase({ region })).toBe(`${region} is in a partition without a global endpoint: sts.amazonaws.com does not accept its credentials at all.`);
  });

  it('takes a Region it does not know as opt-in and says so, and says when the Region is unknown', () => {
    expect(regionCase('xx-future-1')).toBe('optIn');
    expect(describeRegionCase({ region: 'xx-future-1' })).toMatch(/^xx-future-1 is not among the Regions known to this tool \(checked \d{4}-\d{2}-\d{2}\); every Region launched since March 2019 is opt-in, so this assumes one/);
    expect(regionCase(null)).toBe('unknown');
    expect(describeRegionCase({ region: null })).toMatch(/^The workload's Region is unknown \(give --region, or region in the config's clusters: entry\), so this assumes the strongest case, an opt-in Region/);
  });
});

/** A rule's case: files to scan on a cluster of the given version, the finding's place, and its level per Region case. */
interface RegionRuleCase {
  name: string;
  cluster: Omit<ProfileFlags, 'region'>;
  files: Record<string, string>;
  at: string;
  levels: { optIn: string; enabledByDefault: string; unknown: string };
}

const current = { clusterVersion: '1.29' };
const container = (lines: string[]) => deployment(lines);
const levels = (optIn: string, enabledByDefault: string, unknown: string) => ({ optIn, enabledByDefault, unknown });
const cases: RegionRuleCase[] = [
  { name: 'STS001 (a warning, a note where the Region is enabled by default)', cluster: current, files: { 'sa.yaml': serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "false"']) }, at: 'STS001 sa.yaml:8:47-54', levels: levels('warning', 'note', 'warning') },
  { name: 'STS002 (a warning in every Region)', cluster: { clusterVersion: '1.21', platformVersion: 'eks.2' }, files: { 'sa.yaml': serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "true"']) }, at: 'STS002 sa.yaml:8:5-45', levels: levels('warning', 'warning', 'warning') },
  { name: 'STS003 (a note in every Region)', cluster: { clusterVersion: '1.21', platformVersion: 'eks.3' }, files: { 'sa.yaml': serviceAccount([roleArn]) }, at: 'STS003 sa.yaml:7:5-31', levels: levels('note', 'note', 'note') },
  { name: 'STS006 legacy (a warning, a note where the Region is enabled by default)', cluster: current, files: { 'deploy.yaml': container(['env:', '  - name: AWS_STS_REGIONAL_ENDPOINTS', '    value: legacy']) }, at: 'STS006 deploy.yaml:16:22-28', levels: levels('warning', 'note', 'warning') },
  { name: 'STS007 host (an error in every Region)', cluster: current, files: { 'deploy.yaml': container(['env:', '  - name: AWS_ENDPOINT_URL_STS', '    value: https://sts.amazonaws.com']) }, at: 'STS007 deploy.yaml:16:30-47', levels: levels('error', 'error', 'error') },
  { name: 'STS007 aws-global (an error, a warning where the Region is enabled by default)', cluster: current, files: { 'deploy.yaml': container(['env:', '  - name: AWS_REGION', '    value: aws-global']) }, at: 'STS007 deploy.yaml:16:22-32', levels: levels('error', 'warning', 'error') },
  { name: 'STS008 host (an error in every Region)', cluster: current, files: { 'app.py': 'sts = boto3.client("sts", endpoint_url="https://sts.amazonaws.com")\n' }, at: 'STS008 app.py:1:49-66', levels: levels('error', 'error', 'error') },
  { name: 'STS008 legacy (an error, a warning where the Region is enabled by default)', cluster: current, files: { '.env': 'AWS_STS_REGIONAL_ENDPOINTS=legacy\n' }, at: 'STS008 .env:1:28-34', levels: levels('error', 'warning', 'error') },
  { name: 'STS013 (a note in every Region)', cluster: current, files: { 'deploy.yaml': container(['env:', '  - name: AWS_REGION', '    value: eu-west-1']), 'sa.yaml': serviceAccount([roleArn]) }, at: 'STS013 deploy.yaml:15:21-31', levels: levels('note', 'note', 'note') },
  { name: 'STS014 (a note in every Region)', cluster: current, files: { 'requirements.txt': 'boto3==1.26.0\n' }, at: 'STS014 requirements.txt:1:1-6', levels: levels('note', 'note', 'note') },
];

const regions = [
  ['optIn', 'ap-southeast-7', 'ap-southeast-7 is an opt-in Region: calls from it to the global endpoint are still served in us-east-1'],
  ['enabledByDefault', 'eu-west-1', 'eu-west-1 is enabled by default, so since 2025 calls from it to the global endpoint are served in eu-west-1 itself'],
  ['enabledByDefault', 'us-east-1', 'us-east-1 is the Region the global endpoint has always been served in, so calls from it to sts.amazonaws.com stay in us-east-1'],
  ['unknown', undefined, "The workload's Region is unknown (give --region, or region in the config's clusters: entry), so this assumes the strongest case, an opt-in Region"],
] as const;

describe('messages and levels by Region', () => {
  describe.each(cases)('$name', (testCase) => {
    it.each(regions)('%s Region', (kind, region, sentence) => {
      const report = scanFiles(testCase.files, { flags: { ...testCase.cluster, ...(region ? { region } : {}) } });
      expect(where(report)).toEqual([testCase.at]);
      const finding = report.findings[0]!;
      expect(finding.level).toBe(testCase.levels[kind]);
      expect(finding.message).toContain(sentence);
      expect(finding.message).not.toMatch(/depend\w* on us-east-1/);
      expect(finding.message).not.toContain('in us-east-1 itself, not in us-east-1');
    });
  });
});

describe('the Region of a Terraform provider', () => {
  const providers = [
    'provider "aws" {',
    '  alias  = "cape_town"',
    '  region = "af-south-1"',
    '  endpoints {',
    '    sts = "https://sts.amazonaws.com"',
    '  }',
    '}',
    'provider "aws" {',
    '  endpoints {',
    '    sts = "https://sts.amazonaws.com"',
    '  }',
    '  region = "us-west-2"',
    '}',
    'provider "aws" {',
    '  region = var.region',
    '  endpoints { sts = "https://sts.amazonaws.com" }',
    '}',
  ];

  it('decides the case of the endpoints block inside it, whatever the profile says', () => {
    const report = scanFiles({ 'providers.tf': `${providers.join('\n')}\n` }, { flags: { clusterVersion: '1.29' } });
    expect(where(report)).toEqual(['STS008 providers.tf:5:20-37', 'STS008 providers.tf:10:20-37', 'STS008 providers.tf:16:30-47']);
    expect(report.findings.map((f) => f.level)).toEqual(['error', 'error', 'error']);
    expect(report.findings[0]!.message).toContain('af-south-1 is an opt-in Region');
    expect(report.findings[1]!.message).toContain('us-west-2 is enabled by default');
    expect(report.findings[2]!.message).toContain("The workload's Region is unknown");
  });

  it('wins over the profile only where it names a Region', () => {
    const report = scanFiles({ 'providers.tf': `${providers.join('\n')}\n` }, { flags: { clusterVersion: '1.29', region: 'eu-south-1' } });
    expect(report.findings[0]!.message).toContain('af-south-1 is an opt-in Region');
    expect(report.findings[1]!.message).toContain('us-west-2 is enabled by default');
    expect(report.findings[2]!.message).toContain('eu-south-1 is an opt-in Region');
  });
});
