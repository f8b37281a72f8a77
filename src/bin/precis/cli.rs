//! The command line as typed: clap definitions and help text only.

use std::path::PathBuf;

use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use precis::eval::{MAX_N, MAX_RESAMPLES};

/// The most worker threads `--jobs` starts.
const MAX_JOBS: u64 = 1024;

const EXIT_CODES: &str = "\
Exit codes:
  0  success (inputs that were repaired or cut at a limit are named on stderr)
  1  done, but some inputs (files or records) failed; each is named on stderr
  2  usage error, or no readable input at all";

/// The input limits, with the library's numbers.
fn limits() -> String {
    format!(
        "\
Limits:
  A document is read up to {} MiB; a longer one is cut at a line break before
  the limit (warning, exit 0). One run reads up to {} MiB of files in all;
  the files past that are left out (warning, exit 1). A sentence is at most
  {} bytes; a longer run of text without a sentence boundary is cut into
  pieces that are never quoted (note). Binary files, and named pipes or
  devices inside folders, are left out.",
        precis::ingest::DEFAULT_MAX_DOCUMENT_BYTES >> 20,
        precis::ingest::DEFAULT_MAX_CLUSTER_BYTES >> 20,
        precis::text::sentence::MAX_SENTENCE_BYTES
    )
}

const MAIN_EXAMPLES: &str = "\
Examples:
  precis brief corpora/g20                       Markdown briefing of a folder, 100 words
  precis brief corpora/g20 --words 150 --format json
  precis brief a.txt b.html notes.md --sentences 5 --format text
  precis brief corpora/g20 --format html -o g20.html   one page, opens offline
  precis brief reports/ --query \"What did the G20 agree on refugees?\"
  precis brief today/ --since yesterday/         only what is new since
  cat article.txt | precis brief -               one document from stdin";

/// precis: cited, non-redundant briefings from clusters of related documents.
#[derive(Debug, Parser)]
#[command(
    name = "precis",
    version,
    about = "Cited, non-redundant briefings from clusters of related documents",
    long_about = "precis reads a cluster of related documents (news articles, reports, notes) and writes a \
short briefing: the most central sentences of the cluster (TextRank), without repeats, each cited to the \
document and byte span it came from.",
    after_help = format!("{MAIN_EXAMPLES}\n\n{EXIT_CODES}\n\n{}", limits()),
    propagate_version = true
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// Worker threads (default: one per core). Output is byte-identical for any value.
    /// At most 1024 (threads beyond the cores only take turns). Example: --jobs 2
    #[arg(
        long,
        short = 'j',
        global = true,
        value_name = "N",
        value_parser = RangedU64ValueParser::<usize>::new().range(0..=MAX_JOBS)
    )]
    pub jobs: Option<usize>,

    /// Print no warnings on stderr (errors are still printed).
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Summarize documents into a cited briefing.
    #[command(after_help = format!("{}\n  precis brief --each corpora/ -o briefings/   one briefing per subfolder\n\n{EXIT_CODES}\n\n{}", MAIN_EXAMPLES, limits()))]
    Brief(BriefArgs),
    /// Summarize many clusters: JSON Lines in, one JSON summary per line out.
    #[command(
        long_about = "Summarize many clusters: JSON Lines in (one cluster per line), one compact JSON \
line out per input line, in input order, each flushed as soon as it and every line before it are \
done. Clusters are summarized in parallel (--jobs); the output is byte-identical for any --jobs. \
Input is streamed: memory holds only the records in flight. Messages go to stderr only, so it works \
as a Spark RDD.pipe or Hadoop streaming command.",
        after_help = format!("{BATCH_SCHEMA}\n\n{BATCH_EXAMPLES}\n\n{EXIT_CODES}")
    )]
    Batch(BatchArgs),
    /// Print what precis reads from each document: its text, title and format.
    #[command(
        long_about = "Print what precis reads from each document, before any sentence work: \
JSON Lines by default, one object per document with path, id, title, format, text (the text \
whose byte offsets a briefing's text_span citations refer to) and warnings, in input order. \
An input that gives no text is a line with path and error, and a message on stderr.",
        after_help = format!("{READ_EXAMPLES}\n\n{EXIT_CODES}")
    )]
    Read(ReadArgs),
    /// Score precis, baselines and existing summaries with ROUGE on a dataset.
    #[command(after_help = format!("{EVAL_EXAMPLES}\n\n{EXIT_CODES}"))]
    Eval(EvalArgs),
    /// Print a shell completion script for precis (bash, zsh, fish, powershell, elvish).
    #[command(
        long_about = "Print a completion script for SHELL on stdout: the shell then completes \
precis's subcommands, flags and their values. It is generated from this precis, so it knows every \
flag this version has; generate it again after an upgrade.",
        after_help = COMPLETIONS_EXAMPLES
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) on stdout: precis man | man -l -
    #[command(
        long_about = "Print precis's manual page on stdout, in roff: every subcommand with its \
synopsis, description, options and examples, then the exit codes and limits. It is generated \
from this precis, as --help is.",
        after_help = MAN_EXAMPLES
    )]
    Man,
}

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  precis completions bash > ~/.local/share/bash-completion/completions/precis
  precis completions zsh > ~/.zfunc/_precis      with fpath+=(~/.zfunc) before compinit in ~/.zshrc
  precis completions fish > ~/.config/fish/completions/precis.fish
  precis completions powershell >> $PROFILE
  precis completions elvish >> ~/.config/elvish/rc.elv";

