/**
 * Reading aloud with the browser's own speech (src/browser/read-aloud.ts): the text cut into
 * pieces a voice speaks whole, and the voice.
 */
import { speaks } from './voices.ts';

/** What a voice says of itself (`SpeechSynthesisVoice`'s fields used here). */
export interface VoiceInfo {
  lang: string;
  localService?: boolean;
  default?: boolean;
}

const tag = (language: string) => language.toLowerCase().replace(/_/g, '-');

/**
 * The voice for a language: one for exactly that language (`pt-BR`) first, else one for its
 * language family (`pt-PT`); of those, the browser's default, then one on the device (no
 * network, no limit). None when no voice speaks the language: the story is not read in
 * another language's voice.
 */
export function voiceFor<V extends VoiceInfo>(voices: readonly V[], language: string): V | undefined {
  const family = voices.filter((voice) => speaks(voice.lang, language));
  const score = (voice: V) => (tag(voice.lang) === tag(language) ? 4 : 0) + (voice.default ? 2 : 0) + (voice.localService ? 1 : 0);
  return family.reduce<V | undefined>((best, voice) => (!best || score(voice) > score(best) ? voice : best), undefined);
}

/** Where a long sentence may be cut: after clause punctuation (any script), else between words. */
const clauseEnd = /[,;:\u2013\u2014\u3001\uff0c\uff1b\uff1a\u060c\u061b]\s*$/u;

/**
 * A paragraph's text in pieces for speech: sentence by sentence (Chrome stops speaking after
 * about 15 seconds of one utterance), a sentence longer than `max` characters cut at its
 * clauses, and a clause still longer between words. Nothing is lost or reordered: the pieces
 * joined are the text, spacing aside.
 */
export function speechChunks(text: string, language: string, max = 200): string[] {
  const chunks: string[] = [];
  for (const { segment } of new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text.replace(/\s+/g, ' '))) {
    const sentence = segment.trim();
    if (!sentence) continue;
    if (sentence.length <= max) {
      chunks.push(sentence);
      continue;
    }
    // Cut at the last clause end, else the last word end, that keeps a piece within max.
    let piece = '';
    const flush = () => {
      if (piece.trim()) chunks.push(piece.trim());
      piece = '';
    };
    let lastClause = -1;
    for (const { segment: word } of new Intl.Segmenter(language, { granularity: 'word' }).segment(sentence)) {
      if (piece.length + word.length > max && piece.trim()) {
        if (lastClause > 0) {
          const rest = piece.slice(lastClause);
          piece = piece.slice(0, lastClause);
          flush();
          piece = rest;
        } else flush();
        lastClause = -1;
      }
      piece += word;
      if (clauseEnd.test(piece)) lastClause = piece.length;
    }
    flush();
  }
  return chunks;
}
