//! E-mail (`.eml`, RFC 5322 with MIME): the headers a citation may quote (From, To, Cc, Date,
//! Subject) above the text body, the attachments named below it; the subject is the title,
//! the sender the publisher, the date the publication date.

use std::fmt::Write;

use mail_parser::{Address, MessageParser, MimeHeaders};

/// What an e-mail gives a source.
pub struct Mail {
    pub text: String,
    pub subject: Option<String>,
    pub from: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
}

pub fn read(bytes: &[u8]) -> Result<Mail, String> {
    let message = MessageParser::default().parse(bytes).ok_or_else(|| "not an e-mail message".to_owned())?;
    let has_headers = message.from().is_some() || message.subject().is_some() || message.date().is_some();
    if !has_headers {
        return Err("not an e-mail message: it has no From, Subject or Date header".into());
    }
    let mut text = String::new();
    let mut header = |name: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            let _ = writeln!(text, "{name}: {v}");
        }
    };
    header("From", message.from().map(addresses));
    header("To", message.to().map(addresses));
    header("Cc", message.cc().map(addresses));
    header("Date", message.date().map(mail_parser::DateTime::to_rfc822));
    header("Subject", message.subject().map(str::to_owned));
    text.push('\n');
    let body = message.body_text(0).map(|b| b.replace("\r\n", "\n")).unwrap_or_default();
    text.push_str(body.trim_end());
    text.push('\n');
    let attachments: Vec<String> =
        message.attachments().map(|a| a.attachment_name().unwrap_or("(unnamed)").to_owned()).collect();
    if !attachments.is_empty() {
        let _ = write!(text, "\nAttachments: {}\n", attachments.join(", "));
    }
    let date = message.date().map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day));
    let from = message.from().and_then(|a| a.first()).and_then(|a| a.name().or(a.address())).map(str::to_owned);
    Ok(Mail { text, subject: message.subject().map(str::to_owned), from, date })
}

/// `Name <address>, …` as the header shows them.
fn addresses(list: &Address) -> String {
    list.iter()
        .map(|a| match (a.name(), a.address()) {
            (Some(n), Some(addr)) => format!("{n} <{addr}>"),
            (Some(n), None) => n.to_owned(),
            (None, Some(addr)) => addr.to_owned(),
            (None, None) => String::new(),
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}
