//! `bulletin graph`: which issue cites which. One edge per date of every
//! cross-reference to an issue of a series (`see the Monitor, September
//! 3`), with the issue its schedule estimates and, when an article of the
//! input is that issue, that article — as CSV, JSON Lines or GraphML (for
//! Gephi).
//!
//! The articles' issue dates are first tightened by each other (a
//! [`Chronology`] of the whole input), so the edges are written at the
//! end: the run keeps every article's header and edges, not its text.

use std::collections::{BTreeSet, HashMap};
use std::io::{self, BufWriter, Write};

use bulletin::rows::{EdgeRow, Origin};
use bulletin::{Chronology, Header, IssueId, YearTable};
use clap::{Args, ValueEnum};

use crate::commands::table::{RowFormat, Rows, origin_name};
use crate::failure::Failure;
use crate::pipeline::{Chunk, Out, Pipeline, Progress, Sink};
use crate::source::{self, Found};
use crate::{InputArgs, Outcome};

/// Arguments of `bulletin graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// `csv` (with a header row), `jsonl` or `graphml`.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = GraphFormat::Csv)]
    pub format: GraphFormat,
}

/// How the graph is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// One edge a row, a header row first.
    Csv,
    /// One edge a JSON object a line.
    Jsonl,
    /// GraphML, for Gephi and other graph tools.
    Graphml,
}

/// What the graph keeps of an article.
#[derive(Debug)]
struct Node {
    origin: Origin,
    header: Option<Header<'static>>,
    edges: Vec<EdgeRow>,
}

/// The nodes a worker found, and the failures among them.
#[derive(Debug, Default)]
struct Nodes {
    nodes: Vec<Node>,
    failures: Vec<Failure>,
}

impl Chunk for Nodes {
    fn size(&self) -> usize {
        // Nodes are small: hand a chunk on every few hundred.
        self.nodes.len() * 256
    }

    fn clear(&mut self) {
        self.nodes.clear();
        self.failures.clear();
    }
}

/// Gathers every node in input order.
#[derive(Default)]
struct Gathered {
    nodes: Vec<Node>,
    failed: bool,
}

impl Sink<Nodes> for Gathered {
    fn emit(&mut self, chunk: &mut Nodes, progress: &Progress) -> io::Result<()> {
        self.nodes.append(&mut chunk.nodes);
        for failure in chunk.failures.drain(..) {
            self.failed = true;
            progress.suspend(|| eprintln!("{failure}"));
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Runs `bulletin graph`.
pub fn run(args: &GraphArgs) -> io::Result<Outcome> {
    let settings = args.input.settings()?;
    let years = settings.options.year_table().clone();
    let pipeline = Pipeline::new(args.input.jobs);
    let mut gathered = Gathered::default();
    let paths = args.input.paths.clone();
    let format = settings.format;
    let edge_years = years.clone();
    pipeline.run(
        move |sink| source::feed(&paths, format, sink),
        |item, out: &mut Out<'_, Nodes>| {
            source::each(item, &settings, &mut |found| {
                let chunk = out.chunk();
                match found {
                    Found::Article {
                        doc,
                        place,
                        article,
                    } => {
                        let origin = Origin::new(origin_name(&doc.name), place.index);
                        let edges = article.edge_rows(&origin, &edge_years);
                        chunk.nodes.push(Node {
                            origin,
                            header: article.header.map(Header::into_owned),
                            edges,
                        });
                    }
                    Found::Unparsed { failure, .. } | Found::Failed(failure) => {
                        chunk.failures.push(failure);
                    }
                    Found::Skipped(message) => eprintln!("bulletin: {message}"),
                }
                out.done_one()
            })
        },
        &mut gathered,
    )?;
    let (nodes, edges) = matched(gathered.nodes, years);
    let result = write(&nodes, &edges, args.format);
    match result {
        Ok(()) => Ok(Outcome::of(gathered.failed)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Outcome::of(gathered.failed)),
        Err(e) => Err(e),
    }
}

/// The nodes with their refined issue dates, and every edge matched to the
/// article of the input that is its target issue, where there is one.
fn matched(mut nodes: Vec<Node>, years: YearTable) -> (Vec<Node>, Vec<EdgeRow>) {
    let mut chronology = Chronology::new(years);
    let mut node_of: HashMap<IssueId, usize> = HashMap::new();
    for (at, node) in nodes.iter().enumerate() {
        if let Some(id) = node.header.as_ref().and_then(|h| chronology.add_header(h)) {
            node_of.insert(id, at);
        }
    }
    chronology.refine();
    for (&id, &at) in &node_of {
        let date = chronology.issue_date(id);
        if let Some(header) = nodes.get_mut(at).and_then(|n| n.header.as_mut()) {
            header.issue_date = date.or(header.issue_date);
        }
    }
    // Each edge with the issue that cites it, which is never its target.
    let citing_of: HashMap<usize, IssueId> = node_of.iter().map(|(&id, &at)| (at, id)).collect();
    let mut edges: Vec<(Option<IssueId>, EdgeRow)> = Vec::new();
    for (at, node) in nodes.iter_mut().enumerate() {
        let citing = citing_of.get(&at).copied();
        edges.extend(
            std::mem::take(&mut node.edges)
                .into_iter()
                .map(|e| (citing, e)),
        );
    }
    let edges = edges
        .into_iter()
        .map(|(citing, mut edge)| {
            let target = edge
                .target_date
                .and_then(|date| chronology.issue_on(&edge.series, date, citing))
                .and_then(|id| node_of.get(&id))
                .and_then(|&at| nodes.get(at));
            if let Some(node) = target {
                edge.matched_path = Some(node.origin.path.clone());
                edge.matched_index = Some(node.origin.index);
                if let Some(header) = &node.header {
                    edge.target_volume = header.volume.or(edge.target_volume);
                    edge.target_issue = header.issue.or(edge.target_issue);
                }
            }
            edge
        })
        .collect();
    (nodes, edges)
}

/// Writes the graph in `format`.
fn write(nodes: &[Node], edges: &[EdgeRow], format: GraphFormat) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        GraphFormat::Csv | GraphFormat::Jsonl => {
            let rows = if format == GraphFormat::Csv {
                RowFormat::Csv
            } else {
                RowFormat::Jsonl
            };
            let mut chunk = Rows::default();
            chunk.write(edges, rows)?;
            chunk.write_to(&mut out)?;
        }
        GraphFormat::Graphml => graphml(&mut out, nodes, edges)?,
    }
    out.flush()
}

