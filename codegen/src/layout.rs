//! Rust tokens laid out as a person would write them: items and match arms
//! on lines of their own, four-space indents, `///` doc comments, blank
//! lines between items, and lists broken one element per line when a line
//! would pass 100 columns.
//!
//! Written for the code the renderer emits (items, impls, matches, plain
//! expressions), not for arbitrary Rust: a parser and a general pretty
//! printer (syn and prettyplease) would cost every downstream build more
//! than the whole generator. The tests check that the text parses back to
//! the very tokens it was made from.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// The widest line a list is kept on before it is broken, as rustfmt's
/// default `max_width`.
const MAX_WIDTH: usize = 100;

const INDENT: &str = "    ";

/// Keywords after which `(` and `::` take a space (`match (a, b)`,
/// `impl ::path::Trait`), as they would after any word but a name.
const KEYWORDS: &[&str] = &[
    "as", "const", "else", "enum", "fn", "for", "if", "impl", "in", "let", "match", "mod", "move",
    "mut", "ref", "return", "static", "struct", "trait", "type", "unsafe", "use", "where", "while",
];

/// Keywords whose brace group is laid out as a block.
const BLOCK_KEYWORDS: &[&str] = &[
    "enum", "struct", "union", "trait", "impl", "mod", "fn", "match", "if", "else", "loop",
    "while", "for", "unsafe",
];

/// Lays out `tokens` as the lines of a Rust file.
pub fn layout(tokens: TokenStream) -> String {
    let trees = trees(tokens);
    let mut printer = Printer {
        out: String::new(),
        indent: 0,
        attribute: false,
    };
    printer.block(&trees, true);
    printer.out
}

/// A token tree, flattened out of proc_macro2's types.
#[derive(Debug, Clone)]
enum Tree {
    Ident(String),
    Punct(char, Spacing),
    Literal(String),
    Group(Delimiter, Vec<Tree>),
}

fn trees(tokens: TokenStream) -> Vec<Tree> {
    let mut out = Vec::new();
    for token in tokens {
        match token {
            TokenTree::Ident(ident) => out.push(Tree::Ident(ident.to_string())),
            TokenTree::Punct(punct) => out.push(Tree::Punct(punct.as_char(), punct.spacing())),
            TokenTree::Literal(literal) => out.push(Tree::Literal(literal.to_string())),
            // An invisible group only groups: its tokens stand for themselves.
            TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
                out.extend(trees(group.stream()))
            }
            TokenTree::Group(group) => {
                out.push(Tree::Group(group.delimiter(), trees(group.stream())))
            }
        }
    }
    out
}

impl Tree {
    fn is_punct(&self, c: char) -> bool {
        matches!(self, Tree::Punct(p, _) if *p == c)
    }

    fn is_ident(&self, word: &str) -> bool {
        matches!(self, Tree::Ident(ident) if ident == word)
    }
}

/// What was written last on the current line, for the spacing rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing yet: the line or the group just started.
    Start,
    /// A name, a literal or a lifetime.
    Word,
    /// A keyword that takes a space before `(` and `::`.
    Keyword,
    /// A unary operator or `::`: no space after.
    Prefix,
    /// A binary operator, `,` or `:`: a space after.
    Infix,
    /// The closing delimiter of a group.
    Close,
    /// The `>` closing generics.
    GenericClose,
    /// The `!` of a macro call.
    Bang,
}

struct Printer {
    out: String,
    indent: usize,
    /// Inside an attribute, whose broken lists take no trailing comma.
    attribute: bool,
}

/// The state of one line for the spacing rules.
struct LineState {
    last: Last,
    /// One entry per open `<`: whether it follows a keyword (`impl<'a>`),
    /// after whose `>` a path takes a space.
    generics: Vec<bool>,
    /// Between the bars of closure parameters.
    closure: bool,
}

