//! `precis._precis`: the extension module behind the `precis` Python package.
//!
//! Three calls over the workspace's library crates, each taking its Python
//! arguments, releasing the GIL for the work (which runs on rayon's threads,
//! one per core) and giving back plain Python values:
//!
//! - `brief`: documents in, the `precis.summary/1` JSON of `precis brief
//!   --format json` out, as dicts (`precis::Summarizer`);
//! - `read`: what `precis read` prints, as dicts (`precis::ingest::read`);
//! - `rouge`: ROUGE-1.5.5 of summaries against references
//!   (`precis_rouge::RougeScorer::score_corpus`).
//!
//! Settings are the library's table of tuning settings
//! (`precis::summarizer::tuning`), the one the CLI's flags go through, so a
//! keyword and its flag cannot drift apart. Bad arguments raise `TypeError`
//! or `ValueError` with the CLI's message; what stops the work raises
//! `precis.PrecisError`; inputs left out or repaired are `precis.PrecisWarning`s.
//! The typed surface, with docstrings, is `python/precis/_precis.pyi`.

use std::ffi::CString;
use std::path::PathBuf;

use precis::batch::record::{documents_from_fields, DocumentFields};
use precis::ingest::read::ReadRecord;
use precis::ingest::{self, IngestOptions, Input};
use precis::summarizer::tuning::{self, Kind, SettingError, Value};
use precis::{Budget, Config, Document, Request, Summarizer, Warning};
use precis_rouge::{
    BootstrapConfig, Estimate, Pooling, RougeConfig, RougeScorer, Score, Tokenize, Truncation,
};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};

create_exception!(
    precis,
    PrecisError,
    PyException,
    "The work could not be done: no input gave any text, the documents hold no sentence to quote, documents given as `since` could not be read."
);
create_exception!(
    precis,
    PrecisWarning,
    PyUserWarning,
    "An input left out (unreadable, binary, missing) or repaired (re-encoded, cut at a limit), or a note on the inputs: what `precis brief` prints on stderr while it goes on."
);

/// Documents as given: paths to read, or texts as dicts.
enum Given {
    Paths(Vec<PathBuf>),
    Texts(Vec<DocumentFields>),
}

/// A Python type's name, for messages.
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// Whether `value` is a path: a `str` or an `os.PathLike`.
fn is_path(value: &Bound<'_, PyAny>) -> bool {
    value.is_instance_of::<PyString>() || value.hasattr("__fspath__").unwrap_or(false)
}

fn path(value: &Bound<'_, PyAny>, what: &str) -> PyResult<PathBuf> {
    value.extract::<PathBuf>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be a path (str or os.PathLike), not {}",
            type_name(value)
        ))
    })
}

/// An optional string argument (`None` is absent).
fn optional_str(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    match value {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => v.extract::<String>().map(Some).map_err(|_| {
            PyTypeError::new_err(format!("{what} must be a str, not {}", type_name(v)))
        }),
    }
}

/// One document given as a dict: `text` (required), `id`, `title`, `language`.
fn fields(dict: &Bound<'_, PyDict>, what: &str) -> PyResult<DocumentFields> {
    let text = dict.get_item("text")?.ok_or_else(|| {
        PyValueError::new_err(format!(
            "{what} has no 'text' (a dict needs the document's text)"
        ))
    })?;
    let text = text.extract::<String>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what}['text'] must be a str, not {}",
            type_name(&text)
        ))
    })?;
    let id = match dict.get_item("id")? {
        None => None,
        Some(id) if id.is_none() => None,
        Some(id) if id.is_instance_of::<PyString>() => Some(id.extract::<String>()?),
        Some(id) if id.is_instance_of::<PyInt>() && !id.is_instance_of::<PyBool>() => {
            Some(id.str()?.to_string())
        }
        Some(id) => {
            return Err(PyTypeError::new_err(format!(
                "{what}['id'] must be a str or an int, not {}",
                type_name(&id)
            )))
        }
    };
    let title = optional_str(
        dict.get_item("title")?.as_ref(),
        &format!("{what}['title']"),
    )?;
    let language = optional_str(
        dict.get_item("language")?.as_ref(),
        &format!("{what}['language']"),
    )?
    .map(|code| {
        precis::Language::from_code(&code).ok_or_else(|| {
            PyValueError::new_err(SettingError::UnknownLanguage { code }.to_string())
        })
    })
    .transpose()?;
    let mut fields = DocumentFields::new(text);
    fields.id = id;
    fields.title = title;
    fields.language = language;
    Ok(fields)
}

