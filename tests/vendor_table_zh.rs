//! Every row of the vendor's Chinese table, asserted through the generated
//! API in Chinese.
//!
//! The expected values are the vendor's "座席操作类型" (page `cec_07_0838`),
//! written out here by hand: the same 29 rows as the English table, each
//! reason cell as the vendor flattens it (`1~255:… 256:…`), the "说明:"
//! label of a note left out.

use cec_codes::{Lang, ObjectKind, OperationType, Reason};

struct ZhRow {
    code: i32,
    description: &'static str,
    object: Option<&'static str>,
    /// (codes as the English table writes them, Chinese text)
    reasons: &'static [(&'static str, Option<&'static str>)],
    notes: &'static [&'static str],
}

const ZH_ROWS: [ZhRow; 29] = [
    ZhRow {
        code: 0,
        description: "座席签出CCS。",
        object: None,
        reasons: &[
            ("1-255", Some("客户端传入原因")),
            ("256", Some("座席与平台断连")),
            ("257", Some("座席被质检员强制签出")),
            ("258", Some("座席主动签出")),
            ("259", Some("座席重新签入前的签出")),
            ("260", Some("媒体服务器和CCS关于座席控制块握手超时")),
            ("261", Some("CCS检测到与UIS关于座席控制块握手超时")),
            ("262", Some("媒体服务器与CCS握手断连导致座席签出")),
            ("263", Some("UIS与座席握手超时")),
            (
                "264",
                Some("具有相同工号的座席正在新的客户端强制登录,导致本座席被强制签出"),
            ),
        ],
        notes: &[],
    },
    ZhRow {
        code: 1,
        description: "座席签入。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 2,
        description: "空闲。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 3,
        description: "示忙。",
        object: None,
        reasons: &[
            ("1", Some("自己示忙")),
            ("2", Some("久不应答被示忙")),
            ("3", Some("被质检员强制示忙")),
            ("4", Some("休息")),
            ("5", Some("座席电话不可用")),
            ("7", Some("座席拒接呼叫")),
            ("200-250", Some("业务自定义原因码")),
        ],
        notes: &[],
    },
    ZhRow {
        code: 4,
        description: "通话态。",
        object: None,
        reasons: &[
            (
                "1",
                Some("座席未真实退出通话态时,每个准点0分和5分输出的话单。"),
            ),
            ("0", Some("座席完全退出通话态时的话单。")),
        ],
        notes: &["此通话态话单仅表示文字交谈时的话单"],
    },
    ZhRow {
        code: 10,
        description: "三方通话。",
        object: Some("工号"),
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 13,
        description: "人工转自动,业务代表处于挂起状态。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 20,
        description: "监听/插入/耳语。",
        object: Some("工号"),
        reasons: &[("0", None)],
        notes: &[],
    },
    ZhRow {
        code: 22,
        description: "放音。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 26,
        description: "座席休假(休息)。",
        object: Some("工号"),
        reasons: &[(
            "any",
            Some("休息原因由客户端调用CCC_REQUEST_REST_EX_Msg时指定(默认0)。"),
        )],
        notes: &[],
    },
    ZhRow {
        code: 27,
        description: "工作状态。",
        object: None,
        reasons: &[
            ("0", Some("事后整理,业务侧设置自动进入工作态。")),
            (
                "0-255",
                Some("手动调整,由业务座席通过调用接口手动进入工作态。"),
            ),
        ],
        notes: &["缺省为0,即事后整理。"],
    },
    ZhRow {
        code: 29,
        description: "强制签出。",
        object: Some("工号"),
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 30,
        description: "强制示闲。",
        object: Some("工号"),
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 31,
        description: "强制示忙。",
        object: Some("工号"),
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 32,
        description: "座席对用户静音。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 38,
        description: "座席保持呼叫。",
        object: Some("工号"),
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 40,
        description: "座席发起内部求助。",
        object: Some("工号"),
        reasons: &[
            ("0", Some("无组合操作")),
            ("1", Some("两方人工求助")),
            ("2", Some("三方人工求助")),
            (
                "3",
                Some("通话转被叫应答后先和业务代表通话,业务代表释放时连接主被叫用户。"),
            ),
            (
                "4",
                Some("三方通话转被叫应答后实现三方通话,业务代表释放时连接主被叫用户。"),
            ),
            ("5", Some("三方通话")),
            ("6", Some("连接呼叫")),
        ],
        notes: &[],
    },
    ZhRow {
        code: 41,
        description: "座席发起内部呼叫。",
        object: Some("工号"),
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 43,
        description: "拦截呼叫。",
        object: Some("工号"),
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 44,
        description: "暂停放音。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 45,
        description: "内部转移。",
        object: Some("工号"),
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 46,
        description: "转出。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 47,
        description: "签入媒体服务器。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 52,
        description: "签出媒体服务器。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 53,
        description: "转移正在公有队列中排队的呼叫。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 54,
        description: "释放转。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 55,
        description: "转移到其他设备。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 57,
        description: "内部求助时切换保持。",
        object: None,
        reasons: &[],
        notes: &[],
    },
    ZhRow {
        code: 58,
        description: "座席进入“会议态”。",
        object: Some("座席工号"),
        reasons: &[],
        notes: &[],
    },
];

