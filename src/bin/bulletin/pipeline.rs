//! Parallel work over a stream of inputs, results handed back in input
//! order, with a bounded window of inputs in flight, so memory does not
//! grow with the size of the archive.

use std::collections::{HashMap, VecDeque};
use std::io::{self, IsTerminal};
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::inputs::Input;

/// Files in flight per worker thread: enough to keep every core busy
/// across uneven file sizes, few enough to keep memory small.
const FILES_PER_THREAD: usize = 16;

/// How long a run goes before it shows a progress bar.
const PROGRESS_DELAY: Duration = Duration::from_secs(1);

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
    /// result in input order. At most one window of inputs is in flight
    /// (being worked on, or done and waiting for an earlier one), and new
    /// inputs start as soon as old ones are emitted. Stops at the first
    /// error from `emit` (a closed pipe, say).
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
        let mut inputs = inputs;
        let mut progress = Progress::new();
        let work = &work;
        let outcome = self.pool.in_place_scope(|scope| {
            let (sender, receiver) = mpsc::channel::<(usize, thread::Result<T>)>();
            // Inputs started but not yet emitted, oldest first.
            let mut in_flight: VecDeque<Input> = VecDeque::with_capacity(self.window);
            // Results that came back before an earlier input's.
            let mut finished: HashMap<usize, T> = HashMap::with_capacity(self.window);
            let (mut started, mut emitted) = (0usize, 0usize);
            loop {
                while in_flight.len() < self.window {
                    let Some(input) = inputs.next() else { break };
                    let sender = sender.clone();
                    let index = started;
                    let task_input = input.clone();
                    scope.spawn(move |_| {
                        let result = panic::catch_unwind(AssertUnwindSafe(|| work(&task_input)));
                        // The receiver is gone only when the run stopped early.
                        let _ = sender.send((index, result));
                    });
                    in_flight.push_back(input);
                    started += 1;
                }
                if in_flight.is_empty() {
                    return Ok(());
                }
                let Ok((index, result)) = receiver.recv() else {
                    return Ok(());
                };
                match result {
                    Ok(value) => finished.insert(index, value),
                    Err(payload) => panic::resume_unwind(payload),
                };
                while let Some(value) = finished.remove(&emitted) {
                    let Some(input) = in_flight.pop_front() else {
                        break;
                    };
                    emit(&input, value, &progress)?;
                    emitted += 1;
                    progress.advance(1);
                }
            }
        });
        progress.finish();
        outcome
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
            ProgressStyle::with_template("{spinner} {human_pos} files read ({elapsed})")
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
