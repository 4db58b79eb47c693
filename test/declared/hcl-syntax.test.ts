import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHcl, type Attribute, type Block, type Expression } from '../../src/loaders/declared/terraform/hcl-syntax.js';
import { LineIndex } from '../../src/loaders/line-index.js';
import { sharedCorpus } from '../helpers.js';

/** Errors as `line:column message`. */
const errorsOf = (text: string) => {
  const lines = new LineIndex(text);
  return parseHcl(text).errors.map((error) => {
    const at = lines.position(error.offset);
    return `${at.line}:${at.column} ${error.message}`;
  });
};

const firstAttribute = (text: string): Attribute => parseHcl(text).body.items[0] as Attribute;

describe('parseHcl', () => {
  it('keeps blocks, labels and attributes with their offsets', () => {
    const text = 'resource "helm_release" "lbc" {\n  name = "lbc"\n  set {\n    name  = "a\\\\.b"\n    value = var.x\n  }\n}\n';
    const { body, errors } = parseHcl(text);
    expect(errors).toEqual([]);
    const resource = body.items[0] as Block;
    expect(resource.labels.map((label) => label.value)).toEqual(['helm_release', 'lbc']);
    const set = resource.body.items[1] as Block;
    const name = set.body.items[0] as Attribute;
    expect(name.value).toMatchObject({ type: 'template', parts: [{ kind: 'text', text: 'a\\.b' }] });
    expect(text.slice(name.value.span.start, name.value.span.end)).toBe('"a\\\\.b"');
    expect(text.slice(name.nameSpan.start, name.nameSpan.end)).toBe('name');
  });

  it.each<[string, Partial<Expression>]>([
    ['x = a.b[0].c', { type: 'attribute', name: 'c' }],
    ['x = a ? b : c', { type: 'conditional' }],
    ['x = !a || b && c == d', { type: 'binary', operator: '||' }],
    ['x = 1 + 2 * 3', { type: 'binary', operator: '+' }],
    ['x = f(a, [b]...)', { type: 'call', name: 'f' }],
    ['x = provider::p::f(a)', { type: 'call', name: 'provider::p::f' }],
    ['x = [for k, v in m : v if k != "a"]', { type: 'for', keyName: 'k', valueName: 'v', object: false }],
    ['x = { for a in l : a.name => a... }', { type: 'for', object: true }],
    ['x = a[*].id', { type: 'attribute', name: 'id' }],
    ['x = "$${not} %%{not} ${a}"', { type: 'template' }],
    ['x = { a = 1, "b" = 2\n  (c) = 3 }', { type: 'object' }],
  ])('reads %s', (text, shape) => {
    expect(parseHcl(text).errors).toEqual([]);
    expect(firstAttribute(text).value).toMatchObject(shape);
  });

  it('reads heredocs, indented or not, with their content where it is written', () => {
    const text = 'a = <<-EOT\n    key: ${var.x}\n    %{ if true }yes%{ endif }\n  EOT\nb = <<EOF\nplain\nEOF\n';
    const { body, errors } = parseHcl(text);
    expect(errors).toEqual([]);
    const [a, b] = body.items as Attribute[];
    expect(a!.value).toMatchObject({ type: 'template', heredoc: { content: { start: 11 } } });
    expect(b!.value).toMatchObject({ type: 'template', parts: [{ kind: 'text', text: 'plain\n' }] });
  });

  it.each([
    ['x = "open\n', ['1:5 unterminated string: a quoted string must end on its line']],
    ['x = <<EOT\nnever closed\n', ['1:5 unterminated heredoc: no line `EOT` closes `<<EOT`']],
    ['x = [1, 2\ny = 3\n', ['2:1 expected `,` or `]` in a list']],
    ['resource "a" "b" {\n  x = \n}\n', ['2:7 expected a value, found the end of the line']],
    ['x = "${a"\n', ['1:9 expected `}` to close `${`, found `"`']],
    ['x = "\\q"\n', ['1:6 invalid escape `\\q` in a string']],
  ])('reports %j at its line and column', (text, errors) => {
    expect(errorsOf(text)).toEqual(errors);
  });

  it('passes over an attribute that does not parse and reads the rest', () => {
    const text = 'module "eks" {\n  entries = {\n    admin_<NAME> = { a = 1 }\n  }\n  cluster_version = "1.29"\n}\n';
    const { body, errors } = parseHcl(text);
    expect(errors).toHaveLength(1);
    expect(((body.items[0] as Block).body.items as Attribute[]).map((item) => item.name)).toEqual(['cluster_version']);
  });

  it('refuses nesting deeper than real configurations without overflowing the stack', () => {
    const nestings: Array<[string, string]> = [['[', ']'], ['(', ')'], ['{a=', '}'], ['"${', '}"'], ['!', '']];
    for (const [open, close] of nestings) {
      const text = `x = ${open.repeat(50_000)}1${close.repeat(50_000)}\n`;
      expect(errorsOf(text)).toEqual([expect.stringMatching(/^1:\d+ nested more than 200 levels deep$/)]);
    }
    const blocks = `${'a {\n'.repeat(50_000)}${'}\n'.repeat(50_000)}`;
    expect(errorsOf(blocks)[0]).toMatch(/nested more than 200 levels deep/);
  });
});

const corpus = sharedCorpus('irsa-sources');

describe.skipIf(!corpus.present)(corpus.title('parseHcl on the irsa-sources corpus'), () => {
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(folder, entry.name)) : /\.(tf|tfvars)$/.test(entry.name) ? [path.join(folder, entry.name)] : []));

  it('parses every .tf and .tfvars file; the one template with placeholders in keys fails only there', () => {
    const found = files(corpus.folder);
    expect(found.length).toBeGreaterThan(25);
    const failing = found.flatMap((file) => errorsOf(readFileSync(file, 'utf8')).map((error) => `${path.relative(corpus.folder, file)}:${error}`));
    expect(failing).toEqual(['kubefirst__gitops-template/aws-github/terraform/aws/eks/main.tf:108:27 unexpected `=`']);
  });
});
