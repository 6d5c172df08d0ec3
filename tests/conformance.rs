//! The value conformance cases, run through the same path as a real check: a fact rule whose
//! only pattern is `{value}`, an article holding the sentence (dated by front matter), claim
//! extraction, normalization.

use std::path::Path;

use newslint::article::Article;
use newslint::extract;
use newslint::rules;

struct Case {
    line: usize,
    ty: String,
    date: Option<String>,
    sentence: String,
    expected: String,
}

fn read_cases(name: &str) -> (Vec<Case>, usize) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut cases = Vec::new();
    let mut data_lines = 0;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        data_lines += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            4,
            "{name}:{}: expected 4 tab-separated columns",
            i + 1
        );
        cases.push(Case {
            line: i + 1,
            ty: cols[0].to_string(),
            date: (cols[1] != "-").then(|| cols[1].to_string()),
            sentence: cols[2].to_string(),
            expected: cols[3].to_string(),
        });
    }
    (cases, data_lines)
}

/// Runs one case; Err explains the failure.
fn run_case(case: &Case) -> Result<(), String> {
    let open = case.sentence.find("[[").ok_or("no [[")?;
    let close = case.sentence.find("]]").ok_or("no ]]")?;
    let raw = &case.sentence[open + 2..close];
    let sentence = format!(
        "{}{}{}",
        &case.sentence[..open],
        raw,
        &case.sentence[close + 2..]
    );
    let header = match &case.date {
        Some(d) => format!("---\ndate: {d}\n---\n"),
        None => String::new(),
    };
    let text = format!("{header}{sentence}\n");
    let start = header.len() + open;
    let end = start + raw.len();
    let article = Article::from_bytes(0, Path::new("case.txt"), "case.txt".into(), text.as_bytes())
        .map_err(|e| e.message)?;
    let yaml = format!(
        "facts:\n  - id: case\n    type: {}\n    patterns: ['{{value}}']\n",
        case.ty
    );
    let loaded = rules::load_str("case.yaml", &yaml);
    if !loaded.errors.is_empty() {
        return Err(format!("rule error: {}", loaded.errors[0].message));
    }
    let claims = extract::extract_article(&article, &loaded.rules);
    let claim = claims
        .iter()
        .find(|c| c.span == (start..end))
        .ok_or_else(|| {
            let found: Vec<&str> = claims.iter().map(|c| &*c.raw).collect();
            format!("no claim spans {raw:?}; claims found: {found:?}")
        })?;
    let got = match &claim.value {
        Ok(v) => v.to_string(),
        Err(newslint::values::ValueError::Unresolved(_)) => "?".to_string(),
        Err(e) => format!("error: {e}"),
    };
    if got == case.expected {
        Ok(())
    } else {
        Err(format!("{raw:?} gave {got}, expected {}", case.expected))
    }
}

