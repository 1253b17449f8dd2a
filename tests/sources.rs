//! Sources as people have them: PDFs (with the page each quote stands on), e-mails and Word
//! documents, added from the command line, checked, exported; and the clear refusals a broken
//! one gets. Every fixture is made here.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use citeline::formats::open::{Limits, open};
use citeline::formats::source_file::{QuoteOnPage, read_source_bytes, render_pdf_page};
use citeline::model::OriginalKind;
use citeline::model::Progress;
use common::citeline;
use common::pdf::pdf;
use egui_kittest::kittest::{NodeT as _, Queryable};

/// A complaint of three pages: page 2 in two columns with a word hyphenated at a line's end and
/// an "fi" ligature; page 3 holds nothing but a footer.
fn complaint() -> Vec<u8> {
    pdf(&[
        vec![vec![b"COMPLAINT FOR INJUNCTIVE RELIEF", b"The plaintiffs bring this action under the Sherman Act."]],
        vec![
            vec![
                b"In August 2013 Facebook gave Netflix access",
                b"to the private Titan API, an arrange-",
                b"ment kept from users.",
            ],
            vec![b"Netflix paid for the \xaele of viewing history.", b"The partnership ended in 2019."],
        ],
        vec![vec![b"Page 3"]],
    ])
}

fn new_timeline(dir: &Path) -> PathBuf {
    let path = dir.join("case.citeline.json");
    let (code, out) = citeline(&["new", path.to_str().expect("path"), "--title", "Case"]);
    assert_eq!(code, 0, "{out}");
    path
}

#[test]
fn a_pdfs_text_is_read_page_by_page_as_a_reader_would_quote_it() {
    let read = read_source_bytes(complaint(), Some("pdf")).expect("reads");
    assert_eq!(read.original.as_ref().map(|(k, _)| *k), Some(OriginalKind::Pdf));
    assert_eq!(read.pages.len(), 3);
    let page =
        |n: usize| &read.text[read.pages[n] as usize..read.pages.get(n + 1).map_or(read.text.len(), |&p| p as usize)];
    assert!(page(0).contains("COMPLAINT FOR INJUNCTIVE RELIEF"), "{}", page(0));
    // Reading order: the left column, then the right.
    let left = page(1).find("In August 2013").expect("left column");
    let right = page(1).find("Netflix paid").expect("right column");
    assert!(left < right, "{}", page(1));
    assert!(page(1).contains("an arrangement kept"), "hyphenation at a line's end joined: {}", page(1));
    assert!(page(1).contains("the file of viewing"), "the ligature spelt out: {}", page(1));
    assert!(page(2).contains("Page 3"));
}

/// Page `n`'s text (from 0) as the timeline keeps it.
fn page_text(text: &str, pages: &[u32], n: usize) -> String {
    let whole = &text[pages[n] as usize..pages.get(n + 1).map_or(text.len(), |&p| p as usize)];
    whole.strip_suffix("\n\n").unwrap_or(whole).to_owned()
}

/// How many pixels inside `mark` are darker than mid-grey: the letters drawn under it.
fn ink(image: &citeline::formats::source_file::PageImage, mark: [f32; 4]) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // pixels of a small page, clamped at 0
    let [x0, y0, x1, y1] = mark.map(|v| v.max(0.0) as usize);
    let mut dark = 0;
    for y in y0..y1.min(image.height as usize) {
        for x in x0..x1.min(image.width as usize) {
            let i = (y * image.width as usize + x) * 4;
            if image.rgba[i] < 128 {
                dark += 1;
            }
        }
    }
    dark
}

#[test]
fn a_quote_on_page_2_is_marked_where_its_words_are_drawn_on_page_2() {
    let bytes = Arc::new(complaint());
    let read = read_source_bytes(complaint(), Some("pdf")).expect("reads");
    let page = page_text(&read.text, &read.pages, 1);
    let quote = |words: &'static str| {
        let start = page.find(words).expect("on page 2");
        Some(QuoteOnPage { page_text: &page, range: start..start + words.len(), quote: words })
    };
    // 595 pixels for a 595-point page: a point a pixel, y down from the top of an 842-point page.
    let image = render_pdf_page(&bytes, 1, 595, quote("gave Netflix access").as_ref()).expect("draws");
    assert_eq!((image.page, image.pages, image.width, image.height), (1, 3, 595, 842));
    assert_eq!(image.rgba.len(), 595 * 842 * 4);
    assert_eq!(image.placed, Some(true));
    assert_eq!(image.marks.len(), 1, "one line: {:?}", image.marks);
    let [x0, y0, x1, y1] = image.marks[0];
    // The first line of the left column stands at 780 pt: its baseline 62 px from the top.
    assert!(y0 < 62.0 && y1 > 62.0 && y1 - y0 < 16.0, "{:?}", image.marks[0]);
    // After "In August 2013 Facebook " (the column starts at 56 pt), inside the left column.
    assert!(x0 > 56.0 + 100.0 && x1 < 56.0 + 270.0, "{:?}", image.marks[0]);
    assert!(ink(&image, image.marks[0]) > 100, "the quote's letters are under its mark");
    let before = [56.0, y0, x0 - 4.0, y1];
    assert!(ink(&image, before) > 100, "the words before it are drawn left of the mark, unmarked");

    // A quote across a hyphenated line end: one mark per line, a line (16 pt) apart.
    let image = render_pdf_page(&bytes, 1, 595, quote("an arrangement kept from users").as_ref()).expect("draws");
    assert_eq!(image.marks.len(), 2, "{:?}", image.marks);
    assert!((image.marks[1][1] - image.marks[0][1] - 16.0).abs() < 1.0, "{:?}", image.marks);
    assert!(image.marks.iter().all(|&m| ink(&image, m) > 30));

    // Drawn at another width, the marks follow the page.
    let half = render_pdf_page(&bytes, 1, 298, quote("gave Netflix access").as_ref()).expect("draws");
    assert_eq!(half.height, 421);
    let scaled = image_mark(&half)[0] * 2.0;
    assert!((scaled - x0).abs() < 2.0, "{scaled} against {x0}");

    // The right column's ligature: "file" drawn as one glyph "ﬁ" then "le".
    let image = render_pdf_page(&bytes, 1, 595, quote("the file of viewing history").as_ref()).expect("draws");
    assert_eq!(image.marks.len(), 1);
    assert!(image.marks[0][0] > 56.0 + 270.0, "in the right column: {:?}", image.marks);

    // Words no longer on the page (the PDF changed) are said not placed, and the page still shows.
    let mut changed = page.clone();
    changed = changed.replace("gave Netflix access", "gave Netflix entry");
    let start = changed.find("gave Netflix entry").expect("there");
    let gone = QuoteOnPage { page_text: &changed, range: start..start + 18, quote: "gave Netflix entry" };
    let image = render_pdf_page(&bytes, 1, 595, Some(&gone)).expect("draws");
    assert_eq!(image.placed, Some(false));
    assert!(image.marks.is_empty());
    // The kept text drifted but the PDF holds the quote as cited: the PDF is the authority.
    let kept = QuoteOnPage { page_text: &changed, range: start..start + 18, quote: "gave Netflix access" };
    let image = render_pdf_page(&bytes, 1, 595, Some(&kept)).expect("draws");
    assert_eq!(image.placed, Some(true));
    assert!((image.marks[0][0] - x0).abs() < 0.5, "{:?}", image.marks);
    // Words that moved on the page are found where they now stand.
    let moved = format!("A new first line.\n{page}");
    let start = moved.find("gave Netflix access").expect("there");
    let image = render_pdf_page(
        &bytes,
        1,
        595,
        Some(&QuoteOnPage { page_text: &moved, range: start..start + 19, quote: "gave Netflix access" }),
    )
    .expect("draws");
    assert_eq!(image.placed, Some(true));
    assert!((image.marks[0][0] - x0).abs() < 0.5);
}

