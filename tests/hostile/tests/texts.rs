//! Every hostile text of `codes.toml` comes back byte for byte, and the
//! generated code around it behaves as for any other text.

use codes_hostile::{
    Cause, ControlsCause, Entry, Hostile, HostileText, LineBreaksCause, NotApplicable, Plain,
    QuotesCause, SecondUniformCause, Target, TargetKind, Uniform, UniformCause, UniformTargetKind,
    line_breaks_cause, quotes_cause, second_uniform_cause,
};
use codes_runtime::{Code, CodeEnum, Lang, ReasonCodes};

const QUOTES: &str = "\"quotes\" and \\backslashes\\ and \"# and r#\"raw\"# and '\\''";
const TOKENS: &str = "#[cfg(any())] } fn injected() {} {} {0} {:?} {name} {{ }} \"); panic!(\"";
const LINE_BREAKS: &str = "line one\nline two\r\nline three\rline four\ttabbed\u{2028}line separator\u{2029}paragraph separator\u{85}next line";
const BRACES: &str = "#[cfg(any())] } fn injected() { {} {0} {:?} {{ }}";

#[test]
fn descriptions_come_back_byte_for_byte() {
    let expected = [
        (Hostile::Quotes, QUOTES),
        (
            Hostile::Comments,
            "*/ closes a comment, /* opens one, //! inner doc, /// outer doc, /** block */",
        ),
        (Hostile::Tokens, TOKENS),
        (Hostile::LineBreaks, LINE_BREAKS),
        (
            Hostile::Controls,
            "nul \u{0} bell \u{7} escape \u{1b}[31m delete \u{7f} c1 \u{90}",
        ),
        (
            Hostile::Bidi,
            "embed \u{202A} \u{202B} pop \u{202C} override \u{202D} \u{202E} isolate \u{2066} \u{2067} \u{2068} \u{2069} marks \u{200E} \u{200F} \u{61C}",
        ),
        (
            Hostile::Emoji,
            "family \u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467} joiner \u{200D} non-joiner \u{200C} space \u{200B} bom \u{FEFF} soft hyphen \u{AD} combining e\u{301}",
        ),
        (
            Hostile::Markup,
            "*emphasis* _emphasis_ `code` [link](https://example.com) <b>bold</b> &amp; ~~strike~~ | table | # heading $math$ \\",
        ),
        (
            Hostile::Urls,
            "https://example.com/path?query=1&x=2#fragment and http://example.org and www.example.net",
        ),
        (Hostile::Minimum, " leading and trailing spaces "),
        (Hostile::Maximum, "\\"),
    ];
    assert_eq!(expected.len(), Hostile::COUNT);
    for (row, text) in expected {
        assert_eq!(row.description(), text, "{row}");
    }
    assert_eq!(Plain::MinusOne.description(), "\"#");
}

#[test]
fn notes_object_texts_and_reasons_come_back_byte_for_byte() {
    assert_eq!(
        Hostile::Quotes.notes(),
        ["note with \"# and */", "note with {} {0} {:?} {{ }}"]
    );
    assert_eq!(Hostile::LineBreaks.notes(), ["note\nwith\nlines"]);
    assert_eq!(
        TargetKind::ALL.map(TargetKind::description),
        [
            "\"quoted\" \\ \"# */",
            "- a list item, not a list",
            "---",
            "1. not a numbered list",
            "    indented, not code",
        ]
    );
    let listed: Vec<_> = Hostile::Quotes
        .reasons()
        .iter()
        .map(|info| {
            let reason = info.reason;
            let zh = reason.description_in(Lang::Zh);
            (reason.name(), info.codes, reason.description(), zh)
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                "QuoteReason",
                ReasonCodes::Single(1),
                Some("reason \"# \\\" */"),
                Some("reason \"# \\\" */"),
            ),
            (
                "BraceRange",
                ReasonCodes::Range { start: 2, end: 9 },
                Some(BRACES),
                Some("原因 \"# */ {}"),
            ),
            (
                "InsideRange",
                ReasonCodes::Single(5),
                Some("a code inside a range stays allowed"),
                Some("a code inside a range stays allowed"),
            ),
        ]
    );
    let open = line_breaks_cause::OpenReason::new(7).expect("7 is open");
    assert_eq!(
        LineBreaksCause::OpenReason(open).description(),
        Some("open\n\"#\u{202E}")
    );
    assert_eq!(ControlsCause::MinusOne.description(), None);
    assert_eq!(ControlsCause::UsNoUse.description(), Some("\u{0}"));
}

/// Every table's rows carry their notes, tables without reasons and
/// text-keyed tables included, with the texts' language fallback.
#[test]
fn rows_of_every_table_carry_their_notes() {
    assert_eq!(Plain::MinusOne.notes(), ["plain note \"# */"]);
    assert_eq!(Plain::MinusOne.notes_in(Lang::En), ["plain note \"# */"]);
    assert_eq!(Plain::MinusOne.notes_in(Lang::Zh), ["中文说明 */"]);
    // Chinese only: the fallback in every language.
    assert_eq!(HostileText::Braces.notes(), ["只有中文的说明 {}"]);
    assert_eq!(
        HostileText::Braces.notes_in(Lang::En),
        ["只有中文的说明 {}"]
    );
    assert_eq!(HostileText::Quoted.notes_in(Lang::Zh), [""; 0]);
    assert_eq!(Uniform::First.notes(), ["one"]);
    // And through the trait, for code generic over any table.
    assert_eq!(
        CodeEnum::notes_in(Plain::MinusOne, Lang::Zh),
        ["中文说明 */"]
    );
    assert_eq!(
        CodeEnum::notes_in(HostileText::Braces, Lang::Zh),
        ["只有中文的说明 {}"]
    );
    assert!(CodeEnum::notes_in(NotApplicable::UsNoUse, Lang::En).is_empty());
}