const MAN_EXAMPLES: &str = "\
Examples:
  precis man | man -l -                              read it now
  precis man > ~/.local/share/man/man1/precis.1      then: man precis";

/// `precis completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for. Example: precis completions bash
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

const EVAL_EXAMPLES: &str = "\
Dataset layout: DATASET/<cluster>/docs/*.txt and DATASET/<cluster>/refs/*.txt (reference
summaries); folders starting with _ are not clusters. Systems folders: DIR/<system>/<cluster>.txt.
A cluster's topic.txt (title, then narrative) is the question its summaries answer (--no-query:
ignore it); its earlier.txt names clusters whose documents were already read (--no-since).

Scores are ROUGE-1.5.5's, reproduced exactly: by default -n 4 -m -l 100 -f A (the published
DUC 2004 setting): Porter stemming with WordNet exceptions, stop words kept, system and
reference summaries cut to 100 words, model average over references. Built-in systems fill
the budget and may run past it with their last sentence, which ROUGE cuts.

Examples:
  precis eval corpora/g20-eval
  precis eval ../shared/corpora/duc2004 --words 100
  precis eval ../shared/corpora/duc2004 --systems-dir ../shared/corpora/duc2004/_baselines
  precis eval ../shared/corpora/multinews-val --words 300 --measure f1 --json scores.json
  precis eval corpora/g20-eval --format html -o report.html   one page: table, charts, tests
  precis eval DATASET --write-summaries OUT/       one OUT/<system>/<cluster>.txt per system";

/// The names `--systems` accepts: the library's built-in rankers.
fn builtin_system_names() -> clap::builder::PossibleValuesParser {
    let names: Vec<String> = precis::summarizer::rankers::builtin(0)
        .iter()
        .map(|r| r.name().to_owned())
        .collect();
    clap::builder::PossibleValuesParser::new(names)
}

const READ_EXAMPLES: &str = "\
Examples:
  precis read page.html report.md           one JSON line per document
  precis read saved-pages/ --format text    a header line per document, then its text
  cat page.html | precis read -             one document from stdin";

/// `precis read` output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReadFormatArg {
    /// One JSON object per document (JSON Lines).
    Json,
    /// A header line per document (`==> path (format) title <==`), then its text.
    Text,
}

/// `precis read`.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Files or folders to read (folders are read recursively: .txt, .md,
    /// .html, .pdf, .docx, .odt). `-` reads one document from stdin. Example: precis read saved-pages/
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<String>,

    /// Output format. Example: --format text
    #[arg(long, short = 'f', value_enum, default_value_t = ReadFormatArg::Json)]
    pub format: ReadFormatArg,
}

/// `precis eval` report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormatArg {
    /// The table of scores, then the paired tests (aligned text).
    Text,
    /// Everything measured: settings, every system's means and intervals for every
    /// metric and measure, per-cluster scores, errors.
    Json,
    /// One self-contained page: the table, a chart of every system's score and
    /// interval per metric, the paired tests; opens offline.
    Html,
}

/// Which score the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MeasureArg {
    /// Recall (what DUC results report).
    Recall,
    /// Precision.
    Precision,
    /// F1 (with --alpha 0.5).
    F1,
}

/// How `precis eval` finds words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TokenizeArg {
    /// ROUGE-1.5.5's: runs of ASCII letters and digits (the published figures).
    Ascii,
    /// Letters and digits of every script (Vietnamese, Russian...); Han and kana per character.
    Unicode,
}

