//! The report as a Word document (Office Open XML, written here with `zip`): Word's own
//! Title, Heading 1, Caption and Bibliography styles, a table in a named table style whose
//! header row repeats on each page and whose rows do not break across pages, and citeline's
//! Quote and Citation Source styles, so that a lawyer restyles the whole report from the
//! Styles pane. Each quote's run is tagged with its source's language; the picture is a PNG
//! at twice the page's resolution; the header carries the title and the day the report was
//! made, the footer the page number of the total. Each citation has a Word footnote (Word's
//! footnote text and reference styles) citing its source in the report's style, pin cite
//! included.

use std::fmt::Write as _;
use std::io::Write as _;

use super::{Entry, Report, no_dated_event};
use crate::export::svg::escape;

/// Twentieths of a point per point.
const TWIPS: f32 = 20.0;
/// English Metric Units per point.
const EMU: f32 = 12_700.0;
/// Margins, in points: as the PDF's.
const MARGIN: f32 = 54.0;

/// The table's columns: header, share of the width (as the PDF's).
const COLUMNS: [(&str, f32); 4] = [("No.", 0.07), ("Date", 0.15), ("Event", 0.27), ("Citations", 0.51)];

fn twips(points: f32) -> i64 {
    #[allow(clippy::cast_possible_truncation)] // page sizes
    let t = (points * TWIPS).round() as i64;
    t
}

