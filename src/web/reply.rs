//! An answer before it is written: status, body type and bytes, and the
//! short error page (or JSON error) every refusal gets.

use super::error::WebError;
use super::pages;

/// What a response body is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A page.
    Html,
    /// A JSON twin (or a JSON error).
    Json,
    /// The stylesheet.
    Css,
    /// The icon.
    Svg,
}

impl Kind {
    /// The `Content-Type` header value.
    pub fn content_type(self) -> &'static str {
        match self {
            Kind::Html => "text/html; charset=utf-8",
            Kind::Json => "application/json",
            Kind::Css => "text/css; charset=utf-8",
            Kind::Svg => "image/svg+xml",
        }
    }
}

/// A response before its headers are added.
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Body type.
    pub kind: Kind,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl Reply {
    /// 200 with `body`.
    pub fn ok(kind: Kind, body: Vec<u8>) -> Reply {
        Reply {
            status: 200,
            kind,
            body,
        }
    }

    /// An error as a short page, or as `{"error", "status"}` for a JSON
    /// address.
    pub fn error(err: &WebError, json: bool) -> Reply {
        let body = if json {
            let mut b = serde_json::to_vec(&serde_json::json!({
                "error": err.message,
                "status": err.status,
            }))
            .unwrap_or_default();
            b.push(b'\n');
            b
        } else {
            pages::error_page(err)
        };
        Reply {
            status: err.status,
            kind: if json { Kind::Json } else { Kind::Html },
            body,
        }
    }
}
