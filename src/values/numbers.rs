//! Reading numbers written in digits or words, qualifiers, ordinals and currencies.

use super::Qualifier;
use super::grammar::{CURRENCY_SIGNS, SOUTH_ASIAN_CODES};

/// The text after a minus sign that starts `text`: "-0.5%", "−3" (the minus sign of
/// Unicode), "minus 2.3 percent", "-$5 million". None when there is none.
pub fn strip_sign(text: &str) -> Option<&str> {
    if let Some(after) = text.strip_prefix(['-', '\u{2212}']) {
        return after
            .starts_with(|c: char| {
                c.is_ascii_digit() || c == '.' || c == '$' || CURRENCY_SIGNS.contains(c)
            })
            .then_some(after);
    }
    let word = text.get(..6)?;
    let after = text[6..].trim_start();
    (word.eq_ignore_ascii_case("minus ") && !after.is_empty()).then_some(after)
}

/// Splits a leading qualifier off `text` ("more than 2,000" → (Gt, "2,000")).
pub fn split_qualifier(text: &str) -> (Qualifier, &str) {
    const TABLE: &[(&str, Qualifier)] = &[
        ("more than", Qualifier::Gt),
        ("greater than", Qualifier::Gt),
        ("in excess of", Qualifier::Gt),
        ("just over", Qualifier::Gt),
        ("over", Qualifier::Gt),
        ("above", Qualifier::Gt),
        ("at least", Qualifier::Ge),
        ("no fewer than", Qualifier::Ge),
        ("no less than", Qualifier::Ge),
        ("a minimum of", Qualifier::Ge),
        ("fewer than", Qualifier::Lt),
        ("less than", Qualifier::Lt),
        ("just under", Qualifier::Lt),
        ("under", Qualifier::Lt),
        ("below", Qualifier::Lt),
        ("up to", Qualifier::Le),
        ("at most", Qualifier::Le),
        ("no more than", Qualifier::Le),
        ("a maximum of", Qualifier::Le),
        ("as many as", Qualifier::Le),
        ("as much as", Qualifier::Le),
        ("about", Qualifier::Approx),
        ("nearly", Qualifier::Approx),
        ("roughly", Qualifier::Approx),
        ("almost", Qualifier::Approx),
        ("around", Qualifier::Approx),
        ("approximately", Qualifier::Approx),
        ("some", Qualifier::Approx),
        ("close to", Qualifier::Approx),
        ("an estimated", Qualifier::Approx),
    ];
    let lower = text.to_ascii_lowercase();
    for (phrase, q) in TABLE {
        if let Some(rest) = lower.strip_prefix(phrase)
            && rest.starts_with(char::is_whitespace)
        {
            let cut = text.len() - rest.len();
            return (*q, text[cut..].trim_start());
        }
    }
    (Qualifier::Exact, text)
}

/// The value of a number word below a hundred written as one word ("seven", "forty").
pub fn unit_value(word: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|t| *t == word)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

pub fn ordinal_value(word: &str) -> Option<f64> {
    const ORD: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const ORD_TENS: [&str; 8] = [
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    let word = word.to_ascii_lowercase();
    if let Some(i) = ORD.iter().position(|u| *u == word) {
        return Some(i as f64);
    }
    if let Some(i) = ORD_TENS.iter().position(|u| *u == word) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    match word.as_str() {
        "hundredth" => return Some(100.0),
        "thousandth" => return Some(1000.0),
        _ => {}
    }
    // "twenty-first"
    if let Some((tens, unit)) = word.split_once('-') {
        let t = unit_value(tens)?;
        let u = ORD.iter().position(|o| *o == unit)?;
        if t >= 20.0 && (1..10).contains(&u) {
            return Some(t + u as f64);
        }
    }
    // "3rd", "11th", "1,500th" (and no other letters: "3m" is three million, not third)
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|end| word.strip_suffix(end))?;
    digits.replace(',', "").parse::<u32>().ok().map(f64::from)
}