/// Documents as given: one path, or a list of paths or of dicts (not both).
fn given(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Given> {
    if is_path(value) {
        return Ok(Given::Paths(vec![path(value, what)?]));
    }
    if value.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a list of documents; put the dict in a list"
        )));
    }
    let items = value.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be a list of paths or of dicts with 'text', not {}",
            type_name(value)
        ))
    })?;
    let mut paths = Vec::new();
    let mut texts = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        let name = format!("{what}[{i}]");
        if let Ok(dict) = item.cast::<PyDict>() {
            texts.push(fields(dict, &name)?);
        } else if is_path(&item) {
            paths.push(path(&item, &name)?);
        } else {
            return Err(PyTypeError::new_err(format!(
                "{name} must be a path (str or os.PathLike) or a dict with 'text', not {}",
                type_name(&item)
            )));
        }
    }
    match (paths.is_empty(), texts.is_empty()) {
        (false, false) => Err(PyTypeError::new_err(format!(
            "{what} mixes paths and dicts; give one kind (write texts to files, or read files into dicts)"
        ))),
        (_, true) => Ok(Given::Paths(paths)),
        (true, false) => Ok(Given::Texts(texts)),
    }
}

/// A whole number argument of at least `min`.
fn count(value: &Bound<'_, PyAny>, what: &str, min: usize) -> PyResult<usize> {
    if value.is_instance_of::<PyBool>() || value.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an int, not {}",
            type_name(value)
        )));
    }
    let n = value.extract::<i64>().map_err(|_| {
        if value.is_instance_of::<PyInt>() {
            PyValueError::new_err(format!("{what} is too large"))
        } else {
            PyTypeError::new_err(format!("{what} must be an int, not {}", type_name(value)))
        }
    })?;
    usize::try_from(n)
        .ok()
        .filter(|&n| n >= min)
        .ok_or_else(|| PyValueError::new_err(format!("{what} must be at least {min}, got {n}")))
}

