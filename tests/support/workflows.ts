import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** One `run:` step a workflow would take, with the environment GitHub would give it. */
export interface RunStep {
  workflow: string;
  job: string;
  name: string;
  run: string;
  env: Record<string, string>;
}

interface Workflow {
  on?: { push?: { branches?: string[]; paths?: string[]; 'paths-ignore'?: string[] } };
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  env?: Record<string, string>;
  steps?: { name?: string; run?: string; uses?: string; if?: string; env?: Record<string, string> }[];
}

/** A GitHub Actions path filter as a regular expression: `*` within a folder, `**` across them. */
function pathPattern(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** Whether a push of `changed` files to `branch` starts the workflow (GitHub's `branches`, `paths`, `paths-ignore`). */
function startsOnPush(workflow: Workflow, branch: string, changed: string[]): boolean {
  const push = workflow.on?.push;
  if (!push) return false;
  if (push.branches && !push.branches.some((glob) => pathPattern(glob).test(branch))) return false;
  if (push['paths-ignore']) return changed.some((file) => !push['paths-ignore']!.some((glob) => pathPattern(glob).test(file)));
  if (push.paths) {
    return changed.some((file) =>
      push.paths!.reduce(
        (included, glob) =>
          glob.startsWith('!') ? included && !pathPattern(glob.slice(1)).test(file) : included || pathPattern(glob).test(file),
        false,
      ),
    );
  }
  return true;
}

/**
 * The `run:` steps GitHub would take for a push of `changed` files to `branch`, in order: each
 * workflow that the push starts, its jobs in the order `needs` gives, each step's `run` with
 * its environment (`${{ … }}` filled from `values`). A condition (`if:`) or an expression the
 * test cannot know fails loudly, so the test follows the workflows as they change.
 */
export function runStepsForPush(dir: string, branch: string, changed: string[], values: Record<string, string>): RunStep[] {
  const fill = (text: string, where: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (expression.startsWith('secrets.')) return '';
      if (!(expression in values)) throw new Error(`${where}: the test does not know the value of \${{ ${expression} }}`);
      return values[expression]!;
    });
  const fillAll = (env: Record<string, string> | undefined, where: string) =>
    Object.fromEntries(Object.entries(env ?? {}).map(([key, value]) => [key, fill(String(value), where)]));

  const steps: RunStep[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()) {
    const workflow = yaml.load(readFileSync(join(dir, file), 'utf8')) as Workflow;
    if (!startsOnPush(workflow, branch, changed)) continue;
    const done = new Set<string>();
    const order: string[] = [];
    const visit = (name: string) => {
      if (done.has(name)) return;
      done.add(name);
      const needs = workflow.jobs[name]!.needs;
      for (const need of typeof needs === 'string' ? [needs] : (needs ?? [])) visit(need);
      order.push(name);
    };
    Object.keys(workflow.jobs).forEach(visit);
    for (const name of order) {
      const job = workflow.jobs[name]!;
      if (job.if) throw new Error(`${file}: job ${name} has a condition the test cannot evaluate: ${job.if}`);
      for (const [index, step] of (job.steps ?? []).entries()) {
        const where = `${file}: ${name}, step ${index + 1}`;
        if (step.if) throw new Error(`${where} has a condition the test cannot evaluate: ${step.if}`);
        if (step.run === undefined) continue;
        steps.push({
          workflow: file,
          job: name,
          name: step.name ?? step.run,
          run: fill(step.run, where),
          env: { ...fillAll(workflow.env, where), ...fillAll(job.env, where), ...fillAll(step.env, where) },
        });
      }
    }
  }
  return steps;
}