/// The value of a scale word ("million", "bn", "k", "crore"), in lower case; of scale words
/// one after the other, their product ("lakh crore", a trillion).
pub fn scale_value(words: &str) -> Option<f64> {
    let mut words = words
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty());
    let first = one_scale(words.next()?)?;
    words.try_fold(first, |product, word| Some(product * one_scale(word)?))
}

fn one_scale(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" | "k" => Some(1e3),
        "lakh" | "lakhs" | "lac" | "lacs" => Some(1e5),
        "million" | "m" | "mn" | "mln" => Some(1e6),
        "crore" | "crores" | "cr" => Some(1e7),
        "billion" | "bn" | "b" | "bln" => Some(1e9),
        "trillion" | "tn" | "trn" | "trln" | "tln" => Some(1e12),
        _ => None,
    }
}

/// Reads a number in digits ("1,200", "12.5 million", "3m") or words ("thirty-five",
/// "one hundred and twenty", "a dozen", "half a million").
pub fn parse_amount(text: &str) -> Option<f64> {
    let lower = text.trim().to_ascii_lowercase();
    if lower.is_empty() {
        return None;
    }
    if lower.starts_with(|c: char| c.is_ascii_digit() || fraction_sign(c).is_some()) {
        let (number, rest) = digits_with_fraction(&lower)?;
        // "1.2-billion"
        let rest = rest.trim().strip_prefix('-').unwrap_or(rest).trim();
        if rest.is_empty() {
            return finite(number);
        }
        return finite(number * scale_value(rest)?);
    }
    match lower.as_str() {
        "a dozen" | "dozen" => return Some(12.0),
        "dozens" => return Some(24.0),
        "half a dozen" | "a half-dozen" | "a half dozen" => return Some(6.0),
        _ => {}
    }
    // "Half a million", "a quarter of a million", "three-quarters of a billion".
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let part = match words.as_slice() {
        ["half", "a", _] => Some(0.5),
        ["a" | "one", "quarter", "of", "a", _] => Some(0.25),
        ["three", "quarters", "of", "a", _] => Some(0.75),
        _ => None,
    };
    if let Some(part) = part {
        return scale_value(words[words.len() - 1]).map(|s| s * part);
    }
    words_to_number(&lower)
}

/// The value of a fraction sign.
fn fraction_sign(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// A number in digits at the start of `text` ("1,200", "3.5"), with the fraction written
/// after it or instead of it ("7-1/2", "7 1/2", "7½", "3/4", "½"), and the text after it.
fn digits_with_fraction(text: &str) -> Option<(f64, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    let whole = &text[..end];
    let rest = &text[end..];
    // "3/4": the number read so far is the numerator.
    if let Some(after) = rest.strip_prefix('/') {
        let (over, rest) = leading_digits(after);
        let (numerator, denominator) = (whole.parse::<f64>().ok()?, over.parse::<f64>().ok()?);
        return (denominator > 0.0).then(|| (numerator / denominator, rest));
    }
    let number: f64 = if whole.is_empty() {
        0.0
    } else {
        whole.replace(',', "").parse().ok()?
    };
    // "7½", "7 ½", "7-½", "½".
    let signed = rest.trim_start_matches([' ', '-']);
    if let Some(part) = signed.chars().next().and_then(fraction_sign) {
        return Some((number + part, &signed[signed.chars().next()?.len_utf8()..]));
    }
    if whole.is_empty() {
        return None;
    }
    // "7-1/2", "7 1/2".
    if let Some(after) = rest.strip_prefix(['-', ' ']) {
        let (top, tail) = leading_digits(after);
        if let Some(tail) = tail.strip_prefix('/') {
            let (bottom, tail) = leading_digits(tail);
            if let (Ok(top), Ok(bottom)) = (top.parse::<f64>(), bottom.parse::<f64>())
                && bottom > 0.0
            {
                return Some((number + top / bottom, tail));
            }
        }
    }
    Some((number, rest))
}

/// The ASCII digits at the start of `text`, and what follows them.
fn leading_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

fn words_to_number(text: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut current = 0.0;
    // The largest scale word so far: a larger one after it scales all before it ("two
    // thousand million", "three lakh crore"); a smaller one, only the words since.
    let mut largest = 0.0;
    // The last scale word, which "and a half" after it halves ("a million and a half").
    let mut last = 0.0;
    let mut any = false;
    let mut words = text
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && *w != "and")
        .peekable();
    while let Some(word) = words.next() {
        if let Some(v) = unit_value(word) {
            current += v;
        } else if word == "a" && current > 0.0 && words.next_if_eq(&"half").is_some() {
            // "One and a half million".
            current += 0.5;
        } else if word == "a" && current == 0.0 && words.next_if_eq(&"half").is_some() {
            // "A million and a half": half the scale before.
            if last == 0.0 {
                return None;
            }
            total += last / 2.0;
        } else if word == "a"
            && !any
            && words
                .peek()
                .is_some_and(|w| one_scale(w).is_some() || *w == "hundred")
        {
            // "A million", "a hundred thousand".
            current = 1.0;
        } else if word == "hundred" {
            current = if current == 0.0 {
                100.0
            } else {
                current * 100.0
            };
        } else if let Some(s) = one_scale(word) {
            if s > largest && total > 0.0 {
                total = (total + current) * s;
            } else {
                total += if current == 0.0 { 1.0 } else { current } * s;
            }
            largest = f64::max(largest, s);
            last = s;
            current = 0.0;
        } else {
            return None;
        }
        any = true;
    }
    any.then_some(total + current)
}