/// The budget the keywords ask for, if any (as `--words`, `--bytes`,
/// `--sentences`: one at most).
fn budget(
    words: Option<&Bound<'_, PyAny>>,
    bytes: Option<&Bound<'_, PyAny>>,
    sentences: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<Budget>> {
    let given: Vec<(&str, &Bound<'_, PyAny>)> =
        [("words", words), ("bytes", bytes), ("sentences", sentences)]
            .into_iter()
            .filter_map(|(name, v)| v.filter(|v| !v.is_none()).map(|v| (name, v)))
            .collect();
    match given.as_slice() {
        [] => Ok(None),
        [(name, value)] => {
            let n = count(value, name, 1)?;
            Ok(Some(match *name {
                "bytes" => Budget::Bytes(n),
                "sentences" => Budget::Sentences(n),
                _ => Budget::Words(n),
            }))
        }
        [(a, _), (b, _), ..] => Err(PyValueError::new_err(format!(
            "{a} cannot be used with {b}: give one of words, bytes and sentences"
        ))),
    }
}

/// The Python keyword of a setting: `near_duplicate`, `lambda_`.
fn keyword(py: Python<'_>, name: &str) -> PyResult<String> {
    let plain = name.replace('-', "_");
    let is_keyword: bool = py
        .import("keyword")?
        .call_method1("iskeyword", (&plain,))?
        .extract()?;
    Ok(if is_keyword { plain + "_" } else { plain })
}

/// A keyword's value as the setting's kind takes it.
fn setting_value(kind: Kind, key: &str, value: &Bound<'_, PyAny>) -> PyResult<Value> {
    let wrong = |expected: &str| {
        PyTypeError::new_err(format!(
            "{key} must be {expected}, not {}",
            type_name(value)
        ))
    };
    match kind {
        Kind::Flag => value
            .cast::<PyBool>()
            .map(|b| Value::Flag(b.is_true()))
            .map_err(|_| wrong("a bool")),
        Kind::Count => count(value, key, 0).map(Value::Count),
        Kind::Number => {
            if value.is_instance_of::<PyBool>() || value.is_instance_of::<PyString>() {
                return Err(wrong("a number"));
            }
            value
                .extract::<f64>()
                .map(Value::Number)
                .map_err(|_| wrong("a number"))
        }
        Kind::Choice(_) | Kind::Language => value
            .extract::<String>()
            .map(Value::Text)
            .map_err(|_| wrong("a str")),
    }
}

/// Applies the tuning keywords to `config`; `None` leaves a setting at its
/// default. Unknown keywords raise `TypeError`, as Python does.
fn apply_settings(
    py: Python<'_>,
    config: &mut Config,
    settings: Option<&Bound<'_, PyDict>>,
    function: &str,
) -> PyResult<()> {
    let Some(settings) = settings else {
        return Ok(());
    };
    for (key, value) in settings.iter() {
        let key: String = key.extract()?;
        let name = key.trim_end_matches('_').replace('_', "-");
        let setting = match tuning::setting(&name) {
            Some(s) if keyword(py, s.name)? == key => s,
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "{function}() got an unexpected keyword argument '{key}' (the settings are precis.settings())"
                )))
            }
        };
        if value.is_none() {
            continue;
        }
        let value = setting_value(setting.kind(), &key, &value)?;
        setting
            .apply(config, value)
            .map_err(|err| PyValueError::new_err(err.to_string()))?;
    }
    Ok(())
}

/// A library error as the Python exception for it: bad settings or
/// requests are `ValueError`, the rest `PrecisError`.
fn library_error(err: precis::Error) -> PyErr {
    match err {
        precis::Error::Config(_) | precis::Error::Request(_) => {
            PyValueError::new_err(err.to_string())
        }
        _ => PrecisError::new_err(err.to_string()),
    }
}

/// Emits each warning as a `precis.PrecisWarning`, as the CLI prints them
/// (`path: what happened`, notes prefixed `note:`).
fn warn(py: Python<'_>, warnings: &[Warning]) -> PyResult<()> {
    let category = py.get_type::<PrecisWarning>();
    for warning in warnings {
        let text = match warning.severity {
            precis::Severity::Note => format!("note: {warning}"),
            _ => warning.to_string(),
        };
        let message = CString::new(text.replace('\0', " "))
            .map_err(|e| PrecisError::new_err(e.to_string()))?;
        PyErr::warn(py, category.as_any(), &message, 2)?;
    }
    Ok(())
}

/// JSON text to Python values (`json.loads`): what the CLI prints, as dicts.
fn loads(py: Python<'_>, json: &[u8]) -> PyResult<Py<PyAny>> {
    let text = std::str::from_utf8(json).map_err(|e| PrecisError::new_err(e.to_string()))?;
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}

/// Documents given as paths or dicts, read; with the warnings of reading.
fn documents(given: Given, earlier: bool) -> Result<(Vec<Document>, Vec<Warning>), precis::Error> {
    match given {
        Given::Texts(fields) => Ok((documents_from_fields(fields, None), Vec::new())),
        Given::Paths(paths) => {
            let inputs: Vec<Input> = paths.into_iter().map(Input::Path).collect();
            let loaded = if earlier {
                precis::earlier::load_read(&inputs, &IngestOptions::default())?
            } else {
                ingest::load(&inputs, &IngestOptions::default())?
            };
            Ok((loaded.documents, loaded.warnings))
        }
    }
}

