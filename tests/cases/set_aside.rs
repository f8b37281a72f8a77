//! Off-event documents set aside: the real case in the bundled g20 corpus (a
//! 2012 Los Cabos article among 2015 Antalya ones), and clusters with a
//! planted document: a different story, and the same story in another year.

use std::path::Path;

use crate::util::{g20_texts, stdout_of};

const LOS_CABOS: &str = "003_e461bc2495ff5da0.txt";

fn json_of(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout_of(args)).expect("valid JSON")
}

/// The documents any chosen sentence cites.
fn cited(json: &serde_json::Value) -> Vec<String> {
    let mut docs: Vec<String> = json["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .flat_map(|s| s["sources"].as_array().expect("sources").clone())
        .map(|s| s["document"].as_str().expect("document").to_owned())
        .collect();
    docs.sort();
    docs.dedup();
    docs
}

fn write_cluster(dir: &Path, docs: &[(&str, &str)]) {
    for (name, text) in docs {
        std::fs::write(dir.join(name), text).expect("write fixture");
    }
}

#[test]
fn g20_sets_aside_the_los_cabos_article_in_every_format() {
    let json = json_of(&["brief", "corpora/g20", "--format", "json"]);
    let set_aside = json["set_aside"].as_array().expect("set_aside");
    assert_eq!(set_aside.len(), 1, "{json}");
    assert_eq!(set_aside[0]["document"], LOS_CABOS);
    assert!(set_aside[0]["path"]
        .as_str()
        .expect("path")
        .ends_with(LOS_CABOS));
    assert!(set_aside[0]["reason"]
        .as_str()
        .expect("reason")
        .starts_with("off topic"));
    assert!(!cited(&json).contains(&LOS_CABOS.to_owned()), "{json}");

    let markdown = stdout_of(&["brief", "corpora/g20"]);
    let note = markdown
        .split("## Set aside")
        .nth(1)
        .expect("a Set aside section");
    assert!(
        note.contains(LOS_CABOS) && note.contains("off topic"),
        "{markdown}"
    );
    assert!(!markdown.contains("G20 summit in Mexico"), "{markdown}");

    let text = stdout_of(&["brief", "corpora/g20", "--format", "text"]);
    let line = text
        .lines()
        .find(|l| l.starts_with("Set aside: "))
        .expect("a Set aside line");
    assert!(
        line.contains(LOS_CABOS) && line.contains("off topic"),
        "{text}"
    );
}

#[test]
fn keep_all_keeps_every_document() {
    let json = json_of(&["brief", "corpora/g20", "--format", "json", "--keep-all"]);
    assert!(json.get("set_aside").is_none(), "{json}");
    let markdown = stdout_of(&["brief", "corpora/g20", "--keep-all"]);
    assert!(!markdown.contains("Set aside"), "{markdown}");
}

#[test]
fn a_planted_story_about_something_else_is_set_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in g20_texts().iter().filter(|(n, _)| n != LOS_CABOS) {
        std::fs::write(dir.path().join(name), text).expect("copy g20");
    }
    write_cluster(
        dir.path(),
        &[(
            "zz_bakery.txt",
            "A family bakery in Ludlow has won the national prize for its sourdough loaf.\n\n\
             The judges praised the crust, the open crumb and the slow fermentation of the dough.\n\n\
             The owners, who opened the shop in a former post office, bake every night from two.\n\n\
             Queues now form outside the shop before it opens at seven on Saturday mornings.\n\n\
             The prize comes with a year of flour from a mill in the Welsh hills.",
        )],
    );
    let path = dir.path().to_str().expect("UTF-8 path");
    let json = json_of(&["brief", path, "--format", "json"]);
    let set_aside = json["set_aside"].as_array().expect("set_aside");
    assert_eq!(set_aside.len(), 1, "{json}");
    assert_eq!(set_aside[0]["document"], "zz_bakery.txt");
    assert!(set_aside[0]["reason"]
        .as_str()
        .expect("reason")
        .starts_with("off topic"));
    assert!(!cited(&json).contains(&"zz_bakery.txt".to_owned()));
}

/// The same kind of story (a flood in one town), one of them years earlier.
const FLOODS: [(&str, &str); 4] = [
    (
        "a.txt",
        "RIVERTON, 14 March 2021 — The river Wend burst its banks on Sunday night and flooded \
         the lower town of Riverton. Two hundred homes were evacuated as the water rose. \
         The mayor said the new flood wall had held along the quay but not at the old mill.",
    ),
    (
        "b.txt",
        "Updated March 15, 2021. Floods forced two hundred families from their homes in Riverton \
         after the Wend rose overnight. Emergency crews pumped water from the lower town. \
         Residents asked why the flood wall finished last year failed at the old mill.",
    ),
    (
        "c.txt",
        "15 March 2021. Riverton counts the cost of the Wend floods. The lower town is still under \
         water and two hundred homes stand empty. Engineers will inspect the flood wall at the \
         old mill, where the river broke through.",
    ),
    (
        "d.txt",
        "RIVERTON, 2 June 2016 — The river Wend flooded the lower town of Riverton on Thursday. \
         Dozens of homes were evacuated as the water rose along the quay. The council promised \
         a flood wall to protect the lower town and the old mill.",
    ),
];

#[test]
fn a_planted_story_from_another_year_is_set_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_cluster(dir.path(), &FLOODS);
    let path = dir.path().to_str().expect("UTF-8 path");
    let json = json_of(&["brief", path, "--format", "json"]);
    let set_aside = json["set_aside"].as_array().expect("set_aside");
    assert_eq!(set_aside.len(), 1, "{json}");
    assert_eq!(set_aside[0]["document"], "d.txt");
    assert_eq!(
        set_aside[0]["reason"],
        "another date: it is dated 2 June 2016, while 3 other documents are dated 2021"
    );
    assert!(!cited(&json).contains(&"d.txt".to_owned()));
    // Kept, it may be quoted again.
    let kept = json_of(&["brief", path, "--keep-all", "--format", "json"]);
    assert!(kept.get("set_aside").is_none(), "{kept}");
}

#[test]
fn the_event_itself_is_never_set_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_cluster(dir.path(), &FLOODS[..3]);
    let path = dir.path().to_str().expect("UTF-8 path");
    let json = json_of(&["brief", path, "--format", "json"]);
    assert!(json.get("set_aside").is_none(), "{json}");
}

#[test]
fn g20_opens_with_its_overview() {
    let markdown = stdout_of(&["brief", "corpora/g20"]);
    let first = markdown.lines().next().expect("a first line");
    assert!(
        first.starts_with("*5 documents (1 set aside) · no explicit dates · sources: "),
        "{first}"
    );
    assert!(!first.contains("Cameron Seeks 'Unity'"), "{first}");
    let json = json_of(&["brief", "corpora/g20", "--format", "json"]);
    let overview = &json["overview"];
    assert_eq!(overview["documents"], 5);
    assert_eq!(overview["set_aside"], 1);
    assert!(overview.get("dates").is_none(), "{overview}");
    assert_eq!(overview["sources"].as_array().map(Vec::len), Some(4));
}

#[test]
fn the_overview_spans_the_documents_dates() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_cluster(dir.path(), &FLOODS);
    let path = dir.path().to_str().expect("UTF-8 path");
    let json = json_of(&["brief", path, "--format", "json"]);
    assert_eq!(
        json["overview"]["dates"],
        serde_json::json!(["14 March 2021", "15 March 2021"])
    );
}
