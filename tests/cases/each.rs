//! `precis brief --each DIR -o OUT`: one briefing per subfolder.

use std::path::Path;

use predicates::prelude::*;

use crate::util::{g20_texts, precis};

/// DIR with subfolders `alpha` and `beta` (two G20 documents each), a hidden
/// folder, and a loose file at the top.
fn corpus(dir: &Path) {
    let texts = g20_texts();
    for (name, docs) in [
        ("alpha", &texts[..2]),
        ("beta", &texts[2..4]),
        (".hidden", &texts[4..]),
    ] {
        std::fs::create_dir_all(dir.join(name)).unwrap();
        for (id, text) in docs {
            std::fs::write(dir.join(name).join(id), text).unwrap();
        }
    }
    std::fs::write(dir.join("loose.txt"), &texts[4].1).unwrap();
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn one_briefing_per_subfolder_same_as_brief() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    corpus(&input);
    let before = listing(&input);
    let out = tmp.path().join("out/nested");
    precis()
        .args(["brief", "--each"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--format", "json"])
        .assert()
        .success();
    assert_eq!(listing(&out), ["alpha.json", "beta.json"]);
    assert_eq!(listing(&input), before, "the input folder is untouched");
    let alone = precis()
        .args(["brief", "--format", "json"])
        .arg(input.join("alpha"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(std::fs::read(out.join("alpha.json")).unwrap(), alone);
}

#[test]
fn refuses_an_output_folder_inside_the_input() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    corpus(&input);
    let before = listing(&input);
    for inside in [input.join("briefings"), input.clone(), input.join("alpha")] {
        precis()
            .args(["brief", "--each"])
            .arg(&input)
            .arg("-o")
            .arg(&inside)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("input"));
        assert_eq!(listing(&input), before);
        assert_eq!(listing(&input.join("alpha")).len(), 2);
    }
}

#[test]
fn existing_briefings_are_kept_without_force_and_replaced_with_it() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    corpus(&input);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("alpha.md"), "keep me").unwrap();
    precis()
        .args(["brief", "--each"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--force"));
    assert_eq!(
        std::fs::read_to_string(out.join("alpha.md")).unwrap(),
        "keep me"
    );
    assert!(
        out.join("beta.md").is_file(),
        "the other folder is still done"
    );
    precis()
        .args(["brief", "--force", "--each"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let alpha = std::fs::read_to_string(out.join("alpha.md")).unwrap();
    assert!(alpha.contains("## Sources"), "{alpha}");
    // Atomic writes leave no temporary files behind.
    assert_eq!(listing(&out), ["alpha.md", "beta.md"]);
}

#[test]
fn a_failing_subfolder_is_reported_and_the_rest_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    corpus(&input);
    std::fs::create_dir_all(input.join("empty")).unwrap();
    std::fs::write(input.join("empty/blank.txt"), "   \n").unwrap();
    std::fs::create_dir_all(input.join("junk")).unwrap();
    std::fs::write(input.join("junk/a.txt"), "Share\nAdvertisement\n").unwrap();
    let out = tmp.path().join("out");
    precis()
        .args(["brief", "--each"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--format", "text"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("empty").and(predicates::str::contains("junk")));
    assert_eq!(listing(&out), ["alpha.txt", "beta.txt"]);
}

#[test]
fn usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    // --each needs -o.
    precis()
        .args(["brief", "--each"])
        .arg(tmp.path())
        .assert()
        .code(2);
    // A folder without subfolders.
    precis()
        .args(["brief", "--each"])
        .arg(tmp.path())
        .arg("-o")
        .arg(tmp.path().join("../precis-each-out-never"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no subfolders"));
    // A missing folder.
    precis()
        .args(["brief", "--each"])
        .arg(tmp.path().join("missing"))
        .arg("-o")
        .arg(tmp.path().join("out"))
        .assert()
        .code(2);
}

#[test]
fn html_pages_are_written_as_html_files_named_after_their_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    corpus(&input);
    let out = tmp.path().join("pages");
    precis()
        .args(["brief", "--each"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--format", "html"])
        .assert()
        .success();
    assert_eq!(listing(&out), ["alpha.html", "beta.html"]);
    let alone = precis()
        .args(["brief", "--format", "html"])
        .arg(input.join("beta"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = std::fs::read(out.join("beta.html")).unwrap();
    assert_eq!(page, alone);
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("<title>Briefing: beta</title>"), "{page}");
    assert!(page.contains("<mark id=\"d"), "{page}");
}
