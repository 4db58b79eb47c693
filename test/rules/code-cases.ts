import { scanFiles, where } from '../helpers.js';
import { regionalCluster } from './fixtures.js';

/** Cases of the code rules (STS008, STS012): a file, and the findings expected in it. */

/**
 * A case: a file's lines, and the findings expected in it, each by line and by the exact text it
 * must point at (its column is where that text stands on the line; the end is exclusive).
 */
export interface Case {
  file: string;
  lines: string[];
  findings: Array<[rule: string, line: number, text: string, occurrence?: number]>;
}

export function expected(testCase: Case): string[] {
  return testCase.findings.map(([rule, line, text, occurrence = 0]) => {
    const lineText = testCase.lines[line - 1]!;
    let column = -1;
    for (let n = 0; n <= occurrence; n++) column = lineText.indexOf(text, column + 1);
    if (column < 0) throw new Error(`"${text}" is not on line ${line} of ${testCase.file}`);
    return `${rule} ${testCase.file}:${line}:${column + 1}-${column + 1 + text.length}`;
  });
}

export const run = (testCase: Case) => where(scanFiles({ [testCase.file]: `${testCase.lines.join('\n')}\n` }, regionalCluster));

export const host = 'sts.amazonaws.com';

export const positives: Case[] = [
  { file: 'app/client.py', lines: ['import boto3', 'sts = boto3.client("sts", endpoint_url="https://sts.amazonaws.com")'], findings: [['STS008', 2, host]] },
  { file: 'app/client.py', lines: ["sts = boto3.client('sts', region_name='aws-global')"], findings: [['STS008', 1, 'aws-global']] },
  { file: 'src/sts.ts', lines: ["const sts = new STSClient({ endpoint: 'https://sts.amazonaws.com' });"], findings: [['STS008', 1, host]] },
  { file: 'src/legacy.js', lines: ["const sts = new AWS.STS({ stsRegionalEndpoints: 'legacy' });"], findings: [['STS008', 1, 'legacy']] },
  { file: 'main.go', lines: ['cfg, _ := config.LoadDefaultConfig(ctx, config.WithEndpointResolver(aws.EndpointResolverFunc(func(s, r string) (aws.Endpoint, error) {', '\treturn aws.Endpoint{URL: "https://sts.amazonaws.com"}, nil', '})))'], findings: [['STS008', 2, host]] },
  { file: 'session.go', lines: ['sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint}))'], findings: [['STS008', 1, 'LegacySTSEndpoint']] },
  { file: 'Sts.java', lines: ['StsClient sts = StsClient.builder().endpointOverride(URI.create("https://sts.amazonaws.com")).build();'], findings: [['STS008', 1, host]] },
  { file: 'Global.java', lines: ['StsClient sts = StsClient.builder().region(Region.AWS_GLOBAL).build();'], findings: [['STS008', 1, 'Region.AWS_GLOBAL']] },
  { file: 'Client.kt', lines: ['val sts = StsClient { endpointUrl = Url.parse("https://sts.amazonaws.com") }'], findings: [['STS008', 1, host]] },
  { file: 'Client.cs', lines: ['var sts = new AmazonSecurityTokenServiceClient(new AmazonSecurityTokenServiceConfig { ServiceURL = "https://sts.amazonaws.com" });'], findings: [['STS008', 1, host]] },
  { file: 'client.rb', lines: ["sts = Aws::STS::Client.new(endpoint: 'https://sts.amazonaws.com')"], findings: [['STS008', 1, host]] },
  { file: 'client.php', lines: ['<?php', "$sts = new StsClient(['endpoint' => 'https://sts.amazonaws.com', 'version' => 'latest']);"], findings: [['STS008', 2, host]] },
  { file: 'run.sh', lines: ['#!/bin/sh', 'export AWS_STS_REGIONAL_ENDPOINTS=legacy', 'aws sts get-caller-identity --endpoint-url https://sts.amazonaws.com'], findings: [['STS008', 2, 'legacy'], ['STS008', 3, host]] },
  { file: 'Dockerfile', lines: ['FROM python:3.12', 'ENV AWS_STS_REGIONAL_ENDPOINTS legacy', 'ENV AWS_ENDPOINT_URL_STS=https://sts.amazonaws.com'], findings: [['STS008', 2, 'legacy'], ['STS008', 3, host]] },
  { file: 'providers.tf', lines: ['provider "aws" {', '  region = "us-east-1"', '  endpoints {', '    sts = "https://sts.amazonaws.com"', '  }', '}'], findings: [['STS008', 4, host]] },
  { file: '.env', lines: ['AWS_STS_REGIONAL_ENDPOINTS=legacy', 'AWS_ENDPOINT_URL_STS=https://sts.amazonaws.com'], findings: [['STS008', 1, 'legacy'], ['STS008', 2, host]] },
  { file: 'home/.aws/config', lines: ['[default]', 'region = us-east-1', 'sts_regional_endpoints = legacy'], findings: [['STS008', 3, 'legacy']] },
  { file: 'src/main/resources/application.properties', lines: ['aws.sts.endpoint=https://sts.amazonaws.com'], findings: [['STS008', 1, host]] },
  { file: 'conf/app.yaml', lines: ['storage:', '  sts_endpoint: "https://sts.amazonaws.com"', '  region: us-west-2'], findings: [['STS008', 2, host]] },
  { file: 'conf/app.json', lines: ['{"sts": {"endpoint": "https://sts.amazonaws.com"}}'], findings: [['STS008', 1, host]] },
  // Each SDK's endpoint option, and the other ways code sets or calls the endpoint (issue: mentions are not settings).
  { file: 'app/call.py', lines: ['STS_ENDPOINT = "https://sts.amazonaws.com"', 'r = requests.get("https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15")'], findings: [['STS008', 1, host], ['STS008', 2, host]] },
  { file: 'app/constants.py', lines: ['GLOBAL_STS = "https://sts.amazonaws.com"'], findings: [['STS008', 1, host]] },
  { file: 'src/v2.js', lines: ["const sts = new AWS.STS({ region: 'us-east-1', endpoint: 'https://sts.amazonaws.com' });"], findings: [['STS008', 1, host]] },
  { file: 'src/semicolons.js', lines: ['let sts', ';const endpoint = "https://sts.amazonaws.com"', ";[sts] = [new STSClient({ endpoint })]"], findings: [['STS008', 2, host]] },
  { file: 'src/fetch.ts', lines: ["const res = await fetch('https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15');"], findings: [['STS008', 1, host]] },
  { file: 'v1.go', lines: ['sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-east-1"), Endpoint: aws.String("https://sts.amazonaws.com")}))'], findings: [['STS008', 1, host]] },
  { file: 'v2.go', lines: ['client := sts.NewFromConfig(cfg, func(o *sts.Options) { o.BaseEndpoint = aws.String("https://sts.amazonaws.com") })'], findings: [['STS008', 1, host]] },
  { file: 'V1.java', lines: ['AWSSecurityTokenService sts = AWSSecurityTokenServiceClientBuilder.standard()', '    .withEndpointConfiguration(new EndpointConfiguration("https://sts.amazonaws.com", "us-east-1")).build();'], findings: [['STS008', 2, host]] },
  { file: 'Config.cs', lines: ['var config = new AmazonSecurityTokenServiceConfig();', 'config.ServiceURL = "https://sts.amazonaws.com";'], findings: [['STS008', 2, host]] },
  { file: 'client_v2.rb', lines: ["sts = Aws::STS::Client.new(region: 'us-east-1', endpoint: \"https://sts.amazonaws.com\")"], findings: [['STS008', 1, host]] },
  { file: 'sts.php', lines: ['<?php', "$sts = new Aws\\Sts\\StsClient(['region' => 'us-east-1', 'endpoint' => \"https://sts.amazonaws.com\"]);"], findings: [['STS008', 2, host]] },
  { file: 'deploy.sh', lines: ['STS_ENDPOINT=https://sts.amazonaws.com ./run.sh', 'aws sts get-caller-identity --endpoint-url=https://sts.amazonaws.com', 'curl -s "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15"'], findings: [['STS008', 1, host], ['STS008', 2, host], ['STS008', 3, host]] },
  { file: 'tools/Dockerfile', lines: ['FROM alpine', 'ENV AWS_ENDPOINT_URL_STS https://sts.amazonaws.com'], findings: [['STS008', 2, host]] },
  { file: 'home/.aws/config', lines: ['[services global-sts]', 'sts =', '  endpoint_url = https://sts.amazonaws.com'], findings: [['STS008', 3, host]] },
  { file: 'v1_with.go', lines: ['svc := sts.New(sess, aws.NewConfig().WithEndpoint("https://sts.amazonaws.com"))'], findings: [['STS008', 1, host]] },
  { file: 'src/main/kotlin/Sts.kt', lines: ['val client = StsClient.builder().endpointOverride(URI.create("https://sts.amazonaws.com")).build()'], findings: [['STS008', 1, host]] },
  { file: 'cli.go', lines: ['var endpoint = flag.String("sts-endpoint", "https://sts.amazonaws.com", "the STS endpoint to call")'], findings: [['STS008', 1, host]] },
  { file: 'run.py', lines: ['subprocess.run(["aws", "sts", "get-caller-identity", "--endpoint-url", "https://sts.amazonaws.com"])'], findings: [['STS008', 1, host]] },
  { file: 'upload.py', lines: ['url = f"https://{bucket}.s3.amazonaws.com/{key}"'], findings: [['STS012', 1, 's3.amazonaws.com']] },
  { file: 'check.ts', lines: ['const pattern = /^https:\\/\\/[^.]+\\.s3\\.amazonaws\\.com\\//;'], findings: [['STS012', 1, 's3\\.amazonaws\\.com']] },
];

