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
