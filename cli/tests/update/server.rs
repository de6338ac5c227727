//! A small HTTP/1.1 server on 127.0.0.1 for the tests of `codes update`:
//! started on an ephemeral port, stopped when dropped. Each path answers
//! with the replies given for it, in turn, the last one from then on. It
//! is also a proxy: a `CONNECT` request is tunnelled to its address.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How the server answers a request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200, `text/html; charset=utf-8`, these bytes.
    Html(Vec<u8>),
    /// 200, this content type, these bytes.
    Typed(&'static str, Vec<u8>),
    /// This status with a short HTML body.
    Status(u16),
    /// 302 to this location.
    Redirect(String),
    /// Nothing until this long has passed, then the page.
    Slow(Duration, Vec<u8>),
}

#[derive(Default)]
struct Routes {
    replies: HashMap<String, Vec<Reply>>,
    hits: HashMap<String, usize>,
}

/// The server; dropping it stops it.
pub struct Server {
    port: u16,
    routes: Arc<Mutex<Routes>>,
    stop: Arc<AtomicBool>,
    accepter: Option<JoinHandle<()>>,
}

impl Server {
    /// A server listening on an ephemeral port of 127.0.0.1.
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local address").port();
        let routes = Arc::new(Mutex::new(Routes::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let accepter = {
            let (routes, stop) = (Arc::clone(&routes), Arc::clone(&stop));
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let routes = Arc::clone(&routes);
                    // A thread per connection: a slow reply holds no other.
                    std::thread::spawn(move || serve(stream, &routes));
                }
            })
        };
        Server {
            port,
            routes,
            stop,
            accepter: Some(accepter),
        }
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Answers `path` with `replies`, in turn, the last one from then on.
    pub fn route(&self, path: &str, replies: Vec<Reply>) {
        let mut routes = self.routes.lock().unwrap();
        routes.replies.insert(path.to_string(), replies);
    }

    /// How many requests `path` got.
    pub fn hits(&self, path: &str) -> usize {
        let routes = self.routes.lock().unwrap();
        routes.hits.get(path).copied().unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(accepter) = self.accepter.take() {
            let _ = accepter.join();
        }
    }
}

/// Reads one request and answers it; the connection then closes.
fn serve(mut stream: TcpStream, routes: &Mutex<Routes>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buffer = [0; 4096];
    while !head.windows(4).any(|window| window == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(read) => head.extend_from_slice(&buffer[..read]),
        }
        // Not HTTP (a TLS handshake, say): answer in plain text at once.
        let method = |method: &[u8]| head.starts_with(&method[..head.len().min(method.len())]);
        if !method(b"GET ") && !method(b"CONNECT ") {
            break;
        }
    }
    let request = String::from_utf8_lossy(&head).into_owned();
    if let Some(authority) = request
        .strip_prefix("CONNECT ")
        .and_then(|rest| rest.split(' ').next())
    {
        let mut routes = routes.lock().unwrap();
        *routes
            .hits
            .entry(format!("CONNECT {authority}"))
            .or_default() += 1;
        drop(routes);
        tunnel(stream, authority);
        return;
    }
    let Some(path) = request
        .strip_prefix("GET ")
        .and_then(|rest| rest.split(' ').next())
    else {
        let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
        return;
    };
    let reply = {
        let mut routes = routes.lock().unwrap();
        *routes.hits.entry(path.to_string()).or_default() += 1;
        match routes.replies.get_mut(path) {
            Some(replies) if replies.len() > 1 => replies.remove(0),
            Some(replies) => replies[0].clone(),
            None => Reply::Status(404),
        }
    };
    let (status, headers, body) = match reply {
        Reply::Html(body) => (
            200,
            "Content-Type: text/html; charset=utf-8\r\n".to_string(),
            body,
        ),
        Reply::Typed(content_type, body) => {
            (200, format!("Content-Type: {content_type}\r\n"), body)
        }
        Reply::Status(status) => (
            status,
            "Content-Type: text/html\r\n".to_string(),
            format!("<html><body>{status}</body></html>").into_bytes(),
        ),
        Reply::Redirect(location) => (302, format!("Location: {location}\r\n"), Vec::new()),
        Reply::Slow(pause, body) => {
            std::thread::sleep(pause);
            (200, "Content-Type: text/html\r\n".to_string(), body)
        }
    };
    let head = format!(
        "HTTP/1.1 {status} {}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        reason(status),
        body.len()
    );
    // The client may have gone (a timeout, a body over its limit).
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// Answers a `CONNECT` and copies bytes both ways between the client
/// and `authority` until either side closes.
fn tunnel(mut client: TcpStream, authority: &str) {
    let Ok(mut target) = TcpStream::connect(authority) else {
        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n");
        return;
    };
    let _ = client.set_read_timeout(None);
    if client
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .is_err()
    {
        return;
    }
    let (Ok(mut client_reader), Ok(mut target_writer)) = (client.try_clone(), target.try_clone())
    else {
        return;
    };
    let upstream = std::thread::spawn(move || {
        let _ = std::io::copy(&mut client_reader, &mut target_writer);
        let _ = target_writer.shutdown(std::net::Shutdown::Write);
    });
    let _ = std::io::copy(&mut target, &mut client);
    let _ = client.shutdown(std::net::Shutdown::Write);
    let _ = upstream.join();
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
