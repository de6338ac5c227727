//! Vendor pages fetched over HTTP(S), for `codes update`: the one place
//! the tool reaches the network.
//!
//! Through ureq with rustls, certificates checked against the Mozilla
//! roots ureq bundles (webpki-roots), not the system's store; through the
//! proxy of `ALL_PROXY`, `HTTPS_PROXY` or `HTTP_PROXY` unless `NO_PROXY`
//! names the host (ureq reads them); a timeout for each attempt, body
//! included; a timeout or a 5xx status tried again, a bounded number of
//! times, after a pause that grows; a body of at most [`LIMIT`] bytes;
//! HTML only.
//!
//! A redirect is followed only when it keeps the path asked for (from
//! `http` to `https`, or to another host serving the same page), never
//! from `https` to plain `http`, at most five times. Any other leads off
//! the page, which is how the vendor's site answers a page it no longer
//! has (a login, an error or a search page), so it is an error naming
//! where it leads, never a page read in the table's place.

use std::fmt;
use std::time::Duration;

use ureq::Agent;
use ureq::http::StatusCode;

/// The largest body read: 5 MiB, some hundred times a vendor page.
pub const LIMIT: u64 = 5 * 1024 * 1024;

/// At most this many redirects that keep the path are followed.
const MAX_REDIRECTS: usize = 5;

/// How pages are fetched.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The time an attempt may take, body included.
    pub timeout: Duration,
    /// How many times a timeout or a 5xx status is tried again.
    pub retries: u32,
    /// The pause before the first retry, doubled before each later one.
    pub pause: Duration,
}

/// Fetches pages with one agent (connections are reused).
pub struct Fetcher {
    agent: Agent,
    settings: Settings,
}

/// Why a page was not fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The server answered with an error status (after the retries, for a
    /// 5xx).
    Status {
        /// The status, e.g. 404.
        code: u16,
        /// How many times the page was asked for.
        attempts: u32,
    },
    /// No whole response within the timeout, in any attempt.
    Timeout {
        /// The timeout of each attempt.
        after: Duration,
        /// How many times the page was asked for.
        attempts: u32,
    },
    /// The TLS connection failed: a certificate, or a server that does not
    /// speak TLS.
    Tls(String),
    /// A redirect that leaves the page asked for.
    Redirect(String),
    /// A redirect from `https` to plain `http`.
    Downgrade(String),
    /// More than [`MAX_REDIRECTS`] redirects, each to the same page.
    TooManyRedirects(String),
    /// A body larger than [`LIMIT`].
    TooLarge,
    /// A response whose `Content-Type` is not HTML.
    NotHtml(String),
    /// Anything else: the host not found, the connection refused, a broken
    /// response.
    Other(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Status { code, attempts } => {
                let reason = StatusCode::from_u16(*code)
                    .ok()
                    .and_then(|status| status.canonical_reason())
                    .map(|reason| format!(" {reason}"))
                    .unwrap_or_default();
                write!(f, "HTTP {code}{reason}{}", tries(*attempts))
            }
            FetchError::Timeout { after, attempts } => write!(
                f,
                "no response within {} s{}",
                after.as_secs_f64(),
                tries(*attempts)
            ),
            FetchError::Tls(why) => write!(f, "TLS failure: {why}"),
            FetchError::Redirect(to) => write!(
                f,
                "redirected to {to}, off the page (a login or error page?): not followed; \
                 if the vendor moved its pages, change the site in the spec"
            ),
            FetchError::Downgrade(to) => {
                write!(
                    f,
                    "redirected to {to}, from https to plain http: not followed"
                )
            }
            FetchError::TooManyRedirects(to) => write!(
                f,
                "redirected more than {MAX_REDIRECTS} times, the last time to {to}: not followed"
            ),
            FetchError::TooLarge => write!(
                f,
                "the response is larger than {} MiB, too large for a vendor page",
                LIMIT / 1024 / 1024
            ),
            FetchError::NotHtml(content_type) => {
                write!(f, "not an HTML page: its Content-Type is {content_type:?}")
            }
            FetchError::Other(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for FetchError {}

/// ` (3 attempts)` after more than one.
fn tries(attempts: u32) -> String {
    match attempts {
        1 => String::new(),
        _ => format!(" ({attempts} attempts)"),
    }
}

/// One attempt's outcome.
enum Attempt {
    Page(Vec<u8>),
    /// Another address, with the same path, to ask.
    Moved(String),
    /// Worth another attempt (a timeout, a 5xx status).
    Transient(FetchError),
    Failed(FetchError),
}

impl Fetcher {
    /// A fetcher with `settings`; the proxy comes from the environment.
    pub fn new(settings: Settings) -> Fetcher {
        let agent = Agent::config_builder()
            .timeout_global(Some(settings.timeout))
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(concat!(
                "codes/",
                env!("CARGO_PKG_VERSION"),
                " (codes update)"
            ))
            .accept("text/html,application/xhtml+xml")
            .build()
            .new_agent();
        Fetcher { agent, settings }
    }

    /// The body of the page at `url`.
    ///
    /// # Errors
    ///
    /// A [`FetchError`]: an error status, a timeout, a TLS failure, a
    /// redirect off the page, a body over [`LIMIT`], a body that is not
    /// HTML, or any other failure of the connection.
    pub fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        let mut url = url.to_string();
        let mut redirects = 0;
        let mut attempts = 0;
        loop {
            attempts += 1;
            match self.attempt(&url) {
                Attempt::Page(body) => return Ok(body),
                Attempt::Moved(to) if redirects < MAX_REDIRECTS => {
                    redirects += 1;
                    attempts = 0;
                    url = to;
                }
                Attempt::Moved(to) => return Err(FetchError::TooManyRedirects(to)),
                Attempt::Transient(_) if attempts <= self.settings.retries => {
                    std::thread::sleep(self.settings.pause * 2u32.pow(attempts - 1));
                }
                Attempt::Transient(error) => return Err(with_attempts(error, attempts)),
                Attempt::Failed(error) => return Err(error),
            }
        }
    }

    fn attempt(&self, url: &str) -> Attempt {
        let mut response = match self.agent.get(url).call() {
            Ok(response) => response,
            Err(error) => return failure(error, url, self.settings.timeout),
        };
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get("location")
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            let to = resolve(url, location);
            if url.starts_with("https:") && !to.starts_with("https:") {
                return Attempt::Failed(FetchError::Downgrade(to));
            }
            return match path_of(&to) == path_of(url) {
                true => Attempt::Moved(to),
                false => Attempt::Failed(FetchError::Redirect(to)),
            };
        }
        if !status.is_success() {
            let error = FetchError::Status {
                code: status.as_u16(),
                attempts: 1,
            };
            return match status.is_server_error() {
                true => Attempt::Transient(error),
                false => Attempt::Failed(error),
            };
        }
        if let Some(content_type) = response.headers().get("content-type") {
            let content_type = String::from_utf8_lossy(content_type.as_bytes()).into_owned();
            let media_type = content_type.split(';').next().unwrap_or_default().trim();
            let html = ["text/html", "application/xhtml+xml"]
                .iter()
                .any(|html| media_type.eq_ignore_ascii_case(html));
            if !html {
                return Attempt::Failed(FetchError::NotHtml(content_type));
            }
        }
        match response.body_mut().with_config().limit(LIMIT).read_to_vec() {
            Ok(body) => Attempt::Page(body),
            Err(error) => failure(error, url, self.settings.timeout),
        }
    }
}

