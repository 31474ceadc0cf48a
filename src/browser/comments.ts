import { giscusOrigin, giscusTheme } from '../shared/giscus.ts';

/**
 * "Show comments" (src/components/Comments.astro): loads giscus's script, which puts the
 * chapter's thread (mapped by the chapter's slug) in place. Nothing is requested from
 * giscus.app before.
 */
export function showComments(section: HTMLElement, button: HTMLButtonElement): void {
  const { repo, repoId, category, categoryId, term, lang } = section.dataset;
  if (!repo || !repoId || !category || !categoryId || !term) return;
  const script = document.createElement('script');
  script.src = `${giscusOrigin}/client.js`;
  script.async = true;
  script.crossOrigin = 'anonymous';
  const settings: Record<string, string> = {
    repo,
    repoId,
    category,
    categoryId,
    mapping: 'specific',
    term,
    strict: '1',
    reactionsEnabled: '1',
    emitMetadata: '0',
    inputPosition: 'bottom',
    theme: giscusTheme(document.documentElement.dataset.theme),
    lang: lang ?? 'en',
    loading: 'lazy',
  };
  Object.assign(script.dataset, settings);
  section.querySelector('.thread')?.append(script);
  button.closest('.js-only')?.remove();
}
