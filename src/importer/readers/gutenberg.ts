import { bylineOf, importedStory, type ImportedStory } from '../model.ts';
import { languageTag } from '../../core/language-names.ts';

/**
 * A Project Gutenberg text (the plain-text ebooks most public-domain serials are read in): the
 * book between its `*** START OF THE PROJECT GUTENBERG EBOOK … ***` and `*** END OF … ***`
 * lines; the header above (Title:, Author:, Language:) read as the story's, the licence around
 * it left out. A text without those lines is returned as it is.
 */

export interface GutenbergText {
  /** The book's own text. */
  text: string;
  /** What the header says of the book. */
  story: ImportedStory;
  /** The book's title page lines, in the shapes Gutenberg's books open with ("THE LANTERN KEEPER", "By Wren Ashdown"). */
  titlePage: (line: string) => boolean;
}

const start = /^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*$/im;
const end = /^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*$/im;

/** The book inside a Project Gutenberg text, or undefined when the text is no such ebook. */
export function readGutenberg(input: string): GutenbergText | undefined {
  const opening = start.exec(input);
  if (!opening) return undefined;
  const from = opening.index + opening[0].length;
  const closing = end.exec(input.slice(from));
  const text = input.slice(from, closing ? from + closing.index : undefined);
  const header = input.slice(0, opening.index);
  const field = (label: string) => new RegExp(`^${label}:[ \\t]*(.+)$`, 'im').exec(header)?.[1]?.trim();
  const language = field('Language');
  const story = importedStory({ title: field('Title'), author: field('Author'), language: language ? languageTag(language) : undefined });
  const fold = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const titlePage = (line: string) => {
    const folded = fold(line);
    return folded !== '' && (folded === fold(story.title) || folded === `by ${fold(bylineOf(story))}`);
  };
  return { text, story, titlePage };
}