fn image_mark(image: &citeline::formats::source_file::PageImage) -> Vec<f32> {
    image.marks.iter().map(|m| m[0]).collect()
}

#[test]
fn a_page_that_is_not_there_or_a_file_that_is_not_a_pdf_is_said_so() {
    let bytes = Arc::new(complaint());
    let err = render_pdf_page(&bytes, 3, 400, None).expect_err("no page 4");
    assert!(err.contains("there is no page 4"), "{err}");
    let err = render_pdf_page(&Arc::new(b"%PDF-1.5 replaced".to_vec()), 0, 400, None).expect_err("not a PDF");
    assert!(err.contains("cannot be read"), "{err}");
    let whole = complaint();
    for cut in (0..whole.len()).step_by(97) {
        let _ = render_pdf_page(&Arc::new(whole[..cut].to_vec()), 0, 200, None);
    }
}

#[test]
fn add_source_keeps_the_pdf_and_a_quote_on_page_2_is_cited_as_p_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let timeline = new_timeline(dir.path());
    let file = dir.path().join("Complaint.pdf");
    std::fs::write(&file, complaint()).expect("write");
    let (code, out) = citeline(&["add-source", timeline.to_str().expect("path"), file.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}");
    let id = out.lines().next().expect("the id").trim().to_owned();
    assert!(dir.path().join(format!("sources/{id}.txt")).is_file(), "the text beside the timeline");
    let kept = std::fs::read(dir.path().join(format!("sources/{id}.pdf"))).expect("the original beside it");
    assert_eq!(kept, complaint());

    // The timeline records the original, its hash, and where the pages begin.
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&timeline).expect("read")).expect("json");
    let source = &json["sources"][0];
    assert_eq!(source["original"]["kind"], "pdf");
    assert_eq!(source["original"]["file"], format!("sources/{id}.pdf"));
    assert_eq!(source["original"]["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(source["text_sha256"].as_str().map(str::len), Some(64));
    assert_eq!(source["pages"].as_array().map(Vec::len), Some(3));

    // Events quoting page 2, and pages 1 to 2.
    let mut json = json;
    json["events"] = serde_json::json!([
        {"id": "titan", "title": "Titan API", "when": "2013-08",
         "citations": [{"source": id, "quote": "gave Netflix access"}]},
        {"id": "act", "title": "The action", "when": "2020",
         "citations": [{"source": id, "quote": "the Sherman Act."}, {"source": id, "quote": "Netflix paid for the file"}]}
    ]);
    std::fs::write(&timeline, serde_json::to_string_pretty(&json).expect("json")).expect("write");
    let doc = open(&timeline, Limits::default(), &Progress::default()).expect("opens");
    let titan = doc.event_index("titan").expect("event");
    assert_eq!(doc.pin_cite(titan, 0).as_deref(), Some("p. 2"));
    let act = doc.event_index("act").expect("event");
    assert_eq!(doc.pin_cite(act, 0).as_deref(), Some("p. 1"));
    assert_eq!(doc.pin_cite(act, 1).as_deref(), Some("p. 2"));
    assert!(doc.problems().is_empty(), "{:#?}", doc.problems());

    // Footnotes and TimelineJS text say the page.
    let svg = dir.path().join("out.svg");
    let (code, out) =
        citeline(&["export", timeline.to_str().expect("path"), "-o", svg.to_str().expect("path"), "--footnotes"]);
    assert_eq!(code, 0, "{out}");
    let svg = std::fs::read_to_string(svg).expect("svg");
    assert!(svg.contains("p. 2"), "the footnote names the page");
    let tjs = dir.path().join("out.json");
    let (code, out) = citeline(&["convert", timeline.to_str().expect("path"), "-o", tjs.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}");
    assert!(std::fs::read_to_string(&tjs).expect("json").contains(", p. 2</p>"));

    // Drift: the kept text edited by hand is told, and a quote that no longer stands is flagged.
    let text_path = dir.path().join(format!("sources/{id}.txt"));
    let text = std::fs::read_to_string(&text_path).expect("text");
    std::fs::write(&text_path, text.replace("gave Netflix access", "gave Netflix entry")).expect("write");
    let (code, out) = citeline(&["check", timeline.to_str().expect("path")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("changed since the source was added"), "{out}");
    assert!(out.contains("event \"titan\""), "the quote is flagged: {out}");
    assert!(!out.contains("words stand"), "no such words anywhere: {out}");
    // The same words in other case: the message says where they now stand, and on which page.
    std::fs::write(&text_path, text.replace("gave Netflix access", "gave NETFLIX access")).expect("write");
    let (code, out) = citeline(&["check", timeline.to_str().expect("path")]);
    assert_eq!(code, 1, "{out}");
    let (line, _) =
        text.split_once("gave Netflix access").map(|(before, _)| (before.lines().count(), 0)).expect("there");
    assert!(
        out.contains(&format!("its words stand at line {line}, column ")) && out.contains(", p. 2 with other case"),
        "{out}"
    );
    assert!(out.contains("“gave NETFLIX access”"), "{out}");
    // The same words in another source: the message names it.
    std::fs::write(&text_path, text.replace("gave Netflix access", "gave Netflix entry")).expect("write");
    let memo = dir.path().join("memo.txt");
    std::fs::write(&memo, "A memo.\nThe board heard that Facebook gave Netflix access in 2013.").expect("write");
    let (code, out) =
        citeline(&["add-source", timeline.to_str().expect("path"), memo.to_str().expect("path"), "--id", "memo"]);
    assert_eq!(code, 0, "{out}");
    let (_, out) = citeline(&["check", timeline.to_str().expect("path")]);
    assert!(out.contains("the same words stand in source \"memo\" at line 2, column 31"), "{out}");
    std::fs::write(&text_path, text).expect("write");
    std::fs::write(dir.path().join(format!("sources/{id}.pdf")), b"%PDF-1.5 replaced").expect("write");
    let (_, out) = citeline(&["check", timeline.to_str().expect("path")]);
    assert!(out.contains(&format!("the PDF sources/{id}.pdf changed since it was added")), "{out}");
    assert!(
        out.contains(&format!("the changed PDF sources/{id}.pdf cannot be read again: not a readable PDF")),
        "{out}"
    );
    // An amended complaint: a new first page, so the quotes moved a page on, and one is gone.
    let amended = pdf(&[
        vec![vec![b"AMENDED COMPLAINT"]],
        vec![vec![b"The plaintiffs bring this action under the Sherman Act."]],
        vec![vec![b"In August 2013 Facebook gave Netflix access", b"to the private Titan API."]],
    ]);
    std::fs::write(dir.path().join(format!("sources/{id}.pdf")), amended).expect("write");
    let (_, out) = citeline(&["check", timeline.to_str().expect("path")]);
    let pdf_name = format!("the changed PDF sources/{id}.pdf");
    assert!(out.contains(&format!("event \"titan\", field `citations[0].quote`: warning: in {pdf_name} the quote now stands at line 5, column 25, p. 3")), "{out}");
    assert!(out.contains(&format!("event \"act\", field `citations[0].quote`: warning: in {pdf_name} the quote now stands at line 3, column 40, p. 2")), "{out}");
    assert!(
        out.contains(&format!(
            "event \"act\", field `citations[1].quote`: warning: the quote is no longer in {pdf_name}"
        )),
        "{out}"
    );
}

#[test]
fn a_pdf_without_text_or_with_a_password_or_damaged_is_refused_with_the_reason() {
    // A first page without text (a cover picture) still leaves every page its own offset.
    let covered =
        read_source_bytes(pdf(&[vec![vec![]], vec![vec![b"The complaint itself."]]]), Some("pdf")).expect("reads");
    assert_eq!(covered.pages, [0, 2], "{:?}", covered.text);
    let scan = pdf(&[vec![vec![]], vec![vec![]]]);
    let err = read_source_bytes(scan, Some("pdf")).expect_err("no text layer");
    assert!(err.contains("no text layer"), "{err}");
    let damaged = complaint()[..400].to_vec();
    let err = read_source_bytes(damaged, Some("pdf")).expect_err("damaged");
    assert!(err.contains("PDF"), "{err}");
    // Every prefix of a PDF is refused or read, never a crash.
    let whole = complaint();
    for cut in (0..whole.len()).step_by(97) {
        let _ = read_source_bytes(whole[..cut].to_vec(), Some("pdf"));
    }
}

const MAIL: &str = "From: Ana Ruiz <ana@example.org>\r
To: Desk <desk@example.org>\r
Date: Tue, 6 Aug 2013 09:15:00 +0200\r
Subject: Re: Titan API\r
MIME-Version: 1.0\r
Content-Type: multipart/mixed; boundary=\"XYZ\"\r
\r
--XYZ\r
Content-Type: text/plain; charset=iso-8859-1\r
Content-Transfer-Encoding: quoted-printable\r
\r
Confirmed: Netflix got access to the private API in August 2013. Se=F1or Ruiz.\r
\r
> On Mon, Desk wrote:\r
> Can you confirm the Titan API deal?\r
--XYZ\r
Content-Type: application/pdf; name=\"contract.pdf\"\r
Content-Disposition: attachment; filename=\"contract.pdf\"\r
Content-Transfer-Encoding: base64\r
\r
JVBERi0xLjUK\r
--XYZ--\r
";

#[test]
fn an_email_gives_its_headers_body_reply_and_attachments_and_its_date_is_the_publication() {
    let read = read_source_bytes(MAIL.as_bytes().to_vec(), Some("eml")).expect("reads");
    assert_eq!(read.title.as_deref(), Some("Re: Titan API"));
    assert_eq!(read.publisher.as_deref(), Some("Ana Ruiz"));
    assert_eq!(read.published.as_deref(), Some("2013-08-06"));
    for part in [
        "From: Ana Ruiz <ana@example.org>",
        "Subject: Re: Titan API",
        "in August 2013. Señor Ruiz.",
        "> Can you confirm",
        "Attachments: contract.pdf",
    ] {
        assert!(read.text.contains(part), "{part:?} in {}", read.text);
    }
    assert!(!read.text.contains("JVBERi0"), "the attachment's bytes are not text");
    let err = read_source_bytes(b"just some words\n".to_vec(), Some("eml")).expect_err("not mail");
    assert!(err.contains("not an e-mail"), "{err}");
}

/// A .docx with `paragraphs` and, when given, a title in its properties.
fn docx(paragraphs: &[&str], title: Option<&str>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).expect("zip");
    zip.write_all(
        br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
    )
    .expect("zip");
    zip.start_file("word/document.xml", options).expect("zip");
    let mut body = String::new();
    for p in paragraphs {
        let runs: Vec<String> =
            p.split('\t').map(|r| format!("<w:r><w:t xml:space=\"preserve\">{r}</w:t></w:r>")).collect();
        body.push_str("<w:p>");
        body.push_str(&runs.join("<w:r><w:tab/></w:r>"));
        body.push_str("</w:p>");
    }
    let xml = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip.write_all(xml.as_bytes()).expect("zip");
    if let Some(t) = title {
        zip.start_file("docProps/core.xml", options).expect("zip");
        let core = format!(
            r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{t}</dc:title></cp:coreProperties>"#
        );
        zip.write_all(core.as_bytes()).expect("zip");
    }
    zip.finish().expect("zip").into_inner()
}

#[test]
fn a_word_document_gives_its_paragraphs_in_order_and_its_title() {
    let bytes = docx(
        &["Memo on the Titan API", "Facebook &amp; Netflix signed in\tAugust 2013.", "Nothing more."],
        Some("Internal memo"),
    );
    let read = read_source_bytes(bytes, Some("docx")).expect("reads");
    assert_eq!(read.title.as_deref(), Some("Internal memo"));
    assert_eq!(read.text, "Memo on the Titan API\nFacebook & Netflix signed in\tAugust 2013.\nNothing more.\n");
    let untitled = read_source_bytes(docx(&["First line", "Second"], None), Some("docx")).expect("reads");
    assert_eq!(untitled.title.as_deref(), Some("First line"));
    for (bytes, why) in [
        (b"not a zip at all".to_vec(), "not a Word document"),
        (vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "encrypted or old-format"),
        (docx(&["x"], None)[..60].to_vec(), "not a Word document"),
    ] {
        let err = read_source_bytes(bytes, Some("docx")).expect_err(why);
        assert!(err.contains(why), "{why}: {err}");
    }
}

#[test]
fn adding_an_email_from_the_command_line_takes_its_subject_sender_and_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let timeline = new_timeline(dir.path());
    let file = dir.path().join("reply.eml");
    std::fs::write(&file, MAIL).expect("write");
    let (code, out) = citeline(&["add-source", timeline.to_str().expect("path"), file.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}");
    let doc = open(&timeline, Limits::default(), &Progress::default()).expect("opens");
    let s = &doc.timeline().sources[0];
    assert_eq!(
        (s.title.as_str(), s.publisher.as_str(), s.published.as_deref()),
        ("Re: Titan API", "Ana Ruiz", Some("2013-08-06"))
    );
    assert_eq!(s.original.as_ref().map(|o| o.kind), Some(OriginalKind::Eml));
    let (code, out) = citeline(&["check", timeline.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}");
}

/// A saved news page: navigation, an ad and a footer around the article.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="es-ES">
<head>
<meta charset="utf-8">
<title>¿Netflix pagaba a Meta por mensajes privados? | Diario Ejemplo</title>
<meta property="og:site_name" content="Diario Ejemplo">
<meta property="og:title" content="¿Netflix pagaba a Meta por mensajes privados?">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2025-03-12T10:00:00+01:00">
<link rel="canonical" href="https://diario.example.org/tecnologia/netflix-meta">
</head>
<body>
<nav class="menu"><a href="/">Portada</a> <a href="/deportes">Deportes</a> <a href="/tecnologia">Tecnología</a></nav>
<div class="ad banner">PUBLICIDAD: compre ahora su seguro de coche con descuento</div>
<article>
<h1>¿Netflix pagaba a Meta por mensajes privados?</h1>
<p class="byline">Por Ana Ruiz</p>
<p>Una demanda presentada en Estados Unidos sostiene que Facebook dio a Netflix acceso a los mensajes privados de sus usuarios entre 2013 y 2019, a cambio de cientos de millones de dólares en publicidad.</p>
<p>Según el documento, en agosto de 2013 Facebook concedió a Netflix acceso a la llamada Titan API, una interfaz privada que permitía leer los mensajes de los usuarios. La empresa de streaming, dice la demanda, pagaba además unos 150 millones de dólares al año en anuncios.</p>
<p>Meta negó las acusaciones y afirmó que nunca compartió los mensajes privados de las personas con Netflix sin su consentimiento.</p>
</article>
<aside class="related">Lea también: Los mejores móviles del año</aside>
<footer>© Diario Ejemplo. Todos los derechos reservados. Aviso legal · Cookies</footer>
</body>
</html>"#;

#[test]
fn a_saved_web_page_gives_its_article_without_the_page_around_it_and_what_it_says_of_itself() {
    let read = read_source_bytes(PAGE.as_bytes().to_vec(), Some("html")).expect("reads");
    assert!(
        read.text.contains("en agosto de 2013 Facebook concedió a Netflix acceso a la llamada Titan API"),
        "{}",
        read.text
    );
    assert!(read.text.contains("Meta negó las acusaciones"), "{}", read.text);
    for noise in ["Deportes", "PUBLICIDAD", "Lea también", "Todos los derechos"] {
        assert!(!read.text.contains(noise), "{noise:?} left in: {}", read.text);
    }
    assert_eq!(read.title.as_deref(), Some("¿Netflix pagaba a Meta por mensajes privados?"));
    assert_eq!(read.publisher.as_deref(), Some("Diario Ejemplo"));
    assert_eq!(read.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(read.published.as_deref(), Some("2025-03-12"));
    assert_eq!(read.language.as_deref(), Some("es"));
    assert_eq!(read.url.as_deref(), Some("https://diario.example.org/tecnologia/netflix-meta"));
    assert_eq!(read.original.as_ref().map(|(k, _)| *k), Some(OriginalKind::Html));
    // Malformed HTML still reads; a file with no HTML, or no text, is refused with the reason.
    let broken = "<html><body><article><p>Unclosed paragraph about the <b>Titan API deal in 2013, which the complaint describes at length and in detail.<p>Another".as_bytes().to_vec();
    assert!(read_source_bytes(broken, Some("html")).is_ok());
    let err = read_source_bytes(b"plain words only".to_vec(), Some("html")).expect_err("no html");
    assert!(err.contains("not a web page"), "{err}");
    let err = read_source_bytes(b"<html><body></body></html>".to_vec(), Some("html")).expect_err("empty");
    assert!(err.contains("no article"), "{err}");
    // A page saved in Windows-1252 reads, accents and all.
    let latin = b"<html><body><article><p>Se\xf1or Ruiz confirm\xf3 el acuerdo de agosto de 2013 con todos sus detalles y condiciones, seg\xfan el documento presentado.</p></article></body></html>".to_vec();
    let read = read_source_bytes(latin, Some("html")).expect("reads");
    assert!(read.text.contains("Señor Ruiz confirmó"), "{}", read.text);
}

/// Steps the window until a widget labelled with `label` shows, as a user waits for a page.
fn wait_for_label(harness: &mut egui_kittest::Harness<'static, citeline::CitelineApp>, label: &str) {
    for _ in 0..500 {
        harness.run_steps(1);
        if harness.query_by_label_contains(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("\"{label}\" did not show");
}

/// A timeline in `dir` with the complaint added as a source and the event "Titan API" citing
/// its page 2; the timeline and the source's id.
fn titan_case(dir: &Path) -> (PathBuf, String) {
    let timeline = new_timeline(dir);
    let file = dir.join("Complaint.pdf");
    std::fs::write(&file, complaint()).expect("write");
    let (code, out) = citeline(&["add-source", timeline.to_str().expect("path"), file.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}");
    let id = out.lines().next().expect("the id").trim().to_owned();
    let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&timeline).expect("read")).expect("json");
    json["events"] = serde_json::json!([{"id": "titan", "title": "Titan API", "when": "2013-08",
        "citations": [{"source": id, "quote": "gave Netflix access"}]}]);
    std::fs::write(&timeline, serde_json::to_string_pretty(&json).expect("json")).expect("write");
    (timeline, id)
}

#[test]
fn the_panel_opens_a_pdf_source_at_the_quotes_page_with_the_quote_marked_and_switches_to_its_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (timeline, _) = titan_case(dir.path());
    let mut harness = common::harness_on(&timeline);
    harness.get_by_label("Titan API, August 2013").click();
    harness.run();
    // It opens at page 2, where the quote stands, drawn with the quote marked.
    wait_for_label(&mut harness, "Page 2 of the PDF, the quote marked");
    assert!(harness.query_by_label("Page 2 of 3").is_some());
    assert!(harness.query_by_label_contains("In August 2013 Facebook").is_none(), "the page, not the text");

    // The text view shows the text kept from the PDF, the quote in it.
    harness.get_by_label("Text view").click();
    harness.run();
    assert!(harness.query_by_label_contains("Page 2 of the PDF").is_none());
    assert!(harness.query_by_label_contains("In August 2013 Facebook gave Netflix access").is_some());

    // Back to the page, and on to page 3, which the quote is not on.
    harness.get_by_label("Page view").click();
    harness.run();
    wait_for_label(&mut harness, "Page 2 of the PDF, the quote marked");
    harness.get_by_label("▶").click();
    harness.run();
    wait_for_label(&mut harness, "Page 3 of the PDF");
    assert!(harness.query_by_label("Page 3 of 3").is_some());
    assert!(harness.query_by_label_contains("Page 3 of the PDF, the quote marked").is_none());
    assert!(harness.get_by_label("▶").accesskit_node().is_disabled(), "no page after the last");
}

#[test]
fn the_panel_says_where_the_words_of_a_quote_that_drifted_now_stand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (timeline, id) = titan_case(dir.path());
    let text_path = dir.path().join(format!("sources/{id}.txt"));
    let text = std::fs::read_to_string(&text_path).expect("text");
    std::fs::write(&text_path, text.replace("gave Netflix access", "gave NETFLIX access")).expect("write");
    let mut harness = common::harness_on(&timeline);
    harness.get_by_label("Titan API, August 2013").click();
    harness.run();
    assert!(harness.query_by_label_contains("NOT FOUND").is_some());
    let hint = harness.get_by_label_contains("Its words stand at line");
    let said = format!("{hint:?}");
    assert!(said.contains(", p. 2 with other case") && said.contains("“gave NETFLIX access”"), "{said}");
}

/// The paragraph of `text` holding `words`: between the blank lines around it.
fn paragraph_of<'a>(text: &'a str, words: &str) -> &'a str {
    let at = text.find(words).unwrap_or_else(|| panic!("{words:?} not in:\n{text}"));
    let start = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
    let end = text[at..].find("\n\n").map_or(text.len(), |i| at + i);
    &text[start..end]
}

#[test]
fn a_filing_reads_as_written_sentences_whole_across_pages_with_banners_and_footnotes_set_apart() {
    let read = read_source_bytes(common::pdf::filing(), Some("pdf")).expect("reads");
    let text = &read.text;
    // Lines of a paragraph are one line; the double spacing leaves no blank line inside it.
    let first = paragraph_of(text, "The plaintiffs allege");
    assert!(!first.contains('\n'), "one paragraph, one line:\n{first}");
    assert!(first.contains("from May to December 2015 in exchange for advertising"), "{first}");
    // The sentence that runs onto page 2 reads whole: no banner, page number or footnote in it.
    let crossing = "the company’s out-of-state servers to its parent, a move which the Commission found had \
                    been kept from the users whose messages it shared.";
    assert!(first.contains(crossing), "the page-crossing sentence whole:\n{first}");
    assert!(
        !first.contains("Case: 20-1507") && !first.contains("- 1 -") && !first.contains("record before"),
        "{first}"
    );
    // Hyphens at line ends: a split word joined, real hyphens kept without a space.
    assert!(first.contains("the partnership ended in 2019"), "{first}");
    assert!(first.contains("its 10,000-square-foot data center"), "{first}");
    // The footnote marker is off the word, and the footnote is its own paragraph after the one
    // it interrupts, opening with its number.
    assert!(first.contains("The comments explain that"), "{first}");
    assert!(!text.contains("comments1"), "{text}");
    let note = paragraph_of(text, "were filed on March 3, 2016");
    assert_eq!(note, "¹ The comments were filed on March 3, 2016, and are part of the record before the court.");
    assert!(text.find(note).expect("note") > text.find(crossing).expect("sentence"));
    // The heading and the next paragraph stand apart.
    assert_eq!(paragraph_of(text, "INTRODUCTION"), "INTRODUCTION");
    assert!(paragraph_of(text, "Facebook denies").starts_with("Facebook denies the allegations"));
    // The banners are kept, each apart, never inside a sentence.
    assert_eq!(text.matches("Case: 20-1507").count(), 3, "{text}");
    assert!(paragraph_of(text, "Page: 2").starts_with("Case: 20-1507"), "{text}");
    assert!(!paragraph_of(text, "Page: 2").contains("Facebook"), "{text}");

    // The crossing sentence is cited on pages 1 and 2; one on page 3 on page 3.
    assert_eq!(read.pages.len(), 3);
    let pin = |words: &str| {
        let at = text.find(words).expect("quoted");
        citeline::model::document::pin_cite(&read.pages, at..at + words.len())
    };
    assert_eq!(pin(crossing).as_deref(), Some("pp. 1–2"), "{:?}", read.pages);
    assert_eq!(pin("The plaintiffs allege").as_deref(), Some("p. 1"));
    assert_eq!(pin("Facebook denies the allegations").as_deref(), Some("p. 2"));
    assert_eq!(pin("The court held a hearing").as_deref(), Some("p. 3"));
    // The footnote printed at page 1's foot is kept after the sentence, past page 2's start:
    // it is still cited on page 1, and marked there.
    let source = citeline::model::Source {
        pages: read.pages.clone(),
        moved: read.moved.clone(),
        ..citeline::model::Source::default()
    };
    let note = "The comments were filed on March 3, 2016";
    let at = text.find(note).expect("the footnote");
    assert!(at > read.pages[1] as usize, "kept past page 2's start");
    let cite = citeline::model::document::source_pin_cite(&source, text.len(), at..at + note.len());
    assert_eq!(cite.as_deref(), Some("p. 1"), "{:?}", read.moved);
    let stretch = read.moved.iter().find(|m| m[0] as usize <= at && at < m[1] as usize).expect("moved");
    assert_eq!(stretch[2], 1);
    let (a, b) = (stretch[0] as usize, stretch[1] as usize);
    let quote = QuoteOnPage { page_text: &text[a..b], range: at - a..at - a + note.len(), quote: note };
    let image = render_pdf_page(&Arc::new(common::pdf::filing()), 0, 612, Some(&quote)).expect("draws");
    assert_eq!(image.placed, Some(true));
    // The footnote's line stands at 130 pt from the foot: 662 px down a 792-pixel page.
    assert!(image.marks.first().is_some_and(|m| m[1] < 662.0 && m[3] > 662.0), "{:?}", image.marks);
}

#[test]
fn a_sentence_across_a_page_break_is_marked_on_both_pages() {
    let bytes = Arc::new(common::pdf::filing());
    let read = read_source_bytes(common::pdf::filing(), Some("pdf")).expect("reads");
    let quote = "a move which the Commission found had been kept";
    let at = read.text.find(quote).expect("quoted");
    let on = |n: usize| {
        let start = read.pages[n] as usize;
        let page = page_text(&read.text, &read.pages, n);
        let from = at.clamp(start, start + page.len()) - start;
        let to = (at + quote.len()).clamp(start, start + page.len()) - start;
        let image = render_pdf_page(
            &bytes,
            n,
            612,
            Some(&QuoteOnPage { page_text: &page, range: from..to, quote: &page[from..to] }),
        )
        .expect("draws");
        assert_eq!(image.placed, Some(true));
        image.marks
    };
    // Page 1: the last body line, at 508 pt from the foot (y 284 px from the top), from the left.
    let one = on(0);
    assert_eq!(one.len(), 1, "{one:?}");
    assert!(one[0][1] < 284.0 && one[0][3] > 284.0, "{one:?}");
    // Page 2: its first body line, at 700 pt (92 px), from the margin: not the banner above it.
    let two = on(1);
    assert_eq!(two.len(), 1, "{two:?}");
    assert!(two[0][1] < 92.0 && two[0][3] > 92.0 && (two[0][0] - 72.0).abs() < 2.0, "{two:?}");
}

/// `citeline ARGS` with `CITELINE_TESSERACT` set to `program`.
/// The scans are read by the `tesseract` program with the three languages of the sources.
fn needs_tesseract() {
    common::needs_program(
        "tesseract",
        "apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-ita",
    );
}

fn citeline_with_tesseract(program: &str, args: &[&str]) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_citeline"))
        .args(args)
        .env("CITELINE_TESSERACT", program)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn a_scanned_filing_is_read_by_ocr_cited_by_page_and_its_quote_marked_on_the_drawn_page() {
    needs_tesseract();
    // The filing drawn at 200 dpi and kept as pictures, its one line of text the filing stamp.
    let scan = common::pdf::scanned(&common::pdf::filing(), 200.0);
    let read = read_source_bytes(scan.clone(), Some("pdf")).expect("read by OCR");
    let ocr = read.ocr.as_ref().expect("says it was read by OCR");
    assert_eq!(ocr.pages, [1, 2, 3]);
    assert!(ocr.confidence > 80, "{ocr:?}");
    assert!(ocr.engine.starts_with("Tesseract"), "{ocr:?}");
    let text = &read.text;
    assert!(text.len() > 600, "never the stamp alone:\n{text}");
    let sentence = "Facebook denies the allegations and says that every user agreed to the terms";
    assert!(text.contains(sentence), "{text}");
    let at = text.find(sentence).expect("read");
    assert_eq!(citeline::model::document::pin_cite(&read.pages, at..at + sentence.len()).as_deref(), Some("p. 2"));
    assert!(text.contains("from May to December 2015 in exchange"), "lines of a paragraph joined:\n{text}");

    // Marked on the drawn page where its words are: page 2, 724 pt from the foot's line... the
    // second body line at 676 pt (116 px at a point a pixel), from the indent at 108 pt.
    let n = 1;
    let start = read.pages[n] as usize;
    let page = page_text(text, &read.pages, n);
    let from = at - start;
    let quote = QuoteOnPage { page_text: &page, range: from..from + sentence.len(), quote: sentence };
    let image = render_pdf_page(&Arc::new(scan), n, 612, Some(&quote)).expect("draws");
    assert_eq!(image.placed, Some(true));
    assert!(!image.marks.is_empty());
    let first = image.marks[0];
    assert!(first[1] < 116.0 && first[3] > 116.0, "{:?}", image.marks);
    assert!((first[0] - 108.0).abs() < 4.0, "{:?}", image.marks);
    assert!(ink(&image, first) > 100, "the words are drawn under the mark");
}

#[test]
fn without_tesseract_a_scan_is_refused_naming_the_file_and_the_package() {
    let dir = tempfile::tempdir().expect("tempdir");
    let timeline = new_timeline(dir.path());
    let file = dir.path().join("Scanned order.pdf");
    std::fs::write(&file, common::pdf::scanned(&complaint(), 100.0)).expect("write");
    let args = ["add-source", timeline.to_str().expect("path"), file.to_str().expect("path")];
    let (code, out) = citeline_with_tesseract("/nonexistent/tesseract", &args);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Scanned order.pdf"), "names the file: {out}");
    assert!(out.contains("pages 1–3 are scanned"), "{out}");
    assert!(out.contains("apt-get install tesseract-ocr"), "names the package: {out}");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&timeline).expect("read")).expect("json");
    assert!(json["sources"].as_array().is_none_or(Vec::is_empty), "nothing added: {json}");
}

