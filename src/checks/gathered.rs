//! What the scans of one check keep for its cross-article pass, for every article of a run.
//!
//! Items of many articles sit in a few large blocks rather than in one list per article: an
//! archive has hundreds of thousands of articles, and a list of its own (with the box that
//! holds it) costs an article about a hundred bytes per check. Blocks also keep a run from
//! growing one huge list by doubling, which would hold up to twice its size.

use std::any::Any;

/// A check's store for the run (see [`super::Check::gather`]): made on the first article
/// that keeps something.
pub type Store = Option<Box<dyn Any + Send + Sync>>;

/// The store of type `S` in `slot`, made on first use; `None` if `slot` holds another type.
pub fn store_of<S: Default + Send + Sync + 'static>(slot: &mut Store) -> Option<&mut S> {
    slot.get_or_insert_with(|| Box::new(S::default()))
        .downcast_mut::<S>()
}

/// Items of many articles, in the order the articles were added.
pub struct Gathered<T> {
    sealed: Vec<Block<T>>,
    open: Block<T>,
}

struct Block<T> {
    items: Vec<T>,
    /// (article, end of its items in `items`), in order. Ids and offsets in 32 bits: there
    /// are millions of them in an archive, and never four billion.
    ends: Vec<(u32, u32)>,
}

impl<T> Default for Block<T> {
    fn default() -> Block<T> {
        Block {
            items: Vec::new(),
            ends: Vec::new(),
        }
    }
}

impl<T> Default for Gathered<T> {
    fn default() -> Gathered<T> {
        Gathered {
            sealed: Vec::new(),
            open: Block::default(),
        }
    }
}

/// Items per block, about: a block is closed once it holds this many.
const BLOCK_ITEMS: usize = 1 << 16;

impl<T> Gathered<T> {
    /// Adds the items of `article` (nothing when there are none).
    pub fn push(&mut self, article: usize, items: impl IntoIterator<Item = T>) {
        let Ok(article) = u32::try_from(article) else {
            return;
        };
        if self.open.items.len() >= BLOCK_ITEMS {
            let mut full = std::mem::take(&mut self.open);
            full.items.shrink_to_fit();
            full.ends.shrink_to_fit();
            self.sealed.push(full);
        }
        let before = self.open.items.len();
        self.open.items.extend(items);
        match u32::try_from(self.open.items.len()) {
            Ok(end) if end as usize > before => self.open.ends.push((article, end)),
            _ => self.open.items.truncate(before),
        }
    }

    /// Each article that has items, with its items, in the order they were added.
    pub fn each(&self) -> impl Iterator<Item = (usize, &[T])> {
        self.sealed
            .iter()
            .chain(std::iter::once(&self.open))
            .flat_map(|block| {
                let mut start = 0;
                block.ends.iter().map(move |&(article, end)| {
                    let items = &block.items[start..end as usize];
                    start = end as usize;
                    (article as usize, items)
                })
            })
    }

    /// How many items, over every article.
    pub fn len(&self) -> usize {
        self.sealed
            .iter()
            .chain(std::iter::once(&self.open))
            .map(|b| b.items.len())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items by their position among all of them (in the order they were added), for a
    /// check that reorders them: a list of (article, position) in 32 bits each takes half the
    /// room of one of (article, item) references.
    pub fn positions(&self) -> Positions<'_, T> {
        let blocks: Vec<&Block<T>> = self
            .sealed
            .iter()
            .chain(std::iter::once(&self.open))
            .collect();
        let mut starts = Vec::with_capacity(blocks.len());
        let mut total = 0;
        for block in &blocks {
            starts.push(total);
            total += block.items.len();
        }
        Positions { blocks, starts }
    }
}

/// See [`Gathered::positions`].
pub struct Positions<'a, T> {
    blocks: Vec<&'a Block<T>>,
    /// Where each block's items start among all items.
    starts: Vec<usize>,
}

impl<'a, T> Positions<'a, T> {
    /// The item at `position` (its block found by halving: there are few).
    pub fn get(&self, position: usize) -> Option<&'a T> {
        let b = self
            .starts
            .partition_point(|&s| s <= position)
            .checked_sub(1)?;
        self.blocks[b].items.get(position - self.starts[b])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_come_back_in_order_with_their_items_across_blocks() {
        let mut g = Gathered::default();
        let mut expected = Vec::new();
        for article in 0..5_000usize {
            // Some articles keep nothing; some keep more than a block holds.
            let n = match article % 7 {
                0 => 0,
                3 if article == 703 => BLOCK_ITEMS + 5,
                k => k * 13,
            };
            let items: Vec<usize> = (0..n).map(|i| article * 1_000_000 + i).collect();
            g.push(article, items.clone());
            if n > 0 {
                expected.push((article, items));
            }
        }
        assert!(g.sealed.len() > 2);
        let got: Vec<(usize, Vec<usize>)> = g.each().map(|(a, s)| (a, s.to_vec())).collect();
        assert_eq!(got, expected);
        assert_eq!(
            g.len(),
            expected.iter().map(|(_, v)| v.len()).sum::<usize>()
        );
        // By position: every item, in the order of `each`.
        let positions = g.positions();
        let flat: Vec<usize> = expected
            .iter()
            .flat_map(|(_, items)| items.clone())
            .collect();
        for (p, item) in flat.iter().enumerate() {
            assert_eq!(positions.get(p), Some(item), "position {p}");
        }
        assert_eq!(positions.get(flat.len()), None);
        assert_eq!(Gathered::<u8>::default().positions().get(0), None);
    }
}