/// Multi-reference pooling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PoolingArg {
    /// ROUGE -f A: model average (counts pooled over references).
    Average,
    /// ROUGE -f B: the best-scoring reference.
    Best,
}

/// `precis eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The dataset folder. Example: precis eval ../shared/corpora/duc2004
    #[arg(value_name = "DATASET")]
    pub dataset: PathBuf,

    /// Cut system and reference summaries to N words (ROUGE -l; default 100). Example: --words 300
    #[arg(long, value_name = "N", conflicts_with_all = ["bytes", "no_limit"])]
    pub words: Option<usize>,

    /// Cut system and reference summaries to N bytes (ROUGE -b). Example: --bytes 665
    #[arg(long, value_name = "N", conflicts_with = "no_limit")]
    pub bytes: Option<usize>,

    /// Do not cut summaries (built-in systems then use 100 words, never more). Example: --no-limit
    #[arg(long)]
    pub no_limit: bool,

    /// Also score every system in this folder (DIR/<system>/<cluster>.txt); repeatable.
    /// A name already taken (a folder called `lead`) becomes `lead (DIR)`.
    /// Example: --systems-dir ../shared/corpora/duc2004/_baselines
    #[arg(long, value_name = "DIR")]
    pub systems_dir: Vec<PathBuf>,

    /// Built-in systems to run, comma-separated (default all: the library's
    /// built-in rankers). Example: --systems precis,lexrank
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        conflicts_with = "no_builtin",
        ignore_case = true,
        value_parser = builtin_system_names()
    )]
    pub systems: Vec<String>,

    /// Run no built-in system (score --systems-dir folders only). Example: --no-builtin
    #[arg(long)]
    pub no_builtin: bool,

    /// Ignore each cluster's topic.txt (by default its title and narrative are
    /// the question the built-in systems answer). Example: --no-query
    #[arg(long)]
    pub no_query: bool,

    /// Ignore each cluster's earlier.txt (by default the documents of the
    /// clusters it names count as already read). Example: --no-since
    #[arg(long)]
    pub no_since: bool,

    /// The score shown in the table, the charts and the tests (JSON has all three; the
    /// HTML page has the other two in tables too). Example: --measure f1
    #[arg(long, value_enum, default_value_t = MeasureArg::Recall)]
    pub measure: MeasureArg,

    /// How words are found: ROUGE-1.5.5's runs of ASCII letters and digits (right for
    /// English only), or Unicode words: letters and digits of every script, lowercased,
    /// Han and kana one character per word; stemming only for English references.
    /// Example: --tokenize unicode
    #[arg(long, value_enum, default_value_t = TokenizeArg::Ascii, value_name = "MODE")]
    pub tokenize: TokenizeArg,

    /// Show plain means over clusters instead of the bootstrap means ROUGE-1.5.5
    /// prints (and published tables report); the JSON report has both.
    /// Example: --plain-means
    #[arg(long)]
    pub plain_means: bool,

    /// Highest ROUGE-N computed (ROUGE -n), 0 to 9 (published scores stop at 4; longer
    /// n-grams hardly recur in references). Example: --max-n 2
    #[arg(
        long,
        value_name = "N",
        default_value_t = 4,
        value_parser = RangedU64ValueParser::<usize>::new().range(0..=MAX_N as u64)
    )]
    pub max_n: usize,

    /// Multi-reference pooling (ROUGE -f A or B). Example: --pooling best
    #[arg(long, value_enum, default_value_t = PoolingArg::Average)]
    pub pooling: PoolingArg,

    /// Score without stemming (ROUGE without -m). Example: --no-stem
    #[arg(long)]
    pub no_stem: bool,

    /// Remove ROUGE's stop words before scoring (ROUGE -s). Example: --remove-stopwords
    #[arg(long)]
    pub remove_stopwords: bool,

    /// Bootstrap resamples for confidence intervals and tests (ROUGE -r), 1 to 100000
    /// (time grows with resamples x clusters; by 100000 the intervals are steady to
    /// about the two decimals shown). Example: --resamples 2000
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1000,
        value_parser = RangedU64ValueParser::<usize>::new().range(1..=MAX_RESAMPLES as u64)
    )]
    pub resamples: usize,

    /// Confidence level in percent (ROUGE -c). Example: --confidence 99
    #[arg(long, value_name = "F", default_value_t = 95.0)]
    pub confidence: f64,

    /// Seed of the random baseline. Example: --seed 7
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,

    /// Test whether this system beats each other one (paired bootstrap on;
    /// default precis when it runs). Example: --compare precis
    #[arg(long, value_name = "SYSTEM")]
    pub compare: Option<String>,

    /// What the report is written as (on stdout, or in the -o file). Example: --format html
    #[arg(long, short = 'f', value_enum, default_value_t = EvalFormatArg::Text)]
    pub format: EvalFormatArg,

    /// Write the report to this file instead of stdout (atomically; never over an
    /// input, never inside an input folder, never over an existing file without --force).
    /// Example: --format html -o report.html
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write the report as JSON to this file (what --format json writes: per-system
    /// means and intervals, per-cluster scores). Example: --json scores.json
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,

    /// Write the built-in systems' summaries to OUT/<system>/<cluster>.txt.
    /// Example: --write-summaries out/
    #[arg(long, value_name = "OUT")]
    pub write_summaries: Option<PathBuf>,

    /// Replace existing output files. Example: --json scores.json --force
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub tuning: TuningArgs,
}

