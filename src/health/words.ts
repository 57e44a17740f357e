/**
 * Words in a reply's own text, counted once when it is stored (messages.words), so the health
 * views can band message lengths without reading any text. Intl.Segmenter knows where words
 * end in every script (a CJK sentence has no spaces); punctuation and emoji are not words.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

export function countWords(text: string): number {
  let n = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) n++;
  return n;
}

export type LengthBand = 'short' | 'medium' | 'long';

/** The framework's bands (0–50 / 51–200 / 201+ words by default). */
export function lengthBand(words: number, limits: { shortWords: number; longWords: number }): LengthBand {
  return words <= limits.shortWords ? 'short' : words <= limits.longWords ? 'medium' : 'long';
}
