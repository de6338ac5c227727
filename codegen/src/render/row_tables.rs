//! A table's per-row data as tables indexed by position, and its lookups
//! by text.
//!
//! A table's code enum grows with the vendor's rows, so nothing of it is
//! written as a `match` with an arm per row per method: rustc's cost for
//! such a `match` (exhaustiveness, MIR, borrow checking) grows faster than
//! its arms. Each method reads a `const` slice of its own, in the order of
//! `ALL`, at the variant's `position()`: one `match` (or the discriminant
//! itself, for an enum without vendor discriminants) and plain arrays,
//! which compile in time linear in rows. The readers are `#[inline]`: a
//! `match` without calls is inlined across crates by itself, a reader that
//! calls `position()` would otherwise not be, and would cost a call where
//! the `match` cost a load.
//!
//! Lookups by text (`from_name`, `from_constant`, a text code's
//! `from_code`) are a `match` on the text up to [`MATCH_UP_TO`] entries,
//! as strum's `EnumString` writes it and as fast, and a binary search of
//! a table sorted by text above that. The choice is [`TextLookup::for_len`]'s
//! alone.

use super::*;

/// Lookups by text of at most this many entries are a `match` on the text:
/// fast (the compiler dispatches on length and compares bytes) and cheap to
/// compile while small. Checking a `match` on strings costs rustc time
/// quadratic in its arms, so larger ones binary-search a sorted table.
pub(super) const MATCH_UP_TO: usize = 64;

/// How a lookup by text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextLookup {
    /// A `match` with an arm per entry.
    Match,
    /// A binary search of the entries sorted by text.
    Sorted,
}

impl TextLookup {
    /// The lookup for `len` entries.
    pub(super) fn for_len(len: usize) -> Self {
        match len <= MATCH_UP_TO {
            true => TextLookup::Match,
            false => TextLookup::Sorted,
        }
    }
}

/// `position()`: the variant's index in `ALL`, by which the tables are read.
pub(super) fn position_method(out: &mut Writer, table: &Table) {
    out.line("/// The variant's index in [`ALL`](Self::ALL), by which the tables of its");
    out.line("/// data are read.");
    match table.kind {
        // Declared in vendor order without discriminants: the discriminant.
        CodeKind::Text => {
            out.function("const fn position(self) -> usize");
            out.line("self as usize");
            out.close();
        }
        // A `match` on the code, not on the variant: rustc checks an
        // integer pattern in about half the time of a variant's path.
        CodeKind::Integer => {
            let arms: Vec<(i32, String)> = (table.rows.iter().enumerate())
                .filter_map(|(index, row)| Some((row.code.integer()?, index.to_string())))
                .collect();
            let lookup = IntegerMatch {
                head: "const fn",
                name: "position",
                params: "self",
                returns: "usize",
                key: "self as i32",
                otherwise: "unreachable!()",
            };
            lookup.write(out, arms);
        }
    }
}

/// An integer `match` of more arms than this is split by range of the
/// key into private functions of at most this many arms each. rustc builds
/// and checks a `match` in time that grows with the square of its arms
/// (20,000 arms: 3.6 s, where 80 functions of 256 arms each take 0.7 s);
/// the split costs a lookup one more jump, on tables this large only.
pub(super) const ARMS_PER_MATCH: usize = 256;

/// A function whose body is a `match` on an integer: `{head} {name}({params})
/// -> {returns}`, matching `key` against each arm's value, `otherwise` for
/// any other.
pub(super) struct IntegerMatch<'a> {
    pub(super) head: &'a str,
    pub(super) name: &'a str,
    pub(super) params: &'a str,
    pub(super) returns: &'a str,
    pub(super) key: &'a str,
    pub(super) otherwise: &'a str,
}

