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
