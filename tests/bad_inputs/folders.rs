//! The file system: empty and deep folders, many files, links, permissions,
//! missing paths, pipes.

use std::os::unix::fs::{symlink, PermissionsExt};

use crate::util::*;

#[test]
fn empty_file_is_a_note() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write("in/empty.txt", b"");
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &["note: in/empty.txt", "empty file"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn whitespace_only_file_is_a_note() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write("in/blank.md", b" \n\t\r\n \n");
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &["in/blank.md", "empty file"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn empty_file_alone_is_no_input() {
    let scratch = Scratch::new();
    scratch.write("empty.txt", b"");
    let run = brief_json(scratch.path(), &["empty.txt"]);
    run.expect(2, &["no readable document", "empty.txt", "empty file"]);
    assert!(run.stdout.is_empty());
}

#[test]
fn empty_folder_alone_is_no_input() {
    let scratch = Scratch::new();
    scratch.mkdir("nothing");
    let run = brief_json(scratch.path(), &["nothing"]);
    run.expect(
        2,
        &["nothing", "no .txt, .md, .html, .pdf, .docx or .odt file"],
    );
}

#[test]
fn empty_folder_beside_good_documents() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.mkdir("nothing");
    let run = brief_json(scratch.path(), &["in", "nothing"]);
    run.expect(
        0,
        &[
            "note: nothing",
            "no .txt, .md, .html, .pdf, .docx or .odt file",
        ],
    );
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn folder_of_unsupported_files_only() {
    let scratch = Scratch::new();
    scratch.write("data/table.csv", "a,b\n1,2\n");
    scratch.write("data/image.jpg", b"\xFF\xD8\xFF\xE0");
    let run = brief_json(scratch.path(), &["data"]);
    run.expect(
        2,
        &[
            "data",
            "no .txt, .md, .html, .pdf, .docx or .odt file",
            ".csv",
            ".jpg",
        ],
    );
}

#[test]
fn ten_thousand_tiny_files() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    for i in 0..10_000 {
        scratch.write(
            &format!("in/tiny/{:02}/note-{i:05}.txt", i % 100),
            format!("Note {i} was filed."),
        );
    }
    let run = brief_json(scratch.path(), &["in", "--jobs", "2"]);
    run.expect(0, &[]);
    let json = assert_good_summarized(&run, scratch.path());
    assert_eq!(json["stats"]["documents"], 10_002);
}

#[test]
fn deeply_nested_folders() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let deep = "d/".repeat(200);
    let nested = format!("in/{deep}deep.txt");
    scratch.write(
        &nested,
        "Deep in the folders, G20 leaders in Antalya spoke about Syria and refugees.\n",
    );
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &[]);
    let json = assert_good_summarized(&run, scratch.path());
    let ids = json["documents"].to_string();
    assert!(ids.contains(&format!("{deep}deep.txt")), "{ids}");
}

#[test]
fn symlink_loop_to_an_ancestor_is_a_note() {
    let scratch = Scratch::new();
    let input = scratch.with_good_docs();
    scratch.mkdir("in/sub");
    symlink(&input, input.join("sub/back")).expect("symlink");
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &["in/sub/back", "symlink loop"]);
    let json = assert_good_summarized(&run, scratch.path());
    // Each document once, not once per trip round the loop.
    assert_eq!(json["stats"]["documents"], 2, "{run:#?}");
}

#[test]
fn symlink_to_the_parent_folder_is_not_followed() {
    let scratch = Scratch::new();
    let input = scratch.with_good_docs();
    scratch.write(
        "outside.txt",
        "A file beside the input folder must never be summarized here.",
    );
    symlink(scratch.path(), input.join("up")).expect("symlink");
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &["note: in/up", "symlink loop", "holds the input"]);
    let json = assert_good_summarized(&run, scratch.path());
    assert_eq!(json["stats"]["documents"], 2, "{run:#?}");
}

#[test]
fn symlink_to_a_file_in_the_same_folder_is_read_once() {
    let scratch = Scratch::new();
    let input = scratch.with_good_docs();
    symlink(input.join("good-a.txt"), input.join("latest.txt")).expect("symlink");
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(
        0,
        &[
            "note: in/latest.txt",
            "the same file as",
            "good-a.txt",
            "read once",
        ],
    );
    let json = assert_good_summarized(&run, scratch.path());
    assert_eq!(json["stats"]["documents"], 2, "{run:#?}");
}

