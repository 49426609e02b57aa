import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dak search (issue 15): full-text search over the subject, the sender and the letter's own
 * number, in Hindi and English, with partial and misspelt words.
 *
 * - `search_vector`: PostgreSQL full-text search with the `simple` configuration (no stemming,
 *   no stop words: a Hindi word is kept as written). The default parser reads Devanagari as
 *   letters whatever the database's locale (under the C locale every non-ASCII character is a
 *   letter to it), so exact and prefix matches work on any server. The letter number is also
 *   there in its parts ("1234/Reader/2026" as 1234, reader, 2026), so that "Reader/2026" finds it.
 * - `dak_search_word`: every word of the register once (numbers aside: a number a digit off is
 *   another letter, not a typo), with its spelling folded by `dak_search_fold` into lower-case
 *   ASCII, Devanagari transliterated, under a pg_trgm index. A misspelt query word is looked up
 *   there (a few hundred thousand short words at most, where 500,000 subjects would be long
 *   texts sharing common trigrams), and the words it may stand for are then searched for in
 *   `search_vector`. Kept by a trigger as receipts are written; a word is never removed (a word
 *   no receipt has any more finds nothing).
 * - Why fold for pg_trgm: it keeps only the characters the database's LC_CTYPE calls
 *   alphanumeric. In a database created with the C locale (`initdb --locale=C`, a common
 *   choice for speed) it drops every Devanagari letter, and "धरना" has no trigrams at all. The
 *   embedded server (C.UTF-8) keeps them, but a DATABASE_URL server need not, so the trigrams
 *   are taken from text they cannot lose. Query words are folded by the same function, so a
 *   Hindi word with a typo is compared letter by letter in its transliteration, and a Hindi word
 *   typed in Latin letters ("pradarshan") finds its Devanagari spelling too.
 * - The trigram index on `subject` alone (1764066600000) served the old ILIKE search; nothing
 *   reads it now, so it goes rather than cost every insert.
 */
export class DakSearch1796123800110 implements MigrationInterface {
  name = 'DakSearch1796123800110';