impl Printer {
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.indent {
            self.out.push_str(INDENT);
        }
    }

    fn column(&self) -> usize {
        let line_start = self.out.rfind('\n').map_or(0, |i| i + 1);
        self.out[line_start..].chars().count()
    }

    /// The contents of a block (the file, a brace block) at the current
    /// indent: one line per statement, item, field, arm or attribute;
    /// between `items`, a blank line.
    fn block(&mut self, trees: &[Tree], items: bool) {
        let mut first = true;
        let mut blank = false;
        let mut i = 0;
        while i < trees.len() {
            if !first {
                if blank && items {
                    self.out.push('\n');
                }
                self.newline();
            }
            first = false;
            if let Some(next) = self.attribute(trees, i) {
                i = next;
                blank = false;
                continue;
            }
            // One line: up to `,` or `;`, or a block that ends it.
            let (end, ends_item) = line_end(trees, i);
            self.arm_or_line(&trees[i..end]);
            blank = ends_item;
            i = end;
        }
        // Trailing whitespace of blank lines never reaches the output.
        if self.out.ends_with(' ') {
            let trimmed = self.out.trim_end_matches(' ').len();
            self.out.truncate(trimmed);
        }
    }

    /// An attribute starting at `i` (`#[…]` or `#![…]`), written on its own
    /// line; doc attributes become `///` or `//!` comments. Returns the
    /// index after it.
    fn attribute(&mut self, trees: &[Tree], i: usize) -> Option<usize> {
        if !trees[i].is_punct('#') {
            return None;
        }
        let inner = trees.get(i + 1).is_some_and(|tree| tree.is_punct('!'));
        let bracket = i + 1 + usize::from(inner);
        let Some(Tree::Group(Delimiter::Bracket, content)) = trees.get(bracket) else {
            return None;
        };
        if let Some(text) = doc_text(content) {
            self.out.push_str(if inner { "//!" } else { "///" });
            self.out.push_str(&text);
        } else {
            self.out.push_str(if inner { "#![" } else { "#[" });
            self.attribute = true;
            self.list(content);
            self.attribute = false;
            self.out.push(']');
        }
        Some(bracket + 1)
    }

    /// A line; a match arm whose patterns do not fit gets one alternative
    /// per line, each after the first led by `|`.
    fn arm_or_line(&mut self, trees: &[Tree]) {
        let arrow = trees.windows(2).position(|pair| {
            matches!(
                pair,
                [Tree::Punct('=', Spacing::Joint), Tree::Punct('>', _)]
            )
        });
        let Some(arrow) = arrow else {
            return self.line(trees);
        };
        let alternatives = split_top_level(&trees[..arrow], '|');
        if alternatives.len() < 2 || self.fits(&self.inline(trees)) {
            return self.line(trees);
        }
        for (index, alternative) in alternatives.iter().enumerate() {
            if index > 0 {
                self.newline();
                self.out.push_str("| ");
            }
            self.line(alternative);
        }
        self.out.push(' ');
        self.line(&trees[arrow..]);
    }

    /// Tokens on one logical line; nested groups may break it.
    fn line(&mut self, trees: &[Tree]) {
        let mut state = LineState {
            last: Last::Start,
            generics: Vec::new(),
            closure: false,
        };
        let mut i = 0;
        while i < trees.len() {
            let last = state.last;
            match &trees[i] {
                Tree::Ident(word) => {
                    if !matches!(last, Last::Start | Last::Prefix | Last::Bang) {
                        self.out.push(' ');
                    }
                    self.out.push_str(word);
                    state.last = match KEYWORDS.contains(&word.as_str()) {
                        true => Last::Keyword,
                        false => Last::Word,
                    };
                }
                Tree::Literal(literal) => {
                    if !matches!(last, Last::Start | Last::Prefix) {
                        self.out.push(' ');
                    }
                    self.out.push_str(literal);
                    state.last = Last::Word;
                }
                Tree::Group(delimiter, content) => {
                    self.group(*delimiter, content, &trees[..i], last);
                    state.last = Last::Close;
                }
                Tree::Punct(c, spacing) => {
                    // A joint operator is written whole: `::`, `=>`, `..=`.
                    let mut op = c.to_string();
                    let mut end = i;
                    // In generics, `>>` closes two lists.
                    let mut joint = *spacing == Spacing::Joint
                        && *c != '\''
                        && (*c != '>' || state.generics.is_empty());
                    while joint {
                        let Some(Tree::Punct(next, spacing)) = trees.get(end + 1) else {
                            break;
                        };
                        op.push(*next);
                        joint = *spacing == Spacing::Joint;
                        end += 1;
                    }
                    self.operator(&op, &mut state, trees.get(end + 1), &trees[..i]);
                    i = end;
                }
            }
            i += 1;
        }
    }

    /// A group on a line: a brace block on lines of its own, anything else
    /// inline (lists break when too wide).
    fn group(&mut self, delimiter: Delimiter, content: &[Tree], before: &[Tree], last: Last) {
        let tight = match delimiter {
            Delimiter::Parenthesis => {
                matches!(
                    last,
                    Last::Word | Last::Bang | Last::GenericClose | Last::Close
                ) || before.last().is_some_and(|tree| tree.is_ident("pub"))
            }
            Delimiter::Bracket => last == Last::Bang,
            _ => false,
        };
        if !tight && !matches!(last, Last::Start | Last::Prefix) {
            self.out.push(' ');
        }
        match delimiter {
            Delimiter::Brace if is_block(before, content) => {
                self.out.push('{');
                self.indent += 1;
                self.newline();
                self.block(content, is_item_container(before));
                self.indent -= 1;
                self.newline();
                self.out.push('}');
            }
            Delimiter::Brace if content.is_empty() => self.out.push_str("{}"),
            Delimiter::Brace => {
                let inline = self.inline(content);
                let elements = split_top_level(content, ',');
                if self.fits(&inline) || elements.len() <= 1 {
                    self.out.push_str("{ ");
                    self.out.push_str(&inline);
                    self.out.push_str(" }");
                } else {
                    self.out.push('{');
                    self.broken(&elements);
                    self.out.push('}');
                }
            }
            Delimiter::Parenthesis => {
                self.out.push('(');
                self.list(content);
                self.out.push(')');
            }
            Delimiter::Bracket => {
                self.out.push('[');
                self.list(content);
                self.out.push(']');
            }
            Delimiter::None => unreachable!("invisible groups are flattened"),
        }
    }

    /// Writes an operator with the spaces its role calls for.
    fn operator(&mut self, op: &str, state: &mut LineState, next: Option<&Tree>, before: &[Tree]) {
        let last = state.last;
        let after_operand = matches!(last, Last::Word | Last::Close | Last::GenericClose);
        let spaced = !matches!(last, Last::Start | Last::Prefix);
        state.last = match op {
            "," | ";" | ":" => {
                self.out.push_str(op);
                Last::Infix
            }
            "." => {
                self.out.push('.');
                Last::Prefix
            }
            "?" => {
                self.out.push('?');
                Last::Close
            }
            ".." | "..=" => {
                if !after_operand && spaced {
                    self.out.push(' ');
                }
                self.out.push_str(op);
                match next {
                    Some(Tree::Literal(_) | Tree::Ident(_)) => Last::Prefix,
                    _ => Last::Word,
                }
            }
            "::" => {
                if matches!(last, Last::Keyword | Last::Infix) {
                    self.out.push(' ');
                }
                self.out.push_str("::");
                Last::Prefix
            }
            // A lifetime: the quote and its name read as one word.
            "'" => {
                if spaced {
                    self.out.push(' ');
                }
                self.out.push('\'');
                Last::Prefix
            }
            "<" if matches!(last, Last::Word | Last::Keyword | Last::Prefix) => {
                state.generics.push(last == Last::Keyword);
                self.out.push('<');
                Last::Prefix
            }
            ">" if !state.generics.is_empty() => {
                self.out.push('>');
                match state.generics.pop() {
                    Some(true) => Last::Infix,
                    _ => Last::GenericClose,
                }
            }
            "!" if last == Last::Word
                && matches!(next, Some(Tree::Group(..)))
                && !before.last().is_some_and(|tree| tree.is_ident("impl")) =>
            {
                self.out.push('!');
                Last::Bang
            }
            // Generated code has no binary `&`, `*` or `-`: each is a
            // reference, a dereference or a sign.
            "&" | "*" | "-" => {
                if spaced {
                    self.out.push(' ');
                }
                self.out.push_str(op);
                Last::Prefix
            }
            "!" if !after_operand => {
                if spaced {
                    self.out.push(' ');
                }
                self.out.push_str(op);
                Last::Prefix
            }
            // Closure parameters, written tight: `|code| …`.
            "|" if !after_operand => {
                if spaced {
                    self.out.push(' ');
                }
                self.out.push('|');
                state.closure = true;
                Last::Start
            }
            "|" if state.closure => {
                self.out.push('|');
                state.closure = false;
                Last::Infix
            }
            _ => {
                if last != Last::Start {
                    self.out.push(' ');
                }
                self.out.push_str(op);
                Last::Infix
            }
        };
    }

    /// The contents of a `(…)` or `[…]` group: on the line when they fit,
    /// else one element per line.
    fn list(&mut self, content: &[Tree]) {
        let inline = self.inline(content);
        if self.fits(&inline) {
            self.out.push_str(&inline);
            return;
        }
        let elements = split_top_level(content, ',');
        match elements.len() {
            // One element: its own groups break instead.
            0 | 1 => self.line(content),
            _ => self.broken(&elements),
        }
    }

    /// `content` on one line, as it would be written here.
    fn inline(&self, content: &[Tree]) -> String {
        let mut inline = Printer {
            out: String::new(),
            indent: self.indent,
            attribute: self.attribute,
        };
        inline.line(content);
        inline.out
    }

    /// Whether `inline` and a closing delimiter fit on the current line.
    fn fits(&self, inline: &str) -> bool {
        // The closing delimiter, and room for what may close after it
        // (`)),`), which this group cannot see.
        !inline.contains('\n') && self.column() + inline.chars().count() + 3 <= MAX_WIDTH
    }

    /// `elements` one per line, one indent deeper, each followed by a comma
    /// (but the last of an attribute's list), then the closing line.
    fn broken(&mut self, elements: &[&[Tree]]) {
        self.indent += 1;
        for (index, element) in elements.iter().enumerate() {
            self.newline();
            self.line(element);
            if !self.attribute || index + 1 < elements.len() {
                self.out.push(',');
            }
        }
        self.indent -= 1;
        self.newline();
    }
}