#[test]
fn every_normalize_case_passes_through_extraction() {
    let (cases, data_lines) = read_cases("normalize.tsv");
    // Guard against cases silently dropping out of the file or the parser.
    assert_eq!(data_lines, 81);
    assert_eq!(cases.len(), 81);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            run_case(c)
                .err()
                .map(|e| format!("normalize.tsv:{} [{}] {}: {e}", c.line, c.ty, c.sentence))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn a_time_of_day_before_a_weekday_is_part_of_the_date() {
    // 2025-10-03 is a Friday.
    let cases = [
        "The vote will be held at [[10 a.m. Tuesday]] in Ottawa.\t2025-10-07",
        "Talks will resume at [[15:00 GMT Saturday]], officials said.\t2025-10-04",
        "The deadline will fall at [[3:30 p.m. EDT Monday]].\t2025-10-06",
        "The market will open at [[9pm Sunday]] in Asia.\t2025-10-05",
        // Not a time: a price, or a number with a stop and no "a.m."/"p.m.".
        "The dollar rose 2.50 [[Monday]] on the news.\t2025-09-29",
        "The index closed 12.30 points higher [[Thursday]].\t2025-10-02",
    ];
    run_inline("date", "2025-10-03", &cases);
}

/// TempEval-3 platinum dates (real news): a measure to keep rising, not a must. The floor
/// below is the share reached so far; raise it when the normalizer improves.
#[test]
fn te3_platinum_share_does_not_drop() {
    let (cases, data_lines) = read_cases("te3-platinum.tsv");
    assert_eq!(cases.len(), data_lines);
    let mut failures = Vec::new();
    for c in &cases {
        if let Err(e) = run_case(c) {
            failures.push(format!("te3-platinum.tsv:{}: {e}", c.line));
        }
    }
    let passed = cases.len() - failures.len();
    println!("te3-platinum: {passed}/{} passed", cases.len());
    for f in &failures {
        println!("  {f}");
    }
    assert!(
        passed >= TE3_FLOOR,
        "te3-platinum: {passed}/{} passed, floor is {TE3_FLOOR}",
        cases.len()
    );
}

const TE3_FLOOR: usize = 70;

/// Runs each case of `cases` (sentence with the value in [[ ]], a tab, the value expected)
/// as a claim of type `ty` in an article of `date`.
fn run_inline(ty: &str, date: &str, cases: &[&str]) {
    for (i, case) in cases.iter().enumerate() {
        let (sentence, expected) = case.split_once('\t').unwrap();
        let case = Case {
            line: i + 1,
            ty: ty.into(),
            date: Some(date.into()),
            sentence: sentence.into(),
            expected: expected.into(),
        };
        if let Err(e) = run_case(&case) {
            panic!("{sentence}: {e}");
        }
    }
}

#[test]
fn counts_in_digits_are_read_whole() {
    run_inline(
        "count",
        "2025-10-03",
        &[
            "Officials said [[1,500]] people were killed.\t1500",
            "[[Some 12,000]] people fled the city.\t~12000",
            "The plan will create [[3 million]] jobs.\t3000000",
            "Visits rose [[2.5 times]] in a year.\t2.5",
            "She was the [[1,500th]] visitor.\t1500",
            "The service has [[3m]] users.\t3000000",
            "It has [[2bn]] viewers and 10k staff.\t2000000000",
            "The club has [[one hundred and twenty]] members.\t120",
            "The club has [[fourteen]] members.\t14",
            "It will be his [[third]] visit.\t3",
        ],
    );
}

#[test]
fn wire_copy_fractions_and_abbreviations_are_read_whole() {
    run_inline(
        "percent",
        "1987-04-02",
        &[
            "The bank raised its prime rate to [[7-3/4 pct]] from 7-1/2 pct.\t7.75%",
            "Washington imposed a [[7-1/2 pct]] tariff on the goods.\t7.5%",
            "The bond yields [[10 7/8 percent]] this week.\t10.875%",
            "The rate is [[5½%]] now.\t5.5%",
            "Rates eased to [[3/4 pct]] overnight.\t0.75%",
            // Wrapped over two lines, as wire copy is.
            "Prices rose [[20 per\ncent]] last year.\t20%",
            "The yield is [[11\n3/4 pct]] now.\t11.75%",
        ],
    );
    run_inline(
        "money",
        "1987-04-02",
        &[
            "Tariffs on [[300 mln dlrs]] worth of goods.\tUSD 300000000",
            "A [[16 mln dlr]] trade deficit.\tUSD 16000000",
            "The deal is worth [[2.5 bln Canadian dlrs]].\tCAD 2500000000",
            "The bank lent [[50 mln stg]] to the firm.\tGBP 50000000",
            "Crude sold at [[18-1/2 dlrs]] a barrel.\tUSD 18.5",
            // Canadian papers hyphenate the scale.
            "Ottawa unveiled a [[$1.2-billion]] aid package.\tUSD 1200000000",
            // "a" before "$" is no Australian dollar; "A$" is.
            "It is a [[$300 million]] deal.\tUSD 300000000",
            "A [[$5]] fee applies.\tUSD 5",
            "Canberra paid [[A$30 million]].\tAUD 30000000",
            "The firm raised [[US $5 million]].\tUSD 5000000",
        ],
    );
    run_inline(
        "number",
        "1987-04-02",
        &["Output rose to [[15-3/4 mln]] barrels a day.\t15750000"],
    );
}

/// The claims a `{value}` pattern of type `ty` finds in `sentence`, as (raw, value).
fn claims_of(ty: &str, sentence: &str) -> Vec<(String, String)> {
    claims_with(ty, "{value}", sentence)
}

/// The claims `pattern` (of type `ty`) finds in `sentence`, as (raw, value), in an article
/// of 2025-10-03.
fn claims_with(ty: &str, pattern: &str, sentence: &str) -> Vec<(String, String)> {
    let text = format!("---\ndate: 2025-10-03\n---\n{sentence}\n");
    let article =
        Article::from_bytes(0, Path::new("case.txt"), "case.txt".into(), text.as_bytes()).unwrap();
    let yaml = format!("facts:\n  - id: case\n    type: {ty}\n    patterns: ['{pattern}']\n");
    let loaded = rules::load_str("case.yaml", &yaml);
    assert!(loaded.errors.is_empty());
    extract::extract_article(&article, &loaded.rules)
        .iter()
        .map(|c| (c.raw.to_string(), c.value_text().unwrap_or_default()))
        .collect()
}

/// Asserts that each `(type, sentence, raw, value)` finds one claim, `raw` read as `value`.
fn each_reads_one(cases: &[(&str, &str, &str, &str)]) {
    for &(ty, sentence, raw, value) in cases {
        assert_eq!(
            claims_of(ty, sentence),
            vec![(raw.to_string(), value.to_string())],
            "{ty}: {sentence}"
        );
    }
}

/// The values `pattern` (of type `ty`) finds in `sentence`.
fn values_with(ty: &str, pattern: &str, sentence: &str) -> Vec<String> {
    claims_with(ty, pattern, sentence)
        .into_iter()
        .map(|(_, value)| value)
        .collect()
}

#[test]
fn a_piece_of_a_range_or_of_a_larger_number_is_no_claim() {
    let none: &[(&str, &str)] = &[
        ("percent", "Unemployment is seen at 2-3% this year."),
        ("percent", "Growth of 8%-10% is forecast."),
        ("percent", "Rates of 85/95 pct were quoted."),
        ("percent", "The charge was raised to .06 pct."),
        ("money", "Shares traded at 24-$26 all day."),
        ("money", "Tickets cost $30-$35 at the door."),
        ("money", "The plant will cost $3-3.5 billion."),
        ("money", "Prices of $1,137/39 a tonne were quoted."),
        ("number", "Talks on 24/7 cover."),
        // Ranges in words.
        ("percent", "Discounts of 10 to 15 percent apply."),
        ("percent", "Growth of 2.5 percent to 3 percent is seen."),
        ("percent", "Growth at between 3% and 3.5% next year."),
        ("money", "The deal is worth $10 to $15 million."),
        ("money", "It costs between $1 billion and $2 billion."),
        ("money", "It is worth between three and four billion dlrs."),
        ("money", "Shares were priced at $17 to $19 each."),
        (
            "money",
            "Earnings of between $1.30 and $1.40 a share are seen.",
        ),
        (
            "percent",
            "Inflation of between three and four percent is seen.",
        ),
        ("percent", "About 10 to 15 percent of them left."),
        ("count", "Between 20 and 30 people were killed."),
        ("count", "Some 10 to 15 people died."),
        ("count", "It happened two or three times."),
        ("count", "It was his third or fourth visit."),
        ("count", "It has 15,000 to 20,000 cars."),
        ("number", "It will take 12 to 18 months."),
        ("number", "Profits will fall by 30 to 40."),
        // Plain numbers read out of a range of amounts.
        ("number", "Copiers cost between $13,000 and $20,000."),
        ("number", "Earnings of $1.06 to $1.07 a share are seen."),
        // A "from" of the sentence before makes no change of a range.
        (
            "percent",
            "Fines run from $50 to $90. Rates of 5% to 7% apply.",
        ),
        (
            "count",
            "It paid off in three to five years. \"Three to five years is the frame,\" he said.",
        ),
        // Number words inside other words.
        ("number", "The tender offer ends in the fourth quarter."),
        ("count", "Oneok and Tenneco agreed on tentative terms."),
        // Digits inside names and words.
        (
            "number",
            "The G7 chose the A340 and MP3 players in the 1990s.",
        ),
        ("number", "ACME CORP 4TH QTR NET"),
        (
            "number",
            "3Com and 7Up fans use 3G phones, 3D games and 4WD cars, and see 12A films.",
        ),
        ("count", "Boeing's 7E7 and the A-3XX met at 3GSM."),
        // Capitals and a hyphen before the digits make a name, as "G7" is.
        (
            "number",
            "The G-7 met as M-1 grew; the F-16 and DC-10 are rated A-1-plus.",
        ),
        ("number", "About two-thirds of a five-year plan was spent."),
        // So is an ordinal: a compound word holds no count.
        (
            "count",
            "Fourth-quarter profit rose at the second-largest bank and a 10th-century church.",
        ),
    ];
    for (ty, sentence) in none {
        assert_eq!(claims_of(ty, sentence), vec![], "{sentence}");
    }
    // Units written against the digits leave them a number, in capitals or not.
    assert_eq!(
        claims_of(
            "number",
            "It holds 6GB at 14Mbps, runs at 37C, costs 207p and ran 912km by 2100GMT."
        )
        .into_iter()
        .map(|(raw, _)| raw)
        .collect::<Vec<_>>(),
        ["6", "14", "37", "207", "912", "2100"]
    );
    // Before a hyphen, lower case is a word of the sentence, and a figure with decimals or
    // grouped digits is no name: "a price cap of RPI-7.5".
    assert_eq!(
        claims_of(
            "number",
            "By mid-2020 the under-21 side had a cap of RPI-7.5 and X-2,059,300 tonnes."
        )
        .into_iter()
        .map(|(raw, _)| raw)
        .collect::<Vec<_>>(),
        ["2020", "21", "7.5", "2,059,300"]
    );
    // Numbers next to such pieces, but apart from them, are still claims.
    assert_eq!(
        claims_of("percent", "Growth was 3% in 2024-25, and 2% before."),
        vec![("3%".into(), "3%".into()), ("2%".into(), "2%".into())]
    );
    assert_eq!(
        claims_of("money", "It cost $26 in 2024, up from 20."),
        vec![("$26".into(), "USD 26".into())]
    );
    // A change from one to another is two values, each a claim.
    assert_eq!(
        claims_of("number", "The fare rose from $4 to $5."),
        vec![("4".into(), "4".into()), ("5".into(), "5".into())]
    );
    assert_eq!(
        claims_of("percent", "The stake fell from 45 percent to 15 percent."),
        vec![
            ("45 percent".into(), "45%".into()),
            ("15 percent".into(), "15%".into())
        ]
    );
    assert_eq!(
        claims_of("percent", "Turnout rose 0.6 pct to 53.6 pct."),
        vec![
            ("0.6 pct".into(), "0.6%".into()),
            ("53.6 pct".into(), "53.6%".into())
        ]
    );
    assert_eq!(
        claims_of("money", "Reserves rose 83 mln dlrs to 502 mln dlrs."),
        vec![
            ("83 mln dlrs".into(), "USD 83000000".into()),
            ("502 mln dlrs".into(), "USD 502000000".into())
        ]
    );
    assert_eq!(
        claims_of("money", "Tyco jumped $4.50 to $11.50."),
        vec![
            ("$4.50".into(), "USD 4.5".into()),
            ("$11.50".into(), "USD 11.5".into())
        ]
    );
    assert_eq!(
        claims_of("count", "The toll rose from 10 to 15."),
        vec![("10".into(), "10".into()), ("15".into(), "15".into())]
    );
    assert_eq!(
        claims_of(
            "money",
            "It raised its reserve by 110 mln dlrs to 386 mln dlrs."
        ),
        vec![
            ("110 mln dlrs".into(), "USD 110000000".into()),
            ("386 mln dlrs".into(), "USD 386000000".into())
        ]
    );
    // Two numbers in words joined by "and" are two values, not their sum.
    assert_eq!(
        claims_of("count", "They won three and four seats in all."),
        vec![("three".into(), "3".into()), ("four".into(), "4".into())]
    );
    // A unit joined to a number by a hyphen leaves it whole.
    assert_eq!(
        claims_of("percent", "Its 100 pct-owned unit grew."),
        vec![("100 pct".into(), "100%".into())]
    );
    // A rank written as a compound is found by a pattern that holds the word after it.
    assert_eq!(
        values_with(
            "count",
            "{value}-largest bank",
            "It is the second-largest bank."
        ),
        ["2"]
    );
    // Letters a pattern puts beside the value are the pattern's.
    for (pattern, sentence, value) in [
        ("Q{value} results", "Its Q4 results were weak.", "4"),
        ("G{value} summit", "The G7 summit opened.", "7"),
        ("{value}G networks", "Its 5G networks grew.", "5"),
        ("{value}s boom", "The 1980s boom ended.", "1980"),
    ] {
        assert_eq!(
            values_with("number", pattern, sentence),
            [value],
            "{pattern}"
        );
    }
}

#[test]
fn amounts_in_other_currencies_are_money() {
    for (sentence, raw, value) in [
        (
            "Net profit fell to 14.1 mln marks.",
            "14.1 mln marks",
            "DEM 14100000",
        ),
        (
            "The dollar was at 1.684 German Marks.",
            "1.684 German Marks",
            "DEM 1.684",
        ),
        (
            "It paid 812 million francs.",
            "812 million francs",
            "FRANCS 812000000",
        ),
        ("It paid 100 Swiss francs.", "100 Swiss francs", "CHF 100"),
        (
            "A deficit of 12.5 billion Czech crowns.",
            "12.5 billion Czech crowns",
            "CZK 12500000000",
        ),
        (
            "Some 700 mln crowns.",
            "Some 700 mln crowns",
            "~CROWNS 700000000",
        ),
        (
            "A quota of 10 billion yuan was set.",
            "10 billion yuan",
            "CNY 10000000000",
        ),
        (
            "Spending rose to 102.8bn rupees.",
            "102.8bn rupees",
            "RUPEES 102800000000",
        ),
        ("It cost 30 Indian rupees.", "30 Indian rupees", "INR 30"),
        (
            "It was 610,000 Japanese yen.",
            "610,000 Japanese yen",
            "JPY 610000",
        ),
        (
            "A 50 billion South Korean won loan.",
            "50 billion South Korean won",
            "KRW 50000000000",
        ),
        ("PRICE SET AT 7 SAUDI RIYAL", "7 SAUDI RIYAL", "SAR 7"),
        (
            "It paid 94.2 billion roubles.",
            "94.2 billion roubles",
            "RUB 94200000000",
        ),
        (
            "It raised 5 million Hong Kong dollars.",
            "5 million Hong Kong dollars",
            "HKD 5000000",
        ),
        (
            "The rate was 1.7720 marks the day before.",
            "1.7720 marks",
            "DEM 1.772",
        ),
        ("It paid S$500 million.", "S$500 million", "SGD 500000000"),
        ("It paid NT$3 billion.", "NT$3 billion", "TWD 3000000000"),
        ("It paid R$20 million.", "R$20 million", "BRL 20000000"),
        ("It paid ₹500 for it.", "₹500", "INR 500"),
        (
            "It traded at about 27,000 won.",
            "about 27,000 won",
            "~KRW 27000",
        ),
        ("The won rose by 6.60 won.", "6.60 won", "KRW 6.6"),
    ] {
        assert_eq!(
            claims_of("money", sentence),
            vec![(raw.to_string(), value.to_string())],
            "{sentence}"
        );
    }
    // A year before a verb that is also a currency, "won" that is no currency, a dollar of
    // a country not known (no bare `$` of the default currency), and the ends of ranges.
    for sentence in [
        "Our performance in 1986 marks a major turning point.",
        "Halo 2 won the best game award.",
        "2004 won't be remembered as a good year.",
        "Where no one won more than half the vote, a second round is held.",
        "Tickets cost J$500 in Kingston.",
        "The price is between 680 yuan and 720 yuan a kg.",
        "It costs 10 Swiss francs to 15 Swiss francs.",
    ] {
        assert_eq!(claims_of("money", sentence), vec![], "{sentence}");
    }
}

/// Amounts and counts as South Asian copy writes them: lakh (100,000) and crore (ten
/// million), "Rs" for the rupee, digits grouped in hundreds above the first thousand.
#[test]
fn lakh_crore_and_rupees_are_read_at_their_scale() {
    each_reads_one(&[
        (
            "money",
            "The state approved Rs 500 crore for roads.",
            "Rs 500 crore",
            "RUPEES 5000000000",
        ),
        (
            "money",
            "The city set aside ₹2,000 crore.",
            "₹2,000 crore",
            "INR 20000000000",
        ),
        (
            "money",
            "The fair cost Rs. 1,50,000 in all.",
            "Rs. 1,50,000",
            "RUPEES 150000",
        ),
        (
            "money",
            "The village got Rs25 lakh.",
            "Rs25 lakh",
            "RUPEES 2500000",
        ),
        (
            "money",
            "The plan costs Rs 1.5 lakh crore.",
            "Rs 1.5 lakh crore",
            "RUPEES 1500000000000",
        ),
        (
            "money",
            "It is a Rs 2.5 lakh-crore plan.",
            "Rs 2.5 lakh-crore",
            "RUPEES 2500000000000",
        ),
        (
            "money",
            "It is a Rs 50,000-crore package.",
            "Rs 50,000-crore",
            "RUPEES 500000000000",
        ),
        (
            "money",
            "Sales hit Rs 10,000 crores.",
            "Rs 10,000 crores",
            "RUPEES 100000000000",
        ),
        (
            "money",
            "Ads cost Rs 500 cr this year.",
            "Rs 500 cr",
            "RUPEES 5000000000",
        ),
        (
            "money",
            "The board approved INR 300 crore.",
            "INR 300 crore",
            "INR 3000000000",
        ),
        (
            "money",
            "The deal was worth PKR 5 million.",
            "PKR 5 million",
            "PKR 5000000",
        ),
        (
            "money",
            "It paid 40 crore rupees.",
            "40 crore rupees",
            "RUPEES 400000000",
        ),
        (
            "count",
            "About 2 lakh people came.",
            "About 2 lakh",
            "~200000",
        ),
        ("count", "Some 1.5 lakh voted.", "Some 1.5 lakh", "~150000"),
        ("count", "It has ten crore users.", "ten crore", "100000000"),
        ("count", "It has 12,34,567 users.", "12,34,567", "1234567"),
        ("number", "The index stood at 2 lacs.", "2 lacs", "200000"),
        (
            "count",
            "It reached three lakh crore people.",
            "three lakh crore",
            "3000000000000",
        ),
        // A larger scale word after a smaller one scales all before it.
        (
            "count",
            "It had two thousand million viewers.",
            "two thousand million",
            "2000000000",
        ),
        (
            "count",
            "It had one million two hundred thousand viewers.",
            "one million two hundred thousand",
            "1200000",
        ),
    ]);
    // The ends of a range: no amount.
    for sentence in [
        "It will cost Rs 10 to Rs 15 crore.",
        "It will cost between Rs 2 lakh and Rs 3 lakh.",
    ] {
        assert_eq!(claims_of("money", sentence), vec![], "{sentence}");
    }
    // "Cr" is crore in an amount of money only; "Lac" with a capital is a place.
    each_reads_one(&[
        (
            "money",
            "Ads cost Rs 500 Cr in all.",
            "Rs 500 Cr",
            "RUPEES 5000000000",
        ),
        (
            "number",
            "He was held under Section 144 Cr.P.C.",
            "144",
            "144",
        ),
        ("count", "Ward 3 Cr Smith voted no.", "3", "3"),
        (
            "count",
            "The 47 Lac-Mégantic victims were named.",
            "47",
            "47",
        ),
        ("number", "It is 12 Lac La Biche Road.", "12", "12"),
    ]);
}

/// British papers shorten a trillion to "tn" ("$1.5tn"), wire copy to "trn" or "tln": read
/// as "1.5" alone, such an amount is a trillion times too small.
#[test]
fn trillions_shortened_are_trillions() {
    each_reads_one(&[
        (
            "money",
            "The debt is $1.5tn now.",
            "$1.5tn",
            "USD 1500000000000",
        ),
        ("money", "It owes £2.3tn.", "£2.3tn", "GBP 2300000000000"),
        (
            "money",
            "Reserves of 3 trn dlrs.",
            "3 trn dlrs",
            "USD 3000000000000",
        ),
        (
            "money",
            "A plan of €1.2 tln.",
            "€1.2 tln",
            "EUR 1200000000000",
        ),
        ("number", "Output was 4.5trln.", "4.5trln", "4500000000000"),
    ]);
}

/// "A million", "half a dozen" and "a quarter of a million" are numbers in words: unread, or
/// read as "a dozen" or "three", they were no claim or a false one.
#[test]
fn a_million_half_a_dozen_and_quarters_of_a_million_are_read() {
    each_reads_one(&[
        (
            "count",
            "More than a million people voted.",
            "More than a million",
            ">1000000",
        ),
        (
            "money",
            "It sold for a billion dollars.",
            "a billion dollars",
            "USD 1000000000",
        ),
        ("count", "Half a dozen people came.", "Half a dozen", "6"),
        ("count", "A half-dozen people came.", "A half-dozen", "6"),
        ("count", "A dozen people came.", "A dozen", "12"),
        (
            "count",
            "Almost a quarter of a million tonnes.",
            "Almost a quarter of a million",
            "~250000",
        ),
        (
            "number",
            "Three-quarters of a billion was spent.",
            "Three-quarters of a billion",
            "750000000",
        ),
        (
            "count",
            "A million and a half people came.",
            "A million and a half",
            "1500000",
        ),
        (
            "count",
            "A hundred thousand people came.",
            "A hundred thousand",
            "100000",
        ),
        ("count", "About a hundred staff.", "About a hundred", "~100"),
    ]);
    // Joined by a hyphen to the word after it, as before: "a million-dollar home".
    assert_eq!(claims_of("count", "A million-dollar home."), vec![]);
}

/// "And a half" and a fraction belong to the number before them: "one and a half million"
/// read as one, or "18 1/2 pence" as a count of 18, is a false value.
#[test]
fn halves_and_fractions_are_part_of_the_number() {
    each_reads_one(&[
        (
            "count",
            "And one and a half million families paid.",
            "one and a half million",
            "1500000",
        ),
        (
            "count",
            "It grew two and a half times.",
            "two and a half times",
            "2.5",
        ),
        (
            "percent",
            "Prices will rise two and a half pct.",
            "two and a half pct",
            "2.5%",
        ),
        (
            "number",
            "It sold 1 1/2 million units.",
            "1 1/2 million",
            "1500000",
        ),
    ]);
    // A count reads no fraction: the digits before one are no count.
    for sentence in [
        "It sold 1 1/2 million units.",
        "It sold 1½ million units.",
        "Shares rose 18 1/2 pence.",
    ] {
        assert_eq!(claims_of("count", sentence), vec![], "{sentence}");
    }
    // A fraction after a fraction is the other side of a quote; "and" before no half joins
    // no number.
    assert_eq!(
        values_with("number", "{value}", "Rates were 6-1/2 3/8 pct."),
        vec!["6.5".to_string(), "0.375".to_string()]
    );
    assert_eq!(
        values_with("count", "{value}", "One and two million were there."),
        vec!["1".to_string(), "2000000".to_string()]
    );
}

/// "20-odd" and "3,000-plus" are at least the number written: read as exactly 20, the first
/// would contradict "23 people" in another story.
#[test]
fn odd_and_plus_after_a_number_are_at_least_it() {
    each_reads_one(&[
        ("count", "A crowd of 20-odd people came.", "20-odd", ">=20"),
        (
            "count",
            "It has 3,000-plus members.",
            "3,000-plus",
            ">=3000",
        ),
        ("count", "Thirty-odd fans came.", "Thirty-odd", ">=30"),
        ("number", "The 65-plus market grew.", "65-plus", ">=65"),
        // The words after the number say more than an "about" before it: forty-some is
        // at least forty.
        ("count", "About 40-odd came.", "About 40-odd", ">=40"),
        ("money", "A £30m-plus deal.", "£30m-plus", ">=GBP 30000000"),
        (
            "money",
            "It cost £20-odd million.",
            "£20-odd million",
            ">=GBP 20000000",
        ),
    ]);
}

/// "Or more", "or so", "or fewer" and a "+" after a number are part of the value, as a
/// qualifier before it is: "20 pct or more" is no claim of exactly 20%.
#[test]
fn or_more_or_so_and_a_plus_after_a_number_qualify_it() {
    for (ty, sentence, raw, value) in [
        (
            "percent",
            "A holder of 20 pct or more of the stock.",
            "20 pct or more",
            ">=20%",
        ),
        (
            "money",
            "Damages of $5 billion or more.",
            "$5 billion or more",
            ">=USD 5000000000",
        ),
        ("count", "The 400 or so creditors met.", "400 or so", "~400"),
        (
            "count",
            "Loans to 99 or fewer\nfirms.",
            "99 or fewer",
            "<=99",
        ),
        (
            "percent",
            "A cut of 10 pct or less.",
            "10 pct or less",
            "<=10%",
        ),
        ("count", "It has 15+ hours of battery.", "15+", ">=15"),
        ("count", "It got 1,000+ votes.", "1,000+", ">=1000"),
        ("count", "Some 20 or more came.", "Some 20 or more", ">=20"),
        ("count", "One or more offerings.", "One or more", ">=1"),
        ("count", "Adults aged 18 or over.", "18 or over", ">=18"),
        (
            "money",
            "Estimates of HK$4.0 billion or above.",
            "HK$4.0 billion or above",
            ">=HKD 4000000000",
        ),
        ("count", "Children of 5 or under.", "5 or under", "<=5"),
        (
            "number",
            "Growth down to two or below.",
            "two or below",
            "<=2",
        ),
        (
            "money",
            "A gap of £11 billion or thereabouts.",
            "£11 billion or thereabouts",
            "~GBP 11000000000",
        ),
        // "Or better" is at most a grade's number and at least a yield's: no direction.
        ("number", "U.S. no. 2 or better wheat.", "2", "2"),
        // A sum is no "at least".
        ("number", "A 2+2 plan.", "2", "2"),
    ] {
        assert_eq!(
            claims_of(ty, sentence).first(),
            Some(&(raw.to_string(), value.to_string())),
            "{ty}: {sentence}"
        );
    }
    // "Or more than" belongs to the number after it.
    assert_eq!(
        claims_of("number", "It pays 1.935 or more than 1.200 shares."),
        vec![
            ("1.935".to_string(), "1.935".to_string()),
            ("more than 1.200".to_string(), ">1.2".to_string()),
        ]
    );
    // So does "or over" before a number.
    assert_eq!(
        claims_of("count", "Sales rose 600 or over 25 percent."),
        vec![
            ("600".to_string(), "600".to_string()),
            ("over 25".to_string(), ">25".to_string()),
        ]
    );
    // The end of a range stays no claim.
    assert_eq!(
        claims_of("money", "It would range from $3.2 to $3.5 billion or more."),
        vec![]
    );
    // A pattern with words after the value finds it whole.
    assert_eq!(
        values_with("count", "{value} people", "Some 20 or more people came."),
        vec![">=20".to_string()]
    );
}

/// Ends of a range written with fractions, as market reports write them, are a range: the
/// end "5-1/2 pct" of "a coupon of five to 5-1/2 pct" is no claim of the coupon.
#[test]
fn ends_with_fractions_make_a_range_and_a_price_change_is_no_range() {
    for (ty, sentence) in [
        ("percent", "It carries a coupon of five to 5-1/2 pct."),
        ("percent", "Funds traded between 6-1/16 and 6-1/4 pct."),
        ("percent", "Growth of 3-1/2 to four pct is seen."),
        ("number", "It carries a coupon of 6 to 6-3/8 pct."),
        ("money", "Prices ranged from 5-1/2 to six dlrs a share."),
        // After a verb of market reports, a unit after the second number makes a range
        // of changes.
        ("count", "Silver futures soared 15 to 18 cents."),
    ] {
        assert_eq!(claims_of(ty, sentence), vec![], "{ty}: {sentence}");
    }
    // A change and the price it came to, where no unit follows the price.
    for (sentence, values) in [
        (
            "Bre-X lost 2.20 to 20.80 on heavy trading.",
            ["2.2", "20.8"],
        ),
        ("Chronimed was off 2-7/8 to 12-1/8.", ["2.875", "12.125"]),
        (
            "KLA rallied 5-7/8 to 39-1/8 while Tencor fell.",
            ["5.875", "39.125"],
        ),
    ] {
        assert_eq!(
            values_with("number", "{value}", sentence),
            values,
            "{sentence}"
        );
    }
}

/// The day of a date is no number: a claim of the 30 of "LONDON, March 30 -" is a claim of
/// nothing.
#[test]
fn the_day_of_a_date_is_no_number() {
    for ty in ["number", "count"] {
        assert_eq!(
            values_with(ty, "{value}", "LONDON, March 30 - Sales rose 12 on 4 June."),
            ["12"],
            "{ty}"
        );
        // Not a day: more than 31, a percentage, a scale.
        assert_eq!(
            values_with(
                ty,
                "{value}",
                "In March 12 pct more, in April 3 million, and 32 March dates."
            )
            .len(),
            3,
            "{ty}"
        );
        // A month the pattern holds is the pattern's.
        assert_eq!(
            values_with(ty, "March {value} -", "LONDON, March 30 - Sales rose."),
            ["30"],
            "{ty}"
        );
    }
}

/// A number in words with a capital, in running text and before a word with a capital, is
/// a piece of a name.
#[test]
fn numbers_in_names_are_no_numbers() {
    let text = "Analysts at First Boston said England won the Six Nations title. \
                Fed Cuts Rate By Two Points. Three Democrats voted against it, \
                and the Group of Seven met for the first time.";
    assert_eq!(values_with("number", "{value}", text), ["2", "3", "7"]);
    assert_eq!(values_with("count", "{value}", text), ["2", "3", "7", "1"]);
    // A word the pattern holds is the pattern's.
    assert_eq!(values_with("count", "the {value} Nations", text), ["6"]);
}

/// The line that ends a wire story gives the desk's telephone number: its digits are no
/// numbers, counts or years.
#[test]
fn telephone_numbers_are_no_numbers() {
    let text = "Sales rose 12 pct. -- London Newsroom +44 171 542 1987\n\n\
                Profit was 5 mln. -- Reuters Toronto Bureau (416) 941-8100\n\n\
                It was 25 pct, not +5 10 15.";
    for ty in ["number", "count"] {
        assert_eq!(
            values_with(ty, "{value}", text),
            ["12", "5000000", "25", "5", "10", "15"],
            "{ty}"
        );
    }
    assert!(values_with("year", "{value}", text).is_empty());
    // Digits the pattern holds are the pattern's.
    assert_eq!(
        values_with("number", r"Newsroom \+44 171 542 {value}", text),
        ["1987"]
    );
}

/// Sport copy writes metres as "400m", which business copy means as millions: the words
/// beside the number tell which.
#[test]
fn distances_of_sport_are_no_millions() {
    for ty in ["number", "count"] {
        for sentence in [
            "She won the 400m hurdles in Paris.",
            "The Olympic 10,000m champion ran again.",
            "It was the women's 100m final.",
            "He cleared 5.45m on Sunday.",
            "She set a season's best of 7.95m in Birmingham.",
            "She won the 400m in Athens.",
            "Thanou won silver in the 100m.",
        ] {
            assert_eq!(claims_of(ty, sentence), vec![], "{ty}: {sentence}");
        }
        for (sentence, raw, value) in [
            ("The service has 3m users.", "3m", "3000000"),
            ("It will buy 300m vaccines.", "300m", "300000000"),
            ("The band has sold 30m records.", "30m", "30000000"),
            ("It runs many of the 1.4m cash machines.", "1.4m", "1400000"),
            // Nothing beside it tells a race: read as written for business.
            ("She ran the final 400m fastest.", "400m", "400000000"),
        ] {
            assert_eq!(
                claims_of(ty, sentence),
                vec![(raw.to_string(), value.to_string())],
                "{ty}: {sentence}"
            );
        }
    }
    // Words a pattern puts beside `{value}` are the pattern's.
    assert_eq!(
        values_with("number", "{value} hurdles", "She won the 400m hurdles."),
        vec!["400000000".to_string()]
    );
}

#[test]
fn a_minus_sign_before_a_value_is_the_values() {
    each_reads_one(&[
        (
            "percent",
            "Growth was -0.5% in the quarter.",
            "-0.5%",
            "-0.5%",
        ),
        (
            "percent",
            "Output fell to minus 2.3 percent.",
            "minus 2.3 percent",
            "-2.3%",
        ),
        ("percent", "It shrank (-1.5%) again.", "-1.5%", "-1.5%"),
        (
            "number",
            "Temperatures hit \u{2212}5 overnight.",
            "\u{2212}5",
            "-5",
        ),
        (
            "money",
            "The balance was minus 500 mln dlrs.",
            "minus 500 mln dlrs",
            "USD -500000000",
        ),
        // Not a sign: a range, a dash, a margin of error.
        ("percent", "Rates rose 2-3% and 5%.", "5%", "5%"),
        ("percent", "Shares -- 4% of them -- fell.", "4%", "4%"),
        ("percent", "Rates of 10 -15% were seen.", "15%", "15%"),
        (
            "percent",
            "The margin is plus or minus 3 percent.",
            "3 percent",
            "3%",
        ),
    ]);
    // A count below zero is no count.
    assert_eq!(claims_of("count", "It was -3 degrees."), vec![]);
    // Words a pattern writes before `{value}` leave the sign to the value.
    for (ty, pattern, sentence, value) in [
        (
            "percent",
            "growth was {value}",
            "GDP growth was -0.5%.",
            &["-0.5%"][..],
        ),
        (
            "percent",
            "growth was {value}",
            "GDP growth was minus 2 percent.",
            &["-2%"],
        ),
        (
            "money",
            "reserves (?:fell|rose) to {value}",
            "Reserves fell to minus $5 million.",
            &["USD -5000000"],
        ),
        (
            "percent",
            "margin of {value}",
            "A margin of plus or minus 3 percent.",
            &[],
        ),
        (
            "percent",
            "RPI {value}",
            "A price cap of RPI minus 3 percent.",
            &["3%"],
        ),
    ] {
        assert_eq!(
            values_with(ty, pattern, sentence),
            value,
            "{pattern} in {sentence}"
        );
    }
}

#[test]
fn a_span_of_months_is_no_claim_of_either_month() {
    for sentence in [
        "Exports fell in the January-May period.",
        "GNP grew in October/December, it said.",
        "Sales rose between October and December.",
        "Barley for Apr/May shipment was sold.",
    ] {
        assert_eq!(claims_of("month", sentence), vec![], "{sentence}");
    }
    // A change from one month to another is two claims, and months apart are months.
    for (sentence, months) in [
        (
            "The vote moved from April to June.",
            &["2025-04", "2025-06"][..],
        ),
        ("Sales rose in March and April.", &["2025-03", "2025-04"]),
        ("It came in May - most of it.", &["2025-05"]),
    ] {
        assert_eq!(
            values_with("month", "{value}", sentence),
            months,
            "{sentence}"
        );
    }
}

#[test]
fn four_digits_inside_another_number_are_no_year() {
    for sentence in [
        "A rate of 0.2125 pct was set.",
        "The index fell to 1984.5 points.",
        "Call Sydney 61-2 9373-1800 for details.",
    ] {
        assert_eq!(claims_of("year", sentence), vec![], "{sentence}");
    }
    // Years joined to years are years, each a value of its own (as TimeML annotates them),
    // and so is the year of a date.
    for (sentence, years) in [
        (
            "The pandemic of 2009-2010 was worse.",
            &["2009", "2010"][..],
        ),
        ("Profit rose in 1986/87, a spokesman said.", &["1986"]),
        ("Filed on 2026-07-01 in mid-1997 terms.", &["2026", "1997"]),
        ("The index closed (March 8/1994) at 402.", &["1994"]),
    ] {
        assert_eq!(
            values_with("year", "{value}", sentence),
            years,
            "{sentence}"
        );
    }
}

#[test]
fn a_day_within_90_days_of_the_article_is_the_nearest_such_day_whatever_the_tense() {
    run_inline(
        "date",
        "1987-06-02",
        &[
            // The past verb is the saying's, the day is still to come.
            "The summit in Venice on [[June 8]] needs no new accord, Lawson said.\t1987-06-08",
            // A deadline word before a day just gone.
            "Sales rose through [[May 20]], the company said.\t1987-05-20",
            "Banks said approval could come as early as [[June 30]].\t1987-06-30",
            "Banks said approval could come on [[July 20]].\t1987-07-20",
            "Banks said approval could come on [[August 30]].\t1987-08-30",
            // Beyond 90 days, the tense decides.
            "Banks said approval came on [[September 15]].\t1986-09-15",
        ],
    );
    // Across the new year.
    run_inline(
        "date",
        "2025-12-28",
        &["He said the new rules apply from [[January 5]].\t2026-01-05"],
    );
    run_inline(
        "month",
        "1987-03-20",
        &[
            "Banks said approval could come as early as [[April]].\t1987-04",
            "Banks said approval could come in [[May]].\t1987-05",
            // Beyond two months, the tense decides.
            "Banks said approval came in [[June]].\t1986-06",
            // The end of a stretch from now lies ahead, whatever the tense.
            "It said rainfall between now and [[June]] was average.\t1987-06",
            "Grain was shipped between now and the end of [[June]].\t1987-06",
            "He said nothing would change from now until [[July]].\t1987-07",
            // "Now" that ends no stretch: the tense.
            "Until now, he said, rainfall in [[June]] was average.\t1986-06",
        ],
    );
}

#[test]
fn a_year_written_beside_a_day_decides_its_year() {
    run_inline(
        "date",
        "1987-04-13",
        &[
            // The span of a fiscal year or a season: its second year at its end, its first
            // at its start.
            "It expects profit in fiscal 1987/88 ending [[March 31]] to rise.\t1988-03-31",
            "Exports in the 1986/87 season, which began [[June 1]], fell.\t1986-06-01",
            "It lost money in fiscal 1986 ended [[June 30]], it said.\t1986-06-30",
            // A fiscal year named by one year may end early in the next: not read.
            "Fiscal 1986 ending [[March 31]] was weak.\t1987-03-31",
            // "last year", "this year", "next year" after the day; "last" before it.
            "Crops rated 94, as on [[April 20]] last year.\t1986-04-20",
            "It said the meeting is on [[October 25]] this year.\t1987-10-25",
            "The bond pays a coupon on [[April 27]] next year.\t1988-04-27",
            "The plant was shut down last [[April 19]].\t1986-04-19",
        ],
    );
    run_inline(
        "month",
        "1987-04-05",
        &[
            "Output in the 1986/87 crop year ending [[June]] fell.\t1987-06",
            "Jobless stood at 504,652 in [[March]] last year.\t1986-03",
        ],
    );
}

/// Days from one to another written with a dash and no space ("June 8-10") are one value,
/// so a day inside them agrees with them; a spaced dash after a day is a dateline's.
#[test]
fn days_from_one_to_another_are_one_value() {
    run_inline(
        "date",
        "1987-06-02",
        &[
            "The summit in Venice on [[June 8-10]] will discuss trade.\t1987-06-08/1987-06-10",
            "The conference runs [[8-10 June]].\t1987-06-08/1987-06-10",
            "Shipment is set for [[June 30-July 2]].\t1987-06-30/1987-07-02",
            "Talks ran [[30 June-2 July 1987]] in Paris.\t1987-06-30/1987-07-02",
            "Delivery is due [[Dec 30-Jan 2, 1988]], it said.\t1987-12-30/1988-01-02",
            "Markets will close [[Dec 30-Jan 2]] for the holidays.\t1987-12-30/1988-01-02",
            "The meeting is on [[June 8th\u{2013}10th]] in Rome.\t1987-06-08/1987-06-10",
            // The year of the first day, read as a day of its own is.
            "Sales for the [[May 11-20]] period rose.\t1987-05-11/1987-05-20",
            "Shipment will be made [[December 1-15]].\t1987-12-01/1987-12-15",
            "Shipment was made [[December 1-15]].\t1986-12-01/1986-12-15",
            // Not a span: it ends before it begins (a price in a table). Its first day, as
            // before spans were read.
            "Nov/[[Jan 6-3]]/4 under.\t1987-01-06",
            // A score before a date: no span, and not unreadable either; the day beside the
            // month, as before spans were read (the score's "1" is no day, but the date "June
            // 3" after it was never read).
            "They won [[2-1 June]] 3 in Rome.\t1987-06-01",
        ],
    );
    assert_eq!(
        claims_of("date", "NEW YORK, Oct 20 - Sept 30 profits rose."),
        vec![
            ("Oct 20".into(), "2025-10-20".into()),
            ("Sept 30".into(), "2025-09-30".into())
        ]
    );
    // One article with the span and others with a day of it agree; a day outside it does not.
    let rules = "facts:\n  - id: summit\n    description: Days of the summit\n    type: date\n    \
                 stable: true\n    patterns: ['summit (?:in Venice )?on {value}']\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.yaml"), rules).unwrap();
    let article = |name: &str, text: &str| {
        std::fs::write(
            dir.path().join(name),
            format!("---\ndate: 1987-06-02\n---\n{text}\n"),
        )
        .unwrap()
    };
    article("a.md", "Leaders meet at the summit in Venice on June 8-10.");
    article("b.md", "Trade is first at the summit on June 9.");
    let check = || {
        assert_cmd::Command::cargo_bin("newslint")
            .unwrap()
            .current_dir(dir.path())
            .args([
                "--rules",
                "rules.yaml",
                "--format",
                "concise",
                "a.md",
                "b.md",
            ])
            .output()
            .unwrap()
    };
    let out = check();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    article("b.md", "Trade is first at the summit on June 12.");
    let out = check();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "contradiction: Days of the summit is 1987-06-12 here but 1987-06-08/1987-06-10 in a.md"
        ),
        "{stdout}"
    );
}