#[test]
fn a_scan_added_in_the_window_is_read_in_the_background_and_the_panel_says_it_was_ocrd() {
    needs_tesseract();
    let dir = tempfile::tempdir().expect("tempdir");
    let timeline = new_timeline(dir.path());
    let file = dir.path().join("Order.pdf");
    std::fs::write(&file, common::pdf::scanned(&complaint(), 150.0)).expect("write");
    let mut harness = common::harness_on(&timeline);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::A);
    harness.run();
    harness.get_by_label("Document").type_text(file.to_str().expect("path"));
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Add Source").click();
    harness.run_steps(2);
    // The dialog gives way to the work in the status strip, which says what it does.
    assert!(harness.state().session().adding_source().is_some(), "read in the background");
    // OCR takes a second or two a page.
    for _ in 0..3000 {
        if harness.state().session().adding_source().is_none() {
            break;
        }
        harness.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    assert_eq!(harness.state().source_dialog().message, None);
    let data = std::sync::Arc::clone(harness.state().session().data());
    let source = &data.doc.timeline().sources[0];
    assert_eq!(source.ocr.as_ref().map(|o| o.pages.clone()), Some(vec![1, 2, 3]), "{source:?}");
    let (_, text) = data.doc.source(&source.id).expect("kept");
    assert!(text.contains("gave Netflix access"), "{text}");
    wait_for_label(&mut harness, "was read by OCR");
}

