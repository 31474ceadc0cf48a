import { themeColors } from '../shared/theme-colors.ts';
import type { Story } from './story.ts';

/** The sizes of the app icons (Android's home screen and splash screen), made by the build (src/build/icons.ts). */
export const iconSizes = [192, 512] as const;

/**
 * The web app manifest (https://www.w3.org/TR/appmanifest/): what a browser needs to add the
 * story to a home screen as an app of its own, opening at the home page, within the site's
 * base path.
 */
export function webAppManifest(story: Story, base: string, direction: 'ltr' | 'rtl'): Record<string, unknown> {
  const { title, language } = story.meta;
  return {
    name: title,
    // A home screen shows about twelve characters: a long title is cut at a word.
    short_name: shortName(title),
    description: story.summary.text.slice(0, 300),
    lang: language,
    dir: direction,
    start_url: base,
    scope: base,
    id: base,
    display: 'standalone',
    background_color: themeColors.light.background,
    theme_color: themeColors.light.accent,
    icons: iconSizes.map((size) => ({ src: `${base}icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
  };
}

/** A title short enough for under an icon: whole if it fits, else its first words that do, else cut with an ellipsis. */
export function shortName(title: string, fit = 12): string {
  const characters = Array.from(title);
  if (characters.length <= fit) return title;
  let words = '';
  for (const word of title.split(/\s+/)) {
    const next = words ? `${words} ${word}` : word;
    if (Array.from(next).length > fit) break;
    words = next;
  }
  return words || `${characters.slice(0, fit - 1).join('')}…`;
}
