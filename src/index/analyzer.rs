//! The English analyser of the text fields: tantivy's `en_stem` chain
//! (simple tokenizer, tokens over 40 bytes dropped, lower case, Snowball
//! English stemmer) with accents folded before stemming (so `Cote` finds
//! `Côte` and `Turkiye` finds `Türkiye`; the stored text keeps its accents)
//! and a per-thread cache in front of the stemmer, all in one token stream
//! ([`StemTokenizer`]).
//!
//! Why a cache: in these corpora about 2% of word tokens are distinct, so
//! almost every stemmer call recomputes a stem already known; profiling an
//! ingest showed the stemmer at a quarter of all instructions. Why one
//! stream rather than tantivy's chain of filters: the chain copied each
//! token and scanned it once per filter, an eighth of an ingest's
//! instructions on the indexing thread, which sets the pace of an ingest
//! (benches/PROFILE.md, twelfth round). The tokens are those of the chain
//! (a test compares them on any text); the output is the same as tantivy's
//! `en_stem` (same algorithm, same crate) for ASCII text; folding changed
//! the tokens of accented words, hence schema version 3.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

#[cfg(test)]
use tantivy::tokenizer::TokenFilter;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};
use tantivy::Index;

use super::schema::STEM_TOKENIZER;
use crate::text::ASCII_WORD;

/// Stems cached per thread before the cache is cleared (bounds memory on
/// corpora with huge vocabularies; 200k short strings is a few MB).
const CACHE_LIMIT: usize = 200_000;

/// Tokens of this many bytes or more are dropped (as in `en_stem`).
pub(crate) const LONGEST_TOKEN: usize = 40;

/// The analyser of the text fields.
pub(crate) fn stem_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(StemTokenizer::default())
}

/// tantivy's chain that [`StemTokenizer`] does in one stream: the
/// reference its tokens are tested against.
#[cfg(test)]
fn chained_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(tantivy::tokenizer::SimpleTokenizer::default())
        .filter(tantivy::tokenizer::RemoveLongFilter::limit(LONGEST_TOKEN))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedEnglishStemmer)
        .build()
}

thread_local! {
    static FOLDER: RefCell<TextAnalyzer> =
        RefCell::new(TextAnalyzer::builder(RawTokenizer::default()).filter(AsciiFoldingFilter).build());
    /// Lower case and accents folded, as the chain's filters do it, for the
    /// words with a letter beyond ASCII.
    static LOWER_FOLDER: RefCell<TextAnalyzer> = RefCell::new(
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

/// The text fields' tokenizer: words are runs of letters and digits (as
/// tantivy's `SimpleTokenizer` cuts them), each in lower case, accents
/// folded, stemmed; a word of [`LONGEST_TOKEN`] bytes or more is dropped
/// but keeps its position.
#[derive(Clone, Default)]
pub(crate) struct StemTokenizer {
    token: Token,
}

/// The token stream of [`StemTokenizer`].
pub(crate) struct StemTokenStream<'a> {
    text: &'a str,
    /// Byte offset of the next character to read.
    at: usize,
    token: &'a mut Token,
}

impl Tokenizer for StemTokenizer {
    type TokenStream<'a> = StemTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> StemTokenStream<'a> {
        self.token.reset();
        StemTokenStream {
            text,
            at: 0,
            token: &mut self.token,
        }
    }
}

impl StemTokenStream<'_> {
    /// The next word's byte range from `self.at` on, and whether it is
    /// all ASCII (its lower-case bytes then already in the token's text).
    fn next_word(&mut self) -> Option<(usize, usize, bool)> {
        let bytes = self.text.as_bytes();
        let text = &mut self.token.text;
        text.clear();
        // The first byte of a word.
        let start = loop {
            let b = *bytes.get(self.at)?;
            if b < 0x80 {
                if ASCII_WORD[b as usize] != 0 {
                    break self.at;
                }
                self.at += 1;
            } else {
                let c = self.text[self.at..].chars().next()?;
                if c.is_alphanumeric() {
                    break self.at;
                }
                self.at += c.len_utf8();
            }
        };
        let mut ascii = true;
        while let Some(&b) = bytes.get(self.at) {
            if b < 0x80 {
                let lower = ASCII_WORD[b as usize];
                if lower == 0 {
                    break;
                }
                if ascii {
                    text.push(lower as char);
                }
                self.at += 1;
            } else {
                let Some(c) = self.text[self.at..].chars().next() else {
                    break;
                };
                if !c.is_alphanumeric() {
                    break;
                }
                ascii = false;
                self.at += c.len_utf8();
            }
        }
        Some((start, self.at, ascii))
    }
}

