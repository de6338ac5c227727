//! The downstream crate gets the same API shape as cec-codes.

use downstream_example::{
    CallResult, Code, SaleWrapUpReason, WrapUp, WrapUpObject, WrapUpReason, WrapUpRecord,
};

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
}

#[test]
fn a_second_table_with_objects_and_reasons_decodes_records() {
    let record = WrapUpRecord::decode(10, "spring-sale", 42);
    assert_eq!(record.code, Code::Known(WrapUp::Sale));
    assert_eq!(record.object, WrapUpObject::CampaignId("spring-sale"));
    assert_eq!(
        record.reason,
        WrapUpReason::Sale(SaleWrapUpReason::ProductLine(42))
    );
    assert_eq!(record.encode(), (10, "spring-sale", 42));
    assert_eq!(
        record.to_string(),
        "Sale (10: The call ended in a sale.) on Campaign ID \"spring-sale\", reason ProductLine (42: The product line sold.)"
    );
}