#[test]
fn reading_a_scan_can_be_cancelled_and_adds_nothing() {
    needs_tesseract();
    let dir = tempfile::tempdir().expect("tempdir");
    let timeline = new_timeline(dir.path());
    let file = dir.path().join("Long order.pdf");
    let pages: Vec<common::pdf::Page> = (0..12).map(|_| vec![vec![b"A page of the order.".as_slice()]]).collect();
    std::fs::write(&file, common::pdf::scanned(&pdf(&pages), 150.0)).expect("write");
    let mut harness = common::harness_on(&timeline);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::A);
    harness.run();
    harness.get_by_label("Document").type_text(file.to_str().expect("path"));
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Add Source").click();
    harness.run_steps(2);
    wait_for_label(&mut harness, "Reading the scanned pages of");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.state().session().adding_source().is_none());
    // The strip says so (floating in a corner: it shows once it is measured, a frame on).
    wait_for_label(&mut harness, "Stopped reading Long order.pdf");
    std::thread::sleep(std::time::Duration::from_millis(300));
    harness.run_steps(2);
    assert!(harness.state().session().data().doc.timeline().sources.is_empty(), "nothing added");
    assert!(!dir.path().join("sources/long-order.txt").exists());
}

#[test]
fn a_hostile_pdf_of_thousands_of_tiny_text_objects_and_many_pages_is_laid_out_within_limits() {
    // 6,000 one-letter runs scattered on a page, and 400 pages of a line each.
    let letters: Vec<[u8; 1]> = (0u8..26).cycle().take(6000).map(|i| [b'a' + i]).collect();
    let scattered: Vec<common::pdf::Run> = letters
        .iter()
        .enumerate()
        .map(|(i, l)| common::pdf::run((i * 37 % 540) as f32 + 20.0, (i * 53 % 760) as f32 + 10.0, 2.0, l))
        .collect();
    let started = std::time::Instant::now();
    let read = read_source_bytes(common::pdf::placed_pdf(&[scattered], None), Some("pdf")).expect("reads");
    assert!(read.text.len() >= 6000 / 2, "{}", read.text.len());
    let many: Vec<common::pdf::Page> = (0..400).map(|_| vec![vec![b"A line.".as_slice()]]).collect();
    let read = read_source_bytes(pdf(&many), Some("pdf")).expect("reads");
    assert_eq!(read.pages.len(), 400);
    assert!(read.pages.windows(2).all(|w| w[0] < w[1]));
    // In the tests' unoptimised build; the benchmarks measure the shipped one.
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[test]
fn lines_shown_by_the_quote_operators_are_read_as_ghostscript_writes_them() {
    use lopdf::Object;
    use lopdf::content::Operation;
    let string = |s: &str| Object::string_literal(s.as_bytes().to_vec());
    let pdf = common::pdf::operations_pdf(vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 12.into()]),
        Operation::new("TL", vec![14.into()]),
        Operation::new("Td", vec![72.into(), 700.into()]),
        Operation::new("Tj", vec![string("The first line of the order, and")]),
        Operation::new("'", vec![string("the second, shown by the quote operator,")]),
        Operation::new("\"", vec![0.into(), 0.into(), string("and the third by the double quote.")]),
        Operation::new("ET", vec![]),
    ]);
    let read = read_source_bytes(pdf, Some("pdf")).expect("reads");
    assert_eq!(
        read.text,
        "The first line of the order, and the second, shown by the quote operator, and the third by the double quote."
    );
}

