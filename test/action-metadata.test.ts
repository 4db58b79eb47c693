import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateAction, validateWorkflow, type ValidationState } from '@action-validator/core';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

const actionText = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');

/**
 * The runtimes GitHub runs JavaScript actions on. @action-validator/core 0.6.0 embeds a SchemaStore
 * `github-action.json` from before GitHub added `node24`, whose `runs.using` enum stops at `node20`:
 * `using` is checked against this list, and the rest of the file against that schema.
 */
const javascriptRuntimes = ['node20', 'node24'];

/** The schema's problems with an action metadata file, `path: title (detail)` each. */
function actionProblems(text: string): string[] {
  const using = /^ {2}using: (\S+)$/m.exec(text)?.[1];
  if (using !== undefined && !javascriptRuntimes.includes(using)) return [`/runs/using: ${using} is not one of ${javascriptRuntimes.join(', ')}`];
  return problems(validateAction(text.replace(/^( {2}using:) node24$/m, '$1 node20')));
}

/** The schema's problems with a workflow, `path: title (detail)` each. */
const workflowProblems = (text: string): string[] => problems(validateWorkflow(text));

/** Every error, and those of the alternatives that a `oneOf` tried, one line each. */
function problems(state: Pick<ValidationState, 'errors'>): string[] {
  return state.errors.flatMap((error) => [
    `${'path' in error ? error.path : ''}: ${error.title}${error.detail ? ` (${error.detail})` : ''}`,
    ...('states' in error && error.states ? error.states.flatMap(problems) : []),
  ]);
}

/** The fenced YAML blocks of a Markdown text that are whole workflows, with their first line. */
function workflowSnippets(markdown: string): Array<{ line: number; text: string }> {
  const snippets: Array<{ line: number; text: string }> = [];
  for (const match of markdown.matchAll(/^( *)```ya?ml\n([\s\S]*?)^\1```$/gm)) {
    const indent = match[1]!.length;
    const text = match[2]!.replace(new RegExp(`^ {0,${indent}}`, 'gm'), '');
    if (/^on:/m.test(text) && /^jobs:/m.test(text)) snippets.push({ line: markdown.slice(0, match.index).split('\n').length, text });
  }
  return snippets;
}

/** The literal names passed to `core.<method>(...)` in the Action's sources; a computed name fails the test. */
function namesPassedTo(method: string): Set<string> {
  const folder = path.join(repoRoot, 'src', 'action');
  const names = new Set<string>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(path.join(folder, file), 'utf8');
    for (const call of source.matchAll(new RegExp(`\\b${method}\\(([^,)]*)`, 'g'))) {
      // A name this test cannot read could be an input that action.yml does not declare.
      expect(call[1], `${file}: ${method} with a computed name`).toMatch(/^'[a-z-]+'$/);
      names.add(call[1]!.slice(1, -1));
    }
  }
  return names;
}

describe('the Action metadata, action.yml', () => {
  it('is strict YAML: no syntax error, no duplicate key', () => {
    expect(() => load(actionText)).not.toThrow();
  });

  it('matches the action metadata schema', () => {
    expect(actionProblems(actionText)).toEqual([]);
  });

  it('declares every input the Action reads and reads every input it declares', () => {
    const declared = Object.keys((load(actionText) as { inputs: Record<string, unknown> }).inputs).sort();
    expect([...namesPassedTo('getInput')].sort()).toEqual(declared);
  });

  it('declares every output the Action sets, and the Action sets every output it declares', () => {
    const declared = Object.keys((load(actionText) as { outputs: Record<string, unknown> }).outputs).sort();
    expect([...namesPassedTo('setOutput')].sort()).toEqual(declared);
  });
});

describe('workflows', () => {
  const workflowFolder = path.join(repoRoot, '.github', 'workflows');
  const workflows = readdirSync(workflowFolder).filter((name) => /\.ya?ml$/.test(name));
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

  it.each(workflows)('.github/workflows/%s matches the workflow schema', (name) => {
    const text = readFileSync(path.join(workflowFolder, name), 'utf8');
    expect(() => load(text)).not.toThrow();
    expect(workflowProblems(text)).toEqual([]);
  });

  it('every workflow in the README is strict YAML and matches the workflow schema', () => {
    const snippets = workflowSnippets(readme);
    expect(snippets.length).toBeGreaterThanOrEqual(2);
    for (const { line, text } of snippets) {
      expect(() => load(text), `README.md line ${line}`).not.toThrow();
      expect(workflowProblems(text), `README.md line ${line}`).toEqual([]);
    }
  });
});

describe('the checks themselves', () => {
  it('reject the unquoted description that once kept GitHub from loading the Action', () => {
    const broken = actionText.replace(/^( {4}description: )"(The lowest level that fails the step: [^"]*)"$/m, '$1$2');
    expect(broken).not.toBe(actionText);
    expect(() => load(broken)).toThrow(/bad indentation|mapping/);
    expect(actionProblems(broken)).toEqual([expect.stringMatching(/^: Parse Error \(mapping values are not allowed in this context at line \d+ column \d+\)$/)]);
  });

  it('reject a duplicate input', () => {
    const duplicated = actionText.replace(/^inputs:\n/m, 'inputs:\n  summary:\n    description: "Again."\n');
    expect(() => load(duplicated)).toThrow(/duplicated mapping key/);
  });

  it('reject action metadata with a key the schema does not know, and a runtime GitHub does not run', () => {
    expect(actionProblems(`${actionText}bogus: true\n`)).toContain(": Property conditions are not met (Additional property 'bogus' is not allowed)");
    expect(actionProblems(actionText.replace('using: node24', 'using: node14'))).toEqual(['/runs/using: node14 is not one of node20, node24']);
  });

  it('reject a workflow step with a key the schema does not know', () => {
    const workflow = readFileSync(path.join(repoRoot, '.github', 'workflows', 'ci.yml'), 'utf8').replace('- run: bash .ci/run', '- run: bash .ci/run\n        withh: {}');
    expect(workflowProblems(workflow).join('\n')).toContain("/jobs/test/steps/1: Property conditions are not met (Additional property 'withh' is not allowed)");
  });

  it('find the workflows among a Markdown text\'s YAML blocks, indented ones too', () => {
    const markdown = ['```yaml', 'a: 1', '```', '', '- item', '  ```yaml', '  on: push', '  jobs: {}', '  ```', ''].join('\n');
    expect(workflowSnippets(markdown)).toEqual([{ line: 6, text: 'on: push\njobs: {}\n' }]);
  });
});