/// Where the line starting at `start` ends: after `,` or `;` at this level,
/// or after a block group that is not followed by `else`, `,`, `;`, `.` or
/// `)`. The flag tells whether the line ends an item or a statement (`;`
/// or a block), after which items get a blank line.
fn line_end(trees: &[Tree], start: usize) -> (usize, bool) {
    let mut i = start;
    let mut generics = Generics::default();
    while i < trees.len() {
        if generics.step(trees, i) {
            i += 1;
            continue;
        }
        match &trees[i] {
            Tree::Punct(',', _) => return (i + 1, false),
            Tree::Punct(';', _) => return (i + 1, true),
            Tree::Group(Delimiter::Brace, content) if is_block(&trees[start..i], content) => {
                match trees.get(i + 1) {
                    Some(Tree::Punct(',' | ';' | '.' | '?', _)) => {}
                    Some(tree) if tree.is_ident("else") => {}
                    _ => return (i + 1, true),
                }
            }
            // An attribute inside a line (`#[inline] fn`) starts a new one.
            Tree::Punct('#', _) if i > start => return (i, false),
            _ => {}
        }
        i += 1;
    }
    (trees.len(), false)
}

/// Whether a brace group is a block (its contents on lines of their own)
/// rather than a struct literal or pattern on one line.
fn is_block(before: &[Tree], content: &[Tree]) -> bool {
    !content.is_empty() && (before_keyword(before, BLOCK_KEYWORDS) || has_block(content))
}