fn finite(v: f64) -> Option<f64> {
    (v.is_finite() && v.abs() < 1e18).then_some(v)
}

/// Prints a number without exponent or trailing zeros ("1200000000", "0.5").
pub fn format_number(v: f64) -> String {
    let v = significant(v);
    // Most values are whole numbers, printed exactly as integers. The general path prints
    // six decimals exactly, which takes the slow, arbitrary-precision algorithm every time.
    // (2^53: past it, not every integer is a float, but the ones that are print the same.)
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        return (v as i64).to_string();
    }
    six_decimals(v)
}

/// `v` to 15 significant digits, what a double holds of a number written with fewer. The
/// product of a written number and its scale misses the decimal by a little ("8.2bn" is
/// 8199999999.999999, "16.6bn" 16600000000.000002), which would show.
fn significant(v: f64) -> f64 {
    // Whole numbers are exact as they are; below a millionth, six decimals print nothing.
    if !v.is_finite() || v.fract() == 0.0 || v.abs() < 1e-6 {
        return v;
    }
    let digits = 15 - (v.abs().log10().floor() as i32 + 1);
    if digits >= 0 {
        let f = 10f64.powi(digits);
        (v * f).round() / f
    } else {
        let f = 10f64.powi(-digits);
        (v / f).round() * f
    }
}