impl TokenStream for StemTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            self.token.position = self.token.position.wrapping_add(1);
            let Some((from, to, ascii)) = self.next_word() else {
                return false;
            };
            if to - from >= LONGEST_TOKEN {
                continue;
            }
            if !ascii {
                let word = &self.text[from..to];
                let text = &mut self.token.text;
                LOWER_FOLDER.with(|cell| {
                    let mut analyzer = cell.borrow_mut();
                    let mut stream = analyzer.token_stream(word);
                    text.clear();
                    if let Some(t) = stream.next() {
                        text.push_str(&t.text);
                    }
                });
            }
            stem_in_place(&mut self.token.text);
            self.token.offset_from = from;
            self.token.offset_to = to;
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Folds the accents of one lower-cased word as the analyser does
/// (`côte` → `cote`), for the snippet code that re-reads stored text.
pub(crate) fn fold_in_place(word: &mut String) {
    if word.is_ascii() {
        return;
    }
    FOLDER.with(|cell| {
        let mut analyzer = cell.borrow_mut();
        let mut stream = analyzer.token_stream(word);
        if let Some(t) = stream.next() {
            let folded = t.text.clone();
            drop(stream);
            *word = folded;
        }
    });
}

/// Registers the analyser on an index (tokenizers are not stored in the
/// index, so this runs on every open and create).
pub fn register(index: &Index) {
    index.tokenizers().register(STEM_TOKENIZER, stem_analyzer());
}

/// The per-thread stemmer and its cache.
///
/// Words are keyed by their bytes packed into integers: hashing and
/// comparing a key is then one or two integer operations instead of a
/// string hash and a `memcmp`. Tokens never contain NUL bytes, so zero
/// padding cannot make two words collide. The look-up is bound by memory
/// (a random probe into a table of megabytes per token), so the tables are
/// kept small: words of up to 8 bytes, most tokens, in 16-byte entries,
/// and each entry refers to its stem in one shared string instead of
/// owning an allocation of its own (benches/PROFILE.md, eleventh round).
struct StemCache {
    stemmer: frostem::Stemmer,
    short: FxHashMap<u64, StemRef>,
    middle: FxHashMap<[u64; 2], StemRef>,
    long: FxHashMap<String, StemRef>,
    /// The stems that differ from their words, one after another.
    stems: String,
}

/// Where a word's stem is in [`StemCache::stems`]: its offset in the high
/// 24 bits, its length in the low 8; [`OWN_STEM`] when the word is its own
/// stem (`the`, `of`, `peace`) and the token is left as it is.
type StemRef = u32;

/// See [`StemRef`].
const OWN_STEM: StemRef = u32::MAX;

/// The most bytes of stems kept before the cache starts again (the
/// offset's 24 bits).
const STEM_BYTES: usize = (1 << 24) - 64;

thread_local! {
    static STEMS: RefCell<StemCache> = RefCell::new(StemCache {
        stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        short: FxHashMap::default(),
        middle: FxHashMap::default(),
        long: FxHashMap::default(),
        stems: String::new(),
    });
}

/// A word's cache key.
enum Key {
    Short(u64),
    Middle([u64; 2]),
    Long,
}

