//! Each pipeline stage at 2,000 and 20,000 sentences.
//!
//! `cargo bench --bench pipeline` (release build). The clusters are made here,
//! the way ../shared/peers/make_synth.py makes its clusters: sentences of the
//! bundled G20 corpus, shuffled and drawn with replacement, with a quarter of
//! their words replaced by words drawn from a Zipf-like distribution over the
//! corpus vocabulary and a pool of pseudo-words, packed into documents of 25
//! sentences in paragraphs of 5. Stages:
//!
//! - `ingest+split`: read the cluster's files from disk, junk removal,
//!   sentence splitting (`ingest::load` + `text::segment`);
//! - `preprocess`: repeats merged, tokenize, stop words, stem, TF-IDF
//!   (`Summarizer::prepare`, minus the segmentation measured above);
//! - `graph`: the similarity graph (`graph::build`);
//! - `pagerank`: PageRank on it (`graph::pagerank`);
//! - `select`: MMR under a 100-word budget and the summary, from scores
//!   ranked beforehand (`Summarizer::finish` with a ranker that hands them back);
//! - `summarize`: all of it from documents in memory (`Summarizer::summarize`).

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use precis::graph::{self, PageRankConfig};
use precis::ingest::{self, IngestOptions, Input};
use precis::summarizer::{rankers::Precis, Prepared, Ranked};
use precis::text;
use precis::{Config, Document, Ranker, Request, Summarizer};

/// Scores ranked beforehand, so that `select` times the choice alone.
#[derive(Debug)]
struct Ready(Ranked);

impl Ranker for Ready {
    fn name(&self) -> &str {
        "ready"
    }

