//! Folders walked in sorted order, hidden and unsupported files left out,
//! each file met once however many links lead to it.

use std::path::{Path, PathBuf};

use super::load::Pending;
use super::Format;
use crate::error::{io_reason, is_symlink_loop};
use crate::warning::{Severity, Warning};

pub(super) fn walk(root: &Path, pending: &mut Vec<Pending>, unsupported: &mut Vec<String>) {
    let subject = root.display().to_string();
    let metadata = match std::fs::metadata(root) {
        Ok(m) => m,
        Err(err) => {
            pending.push(Pending::Read(Err(Warning::new(
                subject,
                io_reason(&err),
                Severity::Skipped,
            ))));
            return;
        }
    };
    if !metadata.is_dir() {
        let id = root
            .file_name()
            .map_or_else(|| subject.clone(), |n| n.to_string_lossy().into_owned());
        pending.push(Pending::File {
            path: root.to_path_buf(),
            id,
            format: Format::from_path(root),
            size: metadata.len(),
        });
        return;
    }
    let found_before = pending.len();
    let root_canonical = root.canonicalize().ok();
    // Links to a folder that holds the input (its parent, say): following one
    // would read the input again, and everything beside it.
    let mut links_up: Vec<(PathBuf, PathBuf)> = Vec::new();
    // Files reached twice (through a symbolic or hard link): read once.
    let mut seen = FileIdentities::default();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if is_hidden(e.file_name()) {
                return false;
            }
            if e.path_is_symlink() && e.file_type().is_dir() {
                if let (Some(root), Ok(target)) = (&root_canonical, e.path().canonicalize()) {
                    if root.starts_with(&target) {
                        links_up.push((e.path().to_path_buf(), target));
                        return false;
                    }
                }
            }
            true
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| subject.clone(), |p| p.display().to_string());
                // A loop leads back to a folder being read anyway: nothing is lost.
                let (reason, severity) = if let Some(ancestor) = err.loop_ancestor() {
                    (
                        format!(
                            "symlink loop (points back to {}, which is read once); not followed",
                            ancestor.display()
                        ),
                        Severity::Note,
                    )
                } else if let Some(io) = err.io_error() {
                    // A link to itself holds nothing to read.
                    let severity = if is_symlink_loop(io) {
                        Severity::Note
                    } else {
                        Severity::Skipped
                    };
                    (io_reason(io), severity)
                } else {
                    (err.to_string(), Severity::Skipped)
                };
                pending.push(Pending::Read(Err(Warning::new(path, reason, severity))));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        if !entry.file_type().is_file() {
            // A named pipe, socket or device inside a folder: opening it could
            // block forever or never end. Given by name, it is read.
            pending.push(Pending::Read(Err(Warning::new(
                path.display().to_string(),
                "not a regular file (a named pipe, socket or device); left out",
                Severity::Note,
            ))));
            continue;
        }
        if let Some(first) = seen.first_path(&entry) {
            pending.push(Pending::Read(Err(Warning::new(
                path.display().to_string(),
                format!(
                    "the same file as {} (a symbolic or hard link to it); read once",
                    first.display()
                ),
                Severity::Note,
            ))));
            continue;
        }
        let Some(format) = Format::from_path(path) else {
            let ext = path.extension().map_or_else(
                || "no extension".to_owned(),
                |e| format!(".{}", e.to_string_lossy()),
            );
            unsupported.push(ext);
            continue;
        };
        let id = path
            .strip_prefix(root)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        // Through a symlink, the size of what it points to.
        let size = entry.metadata().map_or(0, |m| m.len());
        pending.push(Pending::File {
            path: path.to_path_buf(),
            id,
            format: Some(format),
            size,
        });
    }
    for (link, target) in links_up {
        pending.push(Pending::Read(Err(Warning::new(
            link.display().to_string(),
            format!(
                "symlink loop (leads to {}, which holds the input); not followed",
                target.display()
            ),
            Severity::Note,
        ))));
    }
    if pending.len() == found_before {
        pending.push(Pending::Read(Err(Warning::new(
            subject,
            "folder holds no .txt, .md, .html, .pdf, .docx or .odt file; nothing read from it",
            Severity::Note,
        ))));
    }
}

/// The files met in one folder walk, by device and inode (Unix only).
#[derive(Default)]
struct FileIdentities {
    #[cfg(unix)]
    first: rustc_hash::FxHashMap<(u64, u64), PathBuf>,
}

impl FileIdentities {
    /// The path under which this file was met before, if it was.
    fn first_path(&mut self, entry: &walkdir::DirEntry) -> Option<PathBuf> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let meta = entry.metadata().ok()?;
            let key = (meta.dev(), meta.ino());
            if let Some(first) = self.first.get(&key) {
                return Some(first.clone());
            }
            self.first.insert(key, entry.path().to_path_buf());
        }
        #[cfg(not(unix))]
        let _ = entry;
        None
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}
