//! A generated court opinion as courts file them, for measuring what the proposals make of one:
//! the filing banner on every page, a page number at each foot, double-spaced paragraphs opening
//! indented and wrapped wherever the line ends (a date may be cut between lines), case citations
//! and statutes with their years, and footnotes under a rule, themselves citing cases. It knows
//! its dated facts: the dates a paralegal would put in the chronology.

use super::pdf::{Run, placed_pdf, run};

/// The opinion's paragraphs, in order.
const PARAGRAPHS: &[&str] = &[
    "MEMORANDUM AND ORDER",
    "Plaintiff, an inmate at the Eastern Reception Center, brings this action under the Religious Land Use and Institutionalized Persons Act, 42 U.S.C. §§ 2000cc to 2000cc-5, and 42 U.S.C. § 1983. The facts below are undisputed unless noted.",
    "I. BACKGROUND",
    "On July 25, 2016, Plaintiff filed a grievance asking to keep a half-inch beard for religious reasons. The warden denied the grievance on August 9, 2016, citing the prison's grooming policy. Two days later, Plaintiff appealed to the regional director.",
    "The regional director affirmed the denial on October 3, 2016. Plaintiff was transferred to the Jefferson City Correctional Center on March 3, 2017, where officers shaved his beard on March 15, 2017.",
    "In August 2018, the Department of Corrections revised its grooming policy. On January 31, 2020, the Department issued a memorandum exempting religious beards, retroactive to January 27, 2020.",
    "Plaintiff filed this action on May 5, 2020. The following week, Defendants moved to dismiss. The Court held a hearing on the motion on 14 September 2020.",
    "II. LEGAL STANDARD",
    "Summary judgment is proper when there is no genuine dispute as to any material fact. Fed. R. Civ. P. 56(a); Celotex Corp. v. Catrett, 477 U.S. 317, 322 (1986). The Court views the record in the light most favorable to the nonmovant. Tolan v. Cotton, 572 U.S. 650, 657 (2014) (per curiam).",
    "III. DISCUSSION",
    "RLUIPA protects inmates who seek religious accommodations. Holt v. Hobbs, 574 U.S. 352, 361 (2015); Cutter v. Wilkinson, 544 U.S. 709, 721 (2005). A grooming policy that bars a half-inch beard substantially burdens religious exercise. Holt, 574 U.S. at 361; see also Vaca v. State, 314 S.W.3d 331, 334 (Mo. banc 2010); Fegans v. Norris, 537 F.3d 897, 903 (8th Cir. 2008).",
    "Courts have rejected the argument that such policies are the least restrictive means. Ware v. La. Dep't of Corr., 866 F.3d 263, 268 (5th Cir. 2017); Smith v. Owens, 2020 WL 6948354, at *3 (U.S. Nov. 25, 2020). Congress amended the statute by Pub. L. No. 106-274, 114 Stat. 803 (2000).",
    "Defendants answered the complaint on June 19, 2020, and produced the policy memoranda on July 2, 2020. Plaintiff's deposition was taken on October 21, 2020.",
    "IV. CONCLUSION",
    "For these reasons, the motion to dismiss is DENIED. See Case No. 2:20-cv-04089-NKL, ECF No. 45.",
];

/// The footnotes, each under its page's rule.
const FOOTNOTES: &[&str] = &[
    "1 See Knight v. Thompson, 797 F.3d 934, 943 (11th Cir. 2015); Cal. Code Regs. tit. 15, § 3062 (2019).",
    "2 The memorandum is dated January 31, 2020, and is part of the record.",
    "3 See Hobbs v. Smith, 141 S. Ct. 63, 67 (2020); Jova v. Smith, 582 F.3d 410, 416 (2d Cir. 2009).",
];