/// Whether `content` holds a statement, an arm, an attribute or a block.
fn has_block(content: &[Tree]) -> bool {
    content.iter().enumerate().any(|(i, tree)| match tree {
        Tree::Punct(';', _) | Tree::Punct('#', _) => true,
        Tree::Punct('=', Spacing::Joint) => {
            content.get(i + 1).is_some_and(|next| next.is_punct('>'))
        }
        Tree::Group(Delimiter::Brace, inner) => is_block(&content[..i], inner),
        _ => false,
    })
}

/// Whether the tokens before a brace group, since the last `,` or `;` of
/// their level (outside generics) or the last block, hold one of
/// `keywords`.
fn before_keyword(before: &[Tree], keywords: &[&str]) -> bool {
    let mut generics = Generics::default();
    let mut start = 0;
    for (i, tree) in before.iter().enumerate() {
        if generics.step(before, i) {
            continue;
        }
        if matches!(
            tree,
            Tree::Punct(',' | ';', _) | Tree::Group(Delimiter::Brace, _)
        ) {
            start = i + 1;
        }
    }
    before[start..]
        .iter()
        .any(|tree| matches!(tree, Tree::Ident(word) if keywords.contains(&word.as_str())))
}

/// Whether a block holds items (a module, an impl, a trait or
/// `const _: () = { … }`), which blank lines separate.
fn is_item_container(before: &[Tree]) -> bool {
    let statement_start = before
        .iter()
        .rposition(|tree| {
            matches!(
                tree,
                Tree::Punct(',' | ';', _) | Tree::Group(Delimiter::Brace, _)
            )
        })
        .map_or(0, |i| i + 1);
    let statement = &before[statement_start..];
    let words: Vec<&str> = statement
        .iter()
        .filter_map(|tree| match tree {
            Tree::Ident(word) => Some(word.as_str()),
            _ => None,
        })
        .collect();
    words
        .iter()
        .any(|word| matches!(*word, "impl" | "mod" | "trait"))
        || (words.first() == Some(&"const") && words.get(1) == Some(&"_"))
}