const BATCH_SCHEMA: &str = "\
Input, one cluster per line:
  {\"id\": \"c1\", \"docs\": [{\"id\": \"a\", \"title\": \"...\", \"text\": \"...\"}, ...], \"budget\": {\"words\": 100}}
  id      required; a string or an integer; echoed in the output, never used as a file name
  docs    required; each with text (required, plain text), id (optional; default its position;
          repeats get #2, #3...) and title (optional; never chosen as a summary sentence)
  budget  optional; {\"words\": N}, {\"bytes\": N} or {\"sentences\": N}; default: the flags
  Other fields are ignored. A line may hold at most --max-record-bytes bytes (default 64 MiB).

Output, one line per input line, in input order:
  a summary in the schema of `precis brief --format json` (precis.summary/1) with \"id\";
  spans are byte offsets into the record's document text. A line that cannot be
  summarized (invalid JSON, missing fields, no sentences, too long, empty) gets
  {\"id\": ... or null, \"line\": N, \"error\": \"...\"}, a message on stderr, and the batch goes on.";

const BATCH_EXAMPLES: &str = "\
Examples:
  precis batch < clusters.jsonl > summaries.jsonl
  precis batch clusters.jsonl --jobs 2 --words 100
  spark: sc.textFile(\"clusters.jsonl\").pipe(\"precis batch --jobs 1\")";

/// `precis batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// A JSON Lines file; `-` or nothing reads stdin. Example: clusters.jsonl
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,

    #[command(flatten)]
    pub budget: BudgetArgs,

    /// Largest record (input line) read, in bytes; longer lines get an error line.
    /// Example: --max-record-bytes 1000000
    #[arg(long, value_name = "N", default_value_t = precis::batch::DEFAULT_MAX_RECORD_BYTES as u64,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_record_bytes: u64,

    /// Show the count of records done on stderr while the batch runs, when stderr is a
    /// terminal (never into a pipe or a file, never with --quiet; stdout is the same).
    /// Example: --progress
    #[arg(long)]
    pub progress: bool,

    #[command(flatten)]
    pub tuning: TuningArgs,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Sentences with numbered citations, then a Sources list.
    Markdown,
    /// The sentences alone, one per line.
    Text,
    /// Everything: sentences, scores, sources with byte spans, parameters.
    Json,
    /// One self-contained page: the briefing, each citation a link to its
    /// sentence marked in its document's full text.
    Html,
}

/// What IDF counts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IdfArg {
    /// Each distinct sentence is a unit (default).
    Sentences,
    /// Each document is a unit.
    Documents,
}

/// `precis brief`.
#[derive(Debug, Args)]
pub struct BriefArgs {
    /// Files or folders to summarize together (folders are read recursively:
    /// .txt, .md, .html, .pdf, .docx, .odt). `-` reads one document from stdin.
    /// Example: precis brief corpora/g20 extra.html
    #[arg(value_name = "INPUT", required_unless_present = "each")]
    pub inputs: Vec<String>,

    #[command(flatten)]
    pub budget: BudgetArgs,

    /// Output format. Example: --format json
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Markdown)]
    pub format: FormatArg,

    /// Write to this file instead of stdout (atomically; never over an input,
    /// never inside an input folder, never over an existing file without
    /// --force). With --each, the folder for the briefings.
    /// Example: -o briefing.md
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Replace existing output files. Example: -o briefing.md --force
    #[arg(long)]
    pub force: bool,

    /// Summarize each subfolder of DIR separately, writing one briefing per
    /// subfolder into the -o folder. Example: --each corpora/ -o briefings/
    #[arg(
        long,
        value_name = "DIR",
        requires = "output",
        conflicts_with = "inputs"
    )]
    pub each: Option<PathBuf>,

    /// A question the briefing should answer: its sentences are the ones both
    /// central and relevant; documents with nothing relevant are set aside.
    /// Example: --query "What did the G20 agree on refugees?"
    #[arg(long, value_name = "TEXT", value_parser = question)]
    pub query: Option<String>,

    /// Documents already read (files, folders, or an earlier JSON briefing,
    /// whose documents count as read): what they said is not told again.
    /// Repeatable. Example: --since yesterday/ --since monday.json
    #[arg(long, value_name = "PATH")]
    pub since: Vec<PathBuf>,

    /// Print the time spent reading input and in each pipeline stage on stderr.
    #[arg(long)]
    pub timings: bool,

    #[command(flatten)]
    pub tuning: TuningArgs,
}

