//! The cross-check phase alone: one million claims of one fact over a thousand articles,
//! through every fact check (`checks::run_all`). Target (issue 5): under one second.
//!
//! Claims are built directly, with values already normalized, so extraction and value
//! parsing are not part of the measurement.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use newslint::article::Article;
use newslint::checks::{self, Context};
use newslint::extract::Claim;
use newslint::values::{Magnitude, Qualifier, Value};

const ARTICLES: usize = 1_000;
const CLAIMS_PER_ARTICLE: usize = 1_000;
const CLAIM: &str = "the rate of 35% ";

const RULES: &str = "facts:
  - id: tariff-rate
    description: Tariff rate on one kind of goods
    type: percent
    patterns:
      - 'rate of {value}'
";

/// Articles dated across one year, each repeating one claim sentence.
fn articles() -> Vec<Article> {
    let start = Date::new(2025, 1, 1).expect("valid date");
    (0..ARTICLES)
        .map(|id| {
            let date = start
                .checked_add(jiff::Span::new().days((id % 365) as i64))
                .expect("date in range");
            let text = format!(" date {date} {}", CLAIM.repeat(CLAIMS_PER_ARTICLE));
            let name = format!("a{id:04}.txt");
            Article::from_bytes(id, Path::new(&name), name.clone(), text.as_bytes())
                .expect("synthetic article loads")
        })
        .collect()
}

/// One claim per occurrence of the value; about 1 in 200 says 25% instead of 35%.
fn claims(articles: &[Article]) -> Vec<Claim> {
    let mut out = Vec::with_capacity(ARTICLES * CLAIMS_PER_ARTICLE);
    for article in articles {
        let text = &article.text;
        for (k, (at, _)) in text.match_indices("35%").enumerate() {
            let odd = (article.id * CLAIMS_PER_ARTICLE + k).is_multiple_of(200);
            out.push(Claim {
                fact: 0,
                article: article.id,
                span: at..at + 3,
                raw: "35%".into(),
                value: Ok(Value {
                    qualifier: Qualifier::Exact,
                    magnitude: Magnitude::Percent(if odd { 25.0 } else { 35.0 }),
                }),
                was: None,
                speaks_for: article.date,
                dated_by_text: false,
                place: [1, 1],
            });
        }
    }
    out
}

fn cross_check(c: &mut Criterion) {
    let loaded = newslint::rules::load_str("bench.yaml", RULES);
    assert!(
        loaded.errors.is_empty(),
        "bench rules load: {:?}",
        loaded.errors
    );
    let articles = articles();
    let claims = claims(&articles);
    assert_eq!(claims.len(), ARTICLES * CLAIMS_PER_ARTICLE);
    let scans = checks::Scans::default();
    let ctx = Context {
        articles: &articles,
        rules: &loaded.rules,
        claims: &claims,
        scans: &scans,
    };
    let mut group = c.benchmark_group("cross_check");
    group.sample_size(10);
    group.bench_function("1M claims of one fact", |b| {
        b.iter(|| checks::run_all(&ctx))
    });
    group.finish();
}

criterion_group!(benches, cross_check);
criterion_main!(benches);