/// How deep a scan is inside `<…>` generics, whose commas separate
/// nothing on the line (`Result<Self, E>`).
#[derive(Default)]
struct Generics {
    depth: usize,
}

impl Generics {
    /// Takes the token at `i` into account; whether it is inside generics
    /// or one of their angle brackets.
    fn step(&mut self, trees: &[Tree], i: usize) -> bool {
        let previous = i.checked_sub(1).map(|j| &trees[j]);
        match &trees[i] {
            Tree::Punct('<', Spacing::Alone)
                if matches!(previous, Some(Tree::Ident(_)) | Some(Tree::Punct(':', _))) =>
            {
                self.depth += 1;
                true
            }
            // `->` and `=>` close nothing.
            Tree::Punct('>', _)
                if self.depth > 0
                    && !matches!(previous, Some(Tree::Punct('-' | '=', Spacing::Joint))) =>
            {
                self.depth -= 1;
                true
            }
            _ => self.depth > 0,
        }
    }
}

/// `trees` split at the `separator` puncts of their own level; a trailing
/// separator makes no empty element.
fn split_top_level(trees: &[Tree], separator: char) -> Vec<&[Tree]> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut generics = Generics::default();
    for (i, tree) in trees.iter().enumerate() {
        if generics.step(trees, i) {
            continue;
        }
        if tree.is_punct(separator) {
            parts.push(&trees[start..i]);
            start = i + 1;
        }
    }
    if start < trees.len() {
        parts.push(&trees[start..]);
    }
    parts
}

/// The text of a `doc = "…"` attribute, when it can be a `///` comment: a
/// doc comment cannot hold a line break, a bidi control or another control
/// character, which the attribute form can.
fn doc_text(content: &[Tree]) -> Option<String> {
    let [
        Tree::Ident(doc),
        Tree::Punct('=', _),
        Tree::Literal(literal),
    ] = content
    else {
        return None;
    };
    if doc != "doc" {
        return None;
    }
    // `///` in `quote!` becomes a raw string; spec text a plain one.
    let text = match literal.strip_prefix('r') {
        Some(raw) => {
            let hashes = raw.len() - raw.trim_start_matches('#').len();
            let fence = &raw[..hashes];
            raw[hashes..]
                .strip_prefix('"')?
                .strip_suffix(fence)?
                .strip_suffix('"')?
                .to_string()
        }
        None => unescape(literal.strip_prefix('"')?.strip_suffix('"')?)?,
    };
    let plain = text
        .chars()
        .all(|c| !c.is_control() && !crate::docs::is_bidi_control(c));
    plain.then_some(text)
}

