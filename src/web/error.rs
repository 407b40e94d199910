//! Why a request gets no page: the HTTP status and the one line the
//! command line would print for the same mistake.

use dipsearch::error::UsageError;

use crate::commands::hints;

/// A request answered with an error page (or a JSON error for a `.json`
/// address).
#[derive(Debug)]
pub struct WebError {
    /// 400, 404, 405, 413, 414, 421 or 500.
    pub status: u16,
    /// One line, as the command line words it.
    pub message: String,
}

impl WebError {
    /// A bad parameter or value: 400.
    pub fn bad(message: impl Into<String>) -> WebError {
        WebError {
            status: 400,
            message: message.into(),
        }
    }

    /// Nothing at this address: 404.
    pub fn not_found(message: impl Into<String>) -> WebError {
        WebError {
            status: 404,
            message: message.into(),
        }
    }
}

impl From<anyhow::Error> for WebError {
    /// Usage errors are the client's (400; an unknown paragraph or
    /// document is 404), anything else is the server's (500). The message
    /// is the command line's error line for the same error.
    fn from(err: anyhow::Error) -> WebError {
        let lib = err
            .chain()
            .find_map(|e| e.downcast_ref::<dipsearch::Error>());
        let status = match lib {
            Some(dipsearch::Error::Usage(
                UsageError::UnknownParagraph { .. } | UsageError::UnknownDocument { .. },
            )) => 404,
            Some(e) if e.is_usage() => 400,
            _ => 500,
        };
        WebError {
            status,
            message: hints::error_line(&err),
        }
    }
}

impl From<dipsearch::Error> for WebError {
    fn from(err: dipsearch::Error) -> WebError {
        WebError::from(anyhow::Error::from(err))
    }
}

impl From<std::io::Error> for WebError {
    fn from(err: std::io::Error) -> WebError {
        WebError::from(anyhow::Error::from(err))
    }
}