/// `word`'s bytes as a [`Key`].
fn packed(word: &str) -> Key {
    // A shift loop rather than a copy into a buffer: a variable-length
    // copy is a `memcpy` call, which cost more than the lookup itself.
    let pack = |b: &[u8]| {
        b.iter()
            .enumerate()
            .fold(0u64, |k, (i, &c)| k | (u64::from(c) << (8 * i)))
    };
    let b = word.as_bytes();
    match b.len() {
        0..=8 => Key::Short(pack(b)),
        9..=16 => Key::Middle([pack(&b[..8]), pack(&b[8..])]),
        _ => Key::Long,
    }
}

impl StemCache {
    fn get(&self, key: &Key, word: &str) -> Option<StemRef> {
        match key {
            Key::Short(k) => self.short.get(k),
            Key::Middle(k) => self.middle.get(k),
            Key::Long => self.long.get(word),
        }
        .copied()
    }

    fn stem_of(&self, r: StemRef) -> &str {
        let (at, len) = ((r >> 8) as usize, (r & 0xff) as usize);
        self.stems.get(at..at + len).unwrap_or_default()
    }

    /// Caches `word`'s stem (of at most 255 bytes).
    fn insert(&mut self, key: Key, word: &str, stem: &str) {
        let entries = self.short.len() + self.middle.len() + self.long.len();
        if entries >= CACHE_LIMIT || self.stems.len() + stem.len() > STEM_BYTES {
            self.short.clear();
            self.middle.clear();
            self.long.clear();
            self.stems.clear();
        }
        let r = if stem == word {
            OWN_STEM
        } else {
            let r = ((self.stems.len() as u32) << 8) | stem.len() as u32;
            self.stems.push_str(stem);
            r
        };
        match key {
            Key::Short(k) => self.short.insert(k, r),
            Key::Middle(k) => self.middle.insert(k, r),
            Key::Long => self.long.insert(word.to_string(), r),
        };
    }
}

/// The English stem of a lower-cased word, from the cache when known.
///
/// ```
/// assert_eq!(dipsearch::index::stem("controls"), "control");
/// assert_eq!(dipsearch::index::stem("proliferation"), "prolifer");
/// assert_eq!(dipsearch::index::stem("internationalisations"), "internationalis");
/// // The Council's verb is not its authorities.
/// assert_eq!(dipsearch::index::stem("authorizes"), "authoriz");
/// assert_eq!(dipsearch::index::stem("authorisation"), "authoriz");
/// assert_eq!(dipsearch::index::stem("authorities"), "author");
/// assert_eq!(dipsearch::index::stem("nationalisation"), "nationaliz");
/// assert_eq!(dipsearch::index::stem("nationalist"), dipsearch::index::stem("nationalists"));
/// assert_ne!(dipsearch::index::stem("nationalist"), "nationaliz");
/// assert_eq!(dipsearch::index::stem("detente"), "detente");
/// assert_eq!(dipsearch::index::stem("detention"), "detent");
/// ```
pub fn stem(word: &str) -> String {
    let mut s = word.to_string();
    stem_in_place(&mut s);
    s
}

