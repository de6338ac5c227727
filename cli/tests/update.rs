//! `codes update`: the vendor's pages served by a local HTTP server (the
//! saved pages of `tools/tests/fixtures/vendor/html`, and variants of them
//! made here by textual edits), fetched, merged and reported; and the same
//! pages read with `--offline`.

#[path = "update/server.rs"]
mod server;
mod support;

use std::io::Write;

use std::process::{Command, Stdio};
use std::time::Duration;

use server::{Reply, Server};
use support::{Run, Scratch, repo, run, scratch};

const HTML: &str = "tools/tests/fixtures/vendor/html";

/// The spec the saved pages were transcribed into.
const SPEC_2023: &str = "tools/tests/fixtures/specs/codes-2023.toml";

/// Every page of `codes.toml` with an address: its language, its page id
/// and the saved page that is its copy.
const PAGES: [(&str, &str, &str); 6] = [
    ("en", "cec_07_4243", "agent-operation-type-2023-09-27.html"),
    ("zh", "cec_07_0838", "agent-operation-type-zh.html"),
    ("en", "cec_07_0843", "media-type-full-en.html"),
    ("zh", "cec_07_4247", "media-type-full-zh.html"),
    ("en", "cec_07_0701", "agent-type-2025-11-13.html"),
    ("zh", "cec_07_4238", "agentoprinfo-columns-zh.html"),
];

/// The English agent operation type page.
const OPERATION_EN: &str = "cec_07_4243";
/// The Chinese agent operation type page.
const OPERATION_ZH: &str = "cec_07_0838";

/// What `codes update` reports when every page is as the spec has it.
const UNCHANGED: &str = "\
OperationType
  English page cec_07_4243: updated 2023-09-27 GMT+08:00, as the spec has it
  Chinese page cec_07_0838: no \"Updated on\" date
MediaType
  English page cec_07_0843: no \"Updated on\" date
  Chinese page cec_07_4247: no \"Updated on\" date
AgentType
  English page cec_07_0701: updated 2025-11-13 GMT+08:00, as the spec has it
CallDirection
  Chinese page cec_07_4238: no \"Updated on\" date
no changes
impact: none
";

/// What the merges say on stderr of the unchanged pages: the only English
/// copy of the media types stops at 53.
const MEDIA_TYPES_LACKING: &str = "\
MediaType, English page: row 54: not on the English page (its Chinese texts are kept)
MediaType, English page: row 55: not on the English page (its Chinese texts are kept)
";

/// A saved page's bytes.
fn saved(page_id: &str) -> Vec<u8> {
    let (_, _, file) = PAGES.iter().find(|(_, id, _)| *id == page_id).unwrap();
    std::fs::read(repo().join(HTML).join(file)).unwrap()
}

/// A saved page's text, changed by `edit`.
fn edited(page_id: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let text = String::from_utf8(saved(page_id)).unwrap();
    let changed = edit(text.clone());
    assert_ne!(changed, text, "the edit of {page_id} changes nothing");
    changed.into_bytes()
}

/// `text` with `from` replaced by `to`, which must be there once.
fn replace(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} is not there once");
    text.replacen(from, to, 1)
}

/// A scratch folder with a copy of `codes.toml` (and `CHANGELOG.md`) whose
/// sites are the server's, and the pages each served at its address and
/// saved for `--offline` in `offline/`.
struct Vendor {
    server: Server,
    dir: Scratch,
}

impl Vendor {
    /// The pages as saved, but those of `changed`.
    fn new(name: &str, changed: &[(&str, Reply)]) -> Vendor {
        let server = Server::start();
        let dir = scratch(name);
        let port = server.port();
        // The spec of the pages served, frozen: a vendor update of
        // `codes.toml` changes none of these tests.
        let spec = std::fs::read_to_string(repo().join(SPEC_2023)).unwrap();
        let spec = replace(
            &spec,
            "site = \"https://support.huaweicloud.com/intl/en-us/api-cec/\"",
            &format!("site = \"http://127.0.0.1:{port}/en/\""),
        );
        let spec = replace(
            &spec,
            "site_zh = \"https://support.huaweicloud.com/api-ccfs-cec/\"",
            &format!("site_zh = \"http://127.0.0.1:{port}/zh/\""),
        );
        std::fs::write(dir.join("codes.toml"), spec).unwrap();
        std::fs::copy(repo().join("CHANGELOG.md"), dir.join("CHANGELOG.md")).unwrap();
        std::fs::create_dir(dir.join("offline")).unwrap();
        for (lang, id, _) in PAGES {
            let reply = changed
                .iter()
                .find(|(changed, _)| *changed == id)
                .map_or_else(|| Reply::Html(saved(id)), |(_, reply)| reply.clone());
            if let Reply::Html(bytes) = &reply {
                std::fs::write(dir.join("offline").join(format!("{id}.html")), bytes).unwrap();
            }
            server.route(&format!("/{lang}/{id}.html"), vec![reply]);
        }
        Vendor { server, dir }
    }