/// The value of a string literal's body as proc_macro2 escapes it.
fn unescape(body: &str) -> Option<String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            c @ ('\\' | '"' | '\'') => c,
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                char::from(u8::from_str_radix(&hex, 16).ok()?)
            }
            'u' => {
                let rest = chars.as_str().strip_prefix('{')?;
                let (hex, after) = rest.split_once('}')?;
                let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                chars = after.chars();
                c
            }
            _ => return None,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::layout;
    use quote::quote;

    #[test]
    fn items_arms_and_docs_are_laid_out() {
        let tokens = quote! {
            #[doc = " A light."]
            #[derive(Debug, Clone, Copy)]
            pub enum Light {
                #[doc = " `1`: red."]
                Red = 1,
                Green = 2,
            }
            impl Light {
                #[doc = " The code."]
                pub const fn code(self) -> i32 {
                    self as i32
                }
                pub const fn from_code(code: i32) -> Option<Self> {
                    match code {
                        1 => Some(Self::Red),
                        2..=3 | 5 => Some(Self::Green),
                        _ => None,
                    }
                }
            }
        };
        assert_eq!(
            layout(tokens),
            "\
/// A light.
#[derive(Debug, Clone, Copy)]
pub enum Light {
    /// `1`: red.
    Red = 1,
    Green = 2,
}

impl Light {
    /// The code.
    pub const fn code(self) -> i32 {
        self as i32
    }

    pub const fn from_code(code: i32) -> Option<Self> {
        match code {
            1 => Some(Self::Red),
            2..=3 | 5 => Some(Self::Green),
            _ => None,
        }
    }
}"
        );
    }

    #[test]
    fn generics_paths_references_and_patterns() {
        let tokens = quote! {
            impl<'a> ::codes_runtime::CodeEnum for Object<'a> {
                type Code<'b> = &'b str;
                fn f(&self, x: &'static [&'static str]) -> Result<S::Ok, S::Error> {
                    let Fields { code, object } = Fields::deserialize(d)?;
                    if let Some(x) = y.get(0) {
                        return Err(E::new(x));
                    } else {
                        *self
                    }
                }
            }
            const ALL: [Self; 2] = [Self::A, Self::B];
        };
        assert_eq!(
            layout(tokens),
            "\
impl<'a> ::codes_runtime::CodeEnum for Object<'a> {
    type Code<'b> = &'b str;

    fn f(&self, x: &'static [&'static str]) -> Result<S::Ok, S::Error> {
        let Fields { code, object } = Fields::deserialize(d)?;
        if let Some(x) = y.get(0) {
            return Err(E::new(x));
        } else {
            *self
        }
    }
}

const ALL: [Self; 2] = [Self::A, Self::B];"
        );
    }

    #[test]
    fn long_lists_break_one_element_per_line() {
        let names: Vec<proc_macro2::Ident> = (0..12)
            .map(|i| quote::format_ident!("LongVariantName{i}"))
            .collect();
        let tokens = quote! {
            #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(into = "i32", try_from = "i32"))]
            pub const ALL: [Self; 12] = [#(Self::#names),*];
        };
        let text = layout(tokens);
        assert!(text.starts_with(
            "#[cfg_attr(\n    feature = \"serde\",\n    derive(serde::Serialize, serde::Deserialize),\n    serde(into = \"i32\", try_from = \"i32\")\n)]\n"
        ), "{text}");
        assert!(
            text.contains("= [\n    Self::LongVariantName0,\n    Self::LongVariantName1,\n"),
            "{text}"
        );
        assert!(text.ends_with("    Self::LongVariantName11,\n];"), "{text}");
    }

    #[test]
    fn docs_that_a_comment_cannot_hold_stay_attributes() {
        let tokens = quote! {
            #[doc = " plain \"quoted\" text"]
            #[doc = " x\u{202e}y"]
            struct A;
        };
        assert_eq!(
            layout(tokens),
            "/// plain \"quoted\" text\n#[doc = \" x\\u{202e}y\"]\nstruct A;"
        );
    }

    #[test]
    fn closures_and_macros() {
        let tokens = quote! {
            fn f() {
                let x = y.map(|code| code + 1).ok_or(E)?;
                write!(f, "{}", x)
            }
        };
        assert_eq!(
            layout(tokens),
            "fn f() {\n    let x = y.map(|code| code + 1).ok_or(E)?;\n    write!(f, \"{}\", x)\n}"
        );
    }
}