/// Words the English stemmer brings together with words of another
/// meaning, given a stem of their own (both spellings, every form):
/// `authorize` and `authority` both stem to `author` (the Council's
/// `authorizes` found 499 paragraphs of ../shared/data/real against the
/// 137 that say it, most of them `authorities`), `globalization` to
/// `global`, `mobilize` to `mobility`'s `mobil`, `stabilize` to
/// `stability`'s `stabil`.
///
/// So are `nationalize` (`nation`: `nationalization` found 2,811
/// paragraphs, the `Nations` of every `United Nations`), `generalize`
/// (`general`: the Secretary-General), `privatize` (`private`),
/// `weaponize` (`weapon`), `liberalize` (`liberal`, and `liberation`) and
/// `détente` (`detent`, the stem of `detention`). Their British forms are
/// written out (`nationalise`, `nationalisa…`), so that `nationalist` and
/// `liberalism` keep theirs.
const KEPT_APART: [(&str, &str); 20] = [
    ("authoriz", "authoris"),
    ("globaliz", "globalis"),
    ("mobiliz", "mobilis"),
    ("stabiliz", "stabilis"),
    ("nationaliz", "nationalise"),
    ("nationaliz", "nationalisa"),
    ("nationaliz", "nationalisi"),
    ("generaliz", "generalise"),
    ("generaliz", "generalisa"),
    ("generaliz", "generalisi"),
    ("privatiz", "privatise"),
    ("privatiz", "privatisa"),
    ("privatiz", "privatisi"),
    ("weaponiz", "weaponise"),
    ("weaponiz", "weaponisa"),
    ("weaponiz", "weaponisi"),
    ("liberaliz", "liberalise"),
    ("liberaliz", "liberalisa"),
    ("liberaliz", "liberalisi"),
    ("detente", "détente"),
];

/// The stem of a word of [`KEPT_APART`] (its `z` spelling).
fn kept_apart(word: &str) -> Option<&'static str> {
    KEPT_APART
        .iter()
        .find(|(z, s)| word.starts_with(z) || word.starts_with(s))
        .map(|(z, _)| *z)
}

/// Replaces `text` by its stem.
pub(crate) fn stem_in_place(text: &mut String) {
    // The English stemmer leaves a word of two letters or fewer as it is
    // (Porter2's first rule), and such words (`of`, `to`, `in`, `a`) are
    // about a quarter of a text's tokens: no cache lookup for them.
    if text.len() <= 2 {
        return;
    }
    STEMS.with(|cell| {
        let mut guard = cell.borrow_mut();
        let c = &mut *guard;
        let key = packed(text);
        if let Some(r) = c.get(&key, text) {
            if r != OWN_STEM {
                let stem = c.stem_of(r);
                text.clear();
                text.push_str(stem);
            }
            return;
        }
        let stemmed = match kept_apart(text) {
            Some(stem) => stem.to_string(),
            None => c.stemmer.stem(text).into_owned(),
        };
        if stemmed.len() > 0xff {
            // Never cached as a stem (tokens are under 40 bytes).
            *text = stemmed;
            return;
        }
        c.insert(key, text, &stemmed);
        if stemmed != text.as_str() {
            *text = stemmed;
        }
    })
}

#[cfg(test)]
/// Token filter: English stemming through the per-thread cache (the
/// chain's last filter, kept as the reference for [`StemTokenizer`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedEnglishStemmer;

#[cfg(test)]
impl TokenFilter for CachedEnglishStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

#[cfg(test)]
/// The tokenizer made by [`CachedEnglishStemmer`].
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

#[cfg(test)]
impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
        }
    }
}

#[cfg(test)]
/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<S> {
    tail: S,
}

