//! What varies from one call to the next: the documents, the budget, the
//! question, what the reader has already read.

use crate::ingest::Document;
use crate::select::Budget;

/// One cluster to summarize, with what this call asks for.
///
/// Settings chosen once for many calls live in [`Config`](crate::Config);
/// everything here belongs to one call. Build it with [`Request::new`] and
/// the `with_` methods:
///
/// ```
/// use precis::{Budget, Document, Request};
/// let request = Request::new(vec![Document::from_text("a.txt", "One sentence here.")])
///     .with_id("cluster-7")
///     .with_budget(Budget::Sentences(2));
/// assert_eq!(request.budget, Some(Budget::Sentences(2)));
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Request {
    /// The cluster's id, echoed in the output (a batch record's id, an
    /// evaluation cluster's name); `None` for a plain briefing.
    pub id: Option<String>,
    /// The documents to summarize, in order; citations index into them.
    pub documents: Vec<Document>,
    /// The length of this summary; `None` is the settings' budget
    /// ([`SelectConfig::budget`](crate::select::SelectConfig::budget)).
    pub budget: Option<Budget>,
    /// A question the summary should answer; `None` summarizes the cluster
    /// as a whole.
    pub query: Option<String>,
    /// Documents the reader has already read: what they say is not told
    /// again.
    pub since: Vec<Document>,
}

impl Request {
    /// A request to summarize `documents` with the settings' budget.
    pub fn new(documents: Vec<Document>) -> Self {
        Request {
            documents,
            ..Request::default()
        }
    }

    /// The same request with the cluster id `id`.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The same request with its own budget.
    pub fn with_budget(mut self, budget: Budget) -> Self {
        self.budget = Some(budget);
        self
    }

    /// The same request focused on a question.
    pub fn with_query(mut self, query: impl Into<String>) -> Self {
        self.query = Some(query.into());
        self
    }

    /// The same request for a reader who has read `documents` already.
    pub fn with_since(mut self, documents: Vec<Document>) -> Self {
        self.since = documents;
        self
    }
}
