//! `codes explain` and `codes list`, on the spec as of the 2023 pages
//! (frozen, as `codes.toml` of a folder of their own): what they print of
//! it stays what it is whatever a vendor update does to the repository's.

mod support;

use support::{Run, codes_in, repo, scratch};

/// Runs `codes` with `args` in a folder whose `codes.toml` is the frozen
/// spec.
fn codes(args: &[&str]) -> Run {
    let folder = scratch("explain-frozen");
    std::fs::copy(
        repo().join("tools/tests/fixtures/specs/codes-2023.toml"),
        folder.join("codes.toml"),
    )
    .expect("copy the frozen spec");
    codes_in(&folder, args)
}

#[test]
fn explain_an_operation_with_its_reasons() {
    let run = codes(&["explain", "27"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Operation 27: WorkStatus\n  Work status.\n  object: none (-1)\nReasons:\n  \
         0 AfterCallProcessing: after-call processing. The business side is set to automatically enter the on-work state.\n  \
         range 0-255 ManualAdjustment: manual adjustment. An agent manually enters the on-work state by invoking the interface.\n\
         Note: The default value is 0, indicating the after-call processing state.\n"
    );
}

#[test]
fn explain_a_reason_and_object_by_name() {
    let run = codes(&["explain", "rest", "12", "1001"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Operation 26: Rest\n  Be on holiday or take a rest.\n  object: Employee ID.\nObject: Employee ID \"1001\"\n\
         Reason 12: RestCause: The rest cause code is specified when the client invokes CCC_REQUEST_REST_EX_Msg. The default cause code is 0.\n  \
         (any code, default 0)\n"
    );
}

#[test]
fn explain_not_applicable_and_unlisted_reasons() {
    assert!(
        codes(&["explain", "3", "-1"])
            .stdout
            .contains("Reason -1: not applicable\n")
    );
    assert!(
        codes(&["explain", "3", "65535"])
            .stdout
            .contains("Reason 65535: not applicable\n")
    );
    assert!(
        codes(&["explain", "3", "6"])
            .stdout
            .contains("Reason 6: not listed for this operation type\n")
    );
    assert!(
        codes(&["explain", "20", "0"])
            .stdout
            .contains("Reason 0: Zero (the vendor gives no text)\n")
    );
}

#[test]
fn explain_unknown_operations_exits_1() {
    let run = codes(&["explain", "99", "3"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "Operation 99 is not in the table: a bill row with it is kept as unknown operation 99.\nReason 3: not listed for this operation type\n"
    );
    let run = codes(&["explain", "Bussy"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "codes: no operation type is named \"Bussy\"; `codes list` shows them all\n"
    );
}

#[test]
fn list_shows_every_operation_type() {
    let run = codes(&["list"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), cec_codes::OperationType::COUNT);
    assert!(run.stdout.starts_with("   0  SignOut "), "{}", run.stdout);
    assert!(run.stdout.contains("  58  Conference              The agent enters the conference state.  [object: Agent ID.]\n"));
    let with_reasons = codes(&["list", "--reasons"]).stdout;
    assert!(
        with_reasons.contains("     1-255  ClientError: The error is caused by the client.\n"),
        "{with_reasons}"
    );
    assert!(with_reasons.contains(
        "      note  The conversation status in these bills refers to only text conversations.\n"
    ));
}

#[test]
fn explain_in_chinese() {
    let run = codes(&["explain", "27", "--lang", "zh"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Operation 27: WorkStatus\n  工作状态。\n  object: none (-1)\nReasons:\n  \
         0 AfterCallProcessing: 事后整理,业务侧设置自动进入工作态。\n  \
         range 0-255 ManualAdjustment: 手动调整,由业务座席通过调用接口手动进入工作态。\n\
         Note: 缺省为0,即事后整理。\n"
    );
    let run = codes(&["explain", "rest", "12", "1001", "--lang", "zh"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Operation 26: Rest\n  座席休假(休息)。\n  object: 工号\nObject: 工号 \"1001\"\n\
         Reason 12: RestCause: 休息原因由客户端调用CCC_REQUEST_REST_EX_Msg时指定(默认0)。\n  \
         (any code, default 0)\n"
    );
    let english = codes(&["explain", "27", "--lang", "en"]);
    assert_eq!(english.stdout, codes(&["explain", "27"]).stdout);
}

#[test]
fn list_in_chinese() {
    let run = codes(&["list", "--lang", "zh", "--reasons"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("  58  Conference              座席进入“会议态”。  [object: 座席工号]\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("     1-255  ClientError: 客户端传入原因\n")
    );
    assert!(
        run.stdout
            .contains("      note  此通话态话单仅表示文字交谈时的话单\n")
    );
}

#[test]
fn list_the_other_tables_by_name_or_bill_column() {
    let media = codes(&["list", "media-type"]);
    assert_eq!(media.code, 0, "{}", media.stderr);
    assert_eq!(media.stdout.lines().count(), 29);
    assert!(media.stdout.starts_with(
        " 1  TextChat                 MEDIA_TYPE_CHAT                    Text chat\n"
    ));
    assert!(
        media.stdout.contains(
            "\n53  SocialChat               MEDIA_TYPE_MULTI_MEDIA_SOCIALCHAT  Text chat\n"
        )
    );
    // 54 and 55 are on the Chinese page only: their text in English too.
    assert!(
        media.stdout.ends_with(
            "\n55  H5Chat                   MEDIA_TYPE_MULTI_MEDIA_H5CHAT      H5视频\n"
        )
    );
    assert_eq!(codes(&["list", "media_type"]).stdout, media.stdout);
    let chinese = codes(&["list", "media-type", "--lang", "zh"]).stdout;
    assert!(
        chinese.contains(
            "\n53  SocialChat               MEDIA_TYPE_MULTI_MEDIA_SOCIALCHAT  文字交谈\n"
        )
    );

    let agents = codes(&["list", "agent_type"]).stdout;
    assert_eq!(agents.lines().count(), 14);
    assert!(
        agents
            .starts_with(" 0  Extension         AGENT_TYPE_EXTENSION           Extension type.\n")
    );
    assert!(
        agents.ends_with("13  Multimedia        AGENT_TYPE_EMEDIA              Multimedia Agent\n")
    );
}

#[test]
fn text_codes_align_by_display_width() {
    let run = codes(&["list", "callIn_out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // 呼入 is four columns wide on a terminal, IVR呼出 seven, outbound呼出
    // twelve: the names start in one column.
    assert_eq!(
        run.stdout,
        "呼入          Inbound\n\
         呼出          Outbound\n\
         IVR呼出       IvrOutbound\n\
         outbound呼出  OutboundCampaign\n"
    );
}

#[test]
fn reasons_of_a_table_without_reasons_is_refused() {
    let run = codes(&["list", "agent-type", "--reasons"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "codes: --reasons lists the reasons of operation types; other tables have none\n"
    );
}

#[test]
fn explain_a_media_type_in_both_languages() {
    let run = codes(&["explain", "--table", "media-type", "53"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Media type 53: SocialChat\n  Text chat\n  文字交谈\n  constant: MEDIA_TYPE_MULTI_MEDIA_SOCIALCHAT\n"
    );
    let chinese = codes(&[
        "explain",
        "--table",
        "media_type",
        "socialchat",
        "--lang",
        "zh",
    ]);
    assert_eq!(
        chinese.stdout,
        "Media type 53: SocialChat\n  文字交谈\n  Text chat\n  constant: MEDIA_TYPE_MULTI_MEDIA_SOCIALCHAT\n"
    );
    let by_constant = codes(&[
        "explain",
        "--table",
        "media-type",
        "MEDIA_TYPE_MULTI_MEDIA_H5CHAT",
    ]);
    assert_eq!(
        by_constant.stdout,
        "Media type 55: H5Chat\n  H5视频\n  constant: MEDIA_TYPE_MULTI_MEDIA_H5CHAT\n"
    );
    let unlisted = codes(&["explain", "--table", "media-type", "24"]);
    assert_eq!(
        (unlisted.code, unlisted.stdout.as_str()),
        (
            1,
            "Media type 24 is not in the table: a bill with it is kept as unlisted 24.\n"
        )
    );
    let with_reason = codes(&["explain", "--table", "media-type", "53", "1"]);
    assert_eq!(
        (with_reason.code, with_reason.stderr.as_str()),
        (
            2,
            "codes: REASON and OBJECT are those of an operation type; other tables have none\n"
        )
    );
}