#[cfg(test)]
impl<S: TokenStream> TokenStream for CachedStemmerStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        stem_in_place(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::TokenizerManager;

    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    #[test]
    fn same_tokens_as_tantivys_en_stem() {
        let text = "The Ministers reaffirmed their commitments to export controls, \
                    non-proliferation and the denuclearization of the Korean Peninsula; \
                    controlling exports, controlled exports. Ministers' reaffirmation! \
                    Internationalization of responsibilities (16 bytes), \
                    counterproliferation and institutionalizations (over 16).";
        let mut theirs = TokenizerManager::default().get("en_stem").expect("en_stem");
        let mut ours = stem_analyzer();
        // Twice: the second pass is served from the cache.
        for _ in 0..2 {
            assert_eq!(tokens(&mut ours, text), tokens(&mut theirs, text));
        }
    }

    /// Every token with its position and byte range.
    fn full_tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn one_stream_gives_the_chains_tokens() {
        let long = "x".repeat(LONGEST_TOKEN);
        for text in [
            "",
            "  ,;",
            "The Ministers' reaffirmation of export-controls (1540), 2003.",
            "Côte d’Ivoire, TÜRKİYE and Straße; ΣΟΦΙΑ ΟΔΟΣ; ǅemal Œuvre naïveté",
            "½ ² ٣ 十二 Ⅻ x²y ﬁnancial",
            &format!("a {long} b {long}é c"),
            &format!("{}é d", "y".repeat(LONGEST_TOKEN - 2)),
            "İstanbul İİ",
            "mixed Ünited NATIONS résumés",
        ] {
            assert_eq!(
                full_tokens(&mut stem_analyzer(), text),
                full_tokens(&mut chained_analyzer(), text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn one_stream_gives_the_chains_tokens_on_any_text(text in "\\PC{0,80}") {
            proptest::prop_assert_eq!(
                full_tokens(&mut stem_analyzer(), &text),
                full_tokens(&mut chained_analyzer(), &text)
            );
        }

        #[test]
        fn one_stream_gives_the_chains_tokens_on_words(text in "([A-Za-zÀ-ɏ0-9]{1,45}[ .,'’-]{1,2}){0,12}") {
            proptest::prop_assert_eq!(
                full_tokens(&mut stem_analyzer(), &text),
                full_tokens(&mut chained_analyzer(), &text)
            );
        }
    }

    /// The same over a real corpus, every file: run with
    /// `DIPSEARCH_UNGDC=<unpacked folder> cargo test --release -- --ignored
    /// chains_tokens_on_a_corpus` (skipped without it).
    #[test]
    #[ignore]
    fn one_stream_gives_the_chains_tokens_on_a_corpus() {
        let Some(root) = std::env::var_os("DIPSEARCH_UNGDC") else {
            return;
        };
        let (mut ours, mut theirs) = (stem_analyzer(), chained_analyzer());
        let mut files = 0;
        for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            assert_eq!(
                full_tokens(&mut ours, &text),
                full_tokens(&mut theirs, &text),
                "{}",
                entry.path().display()
            );
            files += 1;
        }
        assert!(files > 0);
    }

    /// `stem_in_place` skips words of up to two bytes: the stemmer
    /// itself leaves every one of them as it is (letters, digits, and the
    /// one-character non-ASCII words of two bytes).
    #[test]
    fn the_stemmer_leaves_words_of_two_bytes_alone() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let chars: Vec<char> = ('a'..='z').chain('0'..='9').chain(['\'', 'y']).collect();
        let mut words: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
        for a in &chars {
            for b in &chars {
                words.push(format!("{a}{b}"));
            }
        }
        words.extend(["é", "ü", "ç", "ø", "ß", "ñ"].map(String::from));
        for w in words {
            assert!(w.len() <= 2);
            assert_eq!(stemmer.stem(&w), w.as_str(), "{w}");
        }
    }

    #[test]
    fn stems_keep_the_first_letter() {
        // What snippets rely on to stem only the words that start like a
        // query term, over the words of every fixture document and the
        // stemmer's special cases.
        let mut words: Vec<String> = [
            "dying", "lying", "tying", "skies", "ugly", "early", "only", "news", "yearly",
            "yields", "ies", "eed", "y", "Ÿpres", "états", "naïvety",
        ]
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["tests/fixtures/docs", "corpus"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                if !entry.file_type().is_file() {
                    continue;
                }
                let bytes = std::fs::read(entry.path()).unwrap_or_default();
                let text = String::from_utf8_lossy(&bytes);
                words.extend(
                    text.split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty() && w.len() <= 40)
                        .map(str::to_lowercase),
                );
            }
        }
        assert!(words.len() > 10_000, "fixtures not found");
        for w in &words {
            let s = stem(w);
            assert_eq!(s.chars().next(), w.chars().next(), "{w} -> {s}");
        }
    }
}