/// A run of text, with its language when it has one; line breaks kept.
fn run(out: &mut String, text: &str, style: Option<&str>, lang: Option<&str>) {
    out.push_str("<w:r>");
    let lang = lang.filter(|l| !l.is_empty());
    if style.is_some() || lang.is_some() {
        out.push_str("<w:rPr>");
        if let Some(s) = style {
            let _ = write!(out, r#"<w:rStyle w:val="{s}"/>"#);
        }
        if let Some(l) = lang {
            let _ = write!(out, r#"<w:lang w:val="{}"/>"#, escape(l));
        }
        out.push_str("</w:rPr>");
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        let _ = write!(out, r#"<w:t xml:space="preserve">{}</w:t>"#, escape(line));
    }
    out.push_str("</w:r>");
}

/// Runs of `text`, those in `italic` (byte ranges) set in italics.
fn styled_runs(out: &mut String, text: &str, italic: &[std::ops::Range<usize>]) {
    for (part, slanted) in super::runs(text, italic) {
        if slanted {
            out.push_str("<w:r><w:rPr><w:i/><w:iCs/></w:rPr>");
            let _ = write!(out, r#"<w:t xml:space="preserve">{}</w:t></w:r>"#, escape(part));
        } else {
            run(out, part, None, None);
        }
    }
}

/// A paragraph in `style` (Normal when `None`) holding one run.
fn paragraph(out: &mut String, style: Option<&str>, text: &str, lang: Option<&str>) {
    out.push_str("<w:p>");
    if let Some(s) = style {
        let _ = write!(out, r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#);
    }
    run(out, text, None, lang);
    out.push_str("</w:p>");
}

fn cell_start(out: &mut String, width: i64) {
    let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#);
}

/// A table of `entries` under a repeated header row; each citation's footnote is numbered on
/// from `notes.len()` and kept in `notes`.
fn table(out: &mut String, entries: &[Entry], widths: &[i64; 4], notes: &mut Vec<super::Styled>) {
    out.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="ChronologyTable"/><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#);
    for w in widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>");
    out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for (i, (name, _)) in COLUMNS.iter().enumerate() {
        cell_start(out, widths[i]);
        paragraph(out, Some("TableHeading"), name, None);
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
    for e in entries {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        cell_start(out, widths[0]);
        paragraph(out, Some("TableText"), &e.number.map(|n| n.to_string()).unwrap_or_default(), None);
        out.push_str("</w:tc>");
        cell_start(out, widths[1]);
        paragraph(out, Some("TableText"), &e.date, None);
        out.push_str("</w:tc>");
        cell_start(out, widths[2]);
        paragraph(out, Some("EventTitle"), &e.title, None);
        if !e.summary.is_empty() {
            paragraph(out, Some("TableText"), &e.summary, None);
        }
        out.push_str("</w:tc>");
        cell_start(out, widths[3]);
        if e.citations.is_empty() {
            paragraph(out, Some("TableText"), "No citation.", None);
        }
        for c in &e.citations {
            // A quote is kept with its attribution.
            out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="Quote"/><w:keepNext/></w:pPr>"#);
            run(out, &format!("“{}”", c.quote), None, Some(&c.language));
            out.push_str("</w:p>");
            out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="CitationSource"/></w:pPr>"#);
            let (cite, status) = c.attribution_parts();
            run(out, &format!("— {cite}"), None, None);
            notes.push(super::Styled { text: c.footnote.clone(), italic: c.footnote_italic.clone() });
            let _ = write!(
                out,
                r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>"#,
                notes.len()
            );
            run(out, &format!(" · {status}"), None, None);
            out.push_str("</w:p>");
            if !c.note.is_empty() {
                paragraph(out, Some("CitationSource"), &format!("Note: {}", c.note), None);
            }
        }
        out.push_str("</w:tc></w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// The picture as an inline drawing `cx`×`cy` EMU, its relationship `rId`.
fn picture(out: &mut String, cx: i64, cy: i64, alt: &str) {
    let alt = escape(alt);
    let _ = write!(
        out,
        r#"<w:p><w:pPr><w:pStyle w:val="Figure"/><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="Timeline" descr="{alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="timeline.png" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdPicture"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
    );
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#;

/// `word/footnotes.xml`: Word's separators, then `notes` numbered from 1.
fn footnotes(notes: &[super::Styled]) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
    );
    for (i, note) in notes.iter().enumerate() {
        let _ = write!(
            out,
            r#"<w:footnote w:id="{}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>"#,
            i + 1
        );
        run(&mut out, " ", None, None);
        styled_runs(&mut out, &note.text, &note.italic);
        out.push_str("</w:p></w:footnote>");
    }
    out.push_str("</w:footnotes>");
    out
}

/// What `document` makes: `word/document.xml`, its footnotes, and the picture's PNG when
/// there is one.
struct Parts {
    document: String,
    notes: Vec<super::Styled>,
    png: Option<Vec<u8>>,
}

/// `word/document.xml`, its footnotes, and the picture's PNG when there is one.
fn document(report: &Report) -> Result<Parts, String> {
    let (page_w, page_h) = report.paper.size();
    let content_w = page_w - 2.0 * (MARGIN + 8.0);
    let mut out = String::with_capacity(4096 + report.dated.len() * 1500);
    let _ = write!(out, r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>"#);
    let lang = Some(report.language.as_str());
    paragraph(&mut out, Some("Title"), &report.title, lang);
    if !report.description.is_empty() {
        paragraph(&mut out, None, &report.description, lang);
    }
    if !report.covered.is_empty() {
        paragraph(&mut out, None, &format!("Covers {}", report.covered), None);
    }
    paragraph(&mut out, None, &report.counts, None);
    if let Some(selection) = &report.selection {
        paragraph(&mut out, Some("Selection"), selection, None);
    }
    paragraph(&mut out, Some("ReportNote"), &format!("Report made on {} by citeline.", report.made), None);
    let mut png = None;
    if let Some(scene) = &report.picture {
        let bytes = crate::export::png::svg_to_png(&crate::export::svg::to_svg(scene), 2.0)?;
        let most_h = page_h - 2.0 * MARGIN - 120.0;
        let mut w = content_w;
        let mut h = scene.size.y * w / scene.size.x.max(1.0);
        if h > most_h {
            w *= most_h / h;
            h = most_h;
        }
        #[allow(clippy::cast_possible_truncation)] // a page's size in EMU
        let (cx, cy) = ((w * EMU).round() as i64, (h * EMU).round() as i64);
        let alt = format!(
            "The timeline of the {} dated events below, drawn on a time axis; each is numbered as in the chronology table.",
            report.dated.len()
        );
        picture(&mut out, cx, cy, &alt);
        paragraph(&mut out, Some("Caption"), "The timeline; its events are numbered as in the chronology.", None);
        png = Some(bytes);
    } else if let Some(note) = &report.picture_note {
        paragraph(&mut out, Some("ReportNote"), note, None);
    }
    let widths: [i64; 4] = std::array::from_fn(|i| twips(COLUMNS[i].1 * content_w));
    let mut notes = Vec::new();
    paragraph(&mut out, Some("Heading1"), "Chronology", None);
    if report.dated.is_empty() {
        paragraph(&mut out, None, no_dated_event(report), None);
    } else {
        table(&mut out, &report.dated, &widths, &mut notes);
    }
    if !report.undated.is_empty() {
        paragraph(&mut out, Some("Heading1"), "Undated events", None);
        table(&mut out, &report.undated, &widths, &mut notes);
    }
    paragraph(&mut out, Some("Heading1"), "Sources", None);
    paragraph(
        &mut out,
        Some("ReportNote"),
        &format!("Every source cited, in the {} style.", report.style.name()),
        None,
    );
    if report.sources.is_empty() {
        paragraph(&mut out, None, "No source is cited.", None);
    }
    for s in &report.sources {
        out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="Bibliography"/></w:pPr>"#);
        styled_runs(&mut out, &s.reference, &s.reference_italic);
        out.push_str("</w:p>");
        if let Some(file) = &s.file {
            paragraph(&mut out, Some("ReportNote"), file, None);
        }
    }
    let _ = write!(
        out,
        r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{m}" w:right="{m}" w:bottom="{m}" w:left="{m}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        twips(page_w),
        twips(page_h),
        m = twips(MARGIN + 8.0)
    );
    Ok(Parts { document: out, notes, png })
}

/// The styles: Word's built-in names, so that Word and `LibreOffice` map them to their own.
fn styles(language: &str, tab: i64) -> String {
    let lang = escape(language);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:eastAsia="Noto Sans" w:cs="Noto Sans"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="160"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="320" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:i/><w:color w:val="5A626B"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Bibliography"><w:name w:val="Bibliography"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:before="120" w:after="40"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Figure"><w:name w:val="Figure"/><w:basedOn w:val="Normal"/><w:next w:val="Caption"/><w:pPr><w:spacing w:before="120" w:after="60"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="ReportNote"><w:name w:val="Report Note"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="5A626B"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Selection"><w:name w:val="Selection"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:color w:val="8A4B00"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/><w:qFormat/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="EventTitle"><w:name w:val="Event Title"/><w:basedOn w:val="TableText"/><w:qFormat/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="TableText"/><w:next w:val="CitationSource"/><w:qFormat/><w:pPr><w:keepLines/><w:spacing w:after="20"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="CitationSource"><w:name w:val="Citation Source"/><w:basedOn w:val="TableText"/><w:qFormat/><w:pPr><w:spacing w:after="100"/></w:pPr><w:rPr><w:color w:val="5A626B"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/><w:pPr><w:spacing w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="FootnoteTextChar"><w:name w:val="Footnote Text Char"/><w:link w:val="FootnoteText"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:pos="{tab}"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="5A626B"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="5A626B"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:customStyle="1" w:styleId="ChronologyTable"><w:name w:val="Chronology Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="C8CDD2"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="C8CDD2"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="C8CDD2"/></w:tblBorders><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEF0F3"/></w:tcPr></w:tblStylePr></w:style>
</w:styles>"#,
    )
}

fn header(report: &Report) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>"#
    );
    run(&mut out, &report.title, None, Some(&report.language));
    out.push_str("<w:r><w:tab/></w:r>");
    run(&mut out, &format!("Made {}", report.made), None, None);
    out.push_str("</w:p></w:hdr>");
    out
}

fn field(out: &mut String, instruction: &str) {
    let _ = write!(
        out,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    );
}

fn footer() -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>"#
    );
    run(&mut out, "Page ", None, None);
    field(&mut out, "PAGE");
    run(&mut out, " of ", None, None);
    field(&mut out, "NUMPAGES");
    out.push_str("</w:p></w:ftr>");
    out
}

fn core(report: &Report) -> String {
    let created = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:description>{}</dc:description><dc:language>{}</dc:language><dc:creator>citeline</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created></cp:coreProperties>"#,
        escape(&report.title),
        escape(&report.description),
        escape(&report.language)
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:updateFields w:val="true"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

fn document_rels(picture: bool) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>"#,
    );
    if picture {
        out.push_str(r#"<Relationship Id="rIdPicture" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/timeline.png"/>"#);
    }
    out.push_str("</Relationships>");
    out
}

/// The report as the bytes of a `.docx` file.
pub(crate) fn to_docx(report: &Report) -> Result<Vec<u8>, String> {
    let Parts { document, notes, png } = document(report)?;
    let failed = |e: &dyn std::fmt::Display| format!("cannot make the Word document: {e}");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let (page_w, _) = report.paper.size();
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("docProps/core.xml", core(report)),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels(png.is_some())),
        ("word/styles.xml", styles(&report.language, twips(page_w - 2.0 * (MARGIN + 8.0)))),
        ("word/settings.xml", SETTINGS.to_owned()),
        ("word/header1.xml", header(report)),
        ("word/footer1.xml", footer()),
        ("word/footnotes.xml", footnotes(&notes)),
    ];
    for (name, text) in parts {
        zip.start_file(name, deflated).map_err(|e| failed(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    }
    if let Some(png) = png {
        zip.start_file("word/media/timeline.png", stored).map_err(|e| failed(&e))?;
        zip.write_all(&png).map_err(|e| failed(&e))?;
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}
