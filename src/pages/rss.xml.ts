import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getStory } from '../build/content';
import { localPreview, withBase } from '../build/paths';
import { feedEntries } from '../core/feed';
import { excerpt } from '../core/excerpt';
import { escapeXml } from '../core/escape';
import { chapterPath } from '../shared/paths';

/** `/rss.xml`: an RSS 2.0 feed of the published chapters, newest first. */
export const GET: APIRoute = async ({ site, locals }) => {
  const { t } = locals;
  const story = await getStory();
  // Feed readers need absolute links. Without SITE_URL they point at `npm start`'s local
  // preview, which is right for a local look; set SITE_URL for a deployed site.
  const origin = site ?? new URL(localPreview);
  return rss({
    title: story.meta.title,
    description: excerpt(story.summary.text, 500),
    site: new URL(withBase(''), origin).href,
    customData: `<language>${story.meta.language}</language>`,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', dcterms: 'http://purl.org/dc/terms/' },
    trailingSlash: true,
    items: feedEntries(story.chapters).map(({ chapter, date, revised, part }) => ({
      // Readers and e-mail digests often show an item alone: it names the story (and the part, for each book's
      // "Chapter 1"), and says when it is a revision.
      title: [story.meta.title, part, revised ? t('feed.updated', { title: chapter.title }) : chapter.title]
        .filter((name) => name !== undefined)
        .join(' — '),
      link: new URL(withBase(chapterPath(chapter.slug)), origin).href,
      ...((revised ?? date) ? { pubDate: revised ?? date } : {}),
      description: chapter.summary ? excerpt(chapter.summary.text, 500) : excerpt(chapter.text, 300),
      // RSS's own <author> wants an e-mail address; Dublin Core takes a name.
      customData: `${story.meta.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('')}${revised ? `<dcterms:modified>${revised.toISOString()}</dcterms:modified>` : ''}`,
    })),
  });
};
