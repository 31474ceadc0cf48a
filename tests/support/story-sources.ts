import type { ChapterData, StoryData } from '../../src/core/schema';
import type { ChapterSource, RenderedText, StorySource } from '../../src/core/story';
import { countWords } from '../../src/shared/text-stats';

/** Text as the Markdown pipeline hands it over (its own tests are in render.test.ts), for what comes after it. */
export function renderedText(text: string): RenderedText {
  const trimmed = text.trim();
  return {
    html: trimmed ? `<p>${trimmed}</p>` : '',
    text: trimmed,
    footnotes: '',
    words: { text: countWords(trimmed), footnotes: 0 },
    paragraphs: trimmed ? 1 : 0,
    pictures: 0,
    blocks: false,
  };
}

/** `story.md` as the build reads it: the fields given, the others as the schema leaves them. */
export function storySource(data: Partial<StoryData> = {}, summary = 'A summary.'): StorySource {
  return {
    filePath: 'content/story.md',
    summary: renderedText(summary),
    notes: undefined,
    endNotes: undefined,
    data: {
      title: 'T',
      author: 'A',
      language: 'en',
      labels: {},
      remoteImages: 'refuse',
      status: 'in-progress',
      warnings: [],
      categories: [],
      characters: [],
      relationships: [],
      tags: [],
      related: [],
      ...data,
      authors: data.authors ?? [data.author ?? 'A'],
    },
  };
}

/** A chapter file as the build reads it, at `content/chapters/<id>.md`, titled with its id unless told. */
export function chapterSource(id: string, data: Partial<ChapterData> & { order: number }, text = 'Some words here.'): ChapterSource {
  return {
    id,
    filePath: `content/chapters/${id}.md`,
    body: renderedText(text),
    notes: { summary: undefined, authors: undefined, end: undefined, revision: undefined },
    data: { title: id, draft: false, contentNotes: [], aliases: [], ...data },
  };
}
