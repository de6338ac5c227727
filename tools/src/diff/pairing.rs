//! Which item of the new list each item of the old list became.

/// A notion of "the same item", old then new.
pub(super) type Same<'a, T> = &'a dyn Fn(&T, &T) -> bool;

/// The pairing of two lists, by index, both ways.
#[derive(Debug)]
pub(super) struct Pairs {
    /// For each old item, the new item it became, if any.
    pub old: Vec<Option<usize>>,
    /// For each new item, the old item it was, if any.
    pub new: Vec<Option<usize>>,
}

impl Pairs {
    /// Pairs `old` with `new` in passes, from the strictest notion of "the
    /// same item" to the loosest; each pass pairs every still unpaired old
    /// item, in old order, with the first still unpaired new item it
    /// accepts. Earlier passes win, so an exact match is never taken away by
    /// a looser one.
    pub fn new<T>(old: &[T], new: &[T], passes: &[Same<'_, T>]) -> Pairs {
        let mut pairs = Pairs {
            old: vec![None; old.len()],
            new: vec![None; new.len()],
        };
        for same in passes {
            for (i, old_item) in old.iter().enumerate() {
                if pairs.old[i].is_some() {
                    continue;
                }
                let found =
                    (0..new.len()).find(|&j| pairs.new[j].is_none() && same(old_item, &new[j]));
                if let Some(j) = found {
                    pairs.old[i] = Some(j);
                    pairs.new[j] = Some(i);
                }
            }
        }
        pairs
    }

    /// The first paired item, in new order, that is not where the old order
    /// puts it, as `(old index, new index)`; `None` when the order is kept.
    /// This is where a reordering shows.
    pub fn first_moved(&self) -> Option<(usize, usize)> {
        // The old indices of the paired items, in new order, then sorted.
        let found: Vec<(usize, usize)> = (self.new.iter().enumerate())
            .filter_map(|(j, old)| Some(((*old)?, j)))
            .collect();
        let mut expected: Vec<usize> = found.iter().map(|&(i, _)| i).collect();
        expected.sort_unstable();
        expected
            .into_iter()
            .zip(found)
            .find(|(expected, (actual, _))| expected != actual)
            .map(|(_, found)| found)
    }

    /// The new items that pair with none of the old ones, in new order.
    pub fn added(&self) -> impl Iterator<Item = usize> + '_ {
        self.new
            .iter()
            .enumerate()
            .filter(|(_, old)| old.is_none())
            .map(|(j, _)| j)
    }

    /// The labels of the paired items, old ones in old order and new ones
    /// in new order: what a reordering shows.
    pub fn orders<T>(
        &self,
        old: &[T],
        new: &[T],
        label: impl Fn(&T) -> String,
    ) -> (Vec<String>, Vec<String>) {
        let old_order = old
            .iter()
            .zip(&self.old)
            .filter(|(_, pair)| pair.is_some())
            .map(|(item, _)| label(item))
            .collect();
        let new_order = new
            .iter()
            .zip(&self.new)
            .filter(|(_, pair)| pair.is_some())
            .map(|(item, _)| label(item))
            .collect();
        (old_order, new_order)
    }
}

#[cfg(test)]
mod tests {
    use super::Pairs;

    #[test]
    fn earlier_passes_win_and_order_is_checked() {
        let old = ["a1", "b2", "c3"];
        let new = ["c9", "b2", "a3", "d4"];
        let same_name = |x: &&str, y: &&str| x[..1] == y[..1];
        let same_code = |x: &&str, y: &&str| x[1..] == y[1..];
        let exact = |x: &&str, y: &&str| x == y;
        let pairs = Pairs::new(&old, &new, &[&exact, &same_name, &same_code]);
        assert_eq!(pairs.old, [Some(2), Some(1), Some(0)]);
        assert_eq!(pairs.new, [Some(2), Some(1), Some(0), None]);
        assert_eq!(pairs.added().collect::<Vec<_>>(), [3]);
        // In new order the paired items are c, b, a: c should not come first.
        assert_eq!(pairs.first_moved(), Some((2, 0)));
        let (old_order, new_order) = pairs.orders(&old, &new, |x| x.to_string());
        assert_eq!(old_order, ["a1", "b2", "c3"]);
        assert_eq!(new_order, ["c9", "b2", "a3"]);
    }

    #[test]
    fn unpaired_items_do_not_break_the_order() {
        let pairs = Pairs::new(&[1, 2, 3], &[1, 3, 4], &[&|x: &i32, y: &i32| x == y]);
        assert_eq!(pairs.old, [Some(0), None, Some(1)]);
        assert_eq!(pairs.first_moved(), None);
    }
}
