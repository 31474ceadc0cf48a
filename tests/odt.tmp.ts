import { readFileSync } from 'node:fs';
import { readInput } from '../src/importer/read.ts';
import { planImport } from '../src/importer/files.ts';
for (const file of process.argv.slice(2)) {
  try {
    const work = await readInput(readFileSync(file), file);
    const plan = await planImport(work, []);
    console.log(
      '==',
      file,
      work.format,
      'kept',
      plan.fidelity.kept,
      '/',
      plan.fidelity.source,
      'added',
      plan.fidelity.added,
      plan.fidelity.firstLoss ?? '',
      plan.fidelity.firstAddition ?? '',
    );
    console.log('dropped', work.dropped, 'notices', work.notices, 'images', [...plan.images.keys()]);
    if (plan.story) console.log(plan.story);
    for (const c of plan.chapters) console.log('--', c.slug, '\n' + c.text);
  } catch (e) {
    console.log('==', file, 'ERR', (e as Error).message);
  }
}