/// Summarizes documents into a cited briefing; see `_precis.pyi`.
#[pyfunction]
#[pyo3(signature = (documents, *, words=None, bytes=None, sentences=None, query=None, since=None, id=None, **settings))]
#[allow(clippy::too_many_arguments)]
fn brief(
    py: Python<'_>,
    documents: &Bound<'_, PyAny>,
    words: Option<&Bound<'_, PyAny>>,
    bytes: Option<&Bound<'_, PyAny>>,
    sentences: Option<&Bound<'_, PyAny>>,
    query: Option<&Bound<'_, PyAny>>,
    since: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
    settings: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    let mut config = Config::default();
    if let Some(budget) = budget(words, bytes, sentences)? {
        config.select.budget = budget;
    }
    apply_settings(py, &mut config, settings, "brief")?;
    let summarizer = Summarizer::new(config).map_err(library_error)?;
    let query = optional_str(query, "query")?;
    if query.as_deref().is_some_and(|q| q.trim().is_empty()) {
        return Err(PyValueError::new_err("the question is empty"));
    }
    let id = optional_str(id, "id")?;
    let inputs = self::given(documents, "documents")?;
    let read = since
        .filter(|s| !s.is_none())
        .map(|s| self::given(s, "since"))
        .transpose()?;
    let outcome = py.detach(move || -> PyResult<(Vec<u8>, Vec<Warning>)> {
        let (documents, mut warnings) = self::documents(inputs, false).map_err(library_error)?;
        let mut request = Request::new(documents);
        if let Some(read) = read {
            let (read, read_warnings) = self::documents(read, true).map_err(|err| {
                PrecisError::new_err(format!("cannot read the documents given as since: {err}"))
            })?;
            warnings.extend(read_warnings);
            request = request.with_since(read);
        }
        request.query = query;
        request.id = id;
        let summary = summarizer.summarize(&request).map_err(library_error)?;
        warnings.extend(summary.notes.iter().cloned());
        let json = serde_json::to_vec(&precis::render::wire::to_wire(&summary))
            .map_err(|e| PrecisError::new_err(e.to_string()))?;
        Ok((json, warnings))
    })?;
    let (json, warnings) = outcome;
    warn(py, &warnings)?;
    loads(py, &json)
}

/// What precis reads from each input; see `_precis.pyi`.
#[pyfunction]
#[pyo3(signature = (inputs))]
fn read(py: Python<'_>, inputs: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let paths = match self::given(inputs, "inputs")? {
        Given::Paths(paths) => paths,
        Given::Texts(_) => {
            return Err(PyTypeError::new_err(
                "inputs must be paths (str or os.PathLike): a dict's text is already read",
            ))
        }
    };
    let (json, notes) = py.detach(move || -> PyResult<(Vec<u8>, Vec<Warning>)> {
        let inputs: Vec<Input> = paths.into_iter().map(Input::Path).collect();
        let report = ingest::read::read(&inputs, &IngestOptions::default());
        let records: &[ReadRecord] = &report.records;
        let json = serde_json::to_vec(records).map_err(|e| PrecisError::new_err(e.to_string()))?;
        Ok((json, report.notes))
    })?;
    warn(py, &notes)?;
    loads(py, &json)
}

/// Text arguments: a list of str.
fn texts(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a list of str, not a str (put it in a list)"
        )));
    }
    let items = value.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be a list of str, not {}",
            type_name(value)
        ))
    })?;
    items
        .enumerate()
        .map(|(i, item)| {
            let item = item?;
            item.extract::<String>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "{what}[{i}] must be a str, not {}",
                    type_name(&item)
                ))
            })
        })
        .collect()
}

