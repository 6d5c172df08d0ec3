//! quotes: the same quotation rendered differently in two articles — a word dropped, added
//! or changed — shown as a word diff. Quotations are compared after typography (curly and
//! straight quotes, apostrophes, case, spacing) and house style (per cent/percent,
//! U.S./US, co-operate/cooperate, the `terms:` rules) are normalized away, so copy-editing
//! alone never makes a quotation "altered". Two passages sharing a run of at least
//! `min_words` words (default 6) are taken to be the same quotation; quotations that read
//! the same word for word are one reading of it, and a rendering is reported once against
//! each other reading (see [`Candidates`]).

use std::any::Any;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::spelling;
use super::spill::Spill;
use super::terms::BUILTIN_PAIRS;
use super::text::{HashedWord, WordHashKeys, hash_str, hashed_words, word_hashes_into, words};
use super::{Check, CheckInfo, Context, Gathered, Scan};
use crate::article::{Lines, Placements};
use crate::finding::{Finding, Kind, Location, Severity};
use crate::rules::RuleSet;

pub struct Quotes;

pub const DEFAULT_MIN_WORDS: usize = 6;
/// Longer passages are compared on their first words only, to bound the diff.
const MAX_WORDS: usize = 400;

/// Speech introduced by a colon without quotation marks: "…, responding: Who cares?".
static INTRODUCED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|responding|responded|replied|stated|added|wrote|told\s+\w+(?:\s+\w+)?|asked)\s*:\s*")
        .expect("valid")
});

/// What the scan keeps of one article's quotations: where each is, and a hash of each run of
/// `min_words` words, all the quotations' hashes in one list (an archive holds millions of
/// quotations).
///
/// The hashes take 64 bits. A collision costs a pair of quotations read back from their
/// files and compared, and collisions grow with the square of the number of runs: with 32
/// bits, the 1 GB benchmark corpus (17 million runs in 2.4 million quotations) gave 27,465
/// pairs, and of the first 26,000 compared, 4 shared a run of words, the rest only a hash.
struct Scanned {
    quotations: Vec<Kept>,
    /// Each quotation's hashes, in the order of its runs (a run repeated in a quotation is
    /// there twice), then the hash of all its normalized words (two
    /// quotations with the same one read the same); one quotation after the other. The
    /// whole is kept here rather than in [`Kept`] because this list goes to a file on a
    /// large archive, and [`Kept`] stays in memory.
    shingles: Vec<u64>,
}

/// One quotation of [`Scanned`] (12 bytes: an archive holds millions).
#[derive(Clone)]
struct Kept {
    span: Range<u32>,
    /// Its hashes and whole are `shingles[previous quotation's shingles_end..shingles_end]`.
    shingles_end: u32,
}

/// The numbers a quotation's whole hash takes at the end of its run of
/// [`Scanned::shingles`].
const WHOLE: usize = 1;

/// What the scans of every article keep, gathered for the run: the quotations, and their
/// hashes one article after the other (the largest table of a run over an archive, so kept
/// in a temporary file once large: see [`Spill`]).
#[derive(Default)]
struct Store {
    quotations: Gathered<Kept>,
    shingles: Spill,
}

impl Store {
    /// How many shingle hashes the quotations have in all.
    fn hashes(&self) -> usize {
        self.shingles
            .len()
            .saturating_sub(WHOLE * self.quotations.len())
    }

    /// Each quotation in article order, with its article, its span in the text and its
    /// hashes; an error if the hashes cannot be read back. (The run reads them in two
    /// shares, see [`Store::two_shares`].)
    #[cfg(test)]
    fn each(&self, f: impl FnMut(usize, Range<usize>, &[u64], u64)) -> std::io::Result<()> {
        self.each_of(&Share::all(), f)
    }

    /// The articles that hold quotations, cut into two shares of about as many (the first
    /// and the rest).
    fn two_shares(&self) -> [Share; 2] {
        let articles = self.quotations.each().count();
        let half = articles / 2;
        let (mut quotations, mut numbers) = (0, 0);
        for (_, kept) in self.quotations.each().take(half) {
            quotations += kept.len();
            numbers += kept.last().map_or(0, |q| q.shingles_end as usize);
        }
        [
            Share {
                articles: 0..half,
                quotations: 0,
                numbers: 0,
            },
            Share {
                articles: half..articles,
                quotations,
                numbers,
            },
        ]
    }

    /// As `Store::each`, for the quotations of one share of the articles.
    fn each_of(
        &self,
        share: &Share,
        mut f: impl FnMut(usize, Range<usize>, &[u64], u64),
    ) -> std::io::Result<()> {
        let mut shingles = self.shingles.reader_from(share.numbers);
        let articles = self
            .quotations
            .each()
            .skip(share.articles.start)
            .take(share.articles.len());
        for (article, kept) in articles {
            let all = shingles.take(kept.last().map_or(0, |q| q.shingles_end as usize))?;
            let mut start = 0;
            for q in kept {
                let end = q.shingles_end as usize;
                let span = q.span.start as usize..q.span.end as usize;
                // A run shorter than its whole was not written by a scan: read as empty.
                let (hashes, whole) = match all.get(start..end) {
                    Some(run) if run.len() >= WHOLE => run.split_at(run.len() - WHOLE),
                    _ => (&[][..], &[0][..]),
                };
                f(article, span, hashes, whole[0]);
                start = end;
            }
        }
        Ok(())
    }
}

/// Some of the articles that hold quotations (counted among those), with how many
/// quotations and how many numbers of the hash list come before them.
struct Share {
    articles: Range<usize>,
    quotations: usize,
    numbers: usize,
}

impl Share {
    #[cfg(test)]
    fn all() -> Share {
        Share {
            articles: 0..usize::MAX,
            quotations: 0,
            numbers: 0,
        }
    }
}

/// Shingles per part of the quotation index (see [`candidate_pairs`]): 32 MB of index at a
/// time, in at most [`MAX_PARTS`] parts (each part reads its own shingles, which the first
/// walk over the quotations wrote out for it, so more parts read no more). The pass
/// runs before the terms pass makes its findings (see [`super::run_all`]), when memory
/// holds little else but the records of the articles: on 711,353 files of real news the
/// index at 64 MB a part put the run's peak at 262 MB, at 32 MB at 232 MB, in as much time.
const INDEX_PART: usize = 4 << 20;
const MAX_PARTS: usize = 8;

/// The readings of the quotations that share a shingle (by their place in the order of
/// `Store::each`; quotations read alike when their wholes are the same): the first
/// quotation of each two readings that share one, and the later quotations of each
/// reading (see [`Candidates`]). The caller, which looks up the articles of the quotations
/// anyway, makes the pairs compared from them, none within one article (an index of every
/// quotation's article would take as much room again as the wholes).
///
/// Quotations are indexed by hashed shingles so only passages sharing a run are compared:
/// (shingle, quotation) packed in one number (see [`Packing`]), so that equal shingles can
/// be brought together. On a large archive this is the largest table of the
/// run, so it is built in `parts`, each for a range of hashes (a shingle falls in exactly
/// one): memory holds one part at a time.
///
/// A part is not sorted whole. The hashes are cut into `2^bits` buckets by their top bits
/// (a part is a run of buckets), the index is filled bucket by bucket from counts taken
/// beforehand, and each bucket, a few hundred numbers at most on an archive, is sorted on
/// its own: equal shingles share a bucket. Sorting millions of numbers at once took more
/// time than all the rest of the index.
fn candidate_pairs(store: &Store, parts: usize, bits: u32) -> std::io::Result<Candidates> {
    use rayon::prelude::*;
    let buckets = Buckets::new(bits, parts);
    let packing = Packing::for_quotations(store.quotations.len());
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    // Hashes spread evenly over the parts, so each holds about its share (a part of a
    // million differs from it by about a thousand): sized once, as grown by doubling the
    // table would take up to twice the room, and the copy it leaves behind as much again.
    let per_part = store.hashes().div_ceil(buckets.parts);
    let mut index: Vec<u64> = Vec::with_capacity(per_part + per_part / 64 + 1024);
    // Each walk over the quotations goes on both cores, each over one share of the articles
    // and writing its own stretch of the index: this pass runs after the other checks, with
    // a core idle. A first walk counts what each share puts in each bucket.
    let shares = store.two_shares();
    // The same walk notes the hash of all the words of each quotation, in order. With
    // several parts, it also writes each share's packed shingles out again, one list per
    // part: each part then reads only its own, rather than every hash of the store to pick
    // its own out of them (at 1 GB, four walks over 170 MB, most of each thrown away).
    let mut wholes: Vec<u64> = vec![0; store.quotations.len()];
    let (first_wholes, second_wholes) = wholes.split_at_mut(shares[1].quotations);
    let split = buckets.parts > 1;
    let count = |share: &Share, wholes: &mut [u64]| -> std::io::Result<(Vec<u32>, Vec<Spill>)> {
        let mut counts = vec![0u32; buckets.count()];
        let mut by_part: Vec<Spill> = if split {
            (0..buckets.parts)
                .map(|_| store.shingles.beside(PART_BLOCK))
                .collect()
        } else {
            Vec::new()
        };
        let mut quotations = wholes.iter_mut();
        let mut qi = share.quotations;
        store.each_of(share, |_, _, hashes, whole| {
            for &h in hashes {
                let bucket = buckets.of(h);
                if let Some(n) = counts.get_mut(bucket) {
                    *n = n.saturating_add(1);
                }
                if let Some(part) = by_part.get_mut(buckets.part_of(bucket)) {
                    part.push(packing.pack(h, qi));
                }
            }
            qi += 1;
            if let Some(slot) = quotations.next() {
                *slot = whole;
            }
        })?;
        Ok((counts, by_part))
    };
    let (first, second) = rayon::join(
        || count(&shares[0], first_wholes),
        || count(&shares[1], second_wholes),
    );
    let ((first_counts, mut first_parts), (second_counts, mut second_parts)) = (first?, second?);
    let counts = [first_counts, second_counts];
    let wholes = &wholes;
    for part in 0..buckets.parts {
        let range = buckets.of_part(part);
        // Where each bucket of the part starts in each share's stretch of the index, and
        // where the last ends.
        let starts = counts.each_ref().map(|c| {
            let mut at = 0;
            std::iter::once(0)
                .chain(c[range.clone()].iter().map(|&n| {
                    at += n as usize;
                    at
                }))
                .collect::<Vec<usize>>()
        });
        let sizes = starts.each_ref().map(|s| s.last().copied().unwrap_or(0));
        index.clear();
        index.resize(sizes[0] + sizes[1], 0);
        let (a, b) = index.split_at_mut(sizes[0]);
        // Each share's packed shingles of this part: from the list the first walk wrote for
        // the part, or, with one part, from the store.
        let fill = |share: &Share,
                    own: Option<Spill>,
                    starts: &[usize],
                    out: &mut [u64]|
         -> std::io::Result<()> {
            let mut next = starts[..starts.len() - 1].to_vec();
            let mut fits = true;
            // The packed hash keeps the bits that tell its bucket (see [`Packing`]).
            let mut place = |packed: u64| {
                let slot = buckets
                    .of(packed)
                    .checked_sub(range.start)
                    .and_then(|k| next.get_mut(k));
                match slot.and_then(|at| {
                    let place = out.get_mut(*at)?;
                    *at += 1;
                    Some(place)
                }) {
                    Some(place) => *place = packed,
                    None => fits = false,
                }
            };
            match own {
                Some(own) => own.each(|packed| packed.iter().for_each(|&p| place(p)))?,
                None => {
                    let mut qi = share.quotations;
                    store.each_of(share, |_, _, hashes, _| {
                        for &h in hashes {
                            place(packing.pack(h, qi));
                        }
                        qi += 1;
                    })?;
                }
            }
            // Every bucket filled to where the next starts: each place written once.
            if fits && next[..] == starts[1..] {
                Ok(())
            } else {
                Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "the quotation hashes read back differ from those counted",
                ))
            }
        };
        // A part's lists are let go (and their files removed) once it is filled.
        let own = |parts: &mut Vec<Spill>| parts.get_mut(part).map(std::mem::take);
        let (own_a, own_b) = (own(&mut first_parts), own(&mut second_parts));
        let (filled_a, filled_b) = rayon::join(
            || fill(&shares[0], own_a, &starts[0], a),
            || fill(&shares[1], own_b, &starts[1], b),
        );
        filled_a?;
        filled_b?;
        let (a, b) = (&*a, &*b);
        let each: Vec<Shared> = (0..range.len())
            .into_par_iter()
            .with_min_len(256)
            .fold(
                || (Shared::default(), Vec::new()),
                |(mut found, mut bucket): (Shared, Vec<u64>), k| {
                    bucket.clear();
                    bucket.extend_from_slice(&a[starts[0][k]..starts[0][k + 1]]);
                    bucket.extend_from_slice(&b[starts[1][k]..starts[1][k + 1]]);
                    bucket.sort_unstable();
                    // A run a quotation repeats is one run of it.
                    bucket.dedup();
                    sharing(&bucket, wholes, packing, &mut found);
                    (found, bucket)
                },
            )
            .map(|(found, _)| found)
            .collect();
        for found in each {
            pairs.extend(found.pairs);
            repeats.extend(found.repeats);
        }
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    repeats.par_sort_unstable();
    repeats.dedup();
    Ok(Candidates::new(pairs, repeats))
}