/// The dated facts, each by its date and words of its sentence.
pub const FACTS: &[(&str, &str)] = &[
    ("2016-07-25", "Plaintiff filed a grievance"),
    ("2016-08-09", "The warden denied the grievance"),
    ("2016-08-11", "Two days later, Plaintiff appealed"),
    ("2016-10-03", "The regional director affirmed"),
    ("2017-03-03", "Plaintiff was transferred"),
    ("2017-03-15", "shaved his beard"),
    ("2018-08", "revised its grooming policy"),
    ("2020-01-31", "issued a memorandum"),
    ("2020-01-27", "retroactive to January 27"),
    ("2020-05-05", "Plaintiff filed this action"),
    ("2020-05-11/2020-05-17", "The following week"),
    ("2020-09-14", "held a hearing"),
    ("2020-06-19", "Defendants answered"),
    ("2020-07-02", "produced the policy memoranda"),
    ("2020-10-21", "deposition was taken"),
    ("2020-01-31", "The memorandum is dated"),
];

const LINE: usize = 62;
const LINES_A_PAGE: usize = 24;

/// The opinion as a PDF of as many pages as its text takes.
pub fn opinion() -> Vec<u8> {
    // Lines: (indented, words), headings centred.
    let mut lines: Vec<(f32, String)> = Vec::new();
    for p in PARAGRAPHS {
        let heading = p.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if heading {
            lines.push((250.0, (*p).to_owned()));
            continue;
        }
        let mut line = String::new();
        let mut first = true;
        for word in p.split(' ') {
            if line.len() + word.len() + 1 > LINE - if first { 6 } else { 0 } {
                lines.push((if first { 108.0 } else { 72.0 }, std::mem::take(&mut line)));
                first = false;
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push((if first { 108.0 } else { 72.0 }, line));
    }
    let pages = lines.len().div_ceil(LINES_A_PAGE);
    let banners: Vec<String> = (1..=pages)
        .map(|n| {
            format!(
                "Case: 20-1507    Document: 00117682829    Page: {n}    Date Filed: 12/22/2020    Entry ID: 6390361"
            )
        })
        .collect();
    let numbers: Vec<String> = (1..=pages).map(|n| format!("- {n} -")).collect();
    let notes: Vec<Vec<Vec<u8>>> =
        FOOTNOTES.iter().map(|n| wrap(n, 90).iter().map(|l| standard(l)).collect()).collect();
    let lines: Vec<(f32, Vec<u8>)> = lines.iter().map(|(x, l)| (*x, standard(l))).collect();
    let placed: Vec<Vec<Run>> = (0..pages)
        .map(|p| {
            let mut page = vec![run(72.0, 760.0, 8.0, banners[p].as_bytes())];
            for (l, (x, text)) in lines.iter().skip(p * LINES_A_PAGE).take(LINES_A_PAGE).enumerate() {
                page.push(run(*x, 700.0 - 24.0 * l as f32, 12.0, text));
            }
            if let Some(note) = notes.get(p) {
                for (l, text) in note.iter().enumerate() {
                    page.push(run(72.0, 100.0 - 11.0 * l as f32, 9.0, text));
                }
            }
            page.push(run(296.0, 30.0, 10.0, numbers[p].as_bytes()));
            page
        })
        .collect();
    placed_pdf(&placed, Some(112.0))
}

/// `text` in the standard encoding of PDF's base fonts (ASCII, and § as 0xA7).
fn standard(text: &str) -> Vec<u8> {
    text.chars().map(|c| if c == '§' { 0xA7 } else { u8::try_from(c).unwrap_or(b'?') }).collect()
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for word in text.split(' ') {
        let last = out.last_mut().expect("a line");
        if !last.is_empty() && last.len() + word.len() + 1 > width {
            out.push(word.to_owned());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    out
}

/// The opinion's words `copies` times over (footnotes after each copy), as one long text: for
/// measuring the proposals over a filing of hundreds of pages.
pub fn opinion_text(copies: usize) -> String {
    let one: String = PARAGRAPHS.iter().chain(FOOTNOTES).flat_map(|p| [*p, "\n\n"]).collect();
    one.repeat(copies)
}