/// A question: anything but blank.
fn question(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("the question is empty".into())
    } else {
        Ok(text.to_owned())
    }
}

/// The summary length: one of words, bytes or sentences (default 100 words).
#[derive(Debug, Args, Clone, Copy, Default)]
#[group(multiple = false)]
pub struct BudgetArgs {
    /// Summary length in words (default 100). Example: --words 150
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub words: Option<u32>,

    /// Summary length in bytes. Example: --bytes 665
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub bytes: Option<u32>,

    /// Summary length in sentences. Example: --sentences 5
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub sentences: Option<u32>,
}

/// A language code that detection knows.
fn parse_language(code: &str) -> Result<precis::Language, String> {
    precis::Language::from_code(code).ok_or_else(|| {
        precis::summarizer::tuning::SettingError::UnknownLanguage {
            code: code.to_owned(),
        }
        .to_string()
    })
}

/// Settings of the pipeline, for experiments; the defaults suit news.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Tuning")]
pub struct TuningArgs {
    /// Keep every document: by default a document far from the others in its words, or
    /// dated in another year than most of them, is set aside and named with its reason.
    #[arg(long)]
    pub keep_all: bool,

    /// Factor on the score of a sentence that opens with a pronoun or connective pointing
    /// back, or cuts a quotation; below 1 such sentences also wait until the others are used
    /// (1 = no preference for sentences that stand alone). Default 0.35. Example:
    /// --standalone-weight 1
    #[arg(long, value_name = "F")]
    pub standalone_weight: Option<f64>,

    /// The language of every document (ISO 639-1 code), instead of detecting each one's; a
    /// batch record's or document's own `language` field still wins. Example: --language fr
    #[arg(long, value_name = "CODE", value_parser = parse_language)]
    pub language: Option<precis::Language>,

    /// MMR trade-off between centrality (1.0) and diversity (0.0). Example: --lambda 0.6
    #[arg(long, value_name = "F")]
    pub lambda: Option<f64>,

    /// Content-word overlap at which two sentences count as near-duplicates
    /// (0-1). Example: --near-duplicate 0.6
    #[arg(long, value_name = "F")]
    pub near_duplicate: Option<f64>,

    /// Never choose sentences shorter than this many words. Example: --min-words 8
    #[arg(long, value_name = "N")]
    pub min_words: Option<usize>,

    /// Never choose sentences longer than this many words. Example: --max-words 60
    #[arg(long, value_name = "N")]
    pub max_words: Option<usize>,

    /// Preference for sentences early in their document (0 = none; default: 0 for English, 1
    /// with damping 0.5 for other languages). Example: --position-bias 0.5
    #[arg(long, value_name = "F")]
    pub position_bias: Option<f64>,

    /// Hold back sentences at or past this position in their document until
    /// the earlier ones are used (0 = none held back; default 5). Example: --lead-sentences 9
    #[arg(long, value_name = "N")]
    pub lead_sentences: Option<usize>,

    /// With --lead-sentences above 0, a long document's first tier holds its first
    /// max(N, ceil(F x its sentences)) sentences (0-1; 0 = N for every document; default 0.5;
    /// with a question, --question-lead-fraction instead).
    /// Example: --lead-fraction 0
    #[arg(long, value_name = "F")]
    pub lead_fraction: Option<f64>,

