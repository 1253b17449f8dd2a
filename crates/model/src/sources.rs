//! A source's bytes as the model sees them: their SHA-256, and the port through which a document
//! asks for a source file. The model never touches a disk: `formats::source_folder::Folder`
//! reads files beside the timeline (inside its folder only), and a document built from texts
//! alone asks nothing (`NoFiles`).

use std::path::Path;

/// SHA-256 of `bytes` in lower-case hex, as the timeline records a source's text and original.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().fold(String::with_capacity(64), |mut hex, b| {
        use std::fmt::Write;
        let _ = write!(hex, "{b:02x}");
        hex
    })
}

/// Where a document's source files come from.
pub trait SourceFiles: Send + Sync + std::fmt::Debug {
    /// The bytes of the file `relative` to `folder` (the timeline's folder), or why not, in
    /// words that name the file and never quote its content.
    fn read(&self, folder: &Path, relative: &str) -> Result<Vec<u8>, String>;

    /// The file as UTF-8 text.
    fn read_text(&self, folder: &Path, relative: &str) -> Result<String, String> {
        let bytes = self.read(folder, relative)?;
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "source file \"{relative}\" is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            )
        })
    }
}

/// No files: for documents whose sources give their text inline (built in memory, generated,
/// fuzzed). A source that names a file is refused, saying so.
#[derive(Debug)]
pub(crate) struct NoFiles;

impl SourceFiles for NoFiles {
    fn read(&self, _folder: &Path, relative: &str) -> Result<Vec<u8>, String> {
        Err(format!("source file \"{relative}\" cannot be read here: this timeline was given its texts inline"))
    }
}