#[test]
fn symlink_to_itself_is_a_note() {
    let scratch = Scratch::new();
    let input = scratch.with_good_docs();
    symlink(input.join("self.txt"), input.join("self.txt")).expect("symlink");
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &["in/self.txt", "symlink loop"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn dangling_symlink_is_skipped() {
    let scratch = Scratch::new();
    let input = scratch.with_good_docs();
    symlink(scratch.path().join("gone.txt"), input.join("link.txt")).expect("symlink");
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(1, &["in/link.txt", "no such file"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn unreadable_file() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let secret = scratch.write(
        "in/secret.txt",
        "A secret sentence that nobody may read here.",
    );
    if !permissions_are_enforced(&scratch) {
        eprintln!("skipped: running as a user (root) that reads files whatever their permissions");
        return;
    }
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let run = brief_json(scratch.path(), &["in"]);
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    run.expect(1, &["in/secret.txt", "permission denied"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn unreadable_folder() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write(
        "in/locked/inside.txt",
        "A sentence inside a locked folder is here.",
    );
    if !permissions_are_enforced(&scratch) {
        eprintln!(
            "skipped: running as a user (root) that reads folders whatever their permissions"
        );
        return;
    }
    let locked = scratch.path().join("in/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let run = brief_json(scratch.path(), &["in"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    run.expect(1, &["in/locked", "permission denied"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn missing_path_beside_good_documents() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = brief_json(scratch.path(), &["in", "missing.txt"]);
    run.expect(1, &["warning: missing.txt", "no such file or directory"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn missing_path_alone() {
    let scratch = Scratch::new();
    let run = brief_json(scratch.path(), &["missing.txt"]);
    run.expect(2, &["missing.txt", "no such file or directory"]);
    assert!(run.stdout.is_empty());
}

#[test]
fn file_where_a_folder_is_expected() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = precis(
        scratch.path(),
        &["brief", "--each", "in/good-a.txt", "-o", "out"],
    );
    run.expect(2, &["in/good-a.txt", "not a folder"]);
    assert!(!scratch.path().join("out").exists());
}

#[test]
fn path_through_a_file() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = brief_json(scratch.path(), &["in", "in/good-a.txt/inner.txt"]);
    run.expect(1, &["in/good-a.txt/inner.txt", "not a folder"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn named_pipe_in_a_folder_does_not_hang() {
    let scratch = Scratch::new();
    let input = scratch.with_good_docs();
    let fifo = input.join("pipe.txt");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    // util::precis times out (and fails) rather than hang.
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &["in/pipe.txt", "not a regular file"]);
    assert_good_summarized(&run, scratch.path());
}

#[test]
fn hidden_files_and_folders_are_left_out() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write(
        "in/.git/HEAD.txt",
        "ref: refs/heads/main is not an article sentence.",
    );
    scratch.write(
        "in/.notes.md",
        "Private notes that should never be summarized here.",
    );
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &[]);
    let json = assert_good_summarized(&run, scratch.path());
    assert_eq!(json["stats"]["documents"], 2);
}

#[test]
fn same_file_twice() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    let run = brief_json(
        scratch.path(),
        &["in/good-a.txt", "in/good-a.txt", "in/good-b.txt"],
    );
    run.expect(0, &[]);
    let json = assert_good_summarized(&run, scratch.path());
    let ids = json["documents"].to_string();
    assert!(ids.contains("good-a.txt#2"), "{ids}");
}

#[test]
fn non_utf8_file_name() {
    use std::os::unix::ffi::OsStrExt;
    let scratch = Scratch::new();
    let input = scratch.with_good_docs();
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9.txt");
    std::fs::write(
        input.join(name),
        "A file whose name is not UTF-8 still says that G20 leaders met in Antalya.\n",
    )
    .expect("write");
    let run = brief_json(scratch.path(), &["in"]);
    run.expect(0, &[]);
    let json = run.json();
    assert!(
        json["documents"].to_string().contains("caf\u{FFFD}.txt"),
        "{run:#?}"
    );
}

/// The note on files of other types names the folder that holds them, once
/// ("note: note:" was printed before).
#[test]
fn files_of_other_types_are_noted_against_their_folder() {
    let scratch = Scratch::new();
    scratch.with_good_docs();
    scratch.write("in/photo.jpg", b"\xff\xd8\xff");
    let run = precis(scratch.path(), &["brief", "in"]);
    run.expect(
        0,
        &["precis: note: in: files of other types were left out (.jpg)"],
    );
    assert!(!run.stderr.contains("note: note"), "{}", run.stderr);
}