    /// The address of a page.
    fn url(&self, lang: &str, id: &str) -> String {
        format!("http://127.0.0.1:{}/{lang}/{id}.html", self.server.port())
    }

    /// Runs `codes update` with `args` in the scratch folder, with no proxy
    /// from the environment.
    fn update(&self, args: &[&str]) -> Run {
        self.update_with(args, &[])
    }

    /// Runs `codes update` with `args` in the scratch folder, with no proxy
    /// from the environment but for the variables of `env`.
    fn update_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        run(&mut self.command(args, env))
    }

    /// Runs `codes update` with `args` and the spec on standard input.
    fn update_stdin(&self, args: &[&str]) -> Run {
        let mut child = self
            .command(args, &[])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // codes may exit without reading it: its output says why.
        let _ = child.stdin.take().unwrap().write_all(&self.spec());
        let output = child.wait_with_output().unwrap();
        Run {
            code: output.status.code().unwrap(),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }

    /// `codes update` with `args`, to run in the scratch folder without a
    /// proxy from the environment but for the variables of `env`.
    fn command(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut command = support::command(&self.dir, &[&["update"], args].concat());
        for variable in [
            "ALL_PROXY",
            "all_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "HTTP_PROXY",
            "http_proxy",
        ] {
            command.env_remove(variable);
        }
        command.env_remove("NO_PROXY").env_remove("no_proxy");
        command.envs(env.iter().copied());
        command
    }

    fn spec(&self) -> Vec<u8> {
        std::fs::read(self.dir.join("codes.toml")).unwrap()
    }

    fn changelog(&self) -> Vec<u8> {
        std::fs::read(self.dir.join("CHANGELOG.md")).unwrap()
    }

    /// `codes update --check` from the server and from the saved pages:
    /// the same report, with this status, and nothing written.
    fn check(&self, status: i32) -> Run {
        let (spec, changelog) = (self.spec(), self.changelog());
        let online = self.update(&["--check"]);
        assert_eq!(online.code, status, "{}", online.stderr);
        let offline = self.update(&["--check", "--offline", "offline"]);
        assert_eq!(offline.code, status, "{}", offline.stderr);
        assert_eq!(offline.stdout, online.stdout, "--offline differs");
        assert_eq!(offline.stderr, online.stderr, "--offline differs");
        assert_eq!(self.spec(), spec, "--check wrote the spec");
        assert_eq!(self.changelog(), changelog, "--check wrote the changelog");
        online
    }

    /// Runs `codes update` with `args`, expecting exit 2 and `stderr`, and
    /// that nothing was written.
    fn fails(&self, args: &[&str], stderr: &str) {
        let (spec, changelog) = (self.spec(), self.changelog());
        let run = self.update(args);
        assert_eq!((run.code, run.stderr.as_str()), (2, stderr));
        assert_eq!(run.stdout, "");
        assert_eq!(self.spec(), spec, "the spec was written");
        assert_eq!(self.changelog(), changelog, "the changelog was written");
    }
}