#[test]
fn pleading_paper_is_cited_by_page_and_line() {
    // Two pages of 28 numbered lines, double-spaced, the numbers in the left margin.
    let numbers: Vec<Vec<u8>> = (1..=28).map(|n| format!("{n}").into_bytes()).collect();
    let side = |n: usize| if n <= 28 { "the plaintiff states" } else { "the defendant denies" };
    let texts: Vec<Vec<u8>> =
        (1..=56).map(|n| format!("{} fact number {n} of the complaint and then", side(n)).into_bytes()).collect();
    let pages = numbered_pages(&[], &numbers, &texts, (40.0, 730.0, 24.0));
    let read = read_source_bytes(common::pdf::placed_pdf(&pages, None), Some("pdf")).expect("reads");
    assert!(!read.text.contains("then 2 the"), "line numbers are not text: {}", &read.text[..300]);
    assert_eq!(read.lines.len(), 2, "{:?}", read.lines);
    let lines = citeline::model::document::numbered_lines(&read.lines, read.text.len()).expect("fits");
    assert_eq!(lines.len(), 56);
    // From the words `from` to the end of the words `to`.
    let cite = |from: &str, to: &str| {
        let (a, b) = (read.text.find(from).expect("from"), read.text.find(to).expect("to") + to.len());
        citeline::model::document::line_cite(&lines, a..b)
    };
    assert_eq!(cite("fact number 12 of", "fact number 12 of").as_deref(), Some("1:12"));
    assert_eq!(cite("fact number 12 of", "fact number 15 of").as_deref(), Some("1:12–15"));
    assert_eq!(cite("fact number 27 of", "fact number 30 of").as_deref(), Some("1:27–2:2"));
    // The numbers drawn first, as one column down the margin, then the text: the same cites.
    let margin_first: Vec<Vec<common::pdf::Run>> = pages
        .iter()
        .map(|p| {
            let (numbers, text): (Vec<_>, Vec<_>) = p.iter().partition(|r| r.x < 50.0);
            numbers.into_iter().chain(text).collect()
        })
        .collect();
    let again = read_source_bytes(common::pdf::placed_pdf(&margin_first, None), Some("pdf")).expect("reads");
    assert_eq!(again.text, read.text);
    assert_eq!(again.lines, read.lines);
    // A timeline holding it cites by page and line in the panel and the footnotes.
    let source = citeline::model::Source { pages: read.pages.clone(), lines: read.lines.clone(), ..Default::default() };
    let at = read.text.find("fact number 29").expect("there");
    assert_eq!(
        citeline::model::document::source_pin_cite(&source, read.text.len(), at..at + 10).as_deref(),
        Some("2:1")
    );
}

