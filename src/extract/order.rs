//! The claims of a run in one list, by fact, then article, then place.
//!
//! A pack of hundreds of rules finds millions of claims in an archive, at about 100 bytes
//! each. Growing one list by doubling copies it into a new one twice its size, and a stable
//! sort takes a buffer of half of it: either would briefly hold the claims about twice. So
//! the chunks of a run are moved into a list made to size, and the list is put in order
//! through a permutation of positions (sorted as keys of 16 bytes a claim, then kept in 8)
//! rather than by moving claims around in a sort.

use super::Claim;

/// Claims moved from the chunks between two returns of freed memory (about 10 MB).
const MOVED_PER_RELEASE: usize = 1 << 16;

/// The claims of `chunks`, in one list, ordered by (fact, article, start of the value);
/// claims alike in all three keep the order they came in.
pub fn in_order(chunks: Vec<Vec<Claim>>) -> Vec<Claim> {
    let total = chunks.iter().map(Vec::len).sum();
    let mut claims = Vec::with_capacity(total);
    let mut moved = 0;
    for chunk in chunks {
        moved += chunk.len();
        // The chunk's own buffer is freed here: given back every so often, so the list
        // being filled takes the room the chunks leave (see `crate::memory`).
        claims.extend(chunk);
        if moved >= MOVED_PER_RELEASE {
            crate::memory::release();
            moved = 0;
        }
    }
    let order = sorted_positions(&claims);
    permute(&mut claims, order);
    claims
}

/// The positions of `claims` in the order of (fact, article, start of the value), ties in
/// the order they came in.
///
/// Each claim's key is packed with its position into one number, and those are sorted: a
/// sort that looked the keys up in the claims would jump around a list of hundreds of
/// megabytes (several times slower with a million claims). The rare run whose numbers do
/// not fit in 32 bits each is sorted the slow way.
fn sorted_positions(claims: &[Claim]) -> Vec<usize> {
    let pack = |(i, c): (usize, &Claim)| -> Option<u128> {
        let part = |n: usize| u32::try_from(n).ok().map(u128::from);
        Some(part(c.fact)? << 96 | part(c.article)? << 64 | part(c.span.start)? << 32 | part(i)?)
    };
    match claims
        .iter()
        .enumerate()
        .map(pack)
        .collect::<Option<Vec<u128>>>()
    {
        Some(mut keys) => {
            // Keys differ in their positions, so an unstable sort keeps ties in order. On
            // both cores: with a pack of hundreds of rules, a million claims and more.
            use rayon::prelude::*;
            keys.par_sort_unstable();
            keys.into_iter().map(|k| k as u32 as usize).collect()
        }
        None => {
            let mut order: Vec<usize> = (0..claims.len()).collect();
            order.sort_by_key(|&i| {
                let c = &claims[i];
                (c.fact, c.article, c.span.start)
            });
            order
        }
    }
}

/// Puts `items` in the order of `order`: afterwards, position `k` holds what position
/// `order[k]` held before. `order` must be a permutation of the positions. (The findings
/// of a run are put in order this way too.)
pub fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        // Each cycle of the permutation is followed once; a position done points at itself.
        let mut k = start;
        while order[k] != start && order[k] != k {
            let from = order[k];
            items.swap(k, from);
            order[k] = k;
            k = from;
        }
        order[k] = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_permutation_puts_each_item_where_it_says() {
        let before: Vec<char> = "abcdefgh".chars().collect();
        for order in [
            vec![0, 1, 2, 3, 4, 5, 6, 7],
            vec![7, 6, 5, 4, 3, 2, 1, 0],
            vec![1, 2, 3, 4, 5, 6, 7, 0],
            vec![3, 0, 1, 2, 5, 4, 7, 6],
            vec![2, 7, 0, 5, 6, 3, 4, 1],
        ] {
            let mut items = before.clone();
            permute(&mut items, order.clone());
            let expected: Vec<char> = order.iter().map(|&i| before[i]).collect();
            assert_eq!(items, expected, "{order:?}");
        }
    }

    #[test]
    fn claims_come_out_as_a_stable_sort_would_put_them() {
        let claim = |fact: usize, article: usize, start: usize, raw: &str| Claim {
            fact,
            article,
            span: start..start + raw.len(),
            raw: raw.into(),
            value: Err(crate::values::ValueError::Invalid(String::new())),
            was: None,
            speaks_for: None,
            dated_by_text: false,
            place: [1, 1],
        };
        // A pseudo-random mix, with claims alike in fact, article and start that must keep
        // their order (told apart by `raw`).
        let mut chunks = Vec::new();
        let mut x: u64 = 7;
        for chunk in 0..5 {
            let mut list = Vec::new();
            for n in 0..40 {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let (fact, start) = ((x >> 33) as usize % 4, (x >> 40) as usize % 6);
                list.push(claim(fact, chunk, start, &format!("{chunk}-{n}")));
            }
            chunks.push(list);
        }
        let mut expected: Vec<Claim> = chunks.iter().flatten().cloned().collect();
        expected.sort_by_key(|c| (c.fact, c.article, c.span.start));
        let got = in_order(chunks);
        let raws = |list: &[Claim]| list.iter().map(|c| c.raw.clone()).collect::<Vec<_>>();
        assert_eq!(raws(&got), raws(&expected));
    }
}