#[test]
fn unchanged_pages_pass_the_check() {
    let vendor = Vendor::new("update-unchanged", &[]);
    let run = vendor.check(0);
    assert_eq!(run.stdout, UNCHANGED);
    assert_eq!(run.stderr, MEDIA_TYPES_LACKING);
    for (lang, id, _) in PAGES {
        assert_eq!(vendor.server.hits(&format!("/{lang}/{id}.html")), 1, "{id}");
    }
    // Without --check, nothing to write.
    let spec = vendor.spec();
    let run = vendor.update(&["--changelog"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, UNCHANGED);
    assert!(
        run.stderr.ends_with("codes: codes.toml is up to date\n"),
        "{}",
        run.stderr
    );
    assert_eq!(vendor.spec(), spec);
}

/// `UNCHANGED` with the lines of the operation type table's changes, the
/// summary lines replaced by `summary`.
fn operation_types_changed(changes: &str, summary: &str) -> String {
    let changed = UNCHANGED.replacen(
        "  Chinese page cec_07_0838: no \"Updated on\" date\n",
        &format!("  Chinese page cec_07_0838: no \"Updated on\" date\n{changes}"),
        1,
    );
    changed.replacen("no changes\nimpact: none\n", summary, 1)
}

/// What a reworded English description says of its Chinese translation.
const TO_REVIEW: &str =
    "Chinese text to review (description_zh was made against the English before it)";

/// The line of the report that says so, for row 2.
const TRANSLATION_TO_REVIEW: &str = "  api:cosmetic data:cosmetic  OperationType/row 2: \
     Chinese text to review (description_zh was made against the English before it)\n";

#[test]
fn a_reworded_row_is_a_patch_on_both_axes() {
    // The page's "Updated on" date stays as it was: compared all the same.
    let page = edited(OPERATION_EN, |text| {
        replace(&text, ">Idle.</p>", ">Idle state.</p>")
    });
    let vendor = Vendor::new("update-reworded", &[(OPERATION_EN, Reply::Html(page))]);
    let run = vendor.check(1);
    assert_eq!(
        run.stdout,
        operation_types_changed(
            &[
                "  api:patch    data:patch     OperationType/row 2: row description changed: \"Idle.\" -> \"Idle state.\"\n",
                TRANSLATION_TO_REVIEW,
            ]
            .concat(),
            "api impact: patch (0 breaking, 0 minor, 1 patch, 1 cosmetic)\n\
             data impact: patch (0 breaking, 0 minor, 1 patch, 1 cosmetic)\n"
        )
    );
    assert_eq!(
        run.stderr,
        format!(
            "OperationType, English page: row 2: description changed\n\
             OperationType, English page: review: row 2: description_zh was translated from \"Idle.\", since reworded\n\
             {MEDIA_TYPES_LACKING}"
        )
    );
}

#[test]
fn a_text_changed_only_in_punctuation_width_is_marked_for_review() {
    // The same text to a reader: the spec keeps its text and gains a
    // `# review` mark, which --check reports as a change of the file.
    let page = edited(OPERATION_EN, |text| {
        replace(&text, ">Idle.</p>", ">Idle．</p>")
    });
    let vendor = Vendor::new("update-width", &[(OPERATION_EN, Reply::Html(page))]);
    let run = vendor.check(1);
    assert_eq!(run.stdout, UNCHANGED);
    assert_eq!(
        run.stderr,
        format!(
            "OperationType, English page: review: row 2: description \"Idle.\" differs from the \
             vendor's \"Idle．\" only in punctuation width\n\
             {MEDIA_TYPES_LACKING}\
             codes: the merge changes the text of codes.toml but not what it says (its `# review` \
             marks or its layout)\n"
        )
    );
    // Written with its mark, and no CHANGELOG entry: nothing it says changed.
    let changelog = vendor.changelog();
    let run = vendor.update(&["--changelog"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, UNCHANGED),
        "{}",
        run.stderr
    );
    let spec = String::from_utf8(vendor.spec()).unwrap();
    assert!(
        spec.contains(
            "description = \"Idle.\" # review: the vendor writes \"Idle．\" (only the punctuation width differs)\n"
        ),
        "{spec}"
    );
    assert_eq!(vendor.changelog(), changelog);
}

#[test]
fn an_added_row_is_minor_on_both_axes() {
    let page = edited(OPERATION_EN, |text| {
        let row = text
            .lines()
            .find(|line| line.contains(">58</p>"))
            .unwrap()
            .to_string();
        let added = replace(&row, ">58</p>", ">59</p>");
        let added = replace(
            &added,
            "The agent enters the conference state.",
            "The agent leaves the conference state.",
        );
        replace(&text, &row, &format!("{row}\n</tr>\n{added}"))
    });
    let vendor = Vendor::new("update-added", &[(OPERATION_EN, Reply::Html(page))]);
    let run = vendor.check(1);
    assert_eq!(
        run.stdout,
        operation_types_changed(
            "  api:minor    data:minor     OperationType/row 59: row added: AgentLeavesConferenceState \"The agent leaves the conference state.\" (object AgentId)\n",
            "api impact: minor (0 breaking, 1 minor, 0 patch, 0 cosmetic)\n\
             data impact: minor (0 breaking, 1 minor, 0 patch, 0 cosmetic)\n"
        )
    );
    assert_eq!(
        run.stderr,
        format!(
            "OperationType, English page: row 59 added as `AgentLeavesConferenceState` (proposed name: review it)\n\
             OperationType, English page: review: row 59: proposed name `AgentLeavesConferenceState`\n\
             OperationType, Chinese page: row 59: not on the Chinese page (its Chinese texts are kept)\n\
             {MEDIA_TYPES_LACKING}"
        )
    );
}

/// The page without the row of `code` (its line and the `</tr>` after it).
fn without_row(text: &str, code: &str) -> String {
    let cell = format!(">{code}</p>");
    let row = text.lines().find(|line| line.contains(&cell)).unwrap();
    replace(text, &format!("{row}\n</tr>\n"), "")
}

#[test]
fn a_removed_row_breaks_both_axes() {
    let vendor = Vendor::new(
        "update-removed",
        &[
            (
                OPERATION_EN,
                Reply::Html(edited(OPERATION_EN, |text| without_row(&text, "22"))),
            ),
            (
                OPERATION_ZH,
                Reply::Html(edited(OPERATION_ZH, |text| without_row(&text, "22"))),
            ),
        ],
    );
    let run = vendor.check(1);
    assert_eq!(
        run.stdout,
        operation_types_changed(
            "  api:breaking data:breaking  OperationType/row 22: row removed: PlayVoice \"Play voice.\"\n",
            "api impact: breaking (1 breaking, 0 minor, 0 patch, 0 cosmetic)\n\
             data impact: breaking (1 breaking, 0 minor, 0 patch, 0 cosmetic)\n"
        )
    );
    assert_eq!(
        run.stderr,
        format!(
            "OperationType, English page: row 22 removed (was `PlayVoice`)\n{MEDIA_TYPES_LACKING}"
        )
    );
}

#[test]
fn a_renumbered_reason_breaks_both_axes() {
    // The merge matches reasons by code: a reason whose code changed is
    // one removed and one added, under a proposed name to review.
    let vendor = Vendor::new(
        "update-renumbered",
        &[
            (
                OPERATION_EN,
                Reply::Html(edited(OPERATION_EN, |text| {
                    replace(
                        &text,
                        ">7: An agent rejects a call.<",
                        ">8: An agent rejects a call.<",
                    )
                })),
            ),
            (
                OPERATION_ZH,
                Reply::Html(edited(OPERATION_ZH, |text| {
                    replace(&text, " 7:座席拒接呼叫 ", " 8:座席拒接呼叫 ")
                })),
            ),
        ],
    );
    let run = vendor.check(1);
    assert_eq!(
        run.stdout,
        operation_types_changed(
            "  api:breaking data:breaking  OperationType/row 3/reason 7: reason removed: CallRejected \"An agent rejects a call.\"\n  \
             api:minor    data:minor     OperationType/row 3/reason 8: reason added: AgentRejectsCall \"An agent rejects a call.\"\n",
            "api impact: breaking (1 breaking, 1 minor, 0 patch, 0 cosmetic)\n\
             data impact: breaking (1 breaking, 1 minor, 0 patch, 0 cosmetic)\n"
        )
    );
    assert_eq!(
        run.stderr,
        format!(
            "OperationType, English page: row 3: reason 8 added as `AgentRejectsCall` (proposed name: review it)\n\
             OperationType, English page: row 3: reason 7 removed (was `CallRejected`)\n\
             OperationType, English page: review: row 3, reason 8: proposed name `AgentRejectsCall`\n\
             OperationType, Chinese page: row 3: reason 8: description_zh added\n\
             {MEDIA_TYPES_LACKING}"
        )
    );
}

#[test]
fn the_update_writes_the_spec_and_the_changelog_then_finds_nothing_more() {
    let page = edited(OPERATION_EN, |text| {
        let text = replace(&text, ">Idle.</p>", ">Idle state.</p>");
        replace(
            &text,
            "Updated on 2023-09-27 GMT+08:00",
            "Updated on 2025-06-30 GMT+08:00",
        )
    });
    let vendor = Vendor::new("update-write", &[(OPERATION_EN, Reply::Html(page))]);
    let changelog_before = String::from_utf8(vendor.changelog()).unwrap();
    let run = vendor.update(&["--changelog"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let changes = [
        "  api:patch    data:patch     OperationType/updated: provenance changed: ",
        "\"2023-09-27 GMT+08:00\" -> \"2025-06-30 GMT+08:00\"\n",
        "  api:patch    data:patch     OperationType/row 2: row description changed: ",
        "\"Idle.\" -> \"Idle state.\"\n",
        TRANSLATION_TO_REVIEW,
    ]
    .concat();
    let impact = "API patch (0 breaking, 0 minor, 2 patch, 1 cosmetic); \
                  data patch (0 breaking, 0 minor, 2 patch, 1 cosmetic).";
    let bullets = "\
- `OperationType/updated`: provenance changed: `2023-09-27 GMT+08:00` → `2025-06-30 GMT+08:00`
- `OperationType/row 2`: row description changed: `Idle.` → `Idle state.`
- `OperationType/row 2`: Chinese text to review (description_zh was made against the English before it)
";
    let report = operation_types_changed(
        &changes,
        "api impact: patch (0 breaking, 0 minor, 2 patch, 1 cosmetic)\n\
         data impact: patch (0 breaking, 0 minor, 2 patch, 1 cosmetic)\n",
    )
    .replacen(
        "updated 2023-09-27 GMT+08:00, as the spec has it",
        "updated 2025-06-30 GMT+08:00 (was 2023-09-27 GMT+08:00)",
        1,
    );
    assert_eq!(
        run.stdout,
        format!(
            "{report}\nCHANGELOG entry (CHANGELOG.md):\n\n## [Unreleased]\n\n\
             The vendor's tables: {impact}\n\n### Changed\n\n{bullets}"
        )
    );
    let spec = String::from_utf8(vendor.spec()).unwrap();
    assert!(spec.contains("updated = \"2025-06-30 GMT+08:00\"\n"));
    assert!(spec.contains("name = \"Idle\"\ndescription = \"Idle state.\"\n"));
    // The entry joins the unreleased one: its impact first, its bullets
    // first in their section.
    let expected = changelog_before
        .replacen(
            "## [Unreleased]\n\n",
            &format!("## [Unreleased]\n\nUpdated from the vendor's pages: {impact}\n\n"),
            1,
        )
        .replacen("### Changed\n\n", &format!("### Changed\n\n{bullets}"), 1);
    assert_eq!(String::from_utf8(vendor.changelog()).unwrap(), expected);
    let again = vendor.check(0);
    assert!(again.stdout.contains(
        "  English page cec_07_4243: updated 2025-06-30 GMT+08:00, as the spec has it\n"
    ));
}

#[test]
fn saved_pages_replace_the_copies_the_spec_is_tested_against() {
    let page = edited(OPERATION_EN, |text| {
        replace(&text, ">Idle.</p>", ">Idle state.</p>")
    });
    let vendor = Vendor::new(
        "update-save-pages",
        &[(OPERATION_EN, Reply::Html(page.clone()))],
    );
    let pages = vendor.dir.join("pages");
    std::fs::create_dir(&pages).unwrap();
    let copied = pages.join(format!("{OPERATION_EN}.txt"));
    std::fs::write(&copied, "the page's text, copied").unwrap();
    let run = vendor.update(&["--save-pages", "pages"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read(pages.join(format!("{OPERATION_EN}.html"))).unwrap(),
        page
    );
    assert!(!copied.exists(), "the copied text is replaced");
    for (_, id, _) in PAGES.iter().filter(|(_, id, _)| *id != OPERATION_EN) {
        assert_eq!(
            std::fs::read(pages.join(format!("{id}.html"))).unwrap(),
            saved(id),
            "{id}"
        );
    }
    // Nothing changed since: nothing is saved.
    std::fs::remove_dir_all(&pages).unwrap();
    std::fs::create_dir(&pages).unwrap();
    let run = vendor.update(&["--save-pages", "pages"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::read_dir(&pages).unwrap().count(), 0);
    let run = vendor.update(&["--check", "--save-pages", "pages"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("the argument '--check' cannot be used with '--save-pages <DIR>'"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_page_that_fails_names_its_table_language_and_address_and_nothing_is_written() {
    let big = {
        let mut page = saved(OPERATION_EN);
        page.resize(5 * 1024 * 1024 + 1, b' ');
        page
    };
    // Each case: the reply, the message, how often the page is asked for.
    let cases: Vec<(&str, Reply, String, usize)> = vec![
        (
            "404",
            Reply::Status(404),
            "HTTP 404 Not Found".to_string(),
            1,
        ),
        (
            "redirect",
            Reply::Redirect("/login.html?next=cec_07_4243".to_string()),
            "redirected to http://127.0.0.1:PORT/login.html?next=cec_07_4243, off the page \
             (a login or error page?): not followed; if the vendor moved its pages, change the \
             site in the spec"
                .to_string(),
            1,
        ),
        (
            "loop",
            // To the page itself (its address is known once the server is).
            Reply::Status(500),
            "redirected more than 5 times, the last time to \
             http://127.0.0.1:PORT/en/cec_07_4243.html: not followed"
                .to_string(),
            6,
        ),
        (
            "oversized",
            Reply::Html(big),
            "the response is larger than 5 MiB, too large for a vendor page".to_string(),
            1,
        ),
        (
            "json",
            Reply::Typed("application/json", b"{\"error\": \"gone\"}".to_vec()),
            "not an HTML page: its Content-Type is \"application/json\"".to_string(),
            1,
        ),
        (
            "slow",
            Reply::Slow(Duration::from_secs(3), saved(OPERATION_EN)),
            "no response within 0.3 s (2 attempts)".to_string(),
            2,
        ),
    ];
    for (name, reply, message, asked) in cases {
        let vendor = Vendor::new(&format!("update-{name}"), &[(OPERATION_EN, reply)]);
        if name == "loop" {
            let url = vendor.url("en", OPERATION_EN);
            vendor.server.route(
                &format!("/en/{OPERATION_EN}.html"),
                vec![Reply::Redirect(url)],
            );
        }
        let url = vendor.url("en", OPERATION_EN);
        vendor.fails(
            &["--timeout", "0.3", "--retries", "1"],
            &format!(
                "codes: OperationType, English page: {url}: {}\ncodes: nothing written\n",
                message.replace("PORT", &vendor.server.port().to_string())
            ),
        );
        let path = format!("/en/{OPERATION_EN}.html");
        assert_eq!(vendor.server.hits(&path), asked, "{name}");
    }
}

#[test]
fn a_server_error_is_asked_again_a_bounded_number_of_times() {
    let vendor = Vendor::new(
        "update-retried",
        &[(OPERATION_EN, Reply::Html(saved(OPERATION_EN)))],
    );
    let path = format!("/en/{OPERATION_EN}.html");
    vendor.server.route(
        &path,
        vec![Reply::Status(503), Reply::Html(saved(OPERATION_EN))],
    );
    let run = vendor.update(&["--check", "--retries", "1"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, UNCHANGED),
        "{}",
        run.stderr
    );
    assert_eq!(vendor.server.hits(&path), 2);

    vendor.server.route(&path, vec![Reply::Status(503)]);
    let url = vendor.url("en", OPERATION_EN);
    vendor.fails(
        &["--retries", "2"],
        &format!(
            "codes: OperationType, English page: {url}: HTTP 503 Service Unavailable (3 attempts)\n\
             codes: nothing written\n"
        ),
    );
    assert_eq!(vendor.server.hits(&path), 2 + 3);
    // A 404 is not asked again.
    vendor.server.route(&path, vec![Reply::Status(404)]);
    vendor.fails(
        &[],
        &format!("codes: OperationType, English page: {url}: HTTP 404 Not Found\ncodes: nothing written\n"),
    );
    assert_eq!(vendor.server.hits(&path), 2 + 3 + 1);
}

#[test]
fn a_redirect_to_the_same_page_elsewhere_is_followed() {
    // Another server has the page at the same path: the vendor's site
    // moved hosts, say, or from http to https.
    let mirror = Server::start();
    let path = format!("/en/{OPERATION_EN}.html");
    mirror.route(&path, vec![Reply::Html(saved(OPERATION_EN))]);
    let moved = format!("http://127.0.0.1:{}{path}", mirror.port());
    let vendor = Vendor::new("update-moved", &[(OPERATION_EN, Reply::Redirect(moved))]);
    let run = vendor.update(&["--check"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, UNCHANGED),
        "{}",
        run.stderr
    );
    assert_eq!((vendor.server.hits(&path), mirror.hits(&path)), (1, 1));
}

#[test]
fn pages_are_fetched_through_the_proxy_of_the_environment_unless_no_proxy_names_the_host() {
    let proxy = Server::start();
    let vendor = Vendor::new("update-proxy", &[]);
    let proxy_url = format!("http://127.0.0.1:{}", proxy.port());
    let tunnel = format!("CONNECT 127.0.0.1:{}", vendor.server.port());
    let run = vendor.update_with(&["--check"], &[("HTTPS_PROXY", &proxy_url)]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, UNCHANGED),
        "{}",
        run.stderr
    );
    assert!(proxy.hits(&tunnel) >= 1, "the proxy was not used");
    let through_proxy = proxy.hits(&tunnel);
    let run = vendor.update_with(
        &["--check"],
        &[("HTTPS_PROXY", &proxy_url), ("NO_PROXY", "127.0.0.1")],
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, UNCHANGED),
        "{}",
        run.stderr
    );
    assert_eq!(
        proxy.hits(&tunnel),
        through_proxy,
        "NO_PROXY was not heeded"
    );
    assert_eq!(vendor.server.hits(&format!("/en/{OPERATION_EN}.html")), 2);
}

#[test]
fn the_markdown_report_is_for_a_pull_request() {
    let page = edited(OPERATION_EN, |text| {
        replace(&text, ">Idle.</p>", ">Idle state.</p>")
    });
    let vendor = Vendor::new("update-markdown", &[(OPERATION_EN, Reply::Html(page))]);
    let pages = "\
## The vendor's pages

| Table | Page | Revision |
|---|---|---|
| `OperationType` | English `cec_07_4243` | updated 2023-09-27 GMT+08:00, as the spec has it |
| `OperationType` | Chinese `cec_07_0838` | no \"Updated on\" date |
| `MediaType` | English `cec_07_0843` | no \"Updated on\" date |
| `MediaType` | Chinese `cec_07_4247` | no \"Updated on\" date |
| `AgentType` | English `cec_07_0701` | updated 2025-11-13 GMT+08:00, as the spec has it |
| `CallDirection` | Chinese `cec_07_4238` | no \"Updated on\" date |
";
    let impact = "(0 breaking, 0 minor, 1 patch, 1 cosmetic)";
    let changes = format!(
        "## What changed\n\n**API impact: patch {impact}**; **data impact: patch {impact}**\n\n\
         ### Patch (API)\n\n- `OperationType/row 2`: row description changed: `Idle.` → `Idle state.`\n\n\
         ### Cosmetic (API)\n\n- `OperationType/row 2`: {TO_REVIEW}\n"
    );
    let run = vendor.update(&["--check", "--format", "markdown"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, format!("{pages}\n{changes}"));
    // With --changelog, the entry written follows, folded.
    let run = vendor.update(&["--changelog", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{pages}\n{changes}\n<details><summary>CHANGELOG entry</summary>\n\n## [Unreleased]\n\n\
             The vendor's tables: API patch {impact}; data patch {impact}.\n\n### Changed\n\n\
             - `OperationType/row 2`: row description changed: `Idle.` → `Idle state.`\n\
             - `OperationType/row 2`: {TO_REVIEW}\n\n</details>\n"
        )
    );
}

/// The `codes update` commands of the README's weekly job, as arguments,
/// without the redirection of their output.
fn readme_weekly_commands() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let (_, workflow) = readme
        .split_once("```yaml\n# .github/workflows/vendor-pages.yml\n")
        .expect("the README's weekly job");
    let (workflow, _) = workflow.split_once("```").unwrap();
    workflow
        .lines()
        .filter_map(|line| line.trim().strip_prefix("codes update"))
        .map(|rest| {
            let rest = rest.split('>').next().unwrap();
            std::iter::once("update".to_string())
                .chain(rest.split_whitespace().map(str::to_string))
                .collect()
        })
        .collect()
}

#[test]
fn the_readme_weekly_job_checks_then_updates_with_a_pull_request_body() {
    let commands = readme_weekly_commands();
    assert_eq!(
        commands,
        [
            vec!["update", "--check"],
            vec![
                "update",
                "--changelog",
                "--save-pages",
                "vendor",
                "--format",
                "markdown"
            ]
        ]
    );
    let page = edited(OPERATION_EN, |text| {
        replace(&text, ">Idle.</p>", ">Idle state.</p>")
    });
    let vendor = Vendor::new(
        "update-weekly",
        &[(OPERATION_EN, Reply::Html(page.clone()))],
    );
    std::fs::create_dir(vendor.dir.join("vendor")).unwrap();
    let args = |command: &Vec<String>| -> Vec<String> { command[1..].to_vec() };
    let check = args(&commands[0]);
    let check: Vec<&str> = check.iter().map(String::as_str).collect();
    assert_eq!(vendor.update(&check).code, 1);
    let update = args(&commands[1]);
    let update: Vec<&str> = update.iter().map(String::as_str).collect();
    let run = vendor.update(&update);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("## The vendor's pages\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("<summary>CHANGELOG entry</summary>"),
        "{}",
        run.stdout
    );
    assert_eq!(
        std::fs::read(
            vendor
                .dir
                .join("vendor")
                .join(format!("{OPERATION_EN}.html"))
        )
        .unwrap(),
        page
    );
    assert_eq!(vendor.update(&check).code, 0);
}

#[test]
fn a_tls_failure_is_an_error() {
    // The server speaks plain HTTP where the spec says https.
    let vendor = Vendor::new("update-tls", &[]);
    let port = vendor.server.port();
    let spec = String::from_utf8(vendor.spec()).unwrap();
    let spec = replace(
        &spec,
        &format!("site = \"http://127.0.0.1:{port}/en/\""),
        &format!("site = \"https://127.0.0.1:{port}/en/\""),
    );
    std::fs::write(vendor.dir.join("codes.toml"), spec).unwrap();
    let url = format!("https://127.0.0.1:{port}/en/{OPERATION_EN}.html");
    let run = vendor.update(&["--check"]);
    let failure = "TLS failure: received corrupt message of type InvalidContentType";
    assert_eq!(
        (run.code, run.stderr),
        (
            2,
            format!(
                "codes: OperationType, English page: {url}: {failure}\n\
                 codes: MediaType, English page: https://127.0.0.1:{port}/en/cec_07_0843.html: {failure}\n\
                 codes: AgentType, English page: https://127.0.0.1:{port}/en/cec_07_0701.html: {failure}\n\
                 codes: nothing written\n"
            )
        )
    );
}

#[test]
fn a_page_without_the_table_or_with_two_is_an_error() {
    let reworded = edited(OPERATION_EN, |text| {
        let text = replace(
            &text,
            "</b>Agent operation type</caption>",
            "</b>Agent operations</caption>",
        );
        replace(&text, "<p>Operation Type</p>", "<p>Operation</p>")
    });
    let vendor = Vendor::new("update-no-table", &[(OPERATION_EN, Reply::Html(reworded))]);
    let url = vendor.url("en", OPERATION_EN);
    vendor.fails(
        &["--check"],
        &format!(
            "codes: OperationType, English page: {url}: the page no longer holds the table: no table \
             has the caption \"Table 1 Agent operation type\" or the header cells \"Operation Type\", \
             \"Description\", \"Operation Object\", \"Operation Reason\" (the page has 1 table: \
             \"Table 1 Agent operations\" on line 12)\ncodes: nothing written\n"
        ),
    );
    let twice = edited(OPERATION_EN, |text| {
        let start = text.find("<table").unwrap();
        let end = text.find("</table>").unwrap() + "</table>".len();
        let table = &text[start..end];
        replace(&text, table, &format!("{table}\n{table}"))
    });
    let vendor = Vendor::new("update-two-tables", &[(OPERATION_EN, Reply::Html(twice))]);
    let url = vendor.url("en", OPERATION_EN);
    vendor.fails(
        &["--check"],
        &format!(
            "codes: OperationType, English page: {url}: the page holds 2 candidate tables, on lines \
             12 and 73: merge the right one by hand with `codes import PAGE --table N --merge SPEC`\n\
             codes: nothing written\n"
        ),
    );
    // A text-keyed table is found by its caption, the lead-in of the list:
    // two parameters with that lead-in are two candidates.
    let call_directions = "cec_07_4238";
    let twice = edited(call_directions, |text| {
        // The agent type's description cell opens as the call direction's.
        replace(
            &text,
            "<p>座席类型/客户级别</p>",
            "<p>呼入呼出标志,包括:</p><ul><li>甲</li></ul>",
        )
    });
    let vendor = Vendor::new("update-two-lists", &[(call_directions, Reply::Html(twice))]);
    let url = vendor.url("zh", call_directions);
    vendor.fails(
        &["--check"],
        &format!(
            "codes: CallDirection, Chinese page: {url}: the page holds 2 candidate lists of \
             values, of agent_type on line 45 and callIn_out on line 49: merge the right one by \
             hand with `codes import PAGE --values-of PARAMETER --merge SPEC`\n\
             codes: nothing written\n"
        ),
    );
    // A text-keyed table is found by its caption, the lead-in of the list.
    let call_directions = "cec_07_4238";
    let reworded = edited(call_directions, |text| {
        replace(&text, "呼入呼出标志,包括:", "呼叫方向,包括:")
    });
    let vendor = Vendor::new(
        "update-no-values",
        &[(call_directions, Reply::Html(reworded))],
    );
    let url = vendor.url("zh", call_directions);
    vendor.fails(
        &["--check"],
        &format!(
            "codes: CallDirection, Chinese page: {url}: the page no longer holds the table: no \
             parameter lists its values after the caption \"呼入呼出标志,包括:\" (the page has 21 \
             parameters: id, developer_id, account_id, agent_id, service_no, skill_id, call_id, \
             begin_time, end_time, op_type, op_object, op_cause, media_type, vdn_id, cc_id, \
             agent_type, phone_no, callIn_out, location_id, logon_sn, skillInfo_sn)\n\
             codes: nothing written\n"
        ),
    );
}

#[test]
fn a_chinese_page_that_disagrees_with_the_english_one_is_an_error_at_its_line() {
    // Row 22 gone from the English page only: the Chinese page has a row
    // the table no longer has.
    let vendor = Vendor::new(
        "update-disagree",
        &[(
            OPERATION_EN,
            Reply::Html(edited(OPERATION_EN, |text| without_row(&text, "22"))),
        )],
    );
    let url = vendor.url("zh", OPERATION_ZH);
    vendor.fails(&["--check"], &format!("codes: OperationType, Chinese page: {url}:30: row 22 is not in table \
             OperationType of the spec (its rows come from its English page)\ncodes: nothing written\n"));
}

#[test]
fn saved_pages_missing_or_not_html_are_errors() {
    let vendor = Vendor::new("update-offline-errors", &[]);
    std::fs::remove_file(
        vendor
            .dir
            .join("offline")
            .join(format!("{OPERATION_EN}.html")),
    )
    .unwrap();
    std::fs::write(
        vendor
            .dir
            .join("offline")
            .join(format!("{OPERATION_ZH}.html")),
        "Updated on 2023-09-27 GMT+08:00\n",
    )
    .unwrap();
    vendor.fails(
        &["--offline", "offline"],
        "codes: OperationType, English page: offline/cec_07_4243.html: No such file or directory (os error 2)\n\
         codes: OperationType, Chinese page: offline/cec_07_0838.html: not an HTML page (it does not start with `<`)\n\
         codes: nothing written\n",
    );
}

#[test]
fn a_spec_without_sites_or_invalid_is_an_error() {
    let vendor = Vendor::new("update-no-sites", &[]);
    let spec = String::from_utf8(vendor.spec()).unwrap();
    let without_sites: String = spec
        .lines()
        .filter(|line| !line.starts_with("site"))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(vendor.dir.join("codes.toml"), without_sites).unwrap();
    vendor.fails(
        &["--check"],
        "codes: codes.toml: no table has a page address: [source] names no site (`site`, \
         `site_zh`) of a language a table has a page in\n",
    );
    std::fs::write(vendor.dir.join("codes.toml"), support::BROKEN_SPEC).unwrap();
    let run = vendor.update(&[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("error[E006]: duplicate code 1"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("codes.toml: 2 errors\ncodes: nothing written\n"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(vendor.dir.join("codes.toml")).unwrap(),
        support::BROKEN_SPEC
    );
}

#[test]
fn a_spec_on_standard_input_is_only_checked() {
    let vendor = Vendor::new("update-stdin", &[]);
    let run = vendor.update_stdin(&["-"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "codes: <stdin>: codes update writes the spec it reads: give its file, or --check\n"
        )
    );
    let run = vendor.update_stdin(&["-", "--check"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, UNCHANGED),
        "{}",
        run.stderr
    );
}

#[test]
fn the_timeout_is_a_number_of_seconds() {
    let vendor = Vendor::new("update-timeout-arg", &[]);
    let run = vendor.update(&["--timeout", "0"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("invalid value '0' for '--timeout <SECONDS>': expected a number of seconds above 0, found \"0\""),
        "{}",
        run.stderr
    );
}