/// The readings of the quotations that share runs of words, and which of them to compare.
///
/// A quotation given word for word in many articles is one reading of it. Each quotation is
/// compared with one quotation of each other reading: the first that is not in its own
/// article. So a rendering that differs is reported once for each other reading, not once
/// for each article that gives that reading; and a line quoted in hundreds of articles of
/// an archive is one reading, where counting quotations would take it for boilerplate and
/// compare nothing.
#[derive(Debug, Default, PartialEq)]
struct Candidates {
    /// The first quotations of two readings that share a run, for each two: (lower,
    /// higher), in order.
    pairs: Vec<(usize, usize)>,
    /// (first, later): quotation `later` reads as `first` does, the first that reads so
    /// (only where there are other readings to compare with). In order.
    repeats: Vec<(usize, usize)>,
    /// `repeats` as (later, first), in order.
    firsts: Vec<(usize, usize)>,
}

impl Candidates {
    fn new(pairs: Vec<(usize, usize)>, repeats: Vec<(usize, usize)>) -> Candidates {
        let mut firsts: Vec<(usize, usize)> = repeats.iter().map(|&(f, l)| (l, f)).collect();
        firsts.sort_unstable();
        Candidates {
            pairs,
            repeats,
            firsts,
        }
    }

    /// The first quotation that reads as `q` does.
    fn first_of(&self, q: usize) -> usize {
        match self.firsts.binary_search_by_key(&q, |&(later, _)| later) {
            Ok(at) => self.firsts[at].1,
            Err(_) => q,
        }
    }

    /// The quotations that read as `q` does, in order, `q`'s first among them.
    fn reading_of(&self, q: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.first_of(q);
        let start = self.repeats.partition_point(|&(f, _)| f < first);
        let end = self.repeats.partition_point(|&(f, _)| f <= first);
        std::iter::once(first).chain(self.repeats[start..end].iter().map(|&(_, later)| later))
    }

    /// The quotation `q` is compared with among those that read as `other` does: the first
    /// not in the same article (`article_of` tells a quotation's).
    fn partner(
        &self,
        q: usize,
        other: usize,
        article_of: impl Fn(usize) -> Option<usize>,
    ) -> Option<usize> {
        let article = article_of(q)?;
        self.reading_of(other)
            .find(|&o| article_of(o).is_some_and(|a| a != article))
    }

