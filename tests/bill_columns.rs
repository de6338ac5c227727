//! The bill's other coded columns: `media_type`, `agent_type` and
//! `callIn_out`, every vendor row asserted by hand from the vendor's pages,
//! and decoding that keeps whatever the column holds.

use cec_codes::{AgentType, CallDirection, Code, CodeEnum, Enumerable, Lang, MediaType, TextCode};
use proptest::prelude::*;

#[test]
fn media_types_of_the_vendors_full_table() {
    // "Description of Call Media Types", cec_07_0843 (English, rows 1-53)
    // and cec_07_4247 (Chinese, 呼叫媒体类型说明, every row). Rows 1 and 5
    // read as on the bill's page (cec_07_4244, 2023-09-27).
    let rows = [
        (
            1,
            "TextChat",
            "MEDIA_TYPE_CHAT",
            Some("Text chat"),
            "文字交谈",
        ),
        (
            2,
            "ClickToDial",
            "MEDIA_TYPE_WEBPHONE",
            Some("click-to-dial"),
            "点击通话",
        ),
        (
            3,
            "EscortedBrowsing",
            "MEDIA_TYPE_ESCORT",
            Some("Escorted browsing and form sharing"),
            "护航浏览、表单共享",
        ),
        (
            4,
            "CallbackRequest",
            "MEDIA_TYPE_CALLBACK",
            Some("Callback request call"),
            "回呼请求呼叫",
        ),
        (
            5,
            "VoiceCall",
            "MEDIA_TYPE_PHONE",
            Some("Common voice call"),
            "普通语音电话",
        ),
        (
            6,
            "Email",
            "MEDIA_TYPE_EMAIL",
            Some("Email call"),
            "电子邮件呼叫",
        ),
        (7, "Fax", "MEDIA_TYPE_FAX", Some("Fax call"), "传真呼叫"),
        (
            8,
            "IpVideoCall",
            "MEDIA_TYPE_VIDEO",
            Some("IP video call (H.323)"),
            "IP视频呼叫(H.323)",
        ),
        (
            9,
            "Whiteboard",
            "MEDIA_TYPE_WB",
            Some("Electronic white board"),
            "电子白板",
        ),
        (
            10,
            "ApplicationSharing",
            "MEDIA_TYPE_APP_SHARE",
            Some("Application sharing"),
            "应用程序共享",
        ),
        (
            11,
            "FileTransfer",
            "MEDIA_TYPE_FILE_TRANSFER",
            Some("File transfer"),
            "文件传输",
        ),
        (
            12,
            "IsdnVideo2BD",
            "MEDIA_TYPE_VIDEO_2B1D",
            Some("2B+D ISDN video call"),
            "2B+D ISDN视频呼叫",
        ),
        (
            13,
            "IsdnVideo6BD",
            "MEDIA_TYPE_VIDEO_6B1D",
            Some("6B+D ISDN video call"),
            "6B+D ISDN视频呼叫",
        ),
        (14, "OpsCall", "MEDIA_TYPE_OPS", Some("OPS call"), "OPS呼叫"),
        (
            15,
            "PredictiveDialing",
            "MEDIA_TYPE_PREDICT_OUTBOUND",
            Some("Predict dialing"),
            "预测呼出",
        ),
        (
            16,
            "PreviewDialing",
            "MEDIA_TYPE_PREVIEW_OUTBOUND",
            Some("Preview dialing"),
            "预浏览呼出",
        ),
        (
            17,
            "Message",
            "MEDIA_TYPE_MSG",
            Some("Message media"),
            "消息媒体",
        ),
        (
            18,
            "VideoClickToDial",
            "MEDIA_TYPE_WEBPHONE_VIDEO",
            Some("Video click-to-dial"),
            "视频点击通话",
        ),
        (
            19,
            "VideoCall",
            "MEDIA_TYPE_PHONE_VIDEO",
            Some("Video call"),
            "视频普通呼叫",
        ),
        (
            20,
            "WebLeaveMessage",
            "MEDIA_TYPE_WEB_LEAVE_MESSAGE",
            Some("Non-real-time call"),
            "非实时呼叫",
        ),
        (
            21,
            "DesktopSharing",
            "MEDIA_TYPE_DESKTOP_SHARE",
            Some("Desktop Sharing Media Type"),
            "桌面共享媒体类型",
        ),
        (
            22,
            "SkillQueueCallingNumber",
            "MEDIA_TYPE_VC_CALL",
            Some("Calling number in a skill queue"),
            "技能队列呼入主叫号码功能",
        ),
        (
            23,
            "ClassicMediaTypeCount",
            "CLASSIC_MEDIA_TYPE_NUM",
            Some("Total number of contact media types."),
            "接触媒体类型总数",
        ),
        (
            50,
            "EmailChat",
            "MEDIA_TYPE_MULTI_MEDIA_EMAILCHAT",
            Some("E-mail chat"),
            "邮件交谈",
        ),
        (
            51,
            "WebChat",
            "MEDIA_TYPE_MULTI_MEDIA_WEBCHAT",
            Some("Internet Chat"),
            "网络交谈",
        ),
        (
            52,
            "SmsChat",
            "MEDIA_TYPE_MULTI_MEDIA_SMSCHAT",
            Some("SMS chat"),
            "短信交谈",
        ),
        (
            53,
            "SocialChat",
            "MEDIA_TYPE_MULTI_MEDIA_SOCIALCHAT",
            Some("Text chat"),
            "文字交谈",
        ),
        (
            54,
            "FaxChat",
            "MEDIA_TYPE_MULTI_MEDIA_FAXCHAT",
            None,
            "传真交谈",
        ),
        (
            55,
            "H5Chat",
            "MEDIA_TYPE_MULTI_MEDIA_H5CHAT",
            None,
            "H5视频",
        ),
    ];
    assert_eq!(MediaType::ALL.len(), rows.len());
    for ((code, name, constant, english, chinese), media) in rows.into_iter().zip(MediaType::ALL) {
        assert_eq!(media.code(), code);
        assert_eq!(media.name(), name);
        assert_eq!(media.constant(), constant);
        assert_eq!(MediaType::from_constant(constant), Some(media));
        // A row the English page lacks falls back to its Chinese text.
        assert_eq!(media.description(), english.unwrap_or(chinese));
        assert_eq!(media.description_in(Lang::En), english.unwrap_or(chinese));
        assert_eq!(media.description_in(Lang::Zh), chinese);
        assert_eq!(MediaType::from_code(code), Some(media));
    }
    assert_eq!(MediaType::from_code(24), None);
    assert_eq!(Code::<MediaType>::from_code(49).code(), 49);
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