#[test]
fn a_filled_forms_values_are_read_beside_their_labels() {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let label = |y: i64, text: &str| {
        [
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("Td", vec![72.into(), y.into()]),
            Operation::new("Tj", vec![Object::string_literal(text.as_bytes().to_vec())]),
            Operation::new("ET", vec![]),
        ]
    };
    let mut operations = Vec::new();
    operations.extend(label(700, "CIVIL COVER SHEET"));
    operations.extend(label(660, "Name of plaintiff:"));
    operations.extend(label(630, "Case number:"));
    operations.extend(label(600, "Nature of suit:"));
    let content = doc.add_object(Stream::new(dictionary! {}, Content { operations }.encode().expect("encodes")));
    let field = |rect: [i64; 4], value: &[u8]| {
        dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx",
            "Rect" => rect.iter().map(|&v| Object::from(v)).collect::<Vec<_>>(),
            "V" => Object::string_literal(value.to_vec()),
        }
    };
    // The values as a form filler leaves them: after the drawing, one in UTF-16.
    let name = doc.add_object(field([200, 655, 420, 672], b"United States of Am\xe9rica"));
    let number = doc.add_object(field([200, 625, 420, 642], b"\xfe\xff\x002\x000\x00-\x001\x005\x000\x007"));
    let suit = doc.add_object(field([200, 595, 420, 612], b"Antitrust"));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Annots" => vec![name.into(), number.into(), suit.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");
    let read = read_source_bytes(bytes, Some("pdf")).expect("reads");
    assert!(read.text.contains("Name of plaintiff: United States of América"), "{}", read.text);
    assert!(read.text.contains("Case number: 20-1507"), "{}", read.text);
    assert!(read.text.contains("Nature of suit: Antitrust"), "{}", read.text);
    assert!(read.text.find("Case number").expect("label") > read.text.find("América").expect("value"));
}