    /// The quotations that are ever compared: those of every reading in a pair.
    fn involved(&self) -> Vec<usize> {
        let mut all: Vec<usize> = (self.pairs.iter())
            .flat_map(|&(a, b)| [a, b])
            .chain(self.repeats.iter().map(|&(_, later)| later))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The pairs to compare: each quotation of either reading of a pair with its partner
    /// among the other's, in order. None is within one article.
    fn compared(&self, article_of: impl Fn(usize) -> Option<usize> + Copy) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(self.pairs.len());
        for &(a, b) in &self.pairs {
            for (mine, theirs) in [(a, b), (b, a)] {
                for q in self.reading_of(mine) {
                    if let Some(o) = self.partner(q, theirs, article_of) {
                        out.push((q.min(o), q.max(o)));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// How the index packs a shingle and a quotation in one number: the quotation's place in
/// the low bits, as few as the quotations need (22 for the 2.4 million of 1 GB), and the
/// high bits of the shingle's hash above them. Two shingles are taken to be the same when
/// those bits are.
#[derive(Clone, Copy)]
struct Packing {
    quotation_bits: u32,
}

impl Packing {
    fn for_quotations(count: usize) -> Packing {
        let largest = count.saturating_sub(1);
        Packing {
            quotation_bits: (usize::BITS - largest.leading_zeros()).clamp(1, 48),
        }
    }

    fn pack(self, hash: u64, quotation: usize) -> u64 {
        (hash >> self.quotation_bits << self.quotation_bits) | quotation as u64
    }

    fn shingle(self, packed: u64) -> u64 {
        packed >> self.quotation_bits
    }

    fn quotation(self, packed: u64) -> usize {
        (packed & ((1 << self.quotation_bits) - 1)) as usize
    }
}

/// Readings of a run of words, at most, among the quotations that share it: past this, the
/// run is boilerplate ("I don't think that we"), not one quotation.
const MAX_READINGS: usize = 50;
/// Quotations sharing a run of words past which most of them must read alike: a line
/// quoted word for word in hundreds of articles is one quotation, where a stock phrase
/// that some quotations give in a few copies each is not.
const MAX_SHARING: usize = 50;

/// What the runs of words of one stretch of the index gave (see [`Candidates`]).
#[derive(Default)]
struct Shared {
    /// The first quotations of two readings of a run, for each two.
    pairs: Vec<(usize, usize)>,
    /// (first, later) for each later quotation of a reading, where a run has two readings.
    repeats: Vec<(usize, usize)>,
}

/// Adds to `found` what the runs of `sorted` (index numbers, sorted) give: the readings of
/// each run (quotations that read the same need no comparison), the first quotation of each
/// paired with the first of each other. Quotations that read the same have the same runs,
/// so they come together in each of them, in order, the first of them first.
fn sharing(sorted: &[u64], wholes: &[u64], packing: Packing, found: &mut Shared) {
    // (whole, first quotation, quotations) of each reading of a run.
    let mut readings: Vec<(u64, usize, usize)> = Vec::with_capacity(MAX_READINGS);
    let whole = |q: usize| wholes.get(q).copied().unwrap_or_default();
    for run in sorted.chunk_by(|&x, &y| packing.shingle(x) == packing.shingle(y)) {
        // Most runs are one quotation's own: nothing to look up.
        if run.len() < 2 {
            continue;
        }
        readings.clear();
        let mut boilerplate = false;
        for &packed in run {
            let q = packing.quotation(packed);
            let w = whole(q);
            if let Some((_, _, n)) = readings.iter_mut().find(|(seen, _, _)| *seen == w) {
                *n += 1;
            } else if readings.len() == MAX_READINGS {
                boilerplate = true;
                break;
            } else {
                readings.push((w, q, 1));
            }
        }
        let most = readings.iter().map(|&(_, _, n)| n).max().unwrap_or(0);
        if boilerplate || readings.len() < 2 || (run.len() > MAX_SHARING && 2 * most < run.len()) {
            continue;
        }
        for (x, &(_, a, _)) in readings.iter().enumerate() {
            for &(_, b, _) in &readings[x + 1..] {
                found.pairs.push((a.min(b), a.max(b)));
            }
        }
        if run.len() > readings.len() {
            for &packed in run {
                let q = packing.quotation(packed);
                let w = whole(q);
                if let Some(&(_, first, _)) = readings.iter().find(|&&(seen, _, _)| seen == w)
                    && first != q
                {
                    found.repeats.push((first, q));
                }
            }
        }
    }
}

/// How the quotation index cuts the hashes: into `2^bits` buckets by their top bits, and
/// the buckets into `parts` runs of about as many.
struct Buckets {
    bits: u32,
    parts: usize,
}

impl Buckets {
    fn new(bits: u32, parts: usize) -> Buckets {
        let bits = bits.clamp(MAX_PARTS.ilog2(), MAX_BUCKET_BITS);
        Buckets {
            bits,
            parts: parts.clamp(1, MAX_PARTS),
        }
    }

    fn count(&self) -> usize {
        1 << self.bits
    }

    /// The bucket of hash `h`.
    fn of(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    /// The buckets of part `part`.
    fn of_part(&self, part: usize) -> Range<usize> {
        let first = |p: usize| (p * self.count()).div_ceil(self.parts);
        first(part)..first(part + 1)
    }

    /// The first hash of bucket `bucket` (2^64 for the end of the last).
    #[cfg(test)]
    fn first_hash(&self, bucket: usize) -> u128 {
        (bucket as u128) << (64 - self.bits)
    }

    /// The part that bucket `bucket` is in (see [`Buckets::of_part`]).
    fn part_of(&self, bucket: usize) -> usize {
        (bucket * self.parts) >> self.bits
    }
}

/// Numbers each part's list of packed shingles holds in memory before writing them out
/// (256 KB: the first walk fills two lists for each part at once).
const PART_BLOCK: usize = 1 << 15;

/// At most 65,536 buckets: their counts take 256 KB for each share of the articles.
const MAX_BUCKET_BITS: u32 = 16;

/// Bucket bits of the quotation index for `hashes` shingles: about a hundred shingles a
/// bucket, in at most 65,536 buckets.
fn bucket_bits(hashes: usize) -> u32 {
    (hashes / 128)
        .max(1)
        .ilog2()
        .clamp(MAX_PARTS.ilog2(), MAX_BUCKET_BITS)
}

/// A quotation of a candidate pair.
struct Quotation {
    article: u32,
    span: Range<u32>,
}

impl Quotation {
    fn article(&self) -> usize {
        self.article as usize
    }

    fn span(&self) -> Range<usize> {
        self.span.start as usize..self.span.end as usize
    }
}

fn min_words(rules: &RuleSet) -> usize {
    rules
        .check_config("quotes")
        .min_words
        .unwrap_or(DEFAULT_MIN_WORDS)
        .max(2)
}

/// Token substitutions for house style, by first word: (the whole sequence, replacement).
type StyleMap = HashMap<String, Vec<(Vec<String>, String)>>;

/// Normalizes a phrase the way [`words`] normalizes quotation text.
fn norm_words(phrase: &str) -> Vec<String> {
    words(phrase, 0..phrase.len())
        .into_iter()
        .map(|w| w.norm)
        .collect()
}

fn style_map(rules: &RuleSet) -> StyleMap {
    let mut map: StyleMap = HashMap::new();
    let mut add = |from: &str, to: &str| {
        let seq = norm_words(from);
        let to = norm_words(to).concat();
        if let Some(first) = seq.first() {
            map.entry(first.clone()).or_default().push((seq, to));
        }
    };
    for (a, b) in BUILTIN_PAIRS {
        add(a, b);
        add(b, b);
    }
    for term in &rules.terms {
        for wrong in &term.instead_of {
            add(wrong, &term.prefer);
        }
        add(&term.prefer, &term.prefer);
    }
    add("per cent", "percent");
    // Longest sequences first so "per cent" wins over "per".
    for list in map.values_mut() {
        list.sort_by_key(|(seq, _)| std::cmp::Reverse(seq.len()));
    }
    map
}

/// The style map over word hashes, for the scan.
type HashedStyle = HashMap<u64, Vec<(Vec<u64>, u64)>, WordHashKeys>;

fn hashed_style(map: &StyleMap) -> HashedStyle {
    let mut out: HashedStyle = HashMap::default();
    for list in map.values() {
        for (seq, to) in list {
            let hs: Vec<u64> = seq.iter().map(|w| hash_str(w)).collect();
            out.entry(hs[0]).or_default().push((hs, hash_str(to)));
        }
    }
    for list in out.values_mut() {
        list.sort_by_key(|(seq, _)| std::cmp::Reverse(seq.len()));
    }
    out
}

/// Calls `f(words, hash)` for each word of `words` after house style, where one word may
/// stand for several (`words` is the range of them, `hash` what they read as).
fn each_styled<T>(
    words: &[T],
    hash: impl Fn(&T) -> u64,
    map: &HashedStyle,
    mut f: impl FnMut(Range<usize>, u64),
) {
    let mut i = 0;
    while i < words.len() {
        let hit = map.get(&hash(&words[i])).and_then(|list| {
            list.iter().find(|(seq, _)| {
                i + seq.len() <= words.len()
                    && seq.iter().zip(&words[i..]).all(|(s, w)| *s == hash(w))
            })
        });
        match hit {
            Some((seq, to)) => {
                f(i..i + seq.len(), *to);
                i += seq.len();
            }
            None => {
                f(i..i + 1, hash(&words[i]));
                i += 1;
            }
        }
    }
}

/// The hash of each run of `min` words of `words`, in order. A run's hash is a polynomial
/// in its words' hashes, rolled from one run to the next (the first word's term taken off,
/// the next word's put on): two multiplications a word, where hashing each run afresh
/// took one for each of its words. The index compares hashes by their high bits, which a
/// polynomial leaves poorly mixed: a finishing step (MurmurHash3's) mixes every bit into
/// all the others.
fn shingle_hashes(words: &[u64], min: usize, mut f: impl FnMut(u64)) {
    const BASE: u64 = 0x9e37_79b9_7f4a_7c15;
    let (Some(first), Some(rest)) = (words.get(..min), words.get(min..)) else {
        return;
    };
    // The weight of a run's first word.
    let first_weight = (1..min).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut h = first
        .iter()
        .fold(0u64, |h, &w| h.wrapping_mul(BASE).wrapping_add(w));
    f(finish(h));
    for (&next, &gone) in rest.iter().zip(words) {
        h = h
            .wrapping_sub(gone.wrapping_mul(first_weight))
            .wrapping_mul(BASE)
            .wrapping_add(next);
        f(finish(h));
    }
}

/// MurmurHash3's finishing step.
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Where each speech introduced by a colon ("…, responding: Who cares?") starts in `body`:
/// the ends of the matches of [`INTRODUCED`], as a search of the whole body finds them.
///
/// A match ends with a colon and the spaces after it, and before the colon holds at most
/// three runs of word characters with spaces between ("told reporters in", "said"): those
/// runs decide it, compared in place. The regex runs only when one of them is beyond ASCII
/// (which case folding might make a verb), and then only from that far back of the colon:
/// over the whole body, it works backwards from every colon with a large automaton (of
/// Unicode word characters), which on wire copy full of colons (times, datelines, scores)
/// cost more than the rest of the quotes scan.
fn introduced(body: &str) -> Vec<usize> {
    let bytes = body.as_bytes();
    let word = |c: char| regex_syntax::try_is_word_character(c).unwrap_or(true);
    let mut out = Vec::new();
    for colon in memchr::memchr_iter(b':', bytes) {
        // Back from the colon: spaces, then up to three runs of word characters, each
        // before spaces.
        let mut start = colon;
        let mut runs: Vec<&str> = Vec::with_capacity(3);
        let mut rest = body[..colon].char_indices().rev().peekable();
        'back: for _ in 0..3 {
            while let Some((i, _)) = rest.next_if(|&(_, c)| c.is_whitespace()) {
                start = i;
            }
            let end = start;
            while let Some((i, _)) = rest.next_if(|&(_, c)| word(c)) {
                start = i;
            }
            if start == end {
                break 'back;
            }
            runs.push(&body[start..end]);
        }
        // A match starts at "told" two or one runs before the last, or at a verb that is the
        // last run, the earliest first. Runs in ASCII are compared in place; any other may
        // fold to a verb under Unicode case rules, and the regex decides.
        let is = |run: &str, verbs: &[&str]| verbs.iter().any(|v| v.eq_ignore_ascii_case(run));
        let told = |k: usize| runs.get(k).is_some_and(|r| is(r, &["told"]));
        let verb = |k: usize| runs.get(k).is_some_and(|r| is(r, INTRODUCING_VERBS));
        let unsure = runs.iter().any(|r| !r.is_ascii());
        if !(unsure || told(2) || told(1) || verb(0)) {
            continue;
        }
        let mut end = colon + 1;
        while let Some(c) = body[end..].chars().next().filter(|c| c.is_whitespace()) {
            end += c.len_utf8();
        }
        if !unsure {
            out.push(end);
        } else if let Some(m) = INTRODUCED.find_at(&body[..end], start) {
            out.push(m.end());
        }
    }
    out
}

/// The verbs [`INTRODUCED`] starts with, besides "told" (which a name follows).
const INTRODUCING_VERBS: &[&str] = &[
    "said",
    "says",
    "responding",
    "responded",
    "replied",
    "stated",
    "added",
    "wrote",
    "asked",
];

/// The quotations of one article (marked, or introduced by "said:" without marks).
fn quotation_ranges(reading: &super::Reading) -> Vec<Range<usize>> {
    let article = reading.article;
    let text = article.text.as_str();
    let body = article.body_start..text.len();
    let mut spans = reading.quotations().to_vec();
    for end in introduced(&text[body.clone()]) {
        let start = body.start + end;
        if text[start..].starts_with(['“', '"', '‘', '«']) {
            continue; // marked; already found
        }
        let end = text[start..]
            .find("\n\n")
            .or_else(|| text[start..].find("\r\n\r\n"))
            .map_or(text.len(), |i| start + i);
        spans.push(start..end);
    }
    spans
}

/// The normalized words of a quotation, after house style (a word standing for several
/// spans them all).
fn quotation_words(text: &str, span: Range<usize>, style: &HashedStyle) -> Vec<HashedWord> {
    let mut ws = hashed_words(text, span);
    ws.truncate(MAX_WORDS);
    let mut out = Vec::with_capacity(ws.len());
    each_styled(
        &ws,
        |w| w.hash,
        style,
        |run, hash| {
            out.push(HashedWord {
                hash,
                span: ws[run.start].span.start..ws[run.end - 1].span.end,
            });
        },
    );
    out
}

/// Where a quotation holds the writer's words: a passage in brackets or parentheses closed
/// within it ("the Fed (Federal Reserve Board)", "\[it\] will", "50 million pounds ($70
/// million)"), as news marks what it adds to a speaker's words.
fn insertions(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let Some(quoted) = text.get(span.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, b) in quoted.bytes().enumerate() {
        match (b, open) {
            (b'(' | b'[', None) => open = Some((i, if b == b'(' { b')' } else { b']' })),
            (close, Some((start, wanted))) if close == wanted => {
                out.push(span.start + start..span.start + i + 1);
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// At most how many of a speaker's words the writer's words in brackets stand for.
const STOOD_FOR: usize = 3;

/// Whether the words `range` of `ws` are some, all within `insertions`.
fn inserted(insertions: &[Range<usize>], ws: &[HashedWord], range: &Range<usize>) -> bool {
    !range.is_empty()
        && ws[range.clone()]
            .iter()
            .all(|w| insertions.iter().any(|r| r.contains(&w.span.start)))
}

/// Whether `a` and `b` hold the same run of `min` words.
fn share_a_run(a: &[HashedWord], b: &[HashedWord], min: usize) -> bool {
    let hashes = |words: &[HashedWord]| words.iter().map(|w| w.hash).collect::<Vec<u64>>();
    let (a, b) = (hashes(a), hashes(b));
    let runs: std::collections::HashSet<&[u64]> = a.windows(min).collect();
    b.windows(min).any(|run| runs.contains(run))
}

/// An edit between two renderings, as ranges of word indices in each.
#[derive(Debug)]
struct Edit {
    a: Range<usize>,
    b: Range<usize>,
}

impl Edit {
    /// The same edit seen from the other rendering.
    fn turned(&self) -> Edit {
        Edit {
            a: self.b.clone(),
            b: self.a.clone(),
        }
    }
}

/// Word-level diff of `a` and `b` restricted to the stretch both renderings cover (from the
/// first to the last shared word): a shorter excerpt of a longer quotation is not an edit.
#[cfg(test)]
fn diff(a: &[HashedWord], b: &[HashedWord]) -> Vec<Edit> {
    diff_by(a, b, |_| false)
}

/// As `diff`, where an edit that `same` tells is the same words written another way is
/// counted as matched, and not given.
///
/// Where words could be matched in more than one way, the way taken depends on which
/// rendering is read first: so the two are always read in one order, that of their words'
/// hashes, and the edits turned around when that is not the order given. The diff, and so
/// whether two renderings are one quotation and which is reported, does not depend on the
/// order of the files.
fn diff_by(a: &[HashedWord], b: &[HashedWord], same: impl Fn(&Edit) -> bool) -> Vec<Edit> {
    let hashes = |ws: &[HashedWord]| ws.iter().map(|w| w.hash).collect::<Vec<u64>>();
    if hashes(b) < hashes(a) {
        return diff_in_order(b, a, |e| same(&e.turned()))
            .into_iter()
            .map(|e| e.turned())
            .collect();
    }
    diff_in_order(a, b, same)
}

/// [`diff_by`] with `a` read first.
fn diff_in_order(a: &[HashedWord], b: &[HashedWord], same: impl Fn(&Edit) -> bool) -> Vec<Edit> {
    let n = a.len();
    let m = b.len();
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i].hash == b[j].hash {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // Where a word could be matched in more than one place, the walk back through the
    // table picks one; skipping a word of `a` first, or one of `b`, may give other pairs
    // ("a major improvement and a step in the right direction" and "it's a step in the
    // right direction": the first "a" or the second). Both are tried, and the one that
    // keeps the matched words together wins: a stock phrase shared at the end is not a
    // rendering with words dropped before it.
    let walk = |skip_a_first: bool| {
        let mut pairs = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if a[i].hash == b[j].hash {
                pairs.push((i, j));
                i += 1;
                j += 1;
            } else if lcs[i + 1][j] > lcs[i][j + 1]
                || (skip_a_first && lcs[i + 1][j] == lcs[i][j + 1])
            {
                i += 1;
            } else {
                j += 1;
            }
        }
        pairs
    };
    let apart = |pairs: &[(usize, usize)]| {
        let gaps = (pairs.windows(2))
            .filter(|w| w[1].0 > w[0].0 + 1 || w[1].1 > w[0].1 + 1)
            .count();
        (gaps, pairs.iter().map(|&(i, j)| i + j).sum::<usize>())
    };
    let (first, second) = (walk(true), walk(false));
    let pairs = if apart(&second) < apart(&first) {
        second
    } else {
        first
    };
    let mut edits = Vec::new();
    let (mut matched_a, mut matched_b) = (pairs.len(), pairs.len());
    for w in pairs.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        if i1 > i0 + 1 || j1 > j0 + 1 {
            let edit = Edit {
                a: i0 + 1..i1,
                b: j0 + 1..j1,
            };
            if same(&edit) {
                matched_a += edit.a.len();
                matched_b += edit.b.len();
            } else {
                edits.push(edit);
            }
        }
    }
    // Two passages that merely share a stock phrase ("by the end of the year") are not one
    // quotation: most of the shorter one must be matched, and much of the longer one.
    if let (Some(&(a0, b0)), Some(&(a1, b1))) = (pairs.first(), pairs.last()) {
        let (span_a, span_b) = (a1 - a0 + 1, b1 - b0 + 1);
        let ((short, matched_short), (long, matched_long)) = if span_a <= span_b {
            ((span_a, matched_a), (span_b, matched_b))
        } else {
            ((span_b, matched_b), (span_a, matched_a))
        };
        if (matched_short as f64) < 0.9 * short as f64 || (matched_long as f64) < 0.6 * long as f64
        {
            return Vec::new();
        }
        // Where both go on past the stretch with other words, at its start or its end, the
        // two part ways: a short stretch is then a stock phrase in two sayings ("I don't
        // think it will matter" and "I think it will pass"), not one quotation edited.
        let parted = (a1 + 1 < n && b1 + 1 < m) || (a0 > 0 && b0 > 0);
        if parted && matched_short < PARTED_MIN_WORDS {
            return Vec::new();
        }
    }
    edits
}

/// Words two renderings that part ways must have in common to be one quotation (see
/// [`diff_by`]).
const PARTED_MIN_WORDS: usize = 10;

/// Words that news copy writes short with a full stop, each with the word in full.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("jan", "january"),
    ("feb", "february"),
    ("aug", "august"),
    ("sep", "september"),
    ("sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
    ("corp", "corporation"),
    ("inc", "incorporated"),
    ("co", "company"),
    ("ltd", "limited"),
    ("govt", "government"),
    ("dept", "department"),
];

/// Whether two phrases are the same words written another way: the same letters and digits
/// in the same order (see [`same_letters`]), the same once each word is spelled one way (see
/// [`same_spoken`]), a word and its abbreviation with a full stop ("Dec." and "December";
/// a full stop after a word that was never short, "not." for "nothing", is no abbreviation),
/// or a name and its initials ("U.S.", "United States").
fn same_words(a: &str, b: &str) -> bool {
    let abbreviates = |short: &str, long: &str| {
        let Some(short) = short.strip_suffix('.') else {
            return false;
        };
        let long = long.strip_suffix('.').unwrap_or(long);
        ABBREVIATIONS
            .iter()
            .any(|(s, l)| short.eq_ignore_ascii_case(s) && long.eq_ignore_ascii_case(l))
    };
    // "U.S." for "United States": capitals each with its full stop, the initials of the
    // capitalized words of the other side.
    let initials = |short: &str, long: &str| {
        let letters: Option<String> = short
            .as_bytes()
            .chunks(2)
            .map(|pair| match pair {
                [c, b'.'] if c.is_ascii_uppercase() => Some(char::from(*c)),
                _ => None,
            })
            .collect();
        let firsts: Option<String> = long
            .trim_end_matches('.')
            .split_whitespace()
            .map(|w| w.chars().next().filter(char::is_ascii_uppercase))
            .collect();
        letters.is_some_and(|l| l.len() >= 2 && firsts.is_some_and(|f| f == l))
    };
    same_letters(a, b)
        || same_spoken(a, b)
        || abbreviates(a, b)
        || abbreviates(b, a)
        || initials(a, b)
        || initials(b, a)
}

/// Whether two phrases read the same once each of their words is in one spelling (British
/// and American, figures and words, wire short forms: see [`spelling::spoken`]).
fn same_spoken(a: &str, b: &str) -> bool {
    let said = |phrase: &str| -> String {
        phrase
            .split_whitespace()
            .map(|w| spelling::spoken(w.trim_matches(|c: char| !c.is_alphanumeric())))
            .flat_map(|w| {
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    said(a) == said(b)
}

/// Whether two phrases have the same letters and digits in the same order, whatever their
/// case and whatever stands between them.
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<Vec<_>>()
    };
    letters(a) == letters(b)
}

fn phrase(text: &str, ws: &[HashedWord], r: Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    text[ws[r.start].span.start..ws[r.end - 1].span.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lists a scan works in, kept by each thread from one article to the next (an
/// archive has millions of quotations, each of which would grow lists of its own).
#[derive(Default)]
struct Scratch {
    /// The words of a quotation, as hashes.
    words: Vec<u64>,
    /// The same after house style.
    styled: Vec<u64>,
    /// What the article keeps, as in [`Scanned`].
    shingles: Vec<u64>,
    quotations: Vec<Kept>,
}

impl Scratch {
    /// Lets go of lists grown large by a very long article, so that they do not stay with
    /// the thread for the rest of the run.
    fn trim(&mut self) {
        const LARGE: usize = 1 << 18;
        if self.words.capacity() > LARGE || self.styled.capacity() > LARGE {
            (self.words, self.styled) = (Vec::new(), Vec::new());
        }
        if self.shingles.capacity() > LARGE {
            self.shingles = Vec::new();
        }
        if self.quotations.capacity() > LARGE {
            self.quotations = Vec::new();
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

impl Check for Quotes {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "quotes",
            kind: Kind::Quote,
            default_severity: Severity::Warning,
            summary: "the same quotation rendered differently in two articles",
            explanation: "Collects quotations (in curly or straight quotation marks, and speech \
                after \"said:\" or \"responding:\" without marks) and pairs those of different \
                articles that share a run of at least `min_words` words (6 unless set under \
                `checks: { quotes: { min_words: N } }`). Within the stretch both cover, any \
                word dropped, added or changed is reported with a word diff, once for each \
                other reading: against the first article (other than its own) that gives \
                that reading, with a count of the others that give it word for word. A run \
                of words that quotations give in more than 50 ways, or that more than 50 \
                quotations share without most of them reading alike, is a stock phrase and \
                pairs nothing; two passages that both go on with other words past fewer \
                than 10 words in common are two sayings. Case, curly or straight quotes and \
                apostrophes, spacing, \
                house-style spellings known to the terms check, British and American spellings, numbers in figures or in words, \
                wire short forms (\"pct\", \"mln\") and the writer's words in brackets or \
                parentheses do not count as changes.",
            fact_check: false,
        }
    }

    fn prepare(&self, rules: &RuleSet) -> super::Prepared {
        Some(Box::new(hashed_style(&style_map(rules))))
    }

    fn scan(&self, reading: &super::Reading, rules: &RuleSet, prepared: &super::Prepared) -> Scan {
        let article = reading.article;
        let min = min_words(rules);
        let built;
        let style = match prepared
            .as_ref()
            .and_then(|p| p.downcast_ref::<HashedStyle>())
        {
            Some(style) => style,
            None => {
                built = hashed_style(&style_map(rules));
                &built
            }
        };
        // Taken, not borrowed: a scan that ran on this thread meanwhile (rayon may run
        // another task while one waits) would start from empty lists rather than fail.
        let mut scratch = SCRATCH.take();
        let kept = {
            let Scratch {
                words,
                styled,
                shingles,
                quotations,
            } = &mut scratch;
            shingles.clear();
            quotations.clear();
            for span in quotation_ranges(reading) {
                // Offsets are kept in 32 bits (files over 4 GiB are skipped when loaded).
                let (Ok(start), Ok(end)) = (u32::try_from(span.start), u32::try_from(span.end))
                else {
                    continue;
                };
                word_hashes_into(&article.text, span.clone(), words);
                words.truncate(MAX_WORDS);
                styled.clear();
                each_styled(words, |w| *w, style, |_, hash| styled.push(hash));
                if styled.len() >= min {
                    shingle_hashes(styled, min, |h| shingles.push(h));
                    let whole = styled.iter().fold(styled.len() as u64, |h, w| {
                        (h ^ w).wrapping_mul(0x0000_0100_0000_01b3)
                    });
                    shingles.push(whole);
                    quotations.push(Kept {
                        span: start..end,
                        shingles_end: u32::try_from(shingles.len()).unwrap_or(u32::MAX),
                    });
                }
            }
            // Kept at their size: the lists stay with the thread.
            (!quotations.is_empty()).then(|| Scanned {
                quotations: quotations.to_vec(),
                shingles: shingles.to_vec(),
            })
        };
        scratch.trim();
        SCRATCH.set(scratch);
        match kept {
            Some(kept) => Scan {
                findings: Vec::new(),
                data: Some(Box::new(kept)),
            },
            None => Scan::default(),
        }
    }

    fn gather(&self, store: &mut super::Store, article: usize, data: Box<dyn Any + Send + Sync>) {
        if let (Some(store), Ok(scanned)) =
            (super::store_of::<Store>(store), data.downcast::<Scanned>())
        {
            let Scanned {
                quotations,
                shingles,
            } = *scanned;
            store.quotations.push(article, quotations);
            store.shingles.extend(&shingles);
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let severity = ctx.severity(&info, None);
        // What the scans used (made anew only when the check was not prepared).
        let built;
        let style = match ctx.prepared::<HashedStyle>(info.id) {
            Some(style) => style,
            None => {
                built = hashed_style(&style_map(ctx.rules));
                &built
            }
        };
        let Some(store) = ctx.take_gathered::<Store>(info.id) else {
            return Vec::new();
        };
        let pairs = candidate_pairs(
            &store,
            store.hashes().div_ceil(INDEX_PART),
            bucket_bits(store.hashes()),
        );
        let readings = match pairs {
            Ok(candidates) => candidates,
            Err(err) => return unreadable(&err),
        };
        // The quotations of every reading compared, with their spans.
        let involved = readings.involved();
        let mut quotes: HashMap<usize, Quotation> = HashMap::with_capacity(involved.len());
        let mut wanted = involved.iter().peekable();
        // Their spans are in memory: the hashes need not be read again.
        let quotations = store
            .quotations
            .each()
            .flat_map(|(article, kept)| kept.iter().map(move |k| (article, k.span.clone())));
        for (q, (article, span)) in quotations.enumerate() {
            if wanted.next_if_eq(&&q).is_some() {
                quotes.insert(
                    q,
                    Quotation {
                        article: article as u32,
                        span,
                    },
                );
            }
        }
        // What the scans kept is no longer needed: the largest table of this check.
        drop(store);
        // A quotation that shares words with another of its own article is no rendering of
        // it: each is paired only with quotations of other articles.
        let article_of = |q: usize| quotes.get(&q).map(Quotation::article);
        let pairs = readings.compared(article_of);
        // The texts were released after the scan: read back only the articles compared.
        // Pairs are in order, so a run of them shares most of its articles: runs are
        // compared in parallel, each keeping the few texts it reads back, and their findings
        // are joined in order.
        use rayon::prelude::*;
        let compared = Compared {
            ctx,
            quotes: &quotes,
            style,
            min: min_words(ctx.rules),
            rule: info.id.into(),
            severity,
            readings: &readings,
        };
        // All the quotations of one reading read the same: one pair of each two readings
        // tells whether they differ and which lacks words, and of their other pairs only
        // those that can then be reported are compared (of a line quoted alike in twenty
        // articles, most pairs are with quotations no finding is shown against).
        let key = |&(a, b): &(usize, usize)| {
            let (a, b) = (readings.first_of(a), readings.first_of(b));
            (a.min(b), a.max(b))
        };
        let mut sampled: Vec<((usize, usize), (usize, usize))> =
            pairs.iter().map(|pair| (key(pair), *pair)).collect();
        sampled.sort_unstable();
        sampled.dedup_by_key(|(readings, _)| *readings);
        let verdicts: HashMap<(usize, usize), Verdict> = sampled
            .par_chunks(PAIRS_PER_RUN)
            .flat_map_iter(|run| {
                let mut texts = Texts::default();
                run.iter()
                    .map(|&(readings, (a, b))| (readings, compared.verdict(&mut texts, a, b)))
                    .collect::<Vec<_>>()
            })
            .collect();
        // Each pair that can be reported, with the first quotation of the reading shown as
        // the one that differs.
        let pairs: Vec<(usize, usize, usize)> = pairs
            .into_iter()
            .filter_map(|(a, b)| {
                let primary = verdicts.get(&key(&(a, b))).copied().flatten()?;
                compared
                    .may_report(primary, a, b)
                    .then_some((a, b, primary))
            })
            .collect();
        // Each run also notes where the quotations it reports are, read in the texts it
        // holds, so that their articles need not be read once more to show them.
        let (found, placed): (Vec<Vec<Finding>>, Vec<Placements>) = pairs
            .par_chunks(PAIRS_PER_RUN)
            .map(|run| {
                let (mut texts, mut placed) = (Texts::default(), Placements::default());
                let found = run
                    .iter()
                    .filter_map(|&(a, b, primary)| {
                        compared.pair(&mut texts, &mut placed, a, b, primary)
                    })
                    .collect();
                (found, placed)
            })
            .unzip();
        placed.into_iter().for_each(|p| ctx.place(p));
        let mut found: Vec<Finding> = found.into_iter().flatten().collect();
        // An article may give a quotation twice in the same words: a rendering that differs
        // from both is one finding, against the first of them (pairs come in order).
        let mut said = std::collections::HashSet::new();
        found.retain(|f| match &f.locations[..] {
            [here, there, ..] => said.insert((
                here.article,
                here.span.clone(),
                there.article,
                f.notes.clone(),
            )),
            _ => true,
        });
        found
    }
}

/// Pairs compared one after the other by one thread (see [`Quotes::run`]).
const PAIRS_PER_RUN: usize = 256;
/// Texts a run keeps read back at a time.
const CACHED_TEXTS: usize = 32;

/// Article texts read back for comparing quotations, a bounded number at a time, each with
/// where its lines start once asked.
#[derive(Default)]
struct Texts(HashMap<usize, (String, std::cell::OnceCell<Lines>)>);

impl Texts {
    /// Keeps the texts of articles `a` and `b` (reading back what is missing), letting go of
    /// the others first when there would be too many.
    fn hold(&mut self, articles: &[crate::article::Article], a: usize, b: usize) {
        let missing = [a, b].iter().filter(|id| !self.0.contains_key(id)).count();
        if self.0.len() + missing > CACHED_TEXTS {
            self.0.retain(|id, _| *id == a || *id == b);
        }
        for id in [a, b] {
            self.0
                .entry(id)
                .or_insert_with(|| (articles[id].current_text().into_owned(), Default::default()));
        }
    }

    fn text(&self, article: usize) -> Option<&str> {
        self.0.get(&article).map(|(text, _)| text.as_str())
    }

    /// Notes in `placed` where `span` of `article` is and what it says.
    fn place(&self, placed: &mut Placements, article: usize, span: Range<usize>) {
        if let Some((text, lines)) = self.0.get(&article)
            && let Some(said) = text.get(span.clone())
        {
            let (line, column) = lines
                .get_or_init(|| Lines::of(text))
                .line_col(text, span.start);
            placed.add(article, span.start, line, column, said);
        }
    }
}

/// What comparing a pair of quotations needs.
struct Compared<'a> {
    ctx: &'a Context<'a>,
    quotes: &'a HashMap<usize, Quotation>,
    style: &'a HashedStyle,
    /// Words the quotations of a pair must share a run of (see [`min_words`]).
    min: usize,
    rule: crate::finding::Text,
    severity: Severity,
    /// Which quotations read as an earlier one does.
    readings: &'a Candidates,
}

/// Two quotations' words, in the texts they were read from, and the edits between them.
struct Diffed<'t> {
    ta: &'t str,
    tb: &'t str,
    wa: Vec<HashedWord>,
    wb: Vec<HashedWord>,
    edits: Vec<Edit>,
}

/// Which of two renderings lacks more words (`Greater`: the first, whose edits hold more
/// of the second's words than of its own).
fn lacking(edits: &[Edit]) -> Ordering {
    let dropped_a: usize = edits.iter().map(|e| e.b.len()).sum();
    let dropped_b: usize = edits.iter().map(|e| e.a.len()).sum();
    dropped_a.cmp(&dropped_b)
}

/// What comparing one pair of each two readings told about all of their pairs: `None` when
/// they do not differ, else the first quotation of the reading shown as the one that
/// differs (see [`Compared::verdict`]).
type Verdict = Option<usize>;

impl Compared<'_> {
    /// The edits between quotations `qa` and `qb`, whose articles `texts` holds; `None`
    /// when they read the same or are no renderings of one quotation.
    fn diffed<'t>(&self, texts: &'t Texts, qa: &Quotation, qb: &Quotation) -> Option<Diffed<'t>> {
        let (ta, tb) = (texts.text(qa.article())?, texts.text(qb.article())?);
        // A file that changed or went away since it was scanned may no longer hold the span:
        // that pair is not compared.
        if ta.get(qa.span()).is_none() || tb.get(qb.span()).is_none() {
            return None;
        }
        let wa = quotation_words(ta, qa.span(), self.style);
        let wb = quotation_words(tb, qb.span(), self.style);
        // The index pairs quotations whose runs of words have the same hash, as two
        // different runs now and then do: a pair that shares no run is no pair.
        if !share_a_run(&wa, &wb, self.min) {
            return None;
        }
        // An edit that changes only spacing, hyphens or stops ("agree...that" and "agree
        // ... that", "macro-economy" and "macroeconomy"), or writes a word short ("Dec."),
        // is the same words transcribed another way, not another rendering.
        // Nor is the writer's own, marked in brackets or parentheses: added ("It (the deal)
        // provides"), or standing for a few of the speaker's words ("250 million (stg)").
        let (ia, ib) = (insertions(ta, qa.span()), insertions(tb, qb.span()));
        let edits = diff_by(&wa, &wb, |e| {
            same_words(&phrase(ta, &wa, e.a.clone()), &phrase(tb, &wb, e.b.clone()))
                || (inserted(&ia, &wa, &e.a) && e.b.len() <= STOOD_FOR)
                || (inserted(&ib, &wb, &e.b) && e.a.len() <= STOOD_FOR)
        });
        (!edits.is_empty()).then_some(Diffed {
            ta,
            tb,
            wa,
            wb,
            edits,
        })
    }

    /// The verdict on the readings of quotations `a` and `b` (the first quotations of
    /// each), from comparing these two. The reading shown as the one that differs is the
    /// one that lacks words; where neither does (a word changed), the one fewer articles
    /// give, as the others bear each other out; where as many give each, the one whose
    /// first quotation comes later. Decided for the two readings at once, so that which
    /// quotations are reported does not depend on the order of the files.
    fn verdict(&self, texts: &mut Texts, a: usize, b: usize) -> Verdict {
        let (qa, qb) = (self.quotes.get(&a)?, self.quotes.get(&b)?);
        texts.hold(self.ctx.articles, qa.article(), qb.article());
        let diffed = self.diffed(texts, qa, qb)?;
        let (a, b) = (self.readings.first_of(a), self.readings.first_of(b));
        Some(match lacking(&diffed.edits) {
            Ordering::Greater => a,
            Ordering::Less => b,
            Ordering::Equal => match self.articles_giving(a).cmp(&self.articles_giving(b)) {
                Ordering::Less => a,
                Ordering::Greater => b,
                Ordering::Equal => a.max(b),
            },
        })
    }

    /// How many articles give the reading of quotation `q`.
    fn articles_giving(&self, q: usize) -> usize {
        let mut articles: Vec<usize> = (self.readings.reading_of(q))
            .filter_map(|q| self.quotes.get(&q).map(Quotation::article))
            .collect();
        articles.sort_unstable();
        articles.dedup();
        articles.len()
    }

    /// Whether the pair `a`, `b` can make a finding, given the first quotation of the
    /// reading shown as the one that differs: that one must be shown against the other
    /// (see [`Candidates::partner`]).
    fn may_report(&self, primary: usize, a: usize, b: usize) -> bool {
        let article_of = |q: usize| self.quotes.get(&q).map(Quotation::article);
        let (primary, other) = if self.readings.first_of(a) == primary {
            (a, b)
        } else {
            (b, a)
        };
        self.readings.partner(primary, other, article_of) == Some(other)
    }

    /// The finding for quotations `a` and `b`, if they read differently; the one whose
    /// reading starts with quotation `primary` is shown as the one that differs.
    fn pair(
        &self,
        texts: &mut Texts,
        placed: &mut Placements,
        a: usize,
        b: usize,
        primary: usize,
    ) -> Option<Finding> {
        let ctx = self.ctx;
        let (qa, qb) = (self.quotes.get(&a)?, self.quotes.get(&b)?);
        texts.hold(ctx.articles, qa.article(), qb.article());
        let texts = &*texts;
        let Diffed {
            ta,
            tb,
            wa,
            wb,
            edits,
        } = self.diffed(texts, qa, qb)?;
        let a_first = self.readings.first_of(a) == primary;
        let (p, pw, pt, o, ow, ot, flip) = if a_first {
            (qa, &wa, ta, qb, &wb, tb, false)
        } else {
            (qb, &wb, tb, qa, &wa, ta, true)
        };
        // A rendering is shown against one quotation of each other reading (see
        // [`Candidates`]), not against each article that repeats that one word for word.
        let (primary, other) = if flip { (b, a) } else { (a, b) };
        let article_of = |q: usize| self.quotes.get(&q).map(Quotation::article);
        if self.readings.partner(primary, other, article_of) != Some(other) {
            return None;
        }
        let mut notes = Vec::new();
        for e in &edits {
            let (mine, theirs) = if flip { (&e.b, &e.a) } else { (&e.a, &e.b) };
            let here = phrase(pt, pw, mine.clone());
            let there = phrase(ot, ow, theirs.clone());
            notes.push(
                match (here.is_empty(), there.is_empty()) {
                    (true, false) => format!("dropped: \"{there}\""),
                    (false, true) => format!("added: \"{here}\""),
                    _ => format!("changed: \"{there}\" → \"{here}\""),
                }
                .into(),
            );
        }
        notes.push(
            format!(
                "word diff against {}: {}",
                ctx.articles[o.article()].display,
                word_diff(ot, ow, pt, pw, &edits, flip)
            )
            .into(),
        );
        let mut alike: Vec<usize> = (self.readings.reading_of(other))
            .filter_map(article_of)
            .filter(|&article| article != p.article() && article != o.article())
            .collect();
        alike.dedup();
        if !alike.is_empty() {
            let n = alike.len();
            notes.push(
                format!(
                    "{n} other article{} quote{} it as {} does",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" },
                    ctx.articles[o.article()].display
                )
                .into(),
            );
        }
        texts.place(placed, p.article(), p.span());
        texts.place(placed, o.article(), o.span());
        Some(Finding {
            kind: Kind::Quote,
            rule: self.rule.clone(),
            severity: self.severity,
            message: format!(
                "quotes: this quotation reads differently in {}",
                ctx.articles[o.article()].display
            )
            .into(),
            locations: vec![
                Location {
                    article: p.article(),
                    span: p.span(),
                    label: "rendered like this".into(),
                    value: None,
                },
                Location {
                    article: o.article(),
                    span: o.span(),
                    label: "and like this".into(),
                    value: None,
                },
            ],
            notes,
            help: Some(
                "check the quotation against the recording or transcript and make both \
                 articles match it; mark a deliberate cut with an ellipsis"
                    .into(),
            ),
        })
    }
}

/// When the quotations' hashes cannot be read back from their temporary file (the disk
/// failed): quotations are not compared, and the run says so.
fn unreadable(err: &std::io::Error) -> Vec<Finding> {
    eprintln!(
        "warning: quotes: what the scans kept could not be read back from the temporary \
         file: {err}; quotations were not compared"
    );
    Vec::new()
}

/// The other rendering with `[-dropped-]` and `{+added+}` marks, over the shared stretch.
fn word_diff(
    ot: &str,
    ow: &[HashedWord],
    pt: &str,
    pw: &[HashedWord],
    edits: &[Edit],
    flip: bool,
) -> String {
    let side = |e: &Edit| {
        if flip {
            (e.a.clone(), e.b.clone())
        } else {
            (e.b.clone(), e.a.clone())
        }
    };
    let first = edits
        .first()
        .map(|e| side(e).0.start.saturating_sub(4))
        .unwrap_or(0);
    let last = edits
        .last()
        .map(|e| (side(e).0.end + 4).min(ow.len()))
        .unwrap_or(ow.len());
    let mut out = Vec::new();
    let mut i = first;
    let mut k = 0;
    while i < last {
        if let Some(e) = edits.get(k) {
            let (theirs, mine) = side(e);
            if i == theirs.start {
                if !theirs.is_empty() {
                    out.push(format!("[-{}-]", phrase(ot, ow, theirs.clone())));
                }
                if !mine.is_empty() {
                    out.push(format!("{{+{}+}}", phrase(pt, pw, mine)));
                }
                i = theirs.end.max(i);
                k += 1;
                if theirs.is_empty() {
                    // Pure addition: nothing of theirs consumed at this position.
                    out.push(phrase(ot, ow, i..i + 1));
                    i += 1;
                }
                continue;
            }
        }
        out.push(phrase(ot, ow, i..i + 1));
        i += 1;
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use std::path::Path;

    #[test]
    fn each_quotation_comes_back_with_its_own_hashes_and_whole() {
        // Three articles, the middle one without quotations; runs of 0, 1 and 3 hashes.
        // (article, [(hashes, whole)]).
        type Given = Vec<(usize, Vec<(Vec<u64>, u64)>)>;
        let given: Given = vec![
            (
                0,
                vec![(vec![5, 9, 12], 0xdead_beef_0000_0001), (vec![], 7)],
            ),
            (2, vec![(vec![1], u64::MAX), (vec![2, 3, 4], 1 << 40)]),
        ];
        let dir = tempfile::tempdir().unwrap();
        for (round, spill) in [Spill::default(), Spill::new(dir.path().to_path_buf(), 3)]
            .into_iter()
            .enumerate()
        {
            let mut store: super::super::Store = Some(Box::new(Store {
                quotations: Gathered::default(),
                shingles: spill,
            }));
            for (article, quotations) in &given {
                let mut kept = Scanned {
                    quotations: Vec::new(),
                    shingles: Vec::new(),
                };
                for (q, (hashes, whole)) in quotations.iter().enumerate() {
                    kept.shingles.extend(hashes);
                    kept.shingles.push(*whole);
                    let at = q as u32 * 10;
                    kept.quotations.push(Kept {
                        span: at..at + 5,
                        shingles_end: kept.shingles.len() as u32,
                    });
                }
                Quotes.gather(&mut store, *article, Box::new(kept));
            }
            let store = store.unwrap();
            let store = store.downcast_ref::<Store>().unwrap();
            assert_eq!(store.hashes(), 7);
            // In memory first, then from the file the second store wrote.
            assert_eq!(store.shingles.written_out(), round == 1);
            let mut got = Vec::new();
            store
                .each(|article, span, hashes, whole| {
                    got.push((article, span, hashes.to_vec(), whole))
                })
                .unwrap();
            let want: Vec<_> = given
                .iter()
                .flat_map(|(article, quotations)| {
                    quotations.iter().enumerate().map(|(q, (hashes, whole))| {
                        (*article, q * 10..q * 10 + 5, hashes.clone(), *whole)
                    })
                })
                .collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn the_parts_of_the_index_hold_every_bucket_once_and_every_hash_in_its_bucket() {
        for bits in [3, 5, 10, 16] {
            for parts in 1..=MAX_PARTS {
                let buckets = Buckets::new(bits, parts);
                // The parts are runs of buckets, one after the other, none empty.
                let mut next = 0;
                for part in 0..parts {
                    let range = buckets.of_part(part);
                    assert_eq!(range.start, next, "{bits} bits, {parts} parts");
                    assert!(!range.is_empty(), "{bits} bits, {parts} parts");
                    next = range.end;
                    // And each bucket is told to be in the part that holds it.
                    for bucket in range {
                        assert_eq!(buckets.part_of(bucket), part, "{bits} bits, {parts} parts");
                    }
                }
                assert_eq!(next, buckets.count());
                assert_eq!(buckets.first_hash(buckets.count()), 1 << 64);
                // A bucket's hashes run from its first hash to the next bucket's.
                for bucket in [0, 1, buckets.count() / 2, buckets.count() - 1] {
                    let (first, next) =
                        (buckets.first_hash(bucket), buckets.first_hash(bucket + 1));
                    for h in [first, first + 1, next - 1] {
                        assert_eq!(buckets.of(h as u64), bucket, "{h} with {bits} bits");
                    }
                }
            }
        }
        // Bits grow with the hashes, from as many buckets as parts to 65,536.
        assert_eq!(bucket_bits(0), MAX_PARTS.ilog2());
        assert_eq!(bucket_bits(128 << 10), 10);
        assert_eq!(bucket_bits(usize::MAX), 16);
    }

    /// Two articles of one quotation each, holding `hashes` (in that order) and reading as
    /// `whole`, gathered into a store whose hashes go to a file in `dir` from the first.
    fn store_of(
        quotations: [(&[u64], u64); 2],
        dir: &std::path::Path,
    ) -> Box<dyn std::any::Any + Send + Sync> {
        let mut store: super::super::Store = Some(Box::new(Store {
            quotations: Gathered::default(),
            shingles: Spill::new(dir.to_path_buf(), 1),
        }));
        for (article, (hashes, whole)) in quotations.into_iter().enumerate() {
            let mut shingles = hashes.to_vec();
            shingles.push(whole);
            let scanned = Scanned {
                quotations: vec![Kept {
                    span: 0..9,
                    shingles_end: shingles.len() as u32,
                }],
                shingles,
            };
            Quotes.gather(&mut store, article, Box::new(scanned));
        }
        store.unwrap()
    }

    #[test]
    fn the_order_of_a_quotations_hashes_makes_no_difference() {
        // Hashes from every part of the range, in a different order in each quotation,
        // the first repeated (a run a quotation says twice).
        let a = [u64::MAX - 5, 5, u64::MAX - 5, u64::MAX / 2, 3];
        let b = [3, u64::MAX / 2 + 1, 5, u64::MAX - 5];
        let dir = tempfile::tempdir().unwrap();
        let store = store_of([(&a, 1), (&b, 2)], dir.path());
        let store = store.downcast_ref::<Store>().unwrap();
        for parts in [1, 2, 3] {
            for bits in [3, 16] {
                let pairs = candidate_pairs(store, parts, bits).unwrap().pairs;
                assert_eq!(pairs, [(0, 1)], "{parts} parts, {bits} bits");
            }
        }
        // Quotations that read the same are no pair.
        let store = store_of([(&a, 1), (&b, 1)], dir.path());
        let store = store.downcast_ref::<Store>().unwrap();
        assert_eq!(candidate_pairs(store, 2, 3).unwrap(), Candidates::default());
    }

    #[test]
    fn hashes_that_cannot_be_read_back_are_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_of([(&[1, 2, 3], 1), (&[3, 4], 2)], dir.path());
        let store = store.downcast_ref::<Store>().unwrap();
        assert!(store.shingles.written_out(), "the hashes went to a file");
        store.shingles.lose_the_file();
        for parts in [1, 2] {
            let err = candidate_pairs(store, parts, 3).unwrap_err();
            assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof);
        }
    }

    #[test]
    fn shingles_are_told_apart_by_more_than_half_their_hash() {
        // Two quotations whose shingles' hashes differ only in their low half, then
        // in their lowest bit above the bit the two quotations' places take: no pair. The
        // same hash: a pair.
        for (second, paired) in [(0x0000_5678, false), (0x0000_1236, false), (0x1234, true)] {
            let mut store: super::super::Store = None;
            for (article, low) in [(0, 0x1234_u64), (1, second)] {
                let shingles = vec![0xabcd_ef01_0000_0000 | low, article + 1];
                let scanned = Scanned {
                    quotations: vec![Kept {
                        span: 0..9,
                        shingles_end: 2,
                    }],
                    shingles,
                };
                Quotes.gather(&mut store, article as usize, Box::new(scanned));
            }
            let store = store.unwrap();
            let store = store.downcast_ref::<Store>().unwrap();
            let want = if paired { vec![(0, 1)] } else { vec![] };
            assert_eq!(
                candidate_pairs(store, 1, 3).unwrap().pairs,
                want,
                "{second:x}"
            );
        }
    }

    #[test]
    fn the_index_built_in_parts_finds_the_same_pairs() {
        // 40 articles of 3 quotations each, sharing hashes in a pattern with many pairs.
        let articles: Vec<Scanned> = (0..40u32)
            .map(|a| {
                let mut kept = Scanned {
                    quotations: Vec::new(),
                    shingles: Vec::new(),
                };
                for q in 0..3u32 {
                    let mut hashes: Vec<u64> = (0..12u32)
                        .map(|k| {
                            u64::from((a % 7) * 31 + q * 7 + k).wrapping_mul(0x9e37_79b9_7f4a_7c15)
                        })
                        .collect();
                    hashes.sort_unstable();
                    kept.shingles.extend(hashes);
                    // Articles 14 apart hold quotations that read the same (and share
                    // their hashes, as do those 7 apart).
                    kept.shingles
                        .push(u64::from((a % 14) * 3 + q) << 20 | u64::from(q));
                    kept.quotations.push(Kept {
                        span: q * 10..q * 10 + 9,
                        shingles_end: kept.shingles.len() as u32,
                    });
                }
                kept
            })
            .collect();
        // Kept in memory, and written out to a file every 50 hashes.
        let dir = tempfile::tempdir().unwrap();
        let spilled = Store {
            quotations: Gathered::default(),
            shingles: Spill::new(dir.path().to_path_buf(), 50),
        };
        let mut found = Vec::new();
        for start in [None, Some(spilled)] {
            let mut store: super::super::Store = start.map(|s| Box::new(s) as _);
            for (article, scanned) in articles.iter().enumerate() {
                let copy = Scanned {
                    quotations: scanned
                        .quotations
                        .iter()
                        .map(|k| Kept {
                            span: k.span.clone(),
                            ..*k
                        })
                        .collect(),
                    shingles: scanned.shingles.clone(),
                };
                Quotes.gather(&mut store, article, Box::new(copy));
            }
            let store = store.unwrap();
            let store = store.downcast_ref::<Store>().unwrap();
            let mut quotes: Vec<(Vec<u64>, u64)> = Vec::new();
            store
                .each(|_, _, hashes, whole| quotes.push((hashes.to_vec(), whole)))
                .unwrap();
            assert_eq!(quotes.len(), 120);
            // Every pair that shares a hash whose holders read it in at most 50 ways, unless
            // the two read the same; of each reading, its first quotation.
            let mut holders: HashMap<u64, Vec<usize>> = HashMap::new();
            for (q, (hashes, _)) in quotes.iter().enumerate() {
                for &h in hashes {
                    holders.entry(h).or_default().push(q);
                }
            }
            let first = |q: usize| quotes.iter().position(|(_, w)| *w == quotes[q].1) == Some(q);
            // How many readings the quotations have, and how many the commonest holds.
            let readings = |qs: &[usize]| {
                let mut count: HashMap<u64, usize> = HashMap::new();
                for &q in qs {
                    *count.entry(quotes[q].1).or_default() += 1;
                }
                (count.len(), count.values().copied().max().unwrap_or(0))
            };
            let mut want: Vec<(usize, usize)> = holders
                .values()
                .filter(|qs| {
                    let (readings, most) = readings(qs);
                    readings <= 50 && (qs.len() <= 50 || 2 * most >= qs.len())
                })
                .flat_map(|qs| {
                    qs.iter()
                        .enumerate()
                        .flat_map(|(i, &a)| qs[i + 1..].iter().map(move |&b| (a, b)))
                })
                .filter(|&(a, b)| quotes[a].1 != quotes[b].1 && first(a) && first(b))
                .collect();
            want.sort_unstable();
            want.dedup();
            let whole = candidate_pairs(store, 1, 3).unwrap();
            assert!(whole.pairs.len() > 50, "{}", whole.pairs.len());
            assert_eq!(whole.pairs, want);
            // Each later quotation of a reading in a pair, with the first of its reading.
            let mut repeats: Vec<(usize, usize)> = (0..quotes.len())
                .filter(|&q| !first(q))
                .filter(|&q| {
                    let f = quotes.iter().position(|(_, w)| *w == quotes[q].1).unwrap();
                    want.iter().any(|&(a, b)| a == f || b == f)
                })
                .map(|q| {
                    (
                        quotes.iter().position(|(_, w)| *w == quotes[q].1).unwrap(),
                        q,
                    )
                })
                .collect();
            repeats.sort_unstable();
            assert!(!repeats.is_empty());
            assert_eq!(whole.repeats, repeats);
            for parts in [1, 2, 3, MAX_PARTS, 1000] {
                for bits in [3, 4, 9, 16] {
                    assert_eq!(
                        candidate_pairs(store, parts, bits).unwrap(),
                        whole,
                        "{parts} parts, {bits} bits"
                    );
                }
            }
            found.push((store.shingles.written_out(), whole));
        }
        assert!(!found[0].0 && found[1].0, "the second store wrote a file");
        assert_eq!(found[0].1, found[1].1);
    }

    /// Two articles in `dir` holding `texts`, their texts released as after a scan, and
    /// the quotation of each (between its first and last straight quote).
    fn two_quoting(dir: &Path, texts: [&str; 2]) -> (Vec<Article>, HashMap<usize, Quotation>) {
        let load = |i: usize| {
            let path = dir.join(format!("{i}.md"));
            std::fs::write(&path, texts[i]).unwrap();
            let display = path.display().to_string();
            let mut article = Article::from_vec(i, path, display, texts[i].into()).unwrap();
            article.release_text();
            article
        };
        let quotes = (0..2)
            .map(|i| {
                let start = texts[i].find('"').unwrap() as u32 + 1;
                let end = texts[i].rfind('"').unwrap() as u32;
                let quotation = Quotation {
                    article: i as u32,
                    span: start..end,
                };
                (i, quotation)
            })
            .collect();
        (vec![load(0), load(1)], quotes)
    }

    /// The finding comparing the quotations of `articles`, if any.
    fn compare_two(articles: &[Article], quotes: &HashMap<usize, Quotation>) -> Option<Finding> {
        compare_two_placing(articles, quotes, &mut Placements::default())
    }

    /// As [`compare_two`], noting in `placed` where the finding's quotations are.
    fn compare_two_placing(
        articles: &[Article],
        quotes: &HashMap<usize, Quotation>,
        placed: &mut Placements,
    ) -> Option<Finding> {
        let rules = RuleSet::default();
        let scans = super::super::Scans::new();
        let ctx = Context {
            articles,
            rules: &rules,
            claims: &[],
            scans: &scans,
        };
        let compared = Compared {
            ctx: &ctx,
            quotes,
            style: &hashed_style(&style_map(&rules)),
            min: min_words(&rules),
            rule: "quotes".into(),
            severity: Severity::Warning,
            readings: &Candidates::default(),
        };
        let mut texts = Texts::default();
        let primary = compared.verdict(&mut texts, 0, 1)?;
        compared.pair(&mut texts, placed, 0, 1, primary)
    }

    /// Adds two lines at the top of each article's file, then pins the articles for the
    /// places `found` points at, with the places `placed` noted.
    fn shift_then_pin(articles: &mut [Article], found: &Finding, placed: &Placements) {
        for a in articles.iter() {
            let text = std::fs::read_to_string(a.path()).unwrap();
            std::fs::write(a.path(), format!("\n\n{text}")).unwrap();
        }
        for (id, a) in articles.iter_mut().enumerate() {
            let spans: Vec<Range<usize>> = (found.locations.iter())
                .filter(|l| l.article == id)
                .map(|l| l.span.clone())
                .collect();
            let offsets: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
            a.pin(&offsets, &spans, placed.of(id));
        }
    }

    #[test]
    fn the_quotations_reported_are_placed_and_their_files_not_read_again_to_show_them() {
        let dir = tempfile::tempdir().unwrap();
        let (mut articles, quotes) = two_quoting(
            dir.path(),
            [
                "# One\n\nHe said: \"We will not sign a deal that hurts our workers, not now.\"\n",
                "Two\r\n\r\nÉté. He said: \"We will not sign a deal that hurts workers, not now.\"\n",
            ],
        );
        let mut placed = Placements::default();
        let found = compare_two_placing(&articles, &quotes, &mut placed).expect("a finding");
        placed.sort();
        // Where the quotations are, as the articles' own texts tell.
        let where_ = |articles: &[Article]| -> Vec<[(usize, usize); 2]> {
            found
                .locations
                .iter()
                .map(|l| {
                    let a = &articles[l.article];
                    [a.line_col(l.span.start), a.line_col(l.span.end)]
                })
                .collect()
        };
        let read: Vec<Article> = (articles.iter().enumerate())
            .map(|(i, a)| {
                let bytes = std::fs::read(a.path()).unwrap();
                Article::from_vec(i, a.path().to_path_buf(), a.display.to_string(), bytes).unwrap()
            })
            .collect();
        let want = where_(&read);
        // (Columns count characters; "\r\n" is one line break.)
        assert_eq!(want, [[(3, 16), (3, 68)], [(3, 11), (3, 67)]]);
        // The files change before the findings are shown: the places noted are shown (with a
        // note that the file changed), not places read from the files again.
        shift_then_pin(&mut articles, &found, &placed);
        assert_eq!(where_(&articles), want);
    }

    #[test]
    fn a_quotation_over_two_lines_is_not_placed_and_its_file_is_read_again_to_show_it() {
        // A place notes one line: a quotation broken over two is left to the file.
        let dir = tempfile::tempdir().unwrap();
        let (mut articles, quotes) = two_quoting(
            dir.path(),
            [
                "He said: \"We will not sign a deal that hurts our\nworkers, not now.\"\n",
                "He said: \"We will not sign a deal that hurts\nworkers, not now.\"\n",
            ],
        );
        let mut placed = Placements::default();
        let found = compare_two_placing(&articles, &quotes, &mut placed).expect("a finding");
        placed.sort();
        shift_then_pin(&mut articles, &found, &placed);
        // Read again: the quotations' offsets are placed in the changed files (lines 3 and
        // 4, below the two lines added), not where the first reading had them (1 and 2).
        for l in &found.locations {
            let a = &articles[l.article];
            assert_eq!(a.line_col(l.span.start).0, 3, "{}", a.display);
            assert_eq!(a.line_col(l.span.end).0, 4, "{}", a.display);
        }
    }

    #[test]
    fn a_file_changed_after_its_scan_is_not_compared_and_nothing_breaks() {
        let dir = tempfile::tempdir().unwrap();
        let (articles, quotes) = two_quoting(
            dir.path(),
            [
                "He said: \"We will not sign a deal that hurts our workers, not now and not ever.\"\n",
                "He said: \"We will not sign a deal that hurts workers, not now and not ever.\"\n",
            ],
        );
        // As scanned: the dropped word is found, reading both files back.
        let found = compare_two(&articles, &quotes).expect("a finding");
        assert!(
            found.notes[0].contains("dropped: \"our\""),
            "{:?}",
            found.notes
        );
        // Shortened, so the span now ends past the text: that pair is not compared.
        std::fs::write(articles[1].path(), "He said: \"No.\"\n").unwrap();
        assert!(compare_two(&articles, &quotes).is_none());
        // Gone: nothing to compare either.
        std::fs::remove_file(articles[0].path()).unwrap();
        assert!(compare_two(&articles, &quotes).is_none());
    }

    #[test]
    fn a_pair_that_shares_no_run_of_words_is_no_pair() {
        // Two quotations whose runs in common are short (three words, then five), as a pair
        // the index once made from a shared hash: compared, they read as one quotation with
        // a word dropped. Paired, they make no finding.
        let dir = tempfile::tempdir().unwrap();
        let (articles, quotes) = two_quoting(
            dir.path(),
            [
                "She said: \"Offer the table several Ontario things negotiate step.\"\n",
                "He said: \"Offer the table both several Ontario things negotiate step.\"\n",
            ],
        );
        assert!(compare_two(&articles, &quotes).is_none());
        let words = |i: usize| {
            let q = &quotes[&i];
            quotation_words(&articles[i].current_text(), q.span(), &HashMap::default())
        };
        let (a, b) = (words(0), words(1));
        assert!(!diff(&a, &b).is_empty(), "the diff alone finds an edit");
        assert!(!share_a_run(&a, &b, 6) && share_a_run(&a, &b, 1));
        // One run of six in common is enough, wherever it is.
        let c = w("first Offer the table several Ontario things last");
        assert!(share_a_run(&a, &c, 6) && share_a_run(&c, &a, 6));
        assert!(!share_a_run(&a, &c, 7));
    }

    fn w(s: &str) -> Vec<HashedWord> {
        hashed_words(s, 0..s.len())
    }

    #[test]
    fn two_sayings_that_share_a_stock_phrase_and_part_ways_are_no_rendering() {
        // Both go on past what they share with words of their own: two sayings.
        let a = w("I think it is too early, but I don't think it will matter much to us");
        let b = w("The sales were slow; I think it will pass before the end of the year");
        assert!(diff(&a, &b).is_empty());
        // The same where they part before the stretch.
        let a = w("Prices fell and I don't think it will matter much");
        let b = w("The vote was close, I think it will matter much");
        assert!(diff(&a, &b).is_empty());
        // One quotation cut at either end is no parting: one rendering ends where the
        // stretch does.
        let a = w("I don't think it will matter much to us");
        let b = w("I think it will matter much to us in the end");
        assert_eq!(diff(&a, &b).len(), 1);
        // Nor is a long stretch in common that parts at its end.
        let a = w(
            "We will not sign a deal that hurts our workers in any province, not now and not ever",
        );
        let b = w(
            "We will not sign a deal that hurts workers in any province, not now and not next year",
        );
        assert_eq!(diff(&a, &b).len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn speech_after_a_colon_is_found_where_a_search_of_the_whole_body_finds_it(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "said", "Said", "SAID", "ſaid", "says", "told", "TOLD", "him", "John", "Smith",
                    "asked", "aſked", "replied", "added", "responding", ":", " ", "  ", "\n", "\t",
                    "\u{a0}", "x", ".", ",", "é", "Müller", "10", "_", "—", "“", "\"",
                ]),
                0..30,
            )
        ) {
            let body = parts.concat();
            let want: Vec<usize> = INTRODUCED.find_iter(&body).map(|m| m.end()).collect();
            proptest::prop_assert_eq!(introduced(&body), want, "{:?}", body);
        }
    }

    proptest::proptest! {
        #[test]
        fn rolled_run_hashes_are_those_of_each_run_hashed_afresh(
            words in proptest::collection::vec(proptest::num::u64::ANY, 0..40),
            min in 2usize..9,
        ) {
            const BASE: u64 = 0x9e37_79b9_7f4a_7c15;
            let want: Vec<u64> = words
                .windows(min)
                .map(|run| finish(run.iter().fold(0u64, |h, &w| h.wrapping_mul(BASE).wrapping_add(w))))
                .collect();
            let mut got = Vec::new();
            shingle_hashes(&words, min, |h| got.push(h));
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn hyphens_spacing_and_stops_alone_are_the_same_words() {
        let dir = tempfile::tempdir().unwrap();
        let (articles, quotes) = two_quoting(
            dir.path(),
            [
                "He said: \"We are optimistic about our long term relationship with China... and \
                 the macroeconomy is doing well, and we expect our work together to grow.\"",
                "He said: \"We are optimistic about our long-term relationship with China ... \
                 and the macro-economy is doing well, and we expect our work together to grow.\"",
            ],
        );
        assert!(compare_two(&articles, &quotes).is_none());
        // With one word changed besides, only that change is told.
        let (articles, quotes) = two_quoting(
            dir.path(),
            [
                "He said: \"We are optimistic about our long term relationship with China and \
                 the macroeconomy is doing well, and we expect our work together to grow.\"",
                "He said: \"We are optimistic about our long-term relationship with Japan and \
                 the macro-economy is doing well, and we expect our work together to grow.\"",
            ],
        );
        let found = compare_two(&articles, &quotes).unwrap();
        let told: Vec<&str> = found.notes.iter().map(|n| n.as_ref()).collect();
        assert_eq!(told.len(), 2, "{told:?}");
        assert!(
            told[0].contains("\"China\"") && told[0].contains("\"Japan\""),
            "{told:?}"
        );
        assert!(
            !told[1].contains("long-term") && !told[1].contains("macro-economy"),
            "{told:?}"
        );
    }

    #[test]
    fn a_quotation_in_another_house_spelling_is_the_same_words() {
        let dir = tempfile::tempdir().unwrap();
        let british = "He said: \"We realise our neighbours are sceptical, but we have always \
                       said that this agreement is good for the workers on both sides of the \
                       border, and the programme will cut tariffs by five pct, organised from \
                       the centre.\"";
        let american = "He said: \"We realize our neighbors are skeptical, but we have always \
                        said that this agreement is good for the workers on both sides of the \
                        border, and the program will cut tariffs by 5 percent, organized from \
                        the center.\"";
        let (articles, quotes) = two_quoting(dir.path(), [british, american]);
        assert!(compare_two(&articles, &quotes).is_none());
        // Nor is one such word alone.
        let one = british.replace("organised", "organized");
        let (articles, quotes) = two_quoting(dir.path(), [british, &one]);
        assert!(compare_two(&articles, &quotes).is_none());
        // A word changed besides is told, and only it (so the two are compared).
        let changed = american.replace("cut", "raise");
        let (articles, quotes) = two_quoting(dir.path(), [british, &changed]);
        let found = compare_two(&articles, &quotes).unwrap();
        let told: Vec<&str> = found.notes.iter().map(|n| n.as_ref()).collect();
        assert_eq!(told.len(), 2, "{told:?}");
        assert!(
            told[0].contains("\"cut\"") && told[0].contains("\"raise\""),
            "{told:?}"
        );
        // Another number, or another word that looks British, is another word.
        for (a, b) in [("five", "6"), ("four", "for"), ("filled", "filed")] {
            assert!(!same_words(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("organised.", "organized"),
            ("five pct", "5 per cent"),
            ("50 mln stg", "50 million pounds"),
            ("neighbourhoods,", "neighborhoods"),
        ] {
            assert!(same_words(a, b) && same_words(b, a), "{a} / {b}");
        }
    }

    #[test]
    fn the_writers_words_in_brackets_are_not_the_speakers() {
        let dir = tempfile::tempdir().unwrap();
        let plain = "He said: \"It provides us with an opening to the Asian market, and we will \
                     spend 250 million pounds on new plants there over the next five years.\"";
        let marked = "He said: \"It (the deal) provides us with an opening to the Asian market, \
                      and we will spend 250 million (stg) on new plants there over the next \
                      five years.\"";
        let (articles, quotes) = two_quoting(dir.path(), [plain, marked]);
        assert!(compare_two(&articles, &quotes).is_none());
        // Brackets standing for more than a few of the speaker's words hide a change.
        let cut = marked.replace("on new plants there", "[elsewhere]");
        let (articles, quotes) = two_quoting(dir.path(), [plain, &cut]);
        let found = compare_two(&articles, &quotes).unwrap();
        assert!(
            found.notes[0].contains("on new plants there"),
            "{:?}",
            found.notes
        );
        // A parenthesis left open is no insertion.
        let open = plain.replace("It provides", "It (the deal provides");
        let (articles, quotes) = two_quoting(dir.path(), [plain, &open]);
        let found = compare_two(&articles, &quotes).unwrap();
        assert!(found.notes[0].contains("the deal"), "{:?}", found.notes);
        assert_eq!(
            insertions("a (b) c [d e] (f", 0..16),
            vec![2..5, 8..13],
            "closed brackets only"
        );
    }

    #[test]
    fn a_word_written_short_is_the_same_word() {
        for (a, b) in [
            ("Dec.", "December"),
            ("December.", "Dec."),
            ("Sept.", "september"),
            ("Corp.", "Corporation"),
            ("long term", "long-term"),
            ("U.S.", "United States"),
            ("U.K.", "United Kingdom."),
        ] {
            assert!(same_words(a, b) && same_words(b, a), "{a} / {b}");
        }
        for (a, b) in [
            ("not.", "nothing"),
            ("Dec", "December"),
            ("Dec.", "Decision"),
            ("Mar.", "March"),
            ("Jan. 5", "January"),
            ("U.S.", "us said"),
            ("U.S.", "United Nations"),
            ("U.", "United"),
            ("U.S", "United States"),
        ] {
            assert!(!same_words(a, b) && !same_words(b, a), "{a} / {b}");
        }
    }

    #[test]
    fn a_dropped_sentence_is_one_edit() {
        let a = w("It's a detail. I'll speak to him again when it matters.");
        let b = w("It’s a detail. I spoke to him. I’ll speak to him again when it matters.");
        let edits = diff(&a, &b);
        assert_eq!(edits.len(), 1);
        assert!(edits[0].a.is_empty());
        assert_eq!(edits[0].b, 3..7);
    }

    #[test]
    fn typography_alone_is_no_edit() {
        let a = w("“We’re just doing our best and hoping for the best.”");
        let b = w("\"We're just doing our best and hoping for the best.\"");
        assert!(diff(&a, &b).is_empty());
    }

    #[test]
    fn a_shared_stock_phrase_is_not_one_quotation() {
        let a = w(
            "We are looking for a further, more gradual, fall, possibly to 1.60 marks by the end of the year",
        );
        let b = w("We expect by the end of the year");
        assert!(diff(&a, &b).is_empty());
    }

    #[test]
    fn a_stock_phrase_at_the_end_of_both_is_no_rendering_whichever_comes_first() {
        // "a" could be matched at either of its places in the longer one: matched with the
        // first, the second would read as four words dropped before the shared ending.
        let a = w("a major improvement and a step in the right direction");
        let b = w("it's a step in the right direction");
        assert!(diff(&a, &b).is_empty());
        assert!(diff(&b, &a).is_empty());
    }

    /// The edits of `diff(a, b)`, each as (words of `a`, words of `b`).
    fn edits(a: &[HashedWord], b: &[HashedWord]) -> Vec<(Range<usize>, Range<usize>)> {
        diff(a, b).into_iter().map(|e| (e.a, e.b)).collect()
    }

    proptest::proptest! {
        /// The diff of two renderings is the same whichever is given first: which one is
        /// reported, and whether they are one quotation at all, does not depend on the
        /// order of the files.
        #[test]
        fn the_diff_is_the_same_whichever_rendering_comes_first(
            a in proptest::collection::vec(0..6usize, 8..30),
            changes in proptest::collection::vec((0..3usize, 0..30usize, 0..6usize), 1..4),
        ) {
            // Few words, each often repeated: many ways to match them. The other rendering
            // is the first with a few words dropped, added or changed.
            const WORDS: [&str; 6] = ["a", "step", "in", "the", "right", "direction"];
            let mut b = a.clone();
            for (change, at, word) in changes {
                let at = at % (b.len() + 1);
                match change {
                    0 if at < b.len() => drop(b.remove(at)),
                    1 => b.insert(at, word),
                    _ if at < b.len() => b[at] = word,
                    _ => b.push(word),
                }
            }
            let text = |ws: &[usize]| ws.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let (a, b) = (w(&text(&a)), w(&text(&b)));
            let mirrored: Vec<_> = edits(&b, &a).into_iter().map(|(x, y)| (y, x)).collect();
            proptest::prop_assert_eq!(edits(&a, &b), mirrored);
        }
    }

    #[test]
    fn a_shorter_excerpt_is_not_an_edit() {
        let a = w("we shall see how the talks go in the spring");
        let b = w("I think we shall see how the talks go in the spring and after");
        assert!(diff(&a, &b).is_empty());
    }
}
