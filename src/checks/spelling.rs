//! One word spelled by two conventions: British and American ("organise" and "organize",
//! "neighbour" and "neighbor", "centre" and "center"), a number in figures or in words
//! ("5" and "five"), and the short forms of wire copy ("pct", "mln", "stg").
//!
//! Two desks transcribing the same speech write it in their own house style. A quotation
//! that differs from another only in such spellings holds the same words, as one that
//! differs only in its hyphens does (see `quotes`).
//!
//! The British forms are told by their regular endings, not by a list of every word: both
//! words are brought to one spelling, and compared. An ending is changed only after a stem
//! long enough that the words it would join are not two different words ("flour" becomes
//! "flor" and matches nothing, but "four" is left alone, or it would be "for").

use std::borrow::Cow;

/// `word` as it is said, in one spelling: lower case, a number in figures ("five" and
/// "fifth" are "5" and "5th"), a wire short form in full, and American endings. Two words
/// are one word spelled by different conventions when they have the same.
pub fn spoken(word: &str) -> String {
    let word = word.to_lowercase();
    if let Some(n) = number(&word) {
        return n;
    }
    if let Some((_, long)) = WIRE.iter().find(|(short, _)| *short == word) {
        return (*long).to_string();
    }
    american(&word).into_owned()
}

/// A number written in figures or as one word ("seven", "7", "seventh", "7th"), in figures
/// ("7", "7th").
fn number(word: &str) -> Option<String> {
    if !word.is_empty() && word.len() <= 9 && word.bytes().all(|b| b.is_ascii_digit()) {
        let n: u32 = word.trim_start_matches('0').parse().unwrap_or(0);
        return Some(n.to_string());
    }
    // An ordinal in words or with its ending ("3rd"; not "3m"). Values below a billion are
    // whole numbers of an f64.
    let ordinal_form = word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        || ["st", "nd", "rd", "th"]
            .iter()
            .any(|end| word.ends_with(end));
    if ordinal_form && let Some(n) = crate::values::ordinal_value(word) {
        return Some(format!("{}th", n as u64));
    }
    crate::values::unit_value(word).map(|n| (n as u64).to_string())
}

/// Short forms wire copy writes without a full stop, each with the word it stands for.
/// Sterling is said "pounds" as often as not ("50 mln stg" for "50 million pounds"): all
/// are read as one.
const WIRE: &[(&str, &str)] = &[
    ("pct", "percent"),
    ("mln", "million"),
    ("bln", "billion"),
    ("dlr", "dollar"),
    ("dlrs", "dollars"),
    ("stg", "sterling"),
    ("pounds", "sterling"),
    ("pound", "sterling"),
    ("yr", "year"),
    ("yrs", "years"),
    ("qtr", "quarter"),
    ("shr", "share"),
    ("shrs", "shares"),
    ("cts", "cents"),
];

/// Words whose British form is not a regular ending, by how they begin (so that "defences"
/// and "licensed" are covered with "defence" and "license").
const BEGINNINGS: &[(&str, &str)] = &[
    ("defenc", "defens"),
    ("offenc", "offens"),
    ("licenc", "licens"),
    ("pretenc", "pretens"),
    ("practis", "practic"),
    ("sceptic", "skeptic"),
    ("manoeuv", "maneuv"),
    ("cheque", "check"),
    ("grey", "gray"),
    ("tyre", "tire"),
    ("jewellery", "jewelry"),
    ("aluminium", "aluminum"),
    ("sulphur", "sulfur"),
    ("mould", "mold"),
    ("smould", "smold"),
    ("plough", "plow"),
    ("storey", "story"),
    ("kerb", "curb"),
    ("pyjama", "pajama"),
    ("moustache", "mustache"),
    ("ageing", "aging"),
    ("programme", "program"),
    ("co-operat", "cooperat"),
    // A final consonant doubled before an ending ("benefitting", "focussed").
    ("benefitt", "benefit"),
    ("focuss", "focus"),
    ("combatt", "combat"),
    ("co-ordinat", "coordinat"),
];

/// Words ending as a British form does that have an American twin of another meaning.
const NOT_BRITISH: &[&str] = &["timbre", "timbres"];