/// A deposition transcript of two pages: 25 numbered lines a page, questions and answers.
fn transcript() -> Vec<u8> {
    let numbers: Vec<Vec<u8>> = (1..=25).map(|n| format!("{n:>2}").into_bytes()).collect();
    let texts: Vec<Vec<u8>> = (1..=50)
        .map(|n| {
            let line = if n % 2 == 1 {
                format!("Q. Did the partner receive the report number {n} that week?")
            } else {
                format!("A. It received report {n}, as far as I know, on the Friday.")
            };
            line.into_bytes()
        })
        .collect();
    let heads: Vec<Vec<u8>> = (1..=2).map(|p| format!("Page {}", 11 + p).into_bytes()).collect();
    common::pdf::placed_pdf(&numbered_pages(&heads, &numbers, &texts, (50.0, 720.0, 26.0)), None)
}

/// Pages of numbered lines: each page's head (at its top right, where given), then for each
/// line its number at `x` and its text at 90 pt, from `top` down `step` points a line; as
/// many pages as `texts` fills.
fn numbered_pages<'a>(
    heads: &'a [Vec<u8>],
    numbers: &'a [Vec<u8>],
    texts: &'a [Vec<u8>],
    (x, top, step): (f32, f32, f32),
) -> Vec<Vec<common::pdf::Run<'a>>> {
    texts
        .chunks(numbers.len())
        .enumerate()
        .map(|(p, lines)| {
            let mut page: Vec<common::pdf::Run> =
                heads.get(p).map(|h| common::pdf::run(500.0, 760.0, 10.0, h)).into_iter().collect();
            for (l, (number, text)) in numbers.iter().zip(lines).enumerate() {
                let y = top - step * l as f32;
                page.push(common::pdf::run(x, y, 12.0, number));
                page.push(common::pdf::run(90.0, y, 12.0, text));
            }
            page
        })
        .collect()
}