#[test]
fn format_strings_in_texts_are_printed_not_interpreted() {
    assert_eq!(
        Entry::decode(0, "x", 3).to_string(),
        format!(
            "Quotes (0: {QUOTES}) on \"quoted\" \\ \"# */ \"x\", reason BraceRange (3: {BRACES})"
        )
    );
    assert_eq!(
        Entry::decode(2, "{}", 0).to_string(),
        format!("Tokens (2: {TOKENS}) on --- \"{{}}\", reason unlisted (0)")
    );
}

#[test]
fn names_are_plain_identifiers() {
    assert_eq!(Hostile::from_name("Tokens"), Some(Hostile::Tokens));
    assert_eq!(Hostile::Tokens.name(), "Tokens");
    assert_eq!("Quotes".parse::<Hostile>(), Ok(Hostile::Quotes));
    let brace_range = quotes_cause::BraceRange::new(4).expect("4 is in the brace range");
    assert_eq!(QuotesCause::BraceRange(brace_range).name(), "BraceRange");
    assert_eq!(
        "BraceRange(4)".parse::<QuotesCause>(),
        Ok(QuotesCause::BraceRange(brace_range))
    );
}

#[test]
fn decoding_around_hostile_text_is_lossless() {
    let row = Entry::decode(3, "-1", 12);
    assert_eq!(row.code(), Code::Known(Hostile::LineBreaks));
    assert_eq!(row.object(), Target::NotApplicable(NotApplicable::MinusOne));
    let open = line_breaks_cause::OpenReason::new(12).expect("12 is open");
    assert_eq!(
        row.reason(),
        Cause::LineBreaks(LineBreaksCause::OpenReason(open))
    );
    assert_eq!(row.encode(), (3, "-1", 12));
    // A code listed on its own wins over the range around it.
    assert_eq!(
        Cause::decode(Hostile::Quotes, 5),
        Cause::Quotes(QuotesCause::InsideRange)
    );
    // Listed -1 and 65535 win over "not applicable".
    assert_eq!(
        Cause::decode(Hostile::Controls, -1),
        Cause::Controls(ControlsCause::MinusOne)
    );
    assert_eq!(
        Cause::decode(Hostile::Controls, 65535),
        Cause::Controls(ControlsCause::UsNoUse)
    );
    assert_eq!(Hostile::from_code(i32::MIN), Some(Hostile::Minimum));
    assert_eq!(Hostile::from_code(i32::MAX), Some(Hostile::Maximum));
}

#[test]
fn a_table_where_every_row_has_everything() {
    for row in Uniform::ALL {
        assert_eq!(row.object_kind(), Some(UniformTargetKind::Anything));
    }
    assert_eq!(Uniform::First.notes(), ["one"]);
    assert_eq!(Uniform::Second.notes(), ["two"]);
    for code in [i32::MIN, -1, 0, 65535, i32::MAX] {
        let everything =
            second_uniform_cause::Everything::new(code).expect("a range of every code");
        assert_eq!(
            UniformCause::decode(Uniform::Second, code),
            UniformCause::Second(SecondUniformCause::Everything(everything))
        );
    }
    assert_eq!(UniformCause::decode(Uniform::First, 1).name(), "Unlisted");
    assert_eq!(UniformCause::decode(Uniform::First, 1).code(), 1);
}

#[test]
fn marker_texts_come_back_byte_for_byte() {
    assert_eq!(
        NotApplicable::MinusOne.description(),
        "\"not used\" */ #[doc] {} \u{202E}\n- a list item"
    );
    assert_eq!(
        NotApplicable::UsNoUse.description(),
        "US_NO_USE \u{0} `backticks` \\"
    );
}

#[test]
fn chinese_texts_and_text_codes_come_back_byte_for_byte() {
    use codes_hostile::{HostileText, Lang};
    assert_eq!(
        Hostile::Quotes.description_in(Lang::Zh),
        "中文 \"引号\" \\反斜杠\\ */ \u{202E} {0}"
    );
    assert_eq!(Hostile::Quotes.description_in(Lang::En), QUOTES);
    let codes = [
        "\"# r#\"",
        "呼入 \u{202E}",
        "line\nbreak",
        "{} {0} */",
        "\\",
    ];
    assert_eq!(HostileText::ALL.len(), codes.len());
    for (code, value) in codes.into_iter().zip(HostileText::ALL) {
        assert_eq!(value.code(), code);
        assert_eq!(HostileText::from_code(code), Some(value));
        assert_eq!(
            value.description(),
            code,
            "a code listed alone is its own text"
        );
    }
}
