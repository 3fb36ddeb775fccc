import type { FieldCipher } from "../crypto/field-cipher";

/**
 * Full-text search over readings without ever indexing ciphertext or private plaintext.
 * - search_terms: public words (reading type, sign value, profile names, caller-chosen terms),
 *   stored as they are; a query word matches them by prefix.
 * - search_blind: the words of the question and AI text as keyed hashes (FieldCipher blind
 *   tokens), so they match whole words only and reveal nothing in a dump. With encryption off
 *   they are stored as plain words, like the text itself.
 * Words are cut by the same rule on both sides (NFKC, lower case, runs of letters, marks and
 * digits), so Persian and Latin text behave alike. The query string is built from those
 * sanitised words only, so user input never reaches tsquery syntax.
 */

const MAX_WORD_LENGTH = 64;
const MAX_DOCUMENT_WORDS = 2_000;
const MAX_QUERY_WORDS = 10;

export function searchWords(text: string | null | undefined, max = MAX_DOCUMENT_WORDS): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const word of text.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (word.length === 0 || word.length > MAX_WORD_LENGTH) continue;
    out.add(word);
    if (out.size >= max) break;
  }
  return [...out];
}

export interface SearchDocument {
  readonly publicText: readonly (string | null | undefined)[];
  readonly privateText: readonly (string | null | undefined)[];
}

/** The lexeme arrays for search_terms and search_blind (`array_to_tsvector($n::text[])`). */
export function searchColumns(doc: SearchDocument, cipher: FieldCipher): { terms: string[]; blind: string[] } {
  const terms = new Set(doc.publicText.flatMap((t) => searchWords(t)));
  const blind = new Set(doc.privateText.flatMap((t) => searchWords(t)).map((w) => cipher.blindTokenForWrite(w)));
  return { terms: [...terms], blind: [...blind] };
}

/**
 * A tsquery (as text, for `$n::tsquery`) matching readings that contain every word of the
 * search, each either as a public word prefix or as a private word; null when the search has no words.
 */
export function searchQuery(search: string, cipher: FieldCipher): string | null {
  const words = searchWords(search, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const alternatives = [`'${w}':*`, ...cipher.blindTokensForSearch(w).map((t) => `'${t}'`)];
      return `(${alternatives.join(" | ")})`;
    })
    .join(" & ");
}