impl IntegerMatch<'_> {
    /// Writes the function, with `arms` (value, body) in its `match`; above
    /// [`ARMS_PER_MATCH`] arms, a `match` of ranges of the sorted values,
    /// each calling the private `{name}_part_{n}(key)` that matches its
    /// values.
    pub(super) fn write(&self, out: &mut Writer, mut arms: Vec<(i32, String)>) {
        let Self {
            head,
            name,
            params,
            returns,
            key,
            otherwise,
        } = self;
        out.function(format_args!("{head} {name}({params}) -> {returns}"));
        if arms.len() <= ARMS_PER_MATCH {
            match_arms(out, key, &arms, otherwise);
            out.close();
            return;
        }
        arms.sort_unstable_by_key(|(value, _)| *value);
        let parts: Vec<&[(i32, String)]> = arms.chunks(ARMS_PER_MATCH).collect();
        out.open(format_args!("match {key}"));
        for (part, arms) in parts.iter().enumerate() {
            let (first, last) = (arms[0].0, arms[arms.len() - 1].0);
            out.line(format_args!(
                "{first}..={last} => Self::{name}_part_{part}({key}),"
            ));
        }
        out.line(format_args!("_ => {otherwise},"));
        out.close();
        out.close();
        for (part, arms) in parts.iter().enumerate() {
            let (first, last) = (arms[0].0, arms[arms.len() - 1].0);
            out.blank();
            out.line(format_args!(
                "/// [`{name}`](Self::{name}) of `{first}..={last}`."
            ));
            out.function(format_args!(
                "const fn {name}_part_{part}(key: i32) -> {returns}"
            ));
            match_arms(out, "key", arms, otherwise);
            out.close();
        }
    }
}

/// `match key { value => body, … _ => otherwise }`.
fn match_arms(out: &mut Writer, key: &str, arms: &[(i32, String)], otherwise: &str) {
    out.open(format_args!("match {key}"));
    for (value, body) in arms {
        out.line(format_args!("{value} => {body},"));
    }
    out.line(format_args!("_ => {otherwise},"));
    out.close();
}

/// The body of a method that returns the entry of `items` (of type `item`)
/// at the variant's position, the items a local `const` named `name`.
pub(super) fn indexed(out: &mut Writer, name: &str, item: &str, items: &[String]) {
    row_table(out, name, item, items);
    out.line(format_args!("{name}[self.position()]"));
}

/// The local `const` `name` of `items`, one per line whatever their length,
/// so that the tokens do not depend on the vendor's texts.
pub(super) fn row_table(out: &mut Writer, name: &str, item: &str, items: &[String]) {
    out.begin(format_args!(
        "const {name}: &[{item}; {}] = &[",
        items.len()
    ));
    for item in items {
        out.line(format_args!("{item},"));
    }
    out.end("];");
}

/// The body of a lookup by text, in a function the caller opened: finds
/// the variant whose text in `entries` (text, variant name, in the order
/// of `ALL`) is exactly `key`, the function's argument, which the method
/// `getter` gives of a variant.
pub(super) fn text_lookup(out: &mut Writer, key: &str, getter: &str, entries: &[(&str, &str)]) {
    match TextLookup::for_len(entries.len()) {
        TextLookup::Match => {
            out.open(format_args!("match {key}"));
            for (text, variant) in entries {
                out.line(format_args!("{} => Some(Self::{variant}),", string(text)));
            }
            out.line("_ => None,");
            out.close();
        }
        TextLookup::Sorted => {
            let mut sorted: Vec<usize> = (0..entries.len()).collect();
            sorted.sort_unstable_by(|&left, &right| entries[left].0.cmp(entries[right].0));
            let texts: Vec<String> = sorted.iter().map(|&at| string(entries[at].0)).collect();
            let positions: Vec<String> = sorted.iter().map(usize::to_string).collect();
            let index = index_type(entries.len());
            // The variant comes from `Enumerable::nth`, not from `ALL`: a
            // use of `ALL` in a function makes rustc evaluate and check it,
            // in time quadratic in the variants where they are vendor codes.
            out.line(format_args!(
                "// Every {getter}, sorted, for a binary search, and its variant's position."
            ));
            row_table(out, "SORTED", "&str", &texts);
            out.packed(
                &format!("const POSITIONS: &[{index}; {}] = &[", entries.len()),
                &positions,
                ";",
            );
            out.open(format_args!("match SORTED.binary_search(&{key})"));
            out.line(format_args!(
                "Ok(index) => <Self as {ENUMERABLE}>::nth(POSITIONS[index] as usize),"
            ));
            out.line("Err(_) => None,");
            out.close();
        }
    }
}

/// The smallest unsigned type that holds every index up to `largest`, for
/// the tables of positions: half the bytes of a `u32` for any real table.
pub(super) fn index_type(largest: usize) -> &'static str {
    match u16::try_from(largest) {
        Ok(_) => "u16",
        Err(_) => "u32",
    }
}
