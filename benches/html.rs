//! Reading web pages, in MB/s of HTML.
//!
//! `cargo bench --bench html` (release build). The pages are the 181 of
//! ../shared/html-benchmark (31.5 MB, unpacked into memory first); without
//! ../shared, 50 synthetic pages made from the bundled G20 corpus. Two
//! measures: `extract` (HTML to article text with its offset map) and
//! `from_bytes` (decoding and extraction, as `precis read` does per file).

use std::io::Read;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use precis::ingest::{html, Document, Format};

fn benchmark_pages() -> Option<Vec<Vec<u8>>> {
    let root = std::env::var_os("PRECIS_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("html-benchmark/html");
    let mut paths: Vec<_> = std::fs::read_dir(root)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    let pages = paths
        .iter()
        .map(|path| {
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(path).expect("a page"))
                .read_to_end(&mut bytes)
                .expect("a gzip page");
            bytes
        })
        .collect();
    Some(pages)
}

/// Pages with a menu, an article of G20 text and a footer of links.
fn synthetic_pages() -> Vec<Vec<u8>> {
    let g20 = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/g20");
    let mut files: Vec<_> = std::fs::read_dir(g20)
        .expect("corpora/g20 is bundled")
        .map(|e| e.expect("readable").path())
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("UTF-8"))
        .collect();
    (0..50)
        .map(|i| {
            let text = &texts[i % texts.len()];
            let mut page = String::from(
                "<html><head><title>News</title><script>var a=1;</script></head><body>",
            );
            page.push_str("<div class=\"top-menu\"><ul>");
            for k in 0..30 {
                page.push_str(&format!("<li><a href=\"/s{k}\">Section {k}</a></li>"));
            }
            page.push_str("</ul></div><div class=\"article-body\">");
            for paragraph in text.split("\n\n") {
                page.push_str(&format!("<p>{}</p>\n", paragraph.replace('&', "&amp;")));
            }
            page.push_str("</div><footer><a href=/>Home</a> &copy; 2015</footer></body></html>");
            page.into_bytes()
        })
        .collect()
}

fn reading(c: &mut Criterion) {
    let pages = benchmark_pages().unwrap_or_else(|| {
        eprintln!("../shared/html-benchmark is absent: synthetic pages");
        synthetic_pages()
    });
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let texts: Vec<String> = pages
        .iter()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    let mut group = c.benchmark_group("html");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| html::extract(t).text.len())
                .sum::<usize>()
        })
    });
    group.bench_function("from_bytes", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| {
                    Document::from_bytes("page", None, p, Some(Format::Html))
                        .map_or(0, |(d, _)| d.text.len())
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, reading);
criterion_main!(benches);
