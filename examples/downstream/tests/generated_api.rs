//! The downstream crate gets the same API shape as cec-codes, on the same
//! runtime types: generic code over `codes_runtime` works for its tables.

use codes_runtime::{Code, CodeEnum, Enumerable};
use downstream_example::{
    CallResult, SaleWrapUpReason, WrapUp, WrapUpObject, WrapUpReason, WrapUpRecord,
    sale_wrap_up_reason,
};

/// Any generated table, listed as `code name` lines.
fn listing<T>() -> Vec<String>
where
    for<'a> T: Enumerable + CodeEnum<Code<'a> = i32>,
{
    T::values()
        .map(|value| format!("{} {}", value.code(), value.name()))
        .collect()
}

#[test]
fn a_table_without_reasons_is_a_plain_code_enum() {
    assert_eq!(CallResult::ALL.len(), 3);
    assert_eq!(CallResult::from_code(2), Some(CallResult::Busy));
    assert_eq!(
        CallResult::NoAnswer.description(),
        "Nobody answered before the timeout."
    );
    assert_eq!("Answered".parse::<CallResult>(), Ok(CallResult::Answered));
    assert_eq!(
        CallResult::try_from(7).unwrap_err().to_string(),
        "7 is not a known CallResult code"
    );
    assert_eq!(
        listing::<CallResult>(),
        ["0 Answered", "1 NoAnswer", "2 Busy"]
    );
    assert_eq!(listing::<WrapUp>(), ["10 Sale", "20 Callback"]);
}

#[test]
fn a_second_table_with_objects_and_reasons_decodes_records() {
    let record = WrapUpRecord::decode(10, "spring-sale", 42);
    assert_eq!(record.code(), Code::Known(WrapUp::Sale));
    assert!(
        matches!(record.object(), WrapUpObject::CampaignId(text) if text.as_str() == "spring-sale")
    );
    let product_line = sale_wrap_up_reason::ProductLine::new(42).expect("42 is a product line");
    assert_eq!(
        record.reason(),
        WrapUpReason::Sale(SaleWrapUpReason::ProductLine(product_line))
    );
    assert_eq!(record.encode(), (10, "spring-sale", 42));
    assert_eq!(
        record.to_string(),
        "Sale (10: The call ended in a sale.) on Campaign ID \"spring-sale\", reason ProductLine (42: The product line sold.)"
    );
}

#[test]
fn attributes_from_the_build_script_reach_the_generated_types() {
    use strum::IntoEnumIterator;
    // `code_enum_attribute("#[derive(strum::EnumIter)]")`: every enum whose
    // variants are the vendor's codes iterates.
    let results: Vec<CallResult> = CallResult::iter().collect();
    assert_eq!(results, CallResult::ALL);
    assert_eq!(WrapUp::iter().count(), 2);
}

#[test]
fn a_spec_without_markers_has_no_not_applicable() {
    // This spec declares no "not applicable" codes: -1 is just unlisted,
    // and an object of -1 is an object like any other.
    let record = WrapUpRecord::decode(10, "-1", -1);
    assert_eq!(record.reason().name(), "Unlisted");
    assert_eq!(record.object().as_str(), "-1");
    assert_eq!(record.encode(), (10, "-1", -1));
    assert_eq!(sale_wrap_up_reason::ProductLine::new(100), None);
}