export const negatives: Case[] = [
  { file: 'oidc.tf', lines: ['resource "aws_iam_openid_connect_provider" "this" {', '  client_id_list = ["sts.amazonaws.com"]', '}'], findings: [] },
  { file: 'trust.tf', lines: ['data "aws_iam_policy_document" "assume" {', '  condition {', '    test     = "StringEquals"', '    variable = "${var.oidc}:aud"', '    values   = ["sts.amazonaws.com"]', '  }', '}'], findings: [] },
  { file: 'trust.py', lines: ['condition = {"StringEquals": {f"{issuer}:aud": "sts.amazonaws.com"}}'], findings: [] },
  { file: 'Oidc.java', lines: ['CfnOIDCProvider.Builder.create(this, "oidc").clientIdList(List.of("sts.amazonaws.com")).build();'], findings: [] },
  { file: 'oidc.go', lines: ['provider := iam.CreateOpenIDConnectProviderInput{ClientIDList: []*string{aws.String("sts.amazonaws.com")}}'], findings: [] },
  { file: 'token.ts', lines: ["const token = await getToken({ audience: 'sts.amazonaws.com' });"], findings: [] },
  { file: 'comments.py', lines: ['# endpoint_url="https://sts.amazonaws.com"', 'x = 1  # sts_regional_endpoints = legacy', '"""The docstring is a string: https://sts.us-east-1.amazonaws.com"""'], findings: [] },
  { file: 'comments.go', lines: ['// URL: "https://sts.amazonaws.com"', '/* AWS_STS_REGIONAL_ENDPOINTS=legacy', '   sts.amazonaws.com */', 'var u = "https://sts.eu-west-1.amazonaws.com" // sts.amazonaws.com'], findings: [] },
  { file: 'comments.sh', lines: ['# export AWS_STS_REGIONAL_ENDPOINTS=legacy', 'echo "${#ARGS}" # aws-global'], findings: [] },
  { file: 'Dockerfile', lines: ['# ENV AWS_STS_REGIONAL_ENDPOINTS=legacy', 'ENV AWS_STS_REGIONAL_ENDPOINTS=regional'], findings: [] },
  { file: 'home/.aws/config', lines: ['[profile legacy]', '; sts_regional_endpoints = legacy', 'sts_regional_endpoints = regional', 's3_us_east_1_regional_endpoint = legacy', 'retry_mode = legacy'], findings: [] },
  { file: 'regions.tf', lines: ['provider "aws" {', '  endpoints {', '    sts = "https://sts.us-gov-west-1.amazonaws.com"', '    iam = "https://sts-fips.us-east-1.amazonaws.com"', '  }', '}', 'locals { cn = "https://sts.cn-north-1.amazonaws.com.cn", ds = "https://sts.eu-west-1.api.aws" }'], findings: [] },
  { file: 'wasabi.tf', lines: ['provider "aws" {', '  endpoints {', '    sts = "https://sts.wasabisys.com"', '  }', '}'], findings: [] },
  { file: 'iam.java', lines: ['IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL).build();'], findings: [] },
  { file: 'paths.py', lines: ['TOKEN = "/var/run/secrets/sts.amazonaws.com/serviceaccount/token"', 'ACTION = "sts:AssumeRoleWithWebIdentity"'], findings: [] },
  { file: 'empty.yaml', lines: ['stsEndpoint: ""', 'sts_endpoint:', 'serviceAccount:', '  annotations: {}'], findings: [] },
  { file: 'README.md', lines: ['Set `endpoint_url="https://sts.amazonaws.com"` to use the global endpoint.'], findings: [] },
  { file: 'Comments.java', lines: ['/* endpointOverride(URI.create("https://sts.amazonaws.com")) */', '// Region.AWS_GLOBAL for StsClient'], findings: [] },
  { file: 'Comments.kt', lines: ['// val sts = StsClient { endpointUrl = Url.parse("https://sts.amazonaws.com") }', '/* stsRegionalEndpoints = "legacy" */'], findings: [] },
  { file: 'Comments.cs', lines: ['// ServiceURL = "https://sts.amazonaws.com"', '/* AWS_STS_REGIONAL_ENDPOINTS=legacy */'], findings: [] },
  { file: 'comments.rb', lines: ["# Aws::STS::Client.new(endpoint: 'https://sts.amazonaws.com')", '=begin', 'sts_regional_endpoints = legacy', '=end'], findings: [] },
  { file: 'comments.php', lines: ['<?php', "# 'endpoint' => 'https://sts.amazonaws.com'", "// 'sts_regional_endpoints' => 'legacy'", "/* 'endpoint' => 'https://sts.amazonaws.com' */"], findings: [] },
  { file: 'comments.ts', lines: ["// new STSClient({ endpoint: 'https://sts.amazonaws.com' })", "/** stsRegionalEndpoints: 'legacy' */", "const audience = 'sts.amazonaws.com';", "const opts = { audience: ['sts.amazonaws.com'] };"], findings: [] },
  { file: 'comments.tf', lines: ['# sts = "https://sts.amazonaws.com"', '// sts = "https://sts.amazonaws.com"', '/* sts_regional_endpoints = legacy */'], findings: [] },
  { file: '.env.production', lines: ['# AWS_STS_REGIONAL_ENDPOINTS=legacy', 'AWS_STS_REGIONAL_ENDPOINTS=regional'], findings: [] },
  { file: 'app.properties', lines: ['! aws.sts.endpoint=https://sts.amazonaws.com', '# aws.sts.endpoint=https://sts.amazonaws.com'], findings: [] },
  { file: 'settings.yaml', lines: ['# sts_endpoint: https://sts.amazonaws.com', 'oidc:', '  audiences:', '    - sts.amazonaws.com'], findings: [] },
  { file: 'policy.json', lines: ['{"Condition": {"StringEquals": {"oidc.eks.us-west-2.amazonaws.com/id/X:aud": "sts.amazonaws.com"}}}'], findings: [] },
  // Mentions of the global host that set no endpoint: comparisons, membership tests, host tables,
  // table-driven rows, log and error messages, doc strings and help text, in each language.
  { file: 'partition.go', lines: ['func regionOf(host string) string {', '\tif host == "sts.amazonaws.com" {', '\t\treturn "global"', '\t}', '\tswitch host {', '\tcase "sts.amazonaws.com", "sts.us-east-1.amazonaws.com":', '\t\treturn "us-east-1"', '\t}', '\tif strings.EqualFold(u.Host, "sts.amazonaws.com") || strings.HasSuffix(u.Host, "sts.amazonaws.com") {', '\t\treturn "us-east-1"', '\t}', '\treturn ""', '}'], findings: [] },
  { file: 'hosts.go', lines: ['var regionByHost = map[string]string{"sts.amazonaws.com": "us-east-1"}', 'var globalHosts = []string{', '\t"sts.amazonaws.com",', '}', 'var cases = []struct{ partition, host string; global bool }{', '\t{"aws", "sts.amazonaws.com", true},', '\t{"aws-cn", "sts.cn-north-1.amazonaws.com.cn", false},', '}'], findings: [] },
  { file: 'messages.go', lines: ['log.Printf("calling %s", "https://sts.amazonaws.com")', 'klog.Info("resolved", "endpoint", "https://sts.amazonaws.com")', 'return fmt.Errorf("unexpected STS host %q", "sts.amazonaws.com")', 'err := errors.New("the global endpoint sts.amazonaws.com is not allowed")', 'flag.String("sts-endpoint", "", "STS endpoint, such as https://sts.amazonaws.com")'], findings: [] },
  { file: 'regions.py', lines: ['def region_of(host):', '    """Map a host such as https://sts.amazonaws.com to its region.', '', '    Calls https://sts.amazonaws.com when no region is set.', '    """', '    if host == "sts.amazonaws.com":', '        return "us-east-1"', '    if urlparse(url).hostname in ("sts.us-east-1.amazonaws.com", "sts.amazonaws.com"):', '        return "us-east-1"', '    return REGION_BY_HOST.get(host)', 'GLOBAL_HOSTS = {"sts.amazonaws.com"}', 'REGION_BY_HOST = {"sts.amazonaws.com": "us-east-1"}'], findings: [] },
  { file: 'messages.py', lines: ['logger.info("Using the global endpoint https://sts.amazonaws.com")', 'raise ValueError("sts.amazonaws.com is the global endpoint; use a regional one")', 'parser.add_argument("--region", help="STS region (default: the global https://sts.amazonaws.com)")', 'assert client.meta.endpoint_url != "https://sts.amazonaws.com"', 'logging.warning("endpoint=%s", "https://sts.amazonaws.com")'], findings: [] },
  { file: 'src/hosts.ts', lines: ["if (url.hostname === 'sts.amazonaws.com') return 'global';", "switch (host) { case 'sts.amazonaws.com': return 'us-east-1'; }", "const GLOBAL_HOSTS = new Set(['sts.amazonaws.com']);", "if (['sts.amazonaws.com', 'sts.us-east-1.amazonaws.com'].includes(host)) region = 'us-east-1';", "const regionByHost = { 'sts.amazonaws.com': 'us-east-1' };", 'console.warn(`Falling back to https://sts.amazonaws.com`);', "throw new Error('Refusing the global endpoint sts.amazonaws.com');", "expect(client.config.endpoint).not.toBe('https://sts.amazonaws.com');"], findings: [] },
  { file: 'Hosts.java', lines: ['if ("sts.amazonaws.com".equals(uri.getHost())) { return Region.AWS_GLOBAL; }', 'switch (host) { case "sts.amazonaws.com": return "us-east-1"; }', 'private static final Set<String> GLOBAL_HOSTS = Set.of("sts.amazonaws.com");', 'LOG.warn("Using the global STS endpoint https://sts.amazonaws.com");', 'throw new IllegalArgumentException("sts.amazonaws.com is not allowed here");', 'assertEquals("https://sts.amazonaws.com", client.endpoint().toString());'], findings: [] },
  { file: 'Hosts.cs', lines: ['if (host == "sts.amazonaws.com") { return "global"; }', 'var regions = new Dictionary<string, string> { { "sts.amazonaws.com", "us-east-1" } };', 'Console.WriteLine("Calling https://sts.amazonaws.com");'], findings: [] },
  { file: 'hosts.rb', lines: ['case host', "when 'sts.amazonaws.com' then :global", 'end', "raise ArgumentError, 'global endpoint sts.amazonaws.com is not allowed'", "REGIONS = { 'sts.amazonaws.com' => 'us-east-1' }.freeze"], findings: [] },
  { file: 'hosts.php', lines: ['<?php', "if ($host === 'sts.amazonaws.com') { $global = true; }", "if (in_array($host, ['sts.amazonaws.com'])) { $global = true; }", "error_log('calling https://sts.amazonaws.com');"], findings: [] },
  { file: 'check.sh', lines: ['if [ "$host" = "sts.amazonaws.com" ]; then', '  echo "Using https://sts.amazonaws.com"', 'fi', 'case "$host" in', '  sts.amazonaws.com) region=us-east-1 ;;', 'esac'], findings: [] },
  { file: 'outputs.tf', lines: ['locals { is_global = var.sts_host == "sts.amazonaws.com" }', 'variable "sts_endpoint" {', '  description = "STS endpoint override, for example https://sts.amazonaws.com"', '}'], findings: [] },
  { file: 'conf/help.yaml', lines: ['options:', '  endpoint:', '    description: "Override of the STS endpoint (e.g. https://sts.amazonaws.com)"', '    help: Use https://sts.amazonaws.com only outside EKS'], findings: [] },
  { file: 'Hosts.kt', lines: ['fun regionOf(host: String) = when (host) {', '    "sts.amazonaws.com" -> "us-east-1"', '    else -> null', '}', 'val isGlobal = host == "sts.amazonaws.com"', 'logger.info("calling https://sts.amazonaws.com")'], findings: [] },
  { file: 'conf/hosts.json', lines: ['{"globalHosts": ["sts.amazonaws.com"], "regions": {"sts.amazonaws.com": "us-east-1"}, "description": "Calls to https://sts.amazonaws.com are refused"}'], findings: [] },
  { file: 'conf/allow.yaml', lines: ['allowed_hosts:', '  - sts.amazonaws.com', 'note: the global endpoint https://sts.amazonaws.com is not used'], findings: [] },
  { file: 'aws-global.py', lines: ['if sts_region == "aws-global":', '    sts = boto3.client("sts")'], findings: [] },
  { file: 'log-s3.py', lines: ['logger.info(f"uploaded to https://{bucket}.s3.amazonaws.com/{key}")', 'raise ValueError(f"{bucket}.s3.amazonaws.com is not reachable")'], findings: [] },
  { file: 'regional-s3.py', lines: ['url = f"https://{bucket}.s3.{region}.amazonaws.com/{key}"', 'path = "https://s3.amazonaws.com/bucket/key"'], findings: [] },
];

/** A case of STS012 rather than STS008. */
export const readsPresignedUrls = (testCase: Case): boolean => testCase.findings.some(([rule]) => rule === 'STS012');
