//! How many documents precis sets aside as off-event on a dataset
//! (DATASET/<cluster>/docs/*.txt), one line per document with its reason,
//! then the totals:
//!
//! ```sh
//! cargo run --release --example set_aside_count -- ../shared/corpora/multinews-val
//! ```

use precis::eval::Dataset;
use precis::{Document, Request, Summarizer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args()
        .nth(1)
        .ok_or("usage: set_aside_count DATASET")?;
    let dataset = Dataset::open(&root)?;
    let summarizer = Summarizer::default();
    let (mut documents, mut set_aside, mut clusters_with) = (0usize, 0usize, 0usize);
    for cluster in &dataset.clusters {
        let paths = cluster.document_paths()?;
        let texts = cluster.read_documents()?;
        let docs: Vec<Document> = paths
            .iter()
            .zip(texts)
            .map(|(path, text)| {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                Document::from_text(name, text)
            })
            .collect();
        documents += docs.len();
        let Ok(summary) = summarizer.summarize(&Request::new(docs)) else {
            continue;
        };
        clusters_with += usize::from(!summary.set_aside.is_empty());
        for s in &summary.set_aside {
            set_aside += 1;
            println!(
                "{}\t{}\t{}",
                cluster.id, summary.documents[s.document].id, s.reason
            );
        }
    }
    println!(
        "{} clusters, {documents} documents: {set_aside} set aside, in {clusters_with} clusters",
        dataset.clusters.len()
    );
    Ok(())
}