    fn scores(&self, _: &Prepared<'_>, _: &Config, _: &[f64]) -> Ranked {
        self.0.clone()
    }
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Writes a synthetic cluster of `n` sentences into `dir` (as DIR/docNNNNN.txt).
fn make_cluster(n: usize, dir: &Path) {
    let g20 = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/g20");
    let mut seeds: Vec<String> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&g20)
        .expect("corpora/g20 is bundled")
        .map(|e| e.expect("readable").path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(file).expect("UTF-8");
        for line in text.lines() {
            for span in text::sentence::split_line(line) {
                let s = &line[span];
                if s.split_whitespace().count() >= 6 && s.ends_with(['.', '!', '?', '"', '”']) {
                    seeds.push(s.to_owned());
                }
            }
        }
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut vocabulary: Vec<String> = seeds
        .iter()
        .flat_map(|s| s.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .filter(|w| w.len() > 1)
        .collect();
    vocabulary.sort();
    vocabulary.dedup();
    const SYLLABLES: [&str; 16] = [
        "ba", "co", "de", "fi", "gu", "ha", "jo", "ki", "lu", "ma", "ne", "po", "ra", "si", "tu",
        "bri",
    ];
    for _ in 0..20_000 {
        let len = 2 + rng.below(3);
        vocabulary.push((0..len).map(|_| SYLLABLES[rng.below(16)]).collect());
    }
    // Zipf-like: rank r drawn with probability ~ 1 / (r + 1)^0.9, by inversion
    // of the continuous approximation.
    let v = vocabulary.len() as f64;
    let zipf = |rng: &mut Rng| -> usize {
        let u = rng.unit();
        let x = ((v.powf(0.1) - 1.0) * u + 1.0).powf(10.0) - 1.0;
        (x as usize).min(vocabulary.len() - 1)
    };
    let mut seen = std::collections::HashSet::new();
    let mut sentences: Vec<String> = Vec::with_capacity(n);
    while sentences.len() < n {
        let seed = &seeds[rng.below(seeds.len())];
        let mut words: Vec<String> = seed.split(' ').map(str::to_owned).collect();
        let k = (words.len() as f64 * 0.25).round().max(1.0) as usize;
        for _ in 0..k {
            let at = rng.below(words.len());
            let replacement = &vocabulary[zipf(&mut rng)];
            let word = &words[at];
            let (start, end) = match (
                word.find(char::is_alphabetic),
                word.rfind(char::is_alphabetic),
            ) {
                (Some(s), Some(e)) => (s, e + word[e..].chars().next().map_or(1, char::len_utf8)),
                _ => continue,
            };
            let capital = word[start..].starts_with(char::is_uppercase);
            let mut new = replacement.clone();
            if capital {
                new = new[..1].to_uppercase() + &new[1..];
            }
            words[at] = format!("{}{}{}", &word[..start], new, &word[end..]);
        }
        let sentence = words.join(" ");
        if seen.insert(sentence.clone()) {
            sentences.push(sentence);
        }
    }
    std::fs::create_dir_all(dir).expect("a temporary folder");
    for (d, chunk) in sentences.chunks(25).enumerate() {
        let paragraphs: Vec<String> = chunk.chunks(5).map(|p| p.join(" ")).collect();
        std::fs::write(
            dir.join(format!("doc{d:05}.txt")),
            paragraphs.join("\n\n") + "\n",
        )
        .expect("writable");
    }
}

fn stages(c: &mut Criterion) {
    let summarizer = Summarizer::default();
    for n in [2_000usize, 20_000] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        make_cluster(n, dir.path());
        let inputs = [Input::Path(dir.path().to_path_buf())];
        let documents: Vec<Document> = ingest::load(&inputs, &IngestOptions::default())
            .expect("the cluster loads")
            .documents;
        let request = Request::new(documents);
        let documents = &request.documents;
        let prepared = summarizer.prepare(&request).expect("sentences");
        let graph_config = summarizer.config().graph;
        let built = graph::build(
            prepared.vectors(),
            prepared.vocabulary_size(),
            &graph_config,
        );
        let prior = Precis.prior(&prepared, summarizer.config());
        let ready = Ready(Precis.scores(&prepared, summarizer.config(), &prior));

        let mut group = c.benchmark_group(format!("{n} sentences"));
        group.sample_size(10);
        group.measurement_time(std::time::Duration::from_secs(if n > 5_000 {
            10
        } else {
            3
        }));
        group.bench_function(BenchmarkId::new("ingest+split", n), |b| {
            b.iter(|| {
                let loaded = ingest::load(&inputs, &IngestOptions::default()).expect("loads");
                text::segment(&loaded.documents).sentences.len()
            })
        });
        let segment_once = || text::segment(documents);
        group.bench_function(BenchmarkId::new("preprocess", n), |b| {
            // prepare() segments too: time it whole, less one segmentation
            // measured in the same loop, so the figure is the stages after it.
            b.iter_custom(|iters| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..iters {
                    let start = std::time::Instant::now();
                    let p = summarizer.prepare(&request).expect("sentences");
                    let whole = start.elapsed();
                    let start = std::time::Instant::now();
                    let s = segment_once();
                    let segmenting = start.elapsed();
                    std::hint::black_box((p.len(), s.sentences.len()));
                    total += whole.saturating_sub(segmenting);
                }
                total
            })
        });
        group.bench_function(BenchmarkId::new("graph", n), |b| {
            b.iter(|| {
                graph::build(
                    prepared.vectors(),
                    prepared.vocabulary_size(),
                    &graph_config,
                )
                .len()
            })
        });
        let teleport = vec![1.0; built.len()];
        group.bench_function(BenchmarkId::new("pagerank", n), |b| {
            b.iter(|| graph::pagerank(&built, &teleport, &PageRankConfig::default()).iterations)
        });
        group.bench_function(BenchmarkId::new("select", n), |b| {
            b.iter(|| summarizer.finish(&prepared, &ready).sentences.len())
        });
        group.bench_function(BenchmarkId::new("summarize", n), |b| {
            b.iter(|| {
                summarizer
                    .summarize(&request)
                    .expect("a summary")
                    .sentences
                    .len()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