/// `v` with six decimals, less the trailing zeros (and point).
fn six_decimals(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// Currency of a money expression, and the amount text without currency marks.
pub fn split_currency(text: &str, default: &str) -> (String, String) {
    // One space between words, as the marks below are written ("5 billion\ndollars" in
    // wrapped text), and wire copy's "dlrs" (or "dlr": "a 16 mln dlr deficit") for "dollars".
    let mut spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for short in [&b" dlrs"[..], b" dlr"] {
        if spaced.len() > short.len()
            && spaced.as_bytes()[spaced.len() - short.len()..].eq_ignore_ascii_case(short)
        {
            spaced.truncate(spaced.len() - short.len() + 1);
            spaced.push_str("dollars");
            break;
        }
    }
    let t = spaced.as_str();
    let prefixes: &[(&str, &str)] = &[
        ("us$", "USD"),
        ("u.s.$", "USD"),
        ("usd$", "USD"),
        ("cad$", "CAD"),
        ("cdn$", "CAD"),
        ("ca$", "CAD"),
        ("c$", "CAD"),
        ("au$", "AUD"),
        ("a$", "AUD"),
        ("nz$", "NZD"),
        ("hk$", "HKD"),
        ("nt$", "TWD"),
        ("s$", "SGD"),
        ("r$", "BRL"),
        ("eur$", "EUR"),
        ("gbp$", "GBP"),
        ("$", ""),
        ("€", "EUR"),
        ("£", "GBP"),
        ("¥", "JPY"),
        ("₹", "INR"),
        ("₩", "KRW"),
        ("₽", "RUB"),
        ("₺", "TRY"),
        ("₪", "ILS"),
        ("rs.", "RUPEES"),
        ("rs", "RUPEES"),
    ];
    let lower = t.to_ascii_lowercase();
    let compact: String = lower.replace(' ', "");
    for (p, code) in prefixes {
        if compact.starts_with(p) {
            // Find where the prefix ends in the original text (spaces may sit inside it).
            let mut seen = 0;
            let mut cut = 0;
            for (i, c) in t.char_indices() {
                if seen == p.chars().count() {
                    cut = i;
                    break;
                }
                if c != ' ' {
                    seen += 1;
                }
                cut = i + c.len_utf8();
            }
            let code = if code.is_empty() { default } else { code };
            return (code.to_string(), t[cut..].trim().to_string());
        }
    }
    let codes = ["USD", "CAD", "EUR", "GBP", "JPY", "CHF", "MXN"]
        .into_iter()
        .chain(SOUTH_ASIAN_CODES.split('|'));
    for code in codes {
        if lower.starts_with(&code.to_ascii_lowercase()) {
            return (code.to_string(), t[3..].trim().to_string());
        }
        let suffix = format!(" {}", code.to_ascii_lowercase());
        if lower.ends_with(&suffix) {
            return (
                code.to_string(),
                t[..t.len() - suffix.len()].trim().to_string(),
            );
        }
    }
    for (w, code) in CURRENCY_WORDS {
        if lower.ends_with(w) {
            let code = if code.is_empty() { default } else { code };
            return (code.to_string(), t[..t.len() - w.len()].trim().to_string());
        }
    }
    (default.to_string(), t.to_string())
}

/// Whether `code` (in capitals) names a currency as amounts carry it: three letters, or a
/// name kept as its code (`FRANCS`, see `CURRENCY_WORDS`).
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3
        || CURRENCY_WORDS
            .iter()
            .any(|(_, c)| c.len() > 3 && *c == code)
}