fn operation(row: &ZhRow) -> OperationType {
    OperationType::from_code(row.code).unwrap_or_else(|| panic!("no operation {}", row.code))
}

#[test]
fn every_row_reads_in_chinese() {
    for row in &ZH_ROWS {
        let op = operation(row);
        assert_eq!(op.description_in(Lang::Zh), row.description, "{op}");
        assert_eq!(
            op.object_kind().map(|kind| kind.description_in(Lang::Zh)),
            row.object,
            "{op}"
        );
        assert_eq!(op.notes_in(Lang::Zh), row.notes, "{op}");
    }
}

#[test]
fn every_reason_reads_in_chinese() {
    for row in &ZH_ROWS {
        let op = operation(row);
        let listed: Vec<(String, Option<&str>)> = op
            .reasons()
            .iter()
            .map(|info| (info.codes.to_string(), info.reason.description_in(Lang::Zh)))
            .collect();
        let expected: Vec<(String, Option<&str>)> = row
            .reasons
            .iter()
            .map(|(codes, text)| (codes.to_string(), *text))
            .collect();
        assert_eq!(listed, expected, "{op}");
    }
    // Decoded reasons read in Chinese too.
    assert_eq!(
        Reason::decode(OperationType::Busy, 4).description_in(Lang::Zh),
        Some("休息")
    );
    assert_eq!(
        Reason::decode(OperationType::WorkStatus, 12).description_in(Lang::Zh),
        Some("手动调整,由业务座席通过调用接口手动进入工作态。")
    );
    assert_eq!(
        Reason::decode(OperationType::ListenInsertWhisper, 0).description_in(Lang::Zh),
        None,
        "a bare code in both languages"
    );
    assert_eq!(
        Reason::decode(OperationType::Busy, 99).description_in(Lang::Zh),
        None
    );
}

#[test]
fn english_stays_the_default_and_the_fallback() {
    for op in OperationType::ALL {
        assert_eq!(op.description_in(Lang::En), op.description());
        assert_eq!(op.notes_in(Lang::En), op.notes());
    }
    assert_eq!(ObjectKind::EmployeeId.description(), "Employee ID.");
    assert_eq!(ObjectKind::EmployeeId.description_in(Lang::Zh), "工号");
    assert_eq!(ObjectKind::AgentId.description_in(Lang::Zh), "座席工号");
    assert_eq!(Lang::default(), Lang::En);
    assert_eq!("zh".parse::<Lang>(), Ok(Lang::Zh));
    assert_eq!(
        "fr".parse::<Lang>().unwrap_err().to_string(),
        "not a known language: expected en or zh"
    );
}