/// Endings that may follow a British "-our" ("honourable", "neighbourhood", "favourite").
const AFTER_OUR: &[&str] = &[
    "", "s", "ed", "ing", "able", "ably", "ite", "ites", "er", "ers", "ful", "fully", "less",
    "hood", "hoods", "al", "ally", "ist", "ists", "ism", "y",
];

/// Endings that may follow "-is" in "-ise" ("organised", "organisation").
const AFTER_IS: &[&str] = &[
    "e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational", "able",
];

/// Endings that may follow "-ys" in "-yse" ("analysed", "paralysing").
const AFTER_YS: &[&str] = &["e", "ed", "es", "ing", "er", "ers"];

/// Endings that may follow a doubled "l" ("travelled", "counsellor", "marvellous").
const AFTER_LL: &[&str] = &["ed", "ing", "er", "ers", "or", "ors", "ous"];

/// `word` (lower case) in American spelling, as far as its endings tell.
pub fn american(word: &str) -> Cow<'_, str> {
    // Most words hold none of the letters a British form is told by: they are left as they
    // are without a copy (the titles check reads every title and name of a run this way).
    let may_be_british = ["ou", "is", "ys", "re", "ring", "ll", "gue", "dgement"]
        .iter()
        .any(|part| word.contains(part))
        || BEGINNINGS.iter().any(|(from, _)| word.starts_with(from));
    if !may_be_british || NOT_BRITISH.contains(&word) {
        return Cow::Borrowed(word);
    }
    let mut w = word.to_string();
    if let Some((from, to)) = BEGINNINGS.iter().find(|(from, _)| w.starts_with(from)) {
        w.replace_range(..from.len(), to);
    }
    w = w.replace("dgement", "dgment");
    // "-our": after a stem of two letters or more ("four", "hour" and "your" stay).
    if let Some(at) = ending_after(&w, "our", AFTER_OUR, 2) {
        w.replace_range(at..at + 3, "or");
    }
    if let Some(at) = ending_after(&w, "is", AFTER_IS, 3) {
        w.replace_range(at..at + 2, "iz");
    } else if let Some(at) = ending_after(&w, "ys", AFTER_YS, 2) {
        w.replace_range(at..at + 2, "yz");
    }
    // "-re": "centre", "theatres", "fibre", "meagre", "centred", "manoeuvring" ("acre",
    // "genre" and "ogre" stay).
    'endings: for letter in ["t", "b", "g", "v"] {
        for (british, american) in [
            ("re", "er"),
            ("res", "ers"),
            ("red", "ered"),
            ("ring", "ering"),
        ] {
            if let Some(at) = ending_after(&w, &format!("{letter}{british}"), &[""], 2) {
                w.replace_range(at + 1.., american);
                break 'endings;
            }
        }
    }
    // A doubled "l" after "e" ("travelled") or, after a longer stem, "a" ("signalled").
    if let Some(at) =
        ending_after(&w, "ell", AFTER_LL, 1).or_else(|| ending_after(&w, "all", AFTER_LL, 3))
    {
        w.remove(at + 2);
    }
    // "catalogue", "dialogue" ("rogue", "vogue" stay).
    if let Some(at) = ending_after(&w, "ogue", &["", "s"], 3) {
        w.replace_range(at..at + 4, "og");
    }
    if w == word {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(w)
    }
}

