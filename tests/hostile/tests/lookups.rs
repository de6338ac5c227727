//! Tables larger than a lookup's `match` are read by binary search of their
//! names, constants and text codes sorted by bytes: every entry is found,
//! and nothing else.

use codes_hostile::{Many, ManyText};
use codes_runtime::Enumerable;

#[test]
fn every_name_constant_and_code_of_a_large_table_is_found() {
    assert_eq!((Many::COUNT, ManyText::COUNT), (80, 70));
    for value in Many::ALL {
        assert_eq!(Many::from_name(value.name()), Some(value));
        assert_eq!(value.name().parse::<Many>(), Ok(value));
        assert_eq!(Many::from_constant(value.constant()), Some(value));
        assert_eq!(Many::from_code(value.code()), Some(value));
    }
    for value in ManyText::ALL {
        assert_eq!(ManyText::from_name(value.name()), Some(value));
        assert_eq!(ManyText::from_code(value.code()), Some(value));
    }
}

#[test]
fn the_values_a_large_table_lists_are_its_variants_in_order() {
    assert!(Many::values().eq(Many::ALL));
    assert!(Many::values().rev().eq(Many::ALL.into_iter().rev()));
    assert_eq!(Many::values().len(), <Many as Enumerable>::COUNT);
    assert_eq!(<Many as Enumerable>::nth(Many::COUNT), None);
    assert!(ManyText::values().eq(ManyText::ALL));
    assert_eq!(<ManyText as Enumerable>::nth(ManyText::COUNT), None);
}

#[test]
fn a_large_table_finds_exactly_its_own_texts() {
    assert_eq!(Many::from_name("Alpha").map(Many::code), Some(-100));
    assert_eq!(Many::from_name("AlphaA").map(Many::code), Some(-97));
    assert_eq!(Many::from_name("AlphaB").map(Many::code), Some(-94));
    assert_eq!(Many::from_constant("K_中2").map(Many::name), Some("AlphaB"));
    assert_eq!(
        ManyText::from_code("a\u{0}").map(ManyText::name),
        Some("Text2")
    );
    assert_eq!(ManyText::from_code("中").map(ManyText::name), Some("Text5"));
    for unknown in [
        "", "A", "alpha", "Alpha ", "ALPHA", "Alph", "Zz", "Beta80", "\u{0}", "Ω",
    ] {
        assert_eq!(Many::from_name(unknown), None, "{unknown:?}");
        assert_eq!(Many::from_constant(unknown), None, "{unknown:?}");
        assert_eq!(ManyText::from_code(unknown), None, "{unknown:?}");
        assert_eq!(ManyText::from_name(unknown), None, "{unknown:?}");
    }
    assert_eq!(Many::from_constant("K_é"), None);
    assert_eq!(ManyText::from_code("a"), Some(ManyText::Text0));
    assert_eq!(ManyText::from_code("ab"), Some(ManyText::Text1));
    assert_eq!(ManyText::from_code("a\u{0}6"), None);
}

#[test]
fn a_table_wider_than_one_integer_match_decodes_every_code_and_nothing_else() {
    use codes_hostile::{Wide, Wide0WideCause, WideCause};

    assert_eq!(Wide::COUNT, 600);
    let mut codes: Vec<i32> = Wide::ALL.iter().map(|value| value.code()).collect();
    for (position, value) in Wide::ALL.into_iter().enumerate() {
        assert_eq!(Wide::from_code(value.code()), Some(value));
        assert_eq!(Wide::try_from(value.code()), Ok(value));
        // `position()` reads the tables of names and texts.
        assert_eq!(value.name(), format!("Wide{position}"));
        assert_eq!(value.description(), format!("wide {position}"));
        assert_eq!(<Wide as Enumerable>::nth(position), Some(value));
    }
    codes.sort_unstable();
    for pair in codes.windows(2) {
        for code in pair[0] + 1..pair[1].min(pair[0] + 4) {
            assert_eq!(Wide::from_code(code), None, "{code} is not a row's");
        }
    }
    assert_eq!(Wide::from_code(i32::MIN).map(Wide::name), Some("Wide599"));
    assert_eq!(Wide::from_code(i32::MAX).map(Wide::name), Some("Wide598"));
    assert_eq!(Wide::from_code(i32::MAX - 1), None);
    assert_eq!(Wide::from_code(1), None);
    // Two rows list reasons; `decode` matches them, and any other row by `_`.
    assert_eq!(
        WideCause::decode(Wide::Wide0, 7),
        WideCause::Wide0(Wide0WideCause::Seven)
    );
    assert_eq!(WideCause::decode(Wide::Wide1, 7).name(), "Digit");
    assert_eq!(WideCause::decode(Wide::Wide1, 7).code(), 7);
    assert_eq!(WideCause::decode(Wide::Wide1, 10).name(), "Unlisted");
    assert_eq!(Wide::Wide0.reasons().len(), 1);
    for value in Wide::ALL.into_iter().skip(2) {
        assert_eq!(WideCause::decode(value, 7).name(), "Unlisted");
        assert!(value.reasons().is_empty());
    }
}