  async up(q: QueryRunner): Promise<void> {
    // Transliteration: a consonant carries its inherent "a" unless a vowel sign or virama
    // follows, or it ends the word (Hindi drops the final schwa: प्रदर्शन is "pradarshan");
    // long and short vowels fold together (आ and अ are both "a"), as Hindi is written in
    // Latin letters (dharna, thana, Bhopal); nukta letters take their Urdu sounds (ज़ "z").
    // Everything it yields is ASCII, so pg_trgm reads it the same under any locale.
    await q.query(`
      CREATE FUNCTION dak_search_fold(t text) RETURNS text
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
      SET search_path = pg_catalog
      AS $fold$
      DECLARE
        s text := t;
        -- A consonant (precomposed nukta letters included), with an optional nukta.
        c constant text := '([\u0915-\u0939\u0958-\u095F]\u093C?)';
      BEGIN
        IF s !~ '[\u0900-\u097F]' THEN
          RETURN lower(s);
        END IF;
        -- Zero-width (non-)joiners shape a conjunct without changing the word.
        s := translate(s, E'\u200C\u200D', '');
        -- The inherent vowel, before another letter of the word or a nasal sign or visarga.
        s := regexp_replace(s, c || '(?=[\u0901-\u0903\u0905-\u0939\u0958-\u0961])', '\\1a', 'g');
        -- Nukta letters, decomposed (as NFC leaves them) or precomposed.
        s := replace(replace(replace(replace(s, E'\u0915\u093C', 'q'), E'\u0916\u093C', 'kh'), E'\u0917\u093C', 'g'), E'\u091C\u093C', 'z');
        s := replace(replace(replace(replace(s, E'\u0921\u093C', 'r'), E'\u0922\u093C', 'rh'), E'\u092B\u093C', 'f'), E'\u092F\u093C', 'y');
        s := translate(s, E'\u0958\u095A\u095B\u095C\u095E\u095F', 'qgzrfy');
        s := replace(replace(s, E'\u0959', 'kh'), E'\u095D', 'rh');
        -- Letters of two or more Latin letters.
        s := replace(replace(replace(replace(s, 'ख', 'kh'), 'घ', 'gh'), 'छ', 'chh'), 'च', 'ch');
        s := replace(replace(replace(replace(s, 'झ', 'jh'), 'ठ', 'th'), 'ढ', 'dh'), 'थ', 'th');
        s := replace(replace(replace(replace(s, 'ध', 'dh'), 'फ', 'ph'), 'भ', 'bh'), 'श', 'sh');
        s := replace(replace(replace(replace(s, 'ष', 'sh'), 'ऋ', 'ri'), 'ृ', 'ri'), 'ॄ', 'ri');
        s := replace(replace(replace(replace(s, 'ऐ', 'ai'), 'ै', 'ai'), 'औ', 'au'), 'ौ', 'au');
        s := replace(replace(replace(replace(s, 'ॠ', 'ri'), 'ऌ', 'li'), 'ॡ', 'li'), 'ॐ', 'om');
        s := replace(replace(s, 'ॢ', 'li'), 'ॣ', 'li');
        -- Letters of one, and what is dropped (virama, nukta, avagraha) at the end.
        s := translate(s,
          'कगङजञटडणतदनऩपबमयरऱलळऴवसहअआइईउऊऍऎएऑऒओािीुूॅॆेॉॊोँंः।॥॰०१२३४५६७८९़्ऽ',
          'kgnjntdntdnnpbmyrrlllvshaaiiuueeeoooaiiuueeeooonnh  .0123456789');
        RETURN lower(s);
      END
      $fold$`);
    await q.query(`
      ALTER TABLE dak_receipt
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple'::regconfig, subject), 'A')
          || setweight(to_tsvector('simple'::regconfig, coalesce(letter_no, '')), 'A')
          || setweight(to_tsvector('simple'::regconfig, translate(coalesce(letter_no, ''), '/.-_', '    ')), 'A')
          || setweight(to_tsvector('simple'::regconfig, sender_name || ' ' || coalesce(sender_office, '')), 'B')
        ) STORED`);
    await q.query(`CREATE INDEX dak_receipt_search_vector ON dak_receipt USING gin (search_vector)`);
    await q.query(`DROP INDEX dak_receipt_subject_trgm`);

    await q.query(`
      CREATE TABLE dak_search_word (
        lexeme text PRIMARY KEY,
        folded text NOT NULL
      )`);
    await q.query(`CREATE INDEX dak_search_word_folded_trgm ON dak_search_word USING gin (folded gin_trgm_ops)`);
    // Whether a query word begins a word of the register, in byte order under any collation.
    await q.query(`CREATE INDEX dak_search_word_begins ON dak_search_word (lexeme text_pattern_ops)`);
    // In lexeme order, so that two receipts written at once bringing the same new words take
    // their locks in the same order.
    await q.query(`
      CREATE FUNCTION dak_search_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO dak_search_word (lexeme, folded)
        SELECT l, dak_search_fold(l) FROM unnest(tsvector_to_array(NEW.search_vector)) l
        WHERE l !~ '[0-9]' ORDER BY l
        ON CONFLICT (lexeme) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER dak_search_words AFTER INSERT OR UPDATE OF subject, sender_name, sender_office, letter_no
      ON dak_receipt FOR EACH ROW EXECUTE FUNCTION dak_search_words_add()`);
    await q.query(`
      INSERT INTO dak_search_word (lexeme, folded)
      SELECT l, dak_search_fold(l) FROM (
        SELECT DISTINCT unnest(tsvector_to_array(search_vector)) AS l FROM dak_receipt
      ) w WHERE l !~ '[0-9]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER dak_search_words ON dak_receipt`);
    await q.query(`DROP FUNCTION dak_search_words_add()`);
    await q.query(`DROP TABLE dak_search_word`);
    await q.query(`CREATE INDEX dak_receipt_subject_trgm ON dak_receipt USING gin (subject gin_trgm_ops)`);
    await q.query(`ALTER TABLE dak_receipt DROP COLUMN search_vector`);
    await q.query(`DROP FUNCTION dak_search_fold(text)`);
  }
}