/// Where `middle` starts in `word` when it comes after a stem of at least `stem` letters
/// and is followed by one of `endings` (the first of them that fits).
fn ending_after(word: &str, middle: &str, endings: &[&str], stem: usize) -> Option<usize> {
    endings.iter().find_map(|end| {
        let before = word.strip_suffix(end)?.strip_suffix(middle)?;
        (before.len() >= stem && before.bytes().all(|b| b.is_ascii_alphabetic()))
            .then_some(before.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_word(a: &str, b: &str) -> bool {
        spoken(a) == spoken(b)
    }

    #[test]
    fn british_and_american_spellings_are_one_word() {
        for (a, b) in [
            ("neighbourhoods", "neighborhoods"),
            ("saviour", "savior"),
            ("clamouring", "clamoring"),
            ("enamoured", "enamored"),
            ("honourable", "honorable"),
            ("favourite", "favorite"),
            ("behavioural", "behavioral"),
            ("utilise", "utilize"),
            ("organised", "organized"),
            ("Organisation", "organization"),
            ("authorisation", "authorization"),
            ("ecologisation", "ecologization"),
            ("analyse", "analyze"),
            ("paralysed", "paralyzed"),
            ("centre", "center"),
            ("Theatres", "theaters"),
            ("fibre", "fiber"),
            ("travelled", "traveled"),
            ("cancelling", "canceling"),
            ("counsellor", "counselor"),
            ("marvellous", "marvelous"),
            ("signalled", "signaled"),
            ("catalogue", "catalog"),
            ("dialogues", "dialogs"),
            ("judgement", "judgment"),
            ("acknowledgements", "acknowledgments"),
            ("defence", "defense"),
            ("licences", "licenses"),
            ("sceptical", "skeptical"),
            ("scepticism", "skepticism"),
            ("manoeuvres", "maneuvers"),
            ("manoeuvring", "maneuvering"),
            ("centred", "centered"),
            ("practised", "practiced"),
            ("programme", "program"),
            ("grey", "gray"),
            ("tyres", "tires"),
            ("jewellery", "jewelry"),
            ("aluminium", "aluminum"),
            ("co-operation", "cooperation"),
            ("benefitting", "benefiting"),
            ("focussed", "focused"),
        ] {
            assert!(same_word(a, b) && same_word(b, a), "{a} / {b}");
        }
    }

    #[test]
    fn different_words_stay_different() {
        for (a, b) in [
            ("four", "for"),
            ("hour", "hor"),
            ("our", "or"),
            ("your", "yor"),
            ("tour", "tor"),
            ("prise", "prize"),
            ("rise", "rize"),
            ("filled", "filed"),
            ("tilled", "tiled"),
            ("palled", "paled"),
            ("timbre", "timber"),
            ("acre", "acer"),
            ("rogue", "rog"),
            ("resources", "resorces"),
            ("organised", "organic"),
            ("centre", "centra"),
            ("settled", "setled"),
            ("may", "will"),
            ("analysis", "analyzis"),
        ] {
            assert!(!same_word(a, b) && !same_word(b, a), "{a} / {b}");
        }
    }

    #[test]
    fn a_number_in_figures_or_in_words_is_one_word() {
        for (a, b) in [
            ("1", "one"),
            ("five", "5"),
            ("Twelve", "12"),
            ("20", "twenty"),
            ("forty", "40"),
            ("first", "1st"),
            ("3rd", "third"),
            ("10th", "tenth"),
            ("twenty-first", "21st"),
        ] {
            assert!(same_word(a, b) && same_word(b, a), "{a} / {b}");
        }
        for (a, b) in [
            ("1", "first"),
            ("one", "two"),
            ("5", "50"),
            ("fifteen", "50"),
            ("second", "2"),
            ("21", "twenty"),
            ("1st", "one"),
            ("3m", "3rd"),
            ("twenty-first", "20th"),
        ] {
            assert!(!same_word(a, b) && !same_word(b, a), "{a} / {b}");
        }
    }

    #[test]
    fn wire_short_forms_are_the_words_they_stand_for() {
        for (a, b) in [
            ("pct", "percent"),
            ("mln", "million"),
            ("stg", "pounds"),
            ("stg", "sterling"),
            ("pounds", "sterling"),
            ("dlrs", "dollars"),
        ] {
            assert!(same_word(a, b) && same_word(b, a), "{a} / {b}");
        }
        for (a, b) in [("mln", "billion"), ("pct", "points"), ("dlrs", "pounds")] {
            assert!(!same_word(a, b) && !same_word(b, a), "{a} / {b}");
        }
    }

    proptest::proptest! {
        /// Any word is read without a panic, case makes no difference, and a word's spelling
        /// read again is itself (the endings changed make no ending changed again).
        #[test]
        fn any_word_is_read_and_its_reading_is_settled(
            word in "[a-zA-Z0-9'’.:ſ-]{0,16}|[a-zé]{0,12}(our|ise|ised|yse|tre|tring|elled|allers|ogue|dgement)s?",
        ) {
            let once = spoken(&word);
            proptest::prop_assert_eq!(&once, &spoken(&word.to_ascii_uppercase()));
            proptest::prop_assert_eq!(&spoken(&once), &once);
        }
    }
}
