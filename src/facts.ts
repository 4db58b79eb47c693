import { readPackageJson } from './package-files.js';

/** The endpoint type a cluster's webhook defaults to, or `unsupported` where only the global endpoint exists. */
export type DefaultEndpoint = 'regional' | 'global' | 'unsupported';

/** `data/eks-versions.json`: when each EKS version gained the setting and its default. */
export interface EksVersionTable {
  /** The first Kubernetes version EKS ran. */
  oldestEks: string;
  /** The newest Kubernetes version the sources of this table know. */
  newestKnown: string;
  oldestWithSetting: string;
  alwaysRegionalFrom: string;
  rows: Array<{
    kubernetes: string;
    platforms: Array<{ from: number; default: 'regional' | 'global'; note?: string }>;
  }>;
}

/** `data/webhook.json`: what the pod identity webhook reads and injects. */
export interface WebhookFacts {
  annotations: {
    roleArn: string;
    audience: string;
    stsRegionalEndpoints: string;
    tokenExpiration: string;
    skipContainers: string;
  };
  parseBool: { true: string[]; false: string[] };
  env: {
    stsRegionalEndpoints: string;
    roleArn: string;
    webIdentityTokenFile: string;
    region: string;
    defaultRegion: string;
    containerCredentialsUri: string;
    containerTokenFile: string;
  };
  injectedStsValue: string;
}

/** `data/endpoints.json`: how texts name STS endpoints and settings. */
export interface EndpointFacts {
  globalHost: string;
  globalRegion: string;
  sdkSettingValues: string[];
  legacyValue: string;
  settingNames: string[];
  regionalHostPattern: string;
  audienceKeyPattern: string;
  regionKeyPattern: string;
  commentLinePattern: string;
  globalRegionConstants: string[];
  legacyConstants: string[];
  /** Texts of which a file must hold one for the code rules to read it. */
  codeMarkers: string[];
  /** Byte-level screening: fragments found fast, each with the texts that must then be present. */
  codeMarkerFragments: Record<string, string[]>;
  presignedGlobalPattern: string;
  endpointKeyPattern: string;
}

export const eksVersions = readPackageJson<EksVersionTable>('data', 'eks-versions.json');
export const webhook = readPackageJson<WebhookFacts>('data', 'webhook.json');
export const endpoints = readPackageJson<EndpointFacts>('data', 'endpoints.json');