/// What a ureq error means for the fetch.
fn failure(error: ureq::Error, url: &str, timeout: Duration) -> Attempt {
    let timed_out = FetchError::Timeout {
        after: timeout,
        attempts: 1,
    };
    match error {
        ureq::Error::Timeout(_) => Attempt::Transient(timed_out),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            Attempt::Transient(timed_out)
        }
        ureq::Error::BodyExceedsLimit(_) => Attempt::Failed(FetchError::TooLarge),
        ureq::Error::Tls(why) => Attempt::Failed(FetchError::Tls(why.to_string())),
        ureq::Error::Rustls(why) => Attempt::Failed(FetchError::Tls(why.to_string())),
        // rustls reports a failed handshake or certificate through the
        // connection's reads and writes, as data it cannot accept.
        ureq::Error::Io(io)
            if io.kind() == std::io::ErrorKind::InvalidData && url.starts_with("https:") =>
        {
            Attempt::Failed(FetchError::Tls(io.to_string()))
        }
        other => Attempt::Failed(FetchError::Other(other.to_string())),
    }
}

/// `error` after `attempts` tries.
fn with_attempts(error: FetchError, attempts: u32) -> FetchError {
    match error {
        FetchError::Status { code, .. } => FetchError::Status { code, attempts },
        FetchError::Timeout { after, .. } => FetchError::Timeout { after, attempts },
        other => other,
    }
}

/// The path of an absolute URL, without its query or fragment: `/a/b.html`.
fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.find('/').map_or("/", |at| &rest[at..]);
    path.split(['?', '#']).next().unwrap_or(path)
}

/// `location` (a redirect's, absolute or relative) as an absolute URL,
/// against `base`.
fn resolve(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", base));
    let origin_end = rest.find('/').unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..origin_end]);
    if let Some(authority) = location.strip_prefix("//") {
        return format!("{scheme}://{authority}");
    }
    if location.starts_with('/') {
        return format!("{origin}{location}");
    }
    let path = path_of(base);
    let directory = &path[..path.rfind('/').map_or(0, |at| at + 1)];
    format!("{origin}{directory}{location}")
}

#[cfg(test)]
mod tests {
    use super::{path_of, resolve};

    #[test]
    fn redirects_are_resolved_against_the_page() {
        let page = "http://127.0.0.1:8080/en/cec_07_4243.html";
        assert_eq!(
            resolve(page, "https://a.example/en/cec_07_4243.html"),
            "https://a.example/en/cec_07_4243.html"
        );
        assert_eq!(
            resolve(page, "/login?from=x"),
            "http://127.0.0.1:8080/login?from=x"
        );
        assert_eq!(
            resolve(page, "error.html"),
            "http://127.0.0.1:8080/en/error.html"
        );
        assert_eq!(resolve(page, "//b.example/p"), "http://b.example/p");
        assert_eq!(path_of(page), "/en/cec_07_4243.html");
        assert_eq!(path_of("https://a.example/en/x.html?lang=en"), "/en/x.html");
        assert_eq!(path_of("https://a.example"), "/");
    }
}
