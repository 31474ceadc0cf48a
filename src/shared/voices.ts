/**
 * Whether a voice speaks the story's language: the "Listen" control shows only when one
 * does (src/components/Listen.astro). Apart from the rest of reading aloud
 * (src/shared/speech.ts), as every chapter page loads it.
 */

const family = (language: string) => language.toLowerCase().split(/[-_]/)[0];

/** Whether a voice (by its `lang`) speaks a language, in any of its regional forms (`en-GB` speaks `en-US`). */
export function speaks(voice: string, language: string): boolean {
  return family(voice) === family(language);
}