    /// With 3+ documents, never choose a one-document sentence unless this share
    /// of its content words occurs in another document (0-1; default 0: off). Example: --min-support 0.2
    #[arg(long, value_name = "F")]
    pub min_support: Option<f64>,

    /// PageRank damping factor (default 0.85; 0.5 with the lead prior of languages other than
    /// English). Example: --damping 0.85
    #[arg(long, value_name = "F")]
    pub damping: Option<f64>,

    /// Similarities below this are not graph edges (0-1). Example: --similarity-threshold 0.1
    #[arg(long, value_name = "F")]
    pub similarity_threshold: Option<f64>,

    /// What IDF counts over. Example: --idf documents
    #[arg(long, value_enum, value_name = "UNIT")]
    pub idf: Option<IdfArg>,

    /// Damp repeated words in a sentence's vector: 1 + ln(count) instead of the count.
    #[arg(long)]
    pub sublinear_tf: bool,

    /// What the selection optimises (default: coverage for English, mmr for other languages;
    /// with a question, coverage in every language). Example: --objective mmr
    #[arg(long, value_enum, value_name = "NAME")]
    pub objective: Option<ObjectiveArg>,

    /// Coverage: concepts in fewer documents weigh nothing. Example: --min-documents 3
    #[arg(long, value_name = "N")]
    pub min_documents: Option<usize>,

    /// Coverage: a concept weighs documents^F (default 2; with a question,
    /// --question-document-exponent instead). Example: --document-exponent 1
    #[arg(long, value_name = "F")]
    pub document_exponent: Option<f64>,

    /// Coverage: weight of single words as concepts, relative to word pairs. Example: --unigram-weight 0.5
    #[arg(long, value_name = "F")]
    pub unigram_weight: Option<f64>,

    /// Coverage: weight of centrality beside concept coverage. Example: --centrality 0.5
    #[arg(long, value_name = "F")]
    pub centrality: Option<f64>,

    /// Coverage: gains are divided by words^F (0 ignores length). Example: --length-exponent 0.5
    #[arg(long, value_name = "F")]
    pub length_exponent: Option<f64>,

    /// With a question: the share of PageRank's walk that jumps to sentences by their
    /// relevance to it rather than following similarity (0-1; default 0.9). Example:
    /// --question-bias 0.7
    #[arg(long, value_name = "F")]
    pub question_bias: Option<f64>,

    /// With a question: how many of the sentences most relevant to it expand it with their
    /// words (0 = no expansion; default 10). Example: --question-feedback 5
    #[arg(long, value_name = "N")]
    pub question_feedback: Option<usize>,

    /// With a question: weight of those sentences' words beside the question's own
    /// (default 0.5). Example: --question-expansion 1
    #[arg(long, value_name = "F")]
    pub question_expansion: Option<f64>,

    /// With a question: factor on the score of a sentence that holds a quotation (0-1; 1 =
    /// none; default 0.5). Example: --quotation-weight 1
    #[arg(long, value_name = "F")]
    pub quotation_weight: Option<f64>,

    /// With a question, coverage: each mention of a concept counts (r / r_max)^F, r the
    /// sentence's relevance to the question (0 = every mention counts 1; default 0.5).
    /// Example: --concept-relevance 1
    #[arg(long, value_name = "F")]
    pub concept_relevance: Option<f64>,

    /// With a question, coverage: a concept weighs documents^F, in place of
    /// --document-exponent (default 1). Example: --question-document-exponent 2
    #[arg(long, value_name = "F")]
    pub question_document_exponent: Option<f64>,

    /// With a question: --lead-fraction's replacement (0-1; default 0: the first
    /// --lead-sentences of every document compete first). Example: --question-lead-fraction 0.5
    #[arg(long, value_name = "F")]
    pub question_lead_fraction: Option<f64>,

    /// With documents already read: a sentence's score is multiplied by (1 - s)^F, s its
    /// greatest similarity to a sentence read (0 = no penalty; default 1). Example:
    /// --novelty 2
    #[arg(long, value_name = "F")]
    pub novelty: Option<f64>,
}

/// Selection objectives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ObjectiveArg {
    /// Concept coverage plus centrality, by gain per word (English's default).
    Coverage,
    /// Maximal Marginal Relevance on centrality (other languages' default).
    Mmr,
}
