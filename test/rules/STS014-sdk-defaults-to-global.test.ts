import { describe, expect, it } from 'vitest';
import { scanFiles } from '../helpers.js';
import { expected, run, type Case } from './code-cases.js';

describe('STS014 sdk-defaults-to-global', () => {
  const cases: Case[] = [
    { file: 'package.json', lines: ['{', '  "dependencies": {', '    "aws-sdk": "^2.1500.0",', '    "@aws-sdk/client-sts": "^3.600.0"', '  }', '}'], findings: [['STS014', 3, 'aws-sdk']] },
    { file: 'package-lock.json', lines: ['{', '  "lockfileVersion": 3,', '  "packages": {', '    "": {"name": "app"},', '    "node_modules/aws-sdk": {"version": "2.1692.0"}', '  }', '}'], findings: [['STS014', 5, 'node_modules/aws-sdk']] },
    { file: 'requirements.txt', lines: ['boto3==1.26.0', 'botocore>=1.20,<1.40', 'awscli~=1.41.0', 'requests==2.31.0', '# boto3==1.20.0'], findings: [['STS014', 1, 'boto3'], ['STS014', 2, 'botocore'], ['STS014', 3, 'awscli']] },
    { file: 'requirements-dev.txt', lines: ['boto3>=1.26', 'botocore==1.40.0', 'awscli<=1.42.0'], findings: [] },
    { file: 'Pipfile.lock', lines: ['{"default": {"boto3": {"version": "==1.34.0"}}, "develop": {}}'], findings: [['STS014', 1, 'boto3']] },
    { file: 'poetry.lock', lines: ['[[package]]', 'name = "botocore"', 'version = "1.39.9"', '', '[[package]]', 'name = "boto3"', 'version = "1.40.2"'], findings: [['STS014', 2, 'botocore']] },
    { file: 'pyproject.toml', lines: ['[project]', 'dependencies = [', '  "boto3==1.28.0",', '  "requests>=2",', ']', '', '[tool.poetry.dependencies]', 'botocore = "~1.31"', 'awscli = "^1.30"'], findings: [['STS014', 3, 'boto3'], ['STS014', 8, 'botocore']] },
    { file: 'go.mod', lines: ['module example.com/app', '', 'require (', '\tgithub.com/aws/aws-sdk-go v1.55.5', '\tgithub.com/aws/aws-sdk-go-v2 v1.30.0', ')'], findings: [['STS014', 4, 'github.com/aws/aws-sdk-go']] },
    { file: 'pom.xml', lines: ['<project><dependencies>', '  <dependency>', '    <groupId>com.amazonaws</groupId>', '    <artifactId>aws-java-sdk-sts</artifactId>', '    <version>1.12.700</version>', '  </dependency>', '  <dependency><groupId>software.amazon.awssdk</groupId><artifactId>sts</artifactId></dependency>', '</dependencies></project>'], findings: [['STS014', 4, 'aws-java-sdk-sts']] },
    { file: 'build.gradle.kts', lines: ['dependencies {', '    implementation("com.amazonaws:aws-java-sdk-core:1.12.700")', '    implementation("software.amazon.awssdk:sts:2.25.0")', '}'], findings: [['STS014', 2, 'com.amazonaws:aws-java-sdk-core:1.12.700']] },
    { file: 'App.csproj', lines: ['<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>', '  <PackageReference Include="AWSSDK.SecurityToken" Version="3.7.300" />', '  <PackageReference Include="AWSSDK.Core" Version="4.0.0" />', '</ItemGroup></Project>'], findings: [['STS014', 2, 'AWSSDK.SecurityToken']] },
    { file: 'Gemfile.lock', lines: ['GEM', '  specs:', '    aws-sdk-core (3.91.1)', '    aws-sdk-s3 (1.100.0)'], findings: [['STS014', 3, 'aws-sdk-core']] },
    { file: 'composer.lock', lines: ['{"packages": [{"name": "aws/aws-sdk-php", "version": "3.300.0"}, {"name": "guzzlehttp/guzzle", "version": "7.8.0"}]}'], findings: [['STS014', 1, 'aws/aws-sdk-php']] },
    { file: 'composer.lock', lines: ['{"packages": [{"name": "aws/aws-sdk-php", "version": "3.351.12"}]}'], findings: [] },
  ];

  it.each(cases.map((testCase, index) => [`${testCase.file} (${index})`, testCase] as const))('reads %s', (_, testCase) => {
    expect(run(testCase)).toEqual(expected(testCase));
  });

  it('says which SDK and why', () => {
    const report = scanFiles({ 'requirements.txt': 'boto3==1.26.0\n' });
    expect(report.findings[0]!.message).toBe(
      'boto3 ==1.26.0 allows only versions of boto3 before 1.40.0, which default to the legacy STS endpoint setting: unless AWS_STS_REGIONAL_ENDPOINTS=regional reaches them, they call the global endpoint sts.amazonaws.com. ' +
        "The workload's Region is unknown (give --region, or region in the config's clusters: entry), so this assumes the strongest case, an opt-in Region: calls to the global endpoint are then served in us-east-1 (N. Virginia), and its version 1 session tokens are not valid there.",
    );
  });
});