/// Currency words after an amount (lower case, one space between words), and their codes;
/// a word that names more than one currency is looked for after the ones that say which.
/// Where one currency is what news nearly always means, the word is its ("pounds", "marks",
/// "pesos"); where none is ("francs", "crowns", "rupees"), the word is kept as the code
/// (`FRANCS`), so that such amounts are compared only with each other, or through an `fx`
/// rate that names the word. `""` is the default currency.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    (" canadian dollars", "CAD"),
    (" american dollars", "USD"),
    (" us dollars", "USD"),
    (" u.s. dollars", "USD"),
    (" australian dollars", "AUD"),
    (" new zealand dollars", "NZD"),
    (" hong kong dollars", "HKD"),
    (" singapore dollars", "SGD"),
    (" taiwan dollars", "TWD"),
    (" dollars", ""),
    (" euros", "EUR"),
    (" egyptian pounds", "EGP"),
    (" lebanese pounds", "LBP"),
    (" syrian pounds", "SYP"),
    (" pounds", "GBP"),
    (" stg", "GBP"),
    (" argentine pesos", "ARS"),
    (" philippine pesos", "PHP"),
    (" chilean pesos", "CLP"),
    (" colombian pesos", "COP"),
    (" mexican pesos", "MXN"),
    (" pesos", "MXN"),
    (" japanese yen", "JPY"),
    (" yen", "JPY"),
    (" swiss francs", "CHF"),
    (" french francs", "FRF"),
    (" belgian francs", "BEF"),
    (" luxembourg francs", "LUF"),
    (" francs", "FRANCS"),
    (" finnish marks", "FIM"),
    (" west german marks", "DEM"),
    (" german marks", "DEM"),
    (" deutsche marks", "DEM"),
    (" d-marks", "DEM"),
    (" marks", "DEM"),
    (" czech crowns", "CZK"),
    (" slovak crowns", "SKK"),
    (" swedish crowns", "SEK"),
    (" danish crowns", "DKK"),
    (" norwegian crowns", "NOK"),
    (" crowns", "CROWNS"),
    (" kronor", "SEK"),
    (" kroner", "KRONER"),
    (" indian rupees", "INR"),
    (" pakistani rupees", "PKR"),
    (" sri lankan rupees", "LKR"),
    (" rupees", "RUPEES"),
    (" saudi riyals", "SAR"),
    (" qatari riyals", "QAR"),
    (" saudi riyal", "SAR"),
    (" qatari riyal", "QAR"),
    (" riyals", "RIYALS"),
    (" riyal", "RIYALS"),
    (" kuwaiti dinars", "KWD"),
    (" iraqi dinars", "IQD"),
    (" jordanian dinars", "JOD"),
    (" bahraini dinars", "BHD"),
    (" tunisian dinars", "TND"),
    (" algerian dinars", "DZD"),
    (" libyan dinars", "LYD"),
    (" kuwaiti dinar", "KWD"),
    (" iraqi dinar", "IQD"),
    (" jordanian dinar", "JOD"),
    (" bahraini dinar", "BHD"),
    (" tunisian dinar", "TND"),
    (" algerian dinar", "DZD"),
    (" libyan dinar", "LYD"),
    (" dinars", "DINARS"),
    (" dinar", "DINARS"),
    (" turkish lira", "TRY"),
    (" lira", "TRY"),
    (" italian lire", "ITL"),
    (" lire", "ITL"),
    (" chinese yuan", "CNY"),
    (" yuan", "CNY"),
    (" chinese renminbi", "CNY"),
    (" renminbi", "CNY"),
    (" south korean won", "KRW"),
    (" korean won", "KRW"),
    (" won", "KRW"),
    (" dutch guilders", "NLG"),
    (" guilders", "NLG"),
    (" south african rand", "ZAR"),
    (" rand", "ZAR"),
    (" ringgit", "MYR"),
    (" baht", "THB"),
    (" rupiah", "IDR"),
    (" roubles", "RUB"),
    (" rubles", "RUB"),
    (" naira", "NGN"),
    (" shekels", "ILS"),
    (" zlotys", "PLN"),
    (" zloty", "PLN"),
    (" forints", "HUF"),
    (" forint", "HUF"),
    (" pesetas", "ESP"),
    (" escudos", "PTE"),
    (" austrian schillings", "ATS"),
    (" schillings", "ATS"),
    (" drachmas", "GRD"),
    (" irish punts", "IEP"),
    (" punts", "IEP"),
    (" dirhams", "DIRHAMS"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_with_fractions_as_wire_copy_writes_them() {
        assert_eq!(parse_amount("7-1/2"), Some(7.5));
        assert_eq!(parse_amount("7 3/4"), Some(7.75));
        assert_eq!(parse_amount("10-7/8"), Some(10.875));
        assert_eq!(parse_amount("7½"), Some(7.5));
        assert_eq!(parse_amount("7 ¼"), Some(7.25));
        assert_eq!(parse_amount("3/4"), Some(0.75));
        assert_eq!(parse_amount("½"), Some(0.5));
        assert_eq!(parse_amount("15-3/4 mln"), Some(15_750_000.0));
        assert_eq!(parse_amount("2.5 bln"), Some(2_500_000_000.0));
        assert_eq!(parse_amount("3/0"), None);
        assert_eq!(parse_amount("7-x"), None);
        assert_eq!(parse_amount("1.2-billion"), Some(1_200_000_000.0));
    }

    #[test]
    fn each_currency_word_gives_its_code_and_the_money_grammar_reads_it() {
        let money = regex::Regex::new(&format!(
            "^(?:{})$",
            crate::values::ValueType::Money.grammar()
        ))
        .unwrap();
        for (word, code) in CURRENCY_WORDS {
            let text = format!("5{word}");
            let expected = if code.is_empty() { "XXX" } else { code };
            // No shorter word listed before it takes it ("pounds" of "Egyptian pounds").
            assert_eq!(
                split_currency(&text, "XXX"),
                (expected.to_string(), "5".to_string()),
                "{text}"
            );
            // Capitals as a headline writes them too.
            assert!(money.is_match(&text), "{text}");
            assert!(money.is_match(&text.to_uppercase()), "{text}");
        }
    }

    #[test]
    fn every_currency_form_the_grammar_reads_has_a_code() {
        // The other way round from the test above: nation words (up to two) before a
        // currency word, from the grammar's own list; each phrase the grammar reads whole
        // must give a code of its own and the amount alone. ("South Korean won" once gave
        // "50 billion South" to read as the amount.)
        let money = regex::Regex::new(&format!(
            "^(?:{})$",
            crate::values::ValueType::Money.grammar()
        ))
        .unwrap();
        let words: Vec<&str> = super::super::grammar::OTHER_CURRENCIES
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1)
            .collect();
        let nations: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
            .collect();
        let names: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && w.len() > 2)
            .collect();
        let mut read = 0;
        for name in &names {
            let mut before = vec![String::new()];
            before.extend(nations.iter().map(|n| format!("{n} ")));
            before.extend(
                nations
                    .iter()
                    .flat_map(|a| nations.iter().map(move |b| format!("{a} {b} "))),
            );
            for nation in before {
                let text = format!("5 {nation}{name}");
                if money.is_match(&text) {
                    read += 1;
                    let (code, amount) = split_currency(&text, "XXX");
                    assert_ne!(code, "XXX", "{text}");
                    assert_eq!(amount, "5", "{text}");
                }
            }
        }
        assert!(read > 80, "{read}");
    }

    #[test]
    fn south_asian_scales_and_rupee_marks() {
        assert_eq!(scale_value("lakh"), Some(1e5));
        assert_eq!(scale_value("crores"), Some(1e7));
        assert_eq!(scale_value("lakh crore"), Some(1e12));
        assert_eq!(scale_value("thousand crore"), Some(1e10));
        assert_eq!(scale_value("lakh-crore"), Some(1e12));
        assert_eq!(scale_value("tn"), Some(1e12));
        assert_eq!(scale_value("lakh pounds"), None);
        assert_eq!(parse_amount("1.5 lakh crore"), Some(1.5e12));
        assert_eq!(parse_amount("12,00,000"), Some(1.2e6));
        assert_eq!(parse_amount("ten thousand crore"), Some(1e11));
        // A smaller scale word after a larger one adds to it, as ever.
        assert_eq!(
            parse_amount("two million three hundred thousand"),
            Some(2.3e6)
        );
        assert_eq!(parse_amount("five hundred thousand"), Some(5e5));
        for (text, code, amount) in [
            ("Rs 500 crore", "RUPEES", "500 crore"),
            ("Rs. 1,50,000", "RUPEES", "1,50,000"),
            ("Rs25 lakh", "RUPEES", "25 lakh"),
            ("INR 300 crore", "INR", "300 crore"),
            ("5 million PKR", "PKR", "5 million"),
            ("₹40 crore", "INR", "40 crore"),
        ] {
            assert_eq!(
                split_currency(text, "USD"),
                (code.to_string(), amount.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn amounts_with_a_scale_print_as_written() {
        let scaled = |text: &str| format_number(parse_amount(text).unwrap());
        assert_eq!(scaled("8.2bn"), "8200000000");
        assert_eq!(scaled("16.6bn"), "16600000000");
        assert_eq!(scaled("4,214.9 billion"), "4214900000000");
        assert_eq!(scaled("16.4 billion"), "16400000000");
        assert_eq!(scaled("1.3 trillion"), "1300000000000");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(7.5), "7.5");
        assert_eq!(format_number(1.0 / 3.0), "0.333333");
        assert_eq!(format_number(-2.5e-7), "0");
        assert_eq!(format_number(1_234_567_890_123_456.0), "1234567890123456");
    }

    #[test]
    fn wire_copy_currency_words() {
        let split = |s| split_currency(s, "CAD");
        assert_eq!(split("300 mln dlrs"), ("CAD".into(), "300 mln".into()));
        assert_eq!(split("16 mln dlr"), ("CAD".into(), "16 mln".into()));
        assert_eq!(split("18 U.S. DLRS"), ("USD".into(), "18".into()));
        assert_eq!(split("50 mln stg"), ("GBP".into(), "50 mln".into()));
        // Wrapped text, and a no-break space.
        assert_eq!(
            split("5 billion\n  dollars"),
            ("CAD".into(), "5 billion".into())
        );
        assert_eq!(split("5\u{a0}euros"), ("EUR".into(), "5".into()));
        // Not a currency word: "dlrs" is a word of its own.
        assert_eq!(split("5 odlrs"), ("CAD".into(), "5 odlrs".into()));
    }

    #[test]
    fn amounts_in_digits_and_words() {
        assert_eq!(parse_amount("1,200"), Some(1200.0));
        assert_eq!(parse_amount("12.5 million"), Some(12_500_000.0));
        assert_eq!(parse_amount("thirty-five"), Some(35.0));
        assert_eq!(parse_amount("one hundred and twenty"), Some(120.0));
        assert_eq!(parse_amount("two thousand"), Some(2000.0));
        assert_eq!(parse_amount("half a million"), Some(500_000.0));
        assert_eq!(parse_amount("a million"), Some(1_000_000.0));
        assert_eq!(parse_amount("a billion and a half"), Some(1_500_000_000.0));
        assert_eq!(parse_amount("two million and a half"), Some(2_500_000.0));
        assert_eq!(parse_amount("a quarter of a million"), Some(250_000.0));
        assert_eq!(
            parse_amount("three-quarters of a billion"),
            Some(750_000_000.0)
        );
        assert_eq!(parse_amount("half a dozen"), Some(6.0));
        // "A" alone, or before no scale, is no number.
        assert_eq!(parse_amount("a"), None);
        assert_eq!(parse_amount("a half"), None);
        assert_eq!(parse_amount("A dozen"), Some(12.0));
        assert_eq!(parse_amount("3m"), Some(3e6));
        assert_eq!(parse_amount("banana"), None);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal_value("third"), Some(3.0));
        assert_eq!(ordinal_value("twenty-first"), Some(21.0));
        assert_eq!(ordinal_value("11th"), Some(11.0));
        assert_eq!(ordinal_value("3rd"), Some(3.0));
    }

    #[test]
    fn currencies() {
        assert_eq!(
            split_currency("C$500 million", "USD"),
            ("CAD".into(), "500 million".into())
        );
        assert_eq!(
            split_currency("US$300 million", "CAD"),
            ("USD".into(), "300 million".into())
        );
        assert_eq!(
            split_currency("$45,000", "CAD"),
            ("CAD".into(), "45,000".into())
        );
        assert_eq!(
            split_currency("2 billion dollars", "USD"),
            ("USD".into(), "2 billion".into())
        );
    }

    #[test]
    fn formatting() {
        assert_eq!(format_number(1.2 * 1e9), "1200000000");
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(format_number(35.0), "35");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(-12.0), "-12");
        assert_eq!(format_number(0.000_000_4), "0");
        assert_eq!(format_number(-0.000_000_4), "0");
        assert_eq!(format_number(2.000_000_6), "2.000001");
        assert_eq!(format_number(3.2e-307), "0");
        assert_eq!(format_number(1.5e17 + 0.5), "150000000000000000");
    }

    proptest::proptest! {
        #[test]
        fn whole_numbers_print_as_six_decimals_would(n in -(1i64 << 53)..(1i64 << 53), big in proptest::num::f64::NORMAL) {
            proptest::prop_assert_eq!(format_number(n as f64), six_decimals(n as f64));
            proptest::prop_assert_eq!(format_number(big.trunc()), six_decimals(big.trunc()));
            proptest::prop_assert_eq!(format_number(big), six_decimals(significant(big)));
        }
    }
}
