//! The bill's other coded columns: `media_type`, `agent_type` and
//! `callIn_out`: decoding by code, name and constant, and decoding that
//! keeps whatever the column holds (the vendor's rows are held against
//! the pages in `tests/vendor_table.rs`).

use cec_codes::{AgentType, CallDirection, Code, CodeEnum, Enumerable, Lang, MediaType, TextCode};
use proptest::prelude::*;

#[test]
fn media_types_decode_by_code_name_and_constant() {
    for media in MediaType::ALL {
        assert_eq!(MediaType::from_code(media.code()), Some(media));
        assert_eq!(MediaType::from_constant(media.constant()), Some(media));
        assert_eq!(media.name().parse::<MediaType>(), Ok(media));
        assert_eq!(media.description(), media.description_in(Lang::En));
        assert_eq!(
            Code::<MediaType>::from_code(media.code()),
            Code::Known(media)
        );
    }
    let unlisted = (0..)
        .find(|&code| MediaType::from_code(code).is_none())
        .expect("a code the table does not list");
    assert_eq!(Code::<MediaType>::from_code(unlisted).code(), unlisted);
    assert_eq!(Code::<MediaType>::from_code(unlisted).known(), None);
}

#[test]
fn agent_types_decode_by_code_name_and_constant() {
    for agent in AgentType::ALL {
        assert_eq!(AgentType::from_code(agent.code()), Some(agent));
        assert_eq!(AgentType::from_constant(agent.constant()), Some(agent));
        assert_eq!(
            AgentType::from_constant(&agent.constant().to_lowercase()),
            None,
            "constants are exact"
        );
        assert_eq!(agent.name().parse::<AgentType>(), Ok(agent));
    }
    let unlisted = (0..)
        .find(|&code| AgentType::from_code(code).is_none())
        .expect("a code the table does not list");
    assert_eq!(Code::<AgentType>::from_code(unlisted).code(), unlisted);
}

#[test]
fn call_directions_are_the_vendors_text_values() {
    for direction in CallDirection::ALL {
        let code = direction.code();
        assert_eq!(CallDirection::from_code(code), Some(direction));
        assert_eq!(<CallDirection as CodeEnum>::code(direction), code);
        // The vendor lists the value alone: it is its own description.
        assert_eq!(direction.description(), code);
        assert_eq!(direction.description_in(Lang::Zh), code);
        // Byte for byte.
        assert_eq!(CallDirection::from_code(&format!("{code} ")), None);
        assert_eq!(CallDirection::from_code(&format!(" {code}")), None);
    }
    // Ordered by code, as every code enum.
    let mut sorted = CallDirection::ALL;
    sorted.sort();
    let codes: Vec<&str> = sorted.iter().map(|direction| direction.code()).collect();
    let mut expected: Vec<&str> = CallDirection::ALL.iter().map(|d| d.code()).collect();
    expected.sort_unstable();
    assert_eq!(codes, expected);
    assert!(<CallDirection as Enumerable>::values().eq(CallDirection::ALL));
}

#[test]
fn an_unknown_text_survives_as_itself() {
    for direction in CallDirection::ALL {
        let known = TextCode::<CallDirection>::from_code(direction.code());
        assert_eq!(known, TextCode::Known(direction));
        assert_eq!(known.as_str(), direction.code());
        assert_eq!(known.to_string(), direction.name());
    }
    let unknown = TextCode::<CallDirection>::from_code("回呼");
    assert_eq!(unknown.known(), None);
    assert_eq!(unknown.as_str(), "回呼");
    assert_eq!(unknown.to_string(), "回呼");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any text of the column decodes and gives back exactly its bytes.
    #[test]
    fn any_text_decodes_and_comes_back(text in prop_oneof![
        any::<String>(),
        prop::sample::select(vec!["呼入", "呼出", "IVR呼出", "outbound呼出", "", " 呼入", "呼入\u{0}"])
            .prop_map(str::to_string),
    ]) {
        let code = TextCode::<CallDirection>::from_code(&text);
        prop_assert_eq!(code.as_str(), text.as_str());
        prop_assert_eq!(code.known(), CallDirection::from_code(&text));
        if let Some(direction) = code.known() {
            prop_assert_eq!(direction.code(), text.as_str());
        }
    }
}
