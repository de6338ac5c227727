//! The bill's other coded columns: `media_type`, `agent_type` and
//! `callIn_out`, every vendor row asserted by hand from the vendor's pages,
//! and decoding that keeps whatever the column holds.

use cec_codes::{AgentType, CallDirection, Code, CodeEnum, Enumerable, Lang, MediaType, TextCode};
use proptest::prelude::*;

#[test]
fn media_types_of_the_bill_page() {
    // "Media Type", cec_07_4244, updated 2023-09-27 (2025-11-13 the same).
    let rows = [
        (1, "TextChat", "Text chat"),
        (5, "VoiceCall", "Common voice call"),
    ];
    assert_eq!(MediaType::ALL.len(), rows.len());
    for ((code, name, description), media) in rows.into_iter().zip(MediaType::ALL) {
        assert_eq!(media.code(), code);
        assert_eq!(media.name(), name);
        assert_eq!(media.description(), description);
        assert_eq!(
            media.description_in(Lang::Zh),
            description,
            "no Chinese page: English"
        );
        assert_eq!(MediaType::from_code(code), Some(media));
    }
    assert_eq!(MediaType::from_code(2), None);
    assert_eq!(Code::<MediaType>::from_code(3).code(), 3);
}

#[test]
fn agent_types_of_the_2025_page_with_their_constants() {
    // "Agent Type Description", cec_07_0701, updated 2025-11-13.
    let rows = [
        (0, "AGENT_TYPE_EXTENSION", "Extension type."),
        (1, "AGENT_TYPE_USERLINE", "Type of a subscriber line"),
        (
            2,
            "AGENT_TYPE_1B1D",
            "1B+D agents (including TUAs and always-off-hook agents)",
        ),
        (
            3,
            "AGENT_TYPE_SINGLE_PHONE",
            "Single and non-permanently held phone agent",
        ),
        (4, "AGENT_TYPE_PC_PHONE", "PC+Phone agent"),
        (5, "AGENT_TYPE_ISDN_2BD", "2B+D video agent"),
        (6, "AGENT_TYPE_ISDN_6BD", "6B+D video agent"),
        (
            7,
            "AGENT_TYPE_1B1D_PHONE",
            "Phone agent, which is similar to the 1B+1D agent on the CTI side",
        ),
        (8, "AGENT_TYPE_MANAGER", "Configuration management agent"),
        (9, "AGENT_TYPE_NB1D", "nB+D agent"),
        (10, "AGENT_TYPE_NET", "network agent"),
        (
            11,
            "AGENT_TYPE_PC_PHONE_VIDEO",
            "Video agent (with audio and video capabilities)",
        ),
        (
            12,
            "AGENT_TYPE_SINGLE_PHONE_VIDEO",
            "Single-phone video agents",
        ),
        (13, "AGENT_TYPE_EMEDIA", "Multimedia Agent"),
    ];
    assert_eq!(AgentType::ALL.len(), rows.len());
    for ((code, constant, description), agent) in rows.into_iter().zip(AgentType::ALL) {
        assert_eq!(agent.code(), code);
        assert_eq!(agent.constant(), constant);
        assert_eq!(AgentType::from_constant(constant), Some(agent));
        assert_eq!(agent.description(), description);
        assert_eq!(agent.name().parse::<AgentType>(), Ok(agent));
    }
    assert_eq!(
        AgentType::from_constant("agent_type_extension"),
        None,
        "exact"
    );
    assert_eq!(AgentType::from_code(14), None);
}

#[test]
fn call_directions_are_the_vendors_text_values() {
    // The `callIn_out` cell of the Chinese bill format page, cec_07_4238.
    let rows = [
        ("呼入", "Inbound"),
        ("呼出", "Outbound"),
        ("IVR呼出", "IvrOutbound"),
        ("outbound呼出", "OutboundCampaign"),
    ];
    assert_eq!(CallDirection::ALL.len(), rows.len());
    for ((code, name), direction) in rows.into_iter().zip(CallDirection::ALL) {
        assert_eq!(direction.code(), code);
        assert_eq!(direction.name(), name);
        assert_eq!(CallDirection::from_code(code), Some(direction));
        // The vendor lists the value alone: it is its own description.
        assert_eq!(direction.description(), code);
        assert_eq!(direction.description_in(Lang::Zh), code);
        assert_eq!(<CallDirection as CodeEnum>::code(direction), code);
    }
    assert_eq!(CallDirection::from_code("呼入 "), None, "byte for byte");
    assert_eq!(CallDirection::from_code("ivr呼出"), None, "byte for byte");
    // Ordered by code, as every code enum.
    let mut sorted = CallDirection::ALL;
    sorted.sort();
    let codes: Vec<&str> = sorted.iter().map(|direction| direction.code()).collect();
    let mut expected: Vec<&str> = CallDirection::ALL.iter().map(|d| d.code()).collect();
    expected.sort();
    assert_eq!(codes, expected);
    assert_eq!(<CallDirection as Enumerable>::ALL.len(), 4);
}

#[test]
fn an_unknown_text_survives_as_itself() {
    let known = TextCode::<CallDirection>::from_code("呼出");
    assert_eq!(known, TextCode::Known(CallDirection::Outbound));
    assert_eq!(known.as_str(), "呼出");
    let unknown = TextCode::<CallDirection>::from_code("回呼");
    assert_eq!(unknown.known(), None);
    assert_eq!(unknown.as_str(), "回呼");
    assert_eq!(unknown.to_string(), "回呼");
    assert_eq!(known.to_string(), "Outbound");
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
