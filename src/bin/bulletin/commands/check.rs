//! `bulletin check`: only the problems, each with its source line and a
//! caret under the column, then a one-line summary.

use std::io::{self, BufWriter, IsTerminal, Write};

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use bulletin::{ErrorKind, ParseError};

use crate::failure::Failure;
use crate::inputs::{self, Input};
use crate::pipeline::Pipeline;
use crate::{InputArgs, Outcome};

/// Runs `bulletin check`; the report goes to standard output.
pub fn run(args: &InputArgs) -> io::Result<Outcome> {
    let options = args.options();
    let pipeline = Pipeline::new(args.jobs)?;
    let stdout = io::stdout();
    let renderer = if stdout.is_terminal() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = BufWriter::new(stdout.lock());
    let (mut files, mut failed) = (0usize, 0usize);
    pipeline.run(
        inputs::walk(&args.paths),
        |input| check(input, &options, &renderer),
        |_, problem, progress| {
            files += 1;
            if let Some(report) = problem {
                failed += 1;
                progress.suspend(|| writeln!(out, "{report}\n"))?;
            }
            Ok(())
        },
    )?;
    let noun = if files == 1 { "file" } else { "files" };
    writeln!(out, "{files} {noun}, {failed} failed")?;
    out.flush()?;
    Ok(if failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// The rendered problem of `input`, or `None` when it parses.
fn check(input: &Input, options: &bulletin::ParseOptions, renderer: &Renderer) -> Option<String> {
    let text = match input.load() {
        Ok(text) => text,
        Err(e) => return Some(render_plain(&Failure::load(input, e), renderer)),
    };
    let error = options.parse(&text).err()?;
    Some(render_snippet(&input.to_string(), &text, &error, renderer))
}

/// A failure with no source to show (an unreadable file, bad UTF-8).
fn render_plain(failure: &Failure, renderer: &Renderer) -> String {
    let mut origin = Origin::path(failure.path.as_str());
    if let Some((line, column)) = failure.position {
        origin = origin.line(line).char_column(column);
    }
    renderer.render(&[Level::ERROR
        .primary_title(failure.message.as_str())
        .element(origin)])
}

/// The error with the line it is on and a caret under its column.
fn render_snippet(path: &str, text: &str, error: &ParseError, renderer: &Renderer) -> String {
    let mut offset = error.offset().min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let (before, after) = text.split_at(offset);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = after.find('\n').map_or(text.len(), |i| offset + i);
    let line = text
        .get(line_start..line_end)
        .unwrap_or_default()
        .trim_end_matches('\r');
    let column = (offset - line_start).min(line.len());
    let caret_end = line
        .get(column..)
        .and_then(|rest| rest.chars().next())
        .map_or(column, |c| column + c.len_utf8());
    let mut group = Level::ERROR.primary_title(error.message()).element(
        Snippet::source(line)
            .line_start(error.line())
            .path(path)
            .annotation(AnnotationKind::Primary.span(column..caret_end)),
    );
    if error.kind() == ErrorKind::MissingHeader {
        group =
            group.element(Level::HELP.message("pass --lenient to accept pages without a header"));
    }
    renderer.render(&[group])
}