#[test]
fn month_and_weekday_names_are_whole_words() {
    let text = "The Mayor of Marchville said Maybe, in Julius's Market. Augusta shops close \
                on Fridays and Sundays.";
    assert_eq!(claims_of("month", text), vec![]);
    assert_eq!(claims_of("date", text), vec![]);
    assert_eq!(
        claims_of("month", "It was in May, or Aug. at the latest."),
        vec![
            ("May".to_string(), "2025-05".to_string()),
            ("Aug.".to_string(), "2025-08".to_string())
        ]
    );
    assert_eq!(
        claims_of("date", "They met on Friday."),
        vec![("Friday".to_string(), "2025-10-03".to_string())]
    );
}

#[test]
fn a_date_naming_an_event_is_the_nearest_such_day_whatever_the_tense() {
    run_inline(
        "date",
        "1987-03-24",
        &[
            "The bank will act in line with the [[February 22]] Paris agreement.\t1987-02-22",
            "Markets would react, after the [[Feb. 22]] accord, to any clue.\t1987-02-22",
            "Shareholders will vote at its [[April 30]] annual meeting.\t1987-04-30",
            "The sale, subject to a [[March 30]] vote, was approved.\t1987-03-30",
            // A dateline a day after the article's date, under a headline in the past.
            "RESERVES FELL IN FEBRUARY WELLINGTON, [[March 25]] - Reserves fell.\t1987-03-25",
            "The pact, which was signed in 1985, expires [[March 30]].\t1987-03-30",
            // Dividend notices and price changes: the nearest such day.
            "Qtly div 20 cts vs 20 cts previously Pay [[April 15]] Record March 31\t1987-04-15",
            "It declared a dividend payable April 25 to holders of record [[April 1]].\t1987-04-01",
            "It raised crude prices by 50 cts a barrel, effective [[March 23]].\t1987-03-23",
            // "by" an amount, or the one who did it, is no deadline.
            "Rates fell by 0.50 point on [[March 16]], the bank said.\t1987-03-16",
            "That decision, spurred by the suspension of payments on [[March 20]], cut income.\t1987-03-20",
        ],
    );
    run_inline(
        "date",
        "2025-12-20",
        &[
            // Not naming an event, and over 90 days away: the tense decides, as before.
            "They will meet again on [[August 12]].\t2026-08-12",
            "Ottawa met the [[January 5]] deadline.\t2026-01-05",
            "Their [[December 1]] talks went well.\t2025-12-01",
        ],
    );
    run_inline(
        "month",
        "2026-02-10",
        &[
            "Officials will revisit the [[October]] agreement.\t2025-10",
            "They will meet in [[October]].\t2026-10",
        ],
    );
}