/// The references of every cluster: each a list of str, or one str.
fn reference_lists(value: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<String>>> {
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "references must be a list (one entry per summary), not a str",
        ));
    }
    let items = value.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "references must be a list of lists of str, not {}",
            type_name(value)
        ))
    })?;
    items
        .enumerate()
        .map(|(i, item)| {
            let item = item?;
            if item.is_instance_of::<PyString>() {
                Ok(vec![item.extract::<String>()?])
            } else {
                texts(&item, &format!("references[{i}]"))
            }
        })
        .collect()
}

/// A choice among names, as a `str` keyword.
fn choice<T: Copy>(value: &str, what: &str, choices: &[(&str, T)]) -> PyResult<T> {
    choices
        .iter()
        .find(|(name, _)| *name == value)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
            PyValueError::new_err(format!(
                "invalid value '{value}' for {what}: possible values: {}",
                names.join(", ")
            ))
        })
}

fn score_dict<'py>(py: Python<'py>, score: &Score) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("recall", score.recall)?;
    d.set_item("precision", score.precision)?;
    d.set_item("f", score.f)?;
    d.set_item("hits", score.hits)?;
    d.set_item("reference_total", score.reference_total)?;
    d.set_item("system_total", score.system_total)?;
    Ok(d)
}

fn estimate_dict<'py>(py: Python<'py>, e: &Estimate) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("mean", e.bootstrap_mean)?;
    d.set_item("low", e.ci_low)?;
    d.set_item("high", e.ci_high)?;
    Ok(d)
}

/// A metric's key in the result: `rouge-1`, `rouge-l`, `rouge-su4`.
fn metric_key(metric: precis_rouge::Metric) -> String {
    metric.to_string().to_lowercase()
}

