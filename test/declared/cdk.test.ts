import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { scanDeclaredFixtures } from './program-fixtures.js';

const created = '(the role AWS CDK creates)';
const assumed = { name: 'assumed', kubernetesVersion: null, source: 'assumed' };
const cdkRole = 'its role is the one AWS CDK creates for it, and CDK writes its ARN as the annotation';

describe('AWS CDK and cdk8s programs', () => {
  it('judge the ServiceAccounts they make, at the literal the user edits', async () => {
    const report = await scanDeclaredFixtures('cdk');
    expect(where(report)).toEqual([
      'STS001 app/service_accounts.py:13:70-77',
      'STS001 lib/cluster-stack.ts:16:66-73',
      'STS004 lib/cluster-stack.ts:48:55-61',
    ]);
    expect(report.findings[1]!.message).toContain('ServiceAccount media/uploader made by `addServiceAccount` in AWS CDK code');
  });

  it('list each in the inventory: the role CDK creates at the call, a literal or computed role at its annotation', async () => {
    const report = await scanDeclaredFixtures('cdk');
    expect(report.inventory).toEqual([
      {
        path: 'app/service_accounts.py', line: 9, column: 28, input: 'cdk', builtBy: '`add_service_account` in AWS CDK code', namespace: 'spark', name: 'etl', roleArn: created,
        endpoint: { value: 'false', path: 'app/service_accounts.py', line: 13, column: 70 }, profile: assumed, assumptions: [cdkRole],
      },
      {
        path: 'app/service_accounts.py', line: 15, column: 33, input: 'cdk', builtBy: '`add_service_account` in AWS CDK code', namespace: 'jupyter', name: 'team', roleArn: created,
        profile: assumed, assumptions: [cdkRole, 'its name is the value of `team`, known only when the program runs'],
      },
      {
        path: 'lib/cluster-stack.ts', line: 13, column: 30, input: 'cdk', builtBy: '`addServiceAccount` in AWS CDK code', namespace: 'media', name: 'uploader', roleArn: created,
        endpoint: { value: 'false', path: 'lib/cluster-stack.ts', line: 16, column: 66 }, profile: assumed, assumptions: [cdkRole],
      },
      {
        path: 'lib/cluster-stack.ts', line: 20, column: 9, input: 'cdk', builtBy: '`eks.ServiceAccount` in AWS CDK code', namespace: 'media', name: 'thumbnails', roleArn: created,
        profile: assumed, assumptions: [cdkRole],
      },
      {
        path: 'lib/cluster-stack.ts', line: 36, column: 58, input: 'cdk', builtBy: 'a ServiceAccount object in AWS CDK code', namespace: 'media', name: 'worker', roleArn: 'workerRole.roleArn',
        profile: assumed, assumptions: ['its role ARN is the value of `workerRole.roleArn`, known only when the program runs'],
      },
      {
        path: 'lib/cluster-stack.ts', line: 47, column: 41, input: 'cdk', builtBy: '`KubeServiceAccount` in AWS CDK code', namespace: 'media', name: 'reports', roleArn: 'arn:aws:iam::111122223333:role/media-reports',
        endpoint: { value: 'ture', path: 'lib/cluster-stack.ts', line: 48, column: 55 }, profile: assumed,
      },
    ]);
  });

  it('are listed as only partly analysed, never as clean', async () => {
    const report = await scanDeclaredFixtures('cdk');
    expect(report.inputs.unanalysed?.map((item) => `${item.path} ${item.kind}`)).toEqual(['app/service_accounts.py cdk', 'lib/cluster-stack.ts cdk']);
    expect(report.inputs.unanalysed?.[0]?.reason).toMatch(/^AWS CDK code is read, not run: /);
    expect(report.inputs.serviceAccounts).toEqual({ cdk: 6 });
  });

  it('never take the trust policy’s audience for an endpoint', async () => {
    const report = await scanDeclaredFixtures('cdk');
    expect(report.findings.filter((finding) => finding.location?.startLine === 24)).toEqual([]);
  });

  it('read Go and Java CDK calls, and leave code that only mentions a ServiceAccount alone', () => {
    const go = [
      'import "github.com/aws/aws-cdk-go/awscdk/v2/awseks"',
      'func addAccounts(cluster awseks.Cluster) {',
      '\tcluster.AddServiceAccount(jsii.String("Sa"), &awseks.ServiceAccountOptions{',
      '\t\tName:      jsii.String("ingest"),',
      '\t\tNamespace: jsii.String("data"),',
      '\t})',
      '}',
    ].join('\n');
    const java = [
      'import software.amazon.awscdk.services.eks.ServiceAccount;',
      'class Accounts {',
      '  void add(Cluster cluster) {',
      '    ServiceAccount.Builder.create(this, "Sa").cluster(cluster).name("loader").namespace("etl").build();',
      '  }',
      '}',
    ].join('\n');
    const unrelated = '// aws-cdk\nconst kinds = ["ServiceAccount"];\nfunction describeServiceAccount(name: string) { return name; }\n';
    const report = scanFiles({ 'stack.go': go, 'Accounts.java': java, 'notes.ts': unrelated }, { inventory: true });
    expect(report.inventory?.map((entry) => `${entry.path}:${entry.line}:${entry.column} ${entry.namespace}/${entry.name}`)).toEqual([
      'Accounts.java:4:5 etl/loader',
      'stack.go:3:10 data/ingest',
    ]);
    expect(report.inputs.unanalysed?.map((item) => item.path)).toEqual(['Accounts.java', 'stack.go']);
  });
});
