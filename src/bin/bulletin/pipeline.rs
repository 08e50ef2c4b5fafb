//! Parallel work over a stream of inputs, results handed back in input
//! order, a bounded window at a time, so memory does not grow with the
//! size of the archive.

use std::io::{self, IsTerminal};
use std::num::NonZeroUsize;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::inputs::Input;

/// Files in flight per worker thread: enough to keep every core busy
/// across uneven file sizes, few enough to keep memory small.
const FILES_PER_THREAD: usize = 16;

/// How long a run goes before it shows a progress bar.
const PROGRESS_DELAY: Duration = Duration::from_millis(800);

/// A pool of worker threads and the size of the window of inputs in flight.
pub struct Pipeline {
    pool: rayon::ThreadPool,
    window: usize,
}

impl Pipeline {
    /// `jobs` worker threads (all cores when `None`).
    pub fn new(jobs: Option<NonZeroUsize>) -> io::Result<Self> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.map_or(0, NonZeroUsize::get))
            .build()
            .map_err(io::Error::other)?;
        let window = pool.current_num_threads().max(1) * FILES_PER_THREAD;
        Ok(Pipeline { pool, window })
    }

    /// Runs `work` on every input in parallel and calls `emit` with each
    /// result in input order, one window of inputs at a time. Stops at the
    /// first error from `emit` (a closed pipe, say).
    pub fn run<T, W, E>(
        &self,
        inputs: impl Iterator<Item = Input>,
        work: W,
        mut emit: E,
    ) -> io::Result<()>
    where
        T: Send,
        W: Fn(&Input) -> T + Sync,
        E: FnMut(&Input, T, &Progress) -> io::Result<()>,
    {
        let mut progress = Progress::new();
        let mut inputs = inputs.peekable();
        while inputs.peek().is_some() {
            let batch: Vec<Input> = inputs.by_ref().take(self.window).collect();
            let results: Vec<T> = self.pool.install(|| batch.par_iter().map(&work).collect());
            for (input, result) in batch.iter().zip(results) {
                emit(input, result, &progress)?;
            }
            progress.advance(batch.len() as u64);
        }
        progress.finish();
        Ok(())
    }
}

/// A progress line on standard error, shown only when standard error is a
/// terminal and the run has gone on for a while.
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
    shown: bool,
}

impl Progress {
    fn new() -> Self {
        let bar = ProgressBar::hidden();
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} {pos} files, {per_sec} ({elapsed})")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: Instant::now(),
            terminal: io::stderr().is_terminal(),
            shown: false,
        }
    }

    fn advance(&mut self, files: u64) {
        self.bar.inc(files);
        if self.terminal && !self.shown && self.started.elapsed() >= PROGRESS_DELAY {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    /// Runs `f` (which writes to the terminal) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
