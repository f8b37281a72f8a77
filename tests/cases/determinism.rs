use crate::util::stdout_of;

fn json_with_jobs(jobs: &str) -> String {
    stdout_of(&["brief", "corpora/g20", "--format", "json", "--jobs", jobs])
}

#[test]
fn same_bytes_run_after_run_and_at_any_thread_count() {
    let reference = json_with_jobs("1");
    assert!(!reference.is_empty());
    for jobs in ["1", "2", "3", "8"] {
        assert!(
            json_with_jobs(jobs) == reference,
            "output differs with --jobs {jobs}"
        );
    }
}

/// `precis batch` at 1, 2, 3 and 8 threads on a mix that exercises the
/// chunked dispatch: many small records, error lines among them, and records
/// over the 256 KiB chunk size, which go to the pool alone.
#[test]
fn batch_bytes_are_the_same_at_any_thread_count() {
    let texts = crate::util::g20_texts();
    let mut input = String::new();
    for r in 0..90 {
        let line = match r % 30 {
            7 => "{\"id\": \"broken\"".to_owned(),
            29 => {
                // Every document, 24 times under different names: a record
                // of over 300 kilobytes.
                let docs: Vec<serde_json::Value> = (0..24)
                    .flat_map(|copy| {
                        texts.iter().map(move |(id, text)| {
                            serde_json::json!({"id": format!("{copy}-{id}"), "text": text})
                        })
                    })
                    .collect();
                let line = serde_json::json!({"id": format!("big-{r}"), "docs": docs});
                let line = line.to_string();
                assert!(line.len() > 256 << 10, "a record over a chunk");
                line
            }
            _ => {
                let (id, text) = &texts[r % texts.len()];
                serde_json::json!({"id": format!("r{r}"), "docs": [{"id": id, "text": text}],
                    "budget": {"words": 20 + r}})
                .to_string()
            }
        };
        input.push_str(&line);
        input.push('\n');
    }
    let run = |jobs: &str| {
        crate::util::precis()
            .args(["batch", "--jobs", jobs])
            .write_stdin(input.clone())
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone()
    };
    let reference = run("1");
    assert_eq!(crate::util::json_lines(&reference).len(), 90);
    for jobs in ["2", "3", "8"] {
        assert!(
            run(jobs) == reference,
            "batch output differs with --jobs {jobs}"
        );
    }
}