#[test]
fn a_transcript_is_cited_by_page_and_line_its_questions_and_answers_apart() {
    let read = read_source_bytes(transcript(), Some("pdf")).expect("reads");
    let lines = citeline::model::document::numbered_lines(&read.lines, read.text.len()).expect("numbered");
    assert_eq!(lines.len(), 50, "{:?}", read.lines);
    let at = |words: &str| read.text.find(words).unwrap_or_else(|| panic!("{words}:\n{}", read.text));
    let q = "Q. Did the partner receive the report number 25 that week?";
    let a = "A. It received report 26, as far as I know, on the Friday.";
    // Cited by the transcript's own pages, 12 and 13, as it prints them.
    assert_eq!(citeline::model::document::line_cite(&lines, at(q)..at(q) + q.len()).as_deref(), Some("12:25"));
    assert_eq!(citeline::model::document::line_cite(&lines, at(q)..at(a) + a.len()).as_deref(), Some("12:25–13:1"));
    assert!(!read.text.contains(" 25 Q."), "the numbers are out of the text");
}

/// Writes the PDF fixtures to the folder `CITELINE_FIXTURES` names, to look at or to seed the
/// fuzzer: `CITELINE_FIXTURES=/tmp/f cargo test --test integration sources::write_fixtures -- --ignored`.
#[test]
#[ignore = "writes files; run by hand"]
fn write_fixtures() {
    let dir = PathBuf::from(std::env::var("CITELINE_FIXTURES").expect("CITELINE_FIXTURES names a folder"));
    std::fs::create_dir_all(&dir).expect("folder");
    let filing = common::pdf::filing();
    for (name, bytes) in [
        ("filing.pdf", filing.clone()),
        ("filing-scanned.pdf", common::pdf::scanned(&filing, 200.0)),
        ("long-filing.pdf", common::pdf::long_filing(12)),
        ("transcript.pdf", transcript()),
        ("complaint.pdf", complaint()),
        ("opinion.pdf", common::opinion::opinion()),
    ] {
        std::fs::write(dir.join(name), bytes).expect("write");
    }
}

/// A web page cited, then corrected where it lies (an article updated by its newspaper):
/// `check` names it, `reanchor` reads it again and says where each quote now stands without
/// writing anything, and `reanchor --accept all` takes the new version (kept beside the old
/// text) with the quotes' new places and words.
#[test]
fn a_changed_original_is_read_again_and_its_quotes_reanchored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let timeline = dir.path().join("t.citeline.json");
    let p = timeline.to_str().expect("path");
    let page = dir.path().join("nota.html");
    std::fs::write(&page, PAGE).expect("write");
    assert_eq!(citeline(&["new", p]).0, 0);
    let (code, id) = citeline(&["add-source", p, page.to_str().expect("path")]);
    assert_eq!(code, 0, "{id}");
    let id = id.trim().to_owned();
    // Events citing it, as an older citeline wrote them: without anchors.
    let q1 = "Meta negó las acusaciones";
    let q2 = "pagaba además unos 150 millones de dólares al año en anuncios";
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&timeline).expect("read")).expect("json");
    json["events"] = serde_json::json!([
        {"id": "denial", "title": "Meta denies", "when": "2025-03", "citations": [{"source": id, "quote": q1}]},
        {"id": "ads", "title": "Ads paid", "when": "2013", "citations": [{"source": id, "quote": q2}]},
    ]);
    std::fs::write(&timeline, json.to_string()).expect("write");
    // Saved once by citeline, the citations gain their anchors.
    assert_eq!(citeline(&["convert", p, "-o", p]).0, 0);
    let saved = std::fs::read_to_string(&timeline).expect("read");
    let json: serde_json::Value = serde_json::from_str(&saved).expect("json");
    assert!(json["events"][0]["citations"][0]["anchor"]["prefix"].is_string(), "{saved}");
    assert_eq!(citeline(&["check", p]).0, 0);

    let original = dir.path().join(format!("sources/{id}.html"));
    let corrected = PAGE
        .replace("<p class=\"byline\">Por Ana Ruiz</p>", "<p class=\"byline\">Por Ana Ruiz</p>\n<p><em>Actualización: este artículo se corrigió el 13 de marzo para precisar la cifra de publicidad que cita la demanda.</em></p>")
        .replace("unos 150 millones", "unos 160 millones");
    std::fs::write(&original, &corrected).expect("write");
    let (code, out) = citeline(&["check", p]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("sources/{id}.html changed")), "{out}");

    let files = || std::fs::read_dir(dir.path().join("sources")).expect("dir").count();
    let before = (files(), std::fs::read_to_string(&timeline).expect("read"));
    let (code, out) = citeline(&["reanchor", p, "--format", "json"]);
    assert_eq!(code, 1, "waiting for an answer: {out}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(rows[0]["outcome"], "moved", "{out}");
    assert_eq!(rows[0]["new"]["text"], q1);
    assert_eq!(rows[1]["outcome"], "changed", "{out}");
    assert_eq!(rows[1]["new"]["text"], q2.replace("150", "160"));
    assert_eq!((files(), std::fs::read_to_string(&timeline).expect("read")), before, "nothing written");

    let (code, out) = citeline(&["reanchor", p, "--accept", "all"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = citeline(&["check", p]);
    assert_eq!(code, 0, "the new version taken: {out}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&timeline).expect("read")).expect("json");
    let ads = &json["events"][1]["citations"][0];
    assert_eq!(ads["quote"], q2.replace("150", "160"));
    assert_eq!(ads["history"][0], q2);
    assert_eq!(json["sources"][0]["file"], format!("sources/{id}-2.txt"), "the new text beside the old");
    assert!(dir.path().join(format!("sources/{id}.txt")).is_file(), "the old text is kept");
}
