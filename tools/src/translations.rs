//! Texts the vendor gives in one language of a table's two pages but not
//! the other: what `codes check` reports as information, never as an error.
//!
//! A table transcribed from one language's page only (the media types have
//! no Chinese page here) is one finding, not one per text: every text of
//! it falls back to the other language, as documented on the generated
//! `description_in`.

use std::fmt;

use codes_codegen::model::Table;
use codes_codegen::{SourceMap, Spec};

use crate::lang::{Keys, Lang, SpecLang};
use crate::site::Site;

/// One text, or one page, missing in a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untranslated {
    /// The item, e.g. `row 3 of table OperationType`.
    pub item: String,
    /// What it lacks, e.g. `Chinese description (description_zh)` or
    /// `Chinese page`.
    pub missing: String,
    /// For a missing page, the language its texts are in, e.g. `English`.
    pub only_in: Option<&'static str>,
    /// The 1-based line of the item in the spec's text, where found.
    pub line: Option<usize>,
}

impl fmt::Display for Untranslated {
    /// `row 3 of table OperationType has no Chinese description
    /// (description_zh)`, `table MediaType has no Chinese page: its texts are
    /// English only`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} has no {}", self.item, self.missing)?;
        match self.only_in {
            Some(language) => write!(f, ": its texts are {language} only"),
            None => Ok(()),
        }
    }
}

/// Every untranslated text of `spec`, in spec order, located by `sources`,
/// the source map of the parse `spec` was validated from.
pub fn untranslated(spec: &Spec, sources: &SourceMap) -> Vec<Untranslated> {
    let mut found = Finder {
        sources,
        found: Vec::new(),
    };
    for (index, table) in spec.tables().iter().enumerate() {
        found.table(index, table);
    }
    found.found
}

/// The walk over a spec, collecting what it finds.
struct Finder<'s> {
    sources: &'s SourceMap,
    found: Vec<Untranslated>,
}

/// The spec key of a kind of text in a language (`description` or
/// `description_zh`), from the language's keys.
type Key = fn(Keys) -> &'static str;

const BOTH: [Lang; 2] = [Lang::En, Lang::Zh];

impl Finder<'_> {
    fn table(&mut self, index: usize, table: &Table) {
        let site = Site::table(index);
        let entry = format!("table {}", table.name());
        let missing_page = BOTH.into_iter().find(|lang| lang.page(table).is_none());
        if let Some(language) = missing_page {
            // One finding for the page; its texts all fall back.
            let only_in = Some(language.fallback().name());
            self.note(&site, entry, format!("{} page", language.name()), only_in);
            return;
        }
        for (kind_index, kind) in table.object_kinds().iter().enumerate() {
            let kind_site = site.object_kind(kind_index);
            let item = format!("object kind {} of {entry}", kind.name());
            self.text(
                &kind_site,
                &item,
                |lang| lang.text(kind.text()).is_some(),
                |keys| keys.text,
            );
        }
        for (row_index, row) in table.rows().iter().enumerate() {
            let row_site = site.row(row_index);
            let item = format!("row {} of {entry}", row.code());
            let description = |lang: Lang| lang.text(row.description()).is_some();
            self.text(&row_site, &item, description, |keys| keys.description);
            let notes = |lang: Lang| !lang.notes(row).is_empty();
            self.text(&row_site, &item, notes, |keys| keys.notes);
            for (reason_index, reason) in row.reasons().iter().enumerate() {
                let reason_site = row_site.reason(reason_index);
                let item = format!("reason {} of row {} of {entry}", reason.codes(), row.code());
                let description = |lang: Lang| lang.text(reason.description()).is_some();
                self.text(&reason_site, &item, description, |keys| keys.description);
            }
        }
    }

    /// A finding when a text is `given` in one language but not the
    /// other, at the `key` of the language it is in.
    fn text(&mut self, site: &Site, item: &str, given: impl Fn(Lang) -> bool, key: Key) {
        for lang in BOTH {
            let other = lang.fallback();
            if !given(lang) && given(other) {
                let (english, own) = (key(Lang::En.keys()), key(lang.keys()));
                let missing = format!("{} {english} ({own})", lang.name());
                self.note(
                    &site.key(key(other.keys())),
                    item.to_string(),
                    missing,
                    None,
                );
            }
        }
    }

    fn note(&mut self, site: &Site, item: String, missing: String, only_in: Option<&'static str>) {
        self.found.push(Untranslated {
            item,
            missing,
            only_in,
            line: site.line(self.sources),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::untranslated;
    use codes_codegen::Spec;

    const SPEC: &str = r#"
[source]
vendor = "V"
product = "P"
document = "D"

[[table]]
name = "Both"
title = "Both"
page = "p1"
columns = ["Code", "Description", "Object", "Reason"]
record = "R"
object = "O"
reason = "Cause"

[table.zh]
title = "两者"
page = "p2"
columns = ["代码", "含义", "对象", "原因"]

[[table.object_kind]]
name = "Employee"
text = "Employee ID."

[[table.row]]
code = 1
name = "One"
description = "One."
description_zh = "一。"
object = "Employee"
notes_zh = ["注。"]

[[table.row.reason]]
code = 2
name = "Two"
description_zh = "二"

[[table]]
name = "EnglishOnly"
title = "English only"
page = "p3"
columns = ["Code", "Description"]

[[table.row]]
code = 1
name = "One"
description = "One."
"#;

    #[test]
    fn each_text_missing_in_one_language_is_found_at_its_line() {
        let (spec, sources) = Spec::from_toml_with_sources("t.toml", SPEC).unwrap();
        let found: Vec<String> = untranslated(&spec, &sources)
            .iter()
            .map(|finding| format!("{}: {finding}", finding.line.unwrap_or(0)))
            .collect();
        assert_eq!(
            found,
            [
                "23: object kind Employee of table Both has no Chinese text (text_zh)",
                "31: row 1 of table Both has no English notes (notes)",
                "36: reason 2 of row 1 of table Both has no English description (description)",
                "38: table EnglishOnly has no Chinese page: its texts are English only",
            ]
        );
    }
}