/// The id of an article's node.
fn node_id(path: &str, index: usize) -> String {
    format!("{path}#{index}")
}

/// The graph as GraphML: a node per article (publication, volume, issue,
/// issue date) and per cited issue the input does not hold, an edge per
/// cross-reference date.
fn graphml(out: &mut impl Write, nodes: &[Node], edges: &[EdgeRow]) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, what, kind) in [
        ("label", "node", "string"),
        ("publication", "node", "string"),
        ("volume", "node", "int"),
        ("issue", "node", "int"),
        ("issue_date", "node", "string"),
        ("in_input", "node", "boolean"),
        ("target", "edge", "string"),
        ("target_date", "edge", "string"),
    ] {
        writeln!(
            out,
            r#"  <key id="{id}" for="{what}" attr.name="{id}" attr.type="{kind}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="citations" edgedefault="directed">"#)?;
    for node in nodes {
        let header = node.header.as_ref();
        let publication = header.and_then(|h| h.publication.as_deref()).unwrap_or("");
        let label = match (header.and_then(|h| h.volume), header.and_then(|h| h.issue)) {
            (Some(v), Some(i)) => format!("{publication} {v}/{i}"),
            _ => node.origin.path.clone(),
        };
        write!(
            out,
            r#"    <node id="{}"><data key="label">{}</data><data key="publication">{}</data>"#,
            xml(&node_id(&node.origin.path, node.origin.index)),
            xml(&label),
            xml(publication)
        )?;
        if let Some(volume) = header.and_then(|h| h.volume) {
            write!(out, r#"<data key="volume">{volume}</data>"#)?;
        }
        if let Some(issue) = header.and_then(|h| h.issue) {
            write!(out, r#"<data key="issue">{issue}</data>"#)?;
        }
        if let Some(date) = header.and_then(|h| h.issue_date) {
            write!(out, r#"<data key="issue_date">{}</data>"#, date.date)?;
        }
        writeln!(out, r#"<data key="in_input">true</data></node>"#)?;
    }
    // Cited issues the input does not hold: one node each.
    let outside: BTreeSet<String> = edges
        .iter()
        .filter(|e| e.matched_path.is_none())
        .map(outside_id)
        .collect();
    for id in &outside {
        writeln!(
            out,
            r#"    <node id="{0}"><data key="label">{0}</data><data key="in_input">false</data></node>"#,
            xml(id)
        )?;
    }
    for edge in edges {
        let target = match (&edge.matched_path, edge.matched_index) {
            (Some(path), Some(index)) => node_id(path, index),
            _ => outside_id(edge),
        };
        write!(
            out,
            r#"    <edge source="{}" target="{}"><data key="target">{}</data>"#,
            xml(&node_id(&edge.path, edge.index)),
            xml(&target),
            xml(&edge.target)
        )?;
        if let Some(date) = edge.target_date {
            write!(out, r#"<data key="target_date">{date}</data>"#)?;
        }
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

/// The node of a cited issue outside the input: its series and number (or
/// date).
fn outside_id(edge: &EdgeRow) -> String {
    match (edge.target_volume, edge.target_issue, edge.target_date) {
        (Some(v), Some(i), _) => format!("{} {v}/{i}", edge.series),
        (_, _, Some(date)) => format!("{} {date}", edge.series),
        _ => format!("{} (undated)", edge.series),
    }
}

/// `text` with XML's special characters escaped.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