/// ROUGE-1.5.5 of summaries against their references; see `_precis.pyi`.
#[pyfunction]
#[pyo3(signature = (summaries, references, *, words=None, bytes=None, no_limit=false, max_n=4, stem=true, remove_stopwords=false, alpha=0.5, tokenize="ascii", pooling="average", resamples=None, confidence=95.0))]
#[allow(clippy::too_many_arguments)]
fn rouge(
    py: Python<'_>,
    summaries: &Bound<'_, PyAny>,
    references: &Bound<'_, PyAny>,
    words: Option<&Bound<'_, PyAny>>,
    bytes: Option<&Bound<'_, PyAny>>,
    no_limit: bool,
    max_n: i64,
    stem: bool,
    remove_stopwords: bool,
    alpha: f64,
    tokenize: &str,
    pooling: &str,
    resamples: Option<&Bound<'_, PyAny>>,
    confidence: f64,
) -> PyResult<Py<PyAny>> {
    let words = words.filter(|w| !w.is_none());
    let bytes = bytes.filter(|b| !b.is_none());
    let truncation = match (words, bytes, no_limit) {
        (Some(_), Some(_), _) => {
            return Err(PyValueError::new_err(
                "words cannot be used with bytes: give one",
            ))
        }
        (Some(_), None, true) | (None, Some(_), true) => {
            return Err(PyValueError::new_err(
                "no_limit cannot be used with words or bytes",
            ))
        }
        (_, _, true) => Truncation::None,
        (Some(w), None, false) => Truncation::Words(count(w, "words", 1)?),
        (None, Some(b), false) => Truncation::Bytes(count(b, "bytes", 1)?),
        (None, None, false) => Truncation::Words(100),
    };
    let config = RougeConfig {
        max_n: usize::try_from(max_n)
            .ok()
            .filter(|&n| n <= precis_rouge::MAX_N)
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "max_n must be 0 to {} (ROUGE -n), got {max_n}",
                    precis_rouge::MAX_N
                ))
            })?,
        stemming: stem,
        remove_stopwords,
        truncation,
        alpha,
        tokenize: choice(
            tokenize,
            "tokenize",
            &[("ascii", Tokenize::Ascii), ("unicode", Tokenize::Unicode)],
        )?,
        pooling: choice(
            pooling,
            "pooling",
            &[
                ("average", Pooling::ModelAverage),
                ("best", Pooling::BestModel),
            ],
        )?,
        ..RougeConfig::default()
    };
    let bootstrap = resamples
        .filter(|r| !r.is_none())
        .map(|r| {
            let config = BootstrapConfig {
                resamples: count(r, "resamples", 1)?,
                confidence,
                seed: 0,
            };
            config
                .validate()
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            Ok::<_, PyErr>(config)
        })
        .transpose()?;
    let scorer = RougeScorer::new(config).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let summaries = texts(summaries, "summaries")?;
    let references = reference_lists(references)?;
    if summaries.len() != references.len() {
        return Err(PyValueError::new_err(format!(
            "{} summaries but {} entries of references: give one list of references per summary",
            summaries.len(),
            references.len()
        )));
    }
    let flags = scorer.config().rouge_flags();
    let (scored, aggregates) = py.detach(move || -> PyResult<_> {
        let scored = scorer
            .score_corpus(&summaries, &references)
            .map_err(|e| PrecisError::new_err(e.to_string()))?;
        let aggregates = bootstrap
            .map(|b| scored.bootstrap(&b))
            .transpose()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok((scored, aggregates))
    })?;
    let result = PyDict::new(py);
    for (i, mean) in scored.means.iter().enumerate() {
        let d = PyDict::new(py);
        d.set_item("recall", mean.recall)?;
        d.set_item("precision", mean.precision)?;
        d.set_item("f", mean.f)?;
        if let Some(aggregate) = aggregates.as_ref().and_then(|a| a.get(i)) {
            let b = PyDict::new(py);
            b.set_item("recall", estimate_dict(py, &aggregate.recall)?)?;
            b.set_item("precision", estimate_dict(py, &aggregate.precision)?)?;
            b.set_item("f", estimate_dict(py, &aggregate.f)?)?;
            d.set_item("bootstrap", b)?;
        }
        result.set_item(metric_key(mean.metric), d)?;
    }
    let clusters = PyList::empty(py);
    for scores in &scored.clusters {
        let c = PyDict::new(py);
        for m in &scores.metrics {
            c.set_item(metric_key(m.metric), score_dict(py, &m.score)?)?;
        }
        clusters.append(c)?;
    }
    result.set_item("clusters", clusters)?;
    result.set_item("rouge_flags", flags)?;
    Ok(result.into_any().unbind())
}

/// The tuning settings `brief` takes by keyword; see `_precis.pyi`.
#[pyfunction]
fn settings(py: Python<'_>) -> PyResult<Py<PyAny>> {
    let list = PyList::empty(py);
    let defaults = Config::default();
    for setting in tuning::SETTINGS {
        let d = PyDict::new(py);
        d.set_item("keyword", keyword(py, setting.name)?)?;
        d.set_item("flag", format!("--{}", setting.name))?;
        d.set_item("kind", setting.kind().name())?;
        match setting.kind() {
            Kind::Choice(choices) => d.set_item("choices", choices.to_vec())?,
            _ => d.set_item("choices", py.None())?,
        }
        match setting.get(&defaults) {
            Some(Value::Flag(b)) => d.set_item("default", b)?,
            Some(Value::Count(n)) => d.set_item("default", n)?,
            Some(Value::Number(x)) => d.set_item("default", x)?,
            Some(Value::Text(t)) => d.set_item("default", t)?,
            None => d.set_item("default", py.None())?,
        }
        d.set_item("help", setting.help)?;
        list.append(d)?;
    }
    Ok(list.into_any().unbind())
}

/// The module: `precis._precis`, re-exported by `precis/__init__.py`.
#[pymodule]
fn _precis(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(brief, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(rouge, m)?)?;
    m.add_function(wrap_pyfunction!(settings, m)?)?;
    m.add("PrecisError", py.get_type::<PrecisError>())?;
    m.add("PrecisWarning", py.get_type::<PrecisWarning>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
