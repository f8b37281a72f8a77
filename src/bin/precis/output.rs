//! The CLI's output files, written without ever losing a user's file.
//!
//! Output goes to a temporary file beside the destination and is renamed into
//! place only when complete, so a failure leaves no partial file and a reader
//! never sees half a summary. Before writing, the destination is checked: it
//! must not be one of the inputs or lie inside an input folder, and an existing
//! file is only replaced when the caller allows it.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};

/// Where output may not go, and whether existing files may be replaced.
#[derive(Debug, Clone, Default)]
pub struct OutputGuard {
    /// Input files and folders, canonicalised where they exist.
    protected: Vec<PathBuf>,
    /// Whether an existing output file may be replaced.
    pub force: bool,
}

impl OutputGuard {
    /// A guard protecting the given input paths, and whatever a symbolic
    /// link inside an input folder leads to (precis reads through links, so
    /// that is input too).
    pub fn new<'a>(inputs: impl IntoIterator<Item = &'a Path>, force: bool) -> Self {
        let mut protected = Vec::new();
        for input in inputs {
            protected.push(input.canonicalize().unwrap_or_else(|_| input.to_path_buf()));
            protected.extend(linked_from(input));
        }
        protected.sort();
        protected.dedup();
        OutputGuard { protected, force }
    }

    /// Checks that `destination` may be written; the error says why not.
    pub fn check(&self, destination: &Path) -> Result<()> {
        let refuse = |reason: String| Err(anyhow!("{}: {reason}", destination.display()));
        match self.conflict(destination) {
            Some(InputConflict::Input) => {
                return refuse("is an input; precis never writes over its inputs".into())
            }
            Some(InputConflict::InsideFolder(folder)) => {
                return refuse(format!(
                    "is inside the input folder {}; write output elsewhere",
                    folder.display()
                ))
            }
            None => {}
        }
        match std::fs::symlink_metadata(destination) {
            Ok(meta) if meta.is_dir() => refuse(
                "is a folder; give a file name for the output (e.g. briefing.md inside it)".into(),
            ),
            // A device, a named pipe or a socket (or a link to one) would be
            // replaced by a regular file: precis writes only files.
            Ok(_) if !std::fs::metadata(destination).is_ok_and(|m| m.is_file()) => refuse(
                "is not a regular file (a device, a named pipe, a socket, or a link to one); \
                 precis writes only files: give another name"
                    .into(),
            ),
            Ok(_) if !self.force => refuse("already exists; use --force to replace it".into()),
            _ => Ok(()),
        }
    }

    /// Whether `destination` is an input or lies inside an input folder.
    pub fn conflict(&self, destination: &Path) -> Option<InputConflict<'_>> {
        let resolved = resolve(destination);
        self.protected.iter().find_map(|input| {
            if &resolved == input {
                Some(InputConflict::Input)
            } else if input.is_dir() && resolved.starts_with(input) {
                Some(InputConflict::InsideFolder(input))
            } else {
                None
            }
        })
    }

    /// Writes `destination` atomically after [`check`](Self::check)ing it;
    /// `fill` produces the content.
    pub fn write(
        &self,
        destination: &Path,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        self.check(destination)?;
        write_atomic(destination, fill)
    }
}

/// Where the symbolic links inside folder `root` lead, followed as precis
/// follows them when it reads the folder.
fn linked_from(root: &Path) -> Vec<PathBuf> {
    if !root.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.path_is_symlink())
        .filter_map(|entry| entry.path().canonicalize().ok())
        .collect()
}

/// How a destination collides with the inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputConflict<'g> {
    /// It is one of the input files.
    Input,
    /// It lies inside this input folder.
    InsideFolder(&'g Path),
}

/// Checks that the folder `destination` would be written into exists (for
/// callers that do not create it), so that a run fails before doing any work.
pub fn check_folder_exists(destination: &Path) -> Result<()> {
    let parent = match destination.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if parent.is_dir() {
        Ok(())
    } else {
        Err(anyhow!(
            "{}: folder {} does not exist; create it first",
            destination.display(),
            parent.display()
        ))
    }
}

/// Whether `path` is `folder` or lies inside it, however either is spelt.
pub fn same_or_inside(path: &Path, folder: &Path) -> bool {
    resolve(path).starts_with(resolve(folder))
}

/// The absolute, symlink-resolved form of a path that may not exist yet: its
/// parent is resolved and the file name appended.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => parent
            .canonicalize()
            .map(|p| p.join(name))
            .unwrap_or(absolute.clone()),
        _ => absolute,
    }
}

/// Writes a file by way of a temporary file in the same folder and a rename.
/// On any error the temporary file is removed and the destination untouched.
pub fn write_atomic(
    destination: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let io_error = |source: std::io::Error| {
        anyhow!(
            "{}: {}",
            destination.display(),
            precis::error::io_reason(&source)
        )
    };
    let folder = match destination.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut name = destination
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    // The temporary name adds about 30 bytes: keep it under the usual limit
    // of 255 bytes for a file name, whatever the destination's length.
    if name.len() > 120 {
        let mut cut = 120;
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name.truncate(cut);
    }
    let mut attempt = 0u32;
    let (temp_path, file) = loop {
        let candidate = folder.join(format!(
            ".{name}.precis-{}-{attempt}.tmp",
            std::process::id()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => break (candidate, file),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1
            }
            Err(err) => return Err(io_error(err)),
        }
    };
    let result = (|| {
        let mut writer = std::io::BufWriter::new(file);
        fill(&mut writer)?;
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&temp_path, destination)
    })();
    if let Err(err) = result {
        let _ = std::fs::remove_file(&temp_path);
        return Err(io_error(err));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_inputs_input_folders_and_existing_files() {
        let dir = tempfile::tempdir().unwrap();
        let input_dir = dir.path().join("in");
        std::fs::create_dir(&input_dir).unwrap();
        let input_file = input_dir.join("a.txt");
        std::fs::write(&input_file, "keep me").unwrap();
        let guard = OutputGuard::new([input_dir.as_path()], false);
        assert!(guard
            .check(&input_file)
            .unwrap_err()
            .to_string()
            .contains("input"));
        assert!(guard
            .check(&input_dir.join("new.md"))
            .unwrap_err()
            .to_string()
            .contains("inside the input folder"));
        let existing = dir.path().join("out.md");
        std::fs::write(&existing, "old").unwrap();
        assert!(guard
            .check(&existing)
            .unwrap_err()
            .to_string()
            .contains("--force"));
        let forced = OutputGuard::new([input_dir.as_path()], true);
        forced.write(&existing, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&existing).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(&input_file).unwrap(), "keep me");
    }

    #[test]
    fn long_file_names_can_be_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{}.md", "é".repeat(125)));
        write_atomic(&path, |w| w.write_all(b"ok")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ok");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// A write that fails half-way keeps the old file, even where
    /// permissions do not stop writes (root).
    #[test]
    fn a_failed_write_keeps_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        std::fs::create_dir(&input).unwrap();
        let out = dir.path().join("brief.md");
        std::fs::write(&out, "old briefing").unwrap();
        let guard = OutputGuard::new([input.as_path()], true);
        let message = guard
            .write(&out, |w| {
                w.write_all(b"half a briefing")?;
                Err(std::io::Error::other("disk full"))
            })
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("brief.md") && message.contains("disk full"),
            "{message}"
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old briefing");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn failed_writes_leave_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        let err = write_atomic(&path, |w| {
            w.write_all(b"partial")?;
            Err(std::io::Error::other("boom"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
