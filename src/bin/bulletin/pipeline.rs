//! Parallel work over a stream of items, results written in input order,
//! memory bounded.
//!
//! Three kinds of thread:
//!
//! - a **feeder** walks the directories (or reads JSON Lines records) and
//!   sends the items down a bounded channel in **batches** (a task per
//!   batch, not per file, so that handing work over costs little next to
//!   parsing it; a batch goes out early when the feeder is about to wait
//!   on its input);
//! - the **writer**, the thread that called [`Pipeline::run`], gives each
//!   batch to the workers together with a bounded *stream* for its
//!   results; it keeps the streams in input order and writes from the
//!   oldest, so order is kept without sorting anything;
//! - **workers** take batches in the order they were made, parse, and
//!   write their output into **chunks**, buffers that go back to a pool
//!   once written and are reused. A chunk is handed on when it is full,
//!   so a huge file streams out a chunk at a time.
//!
//! Memory: at most [`BATCHES_PER_WORKER`] batches per worker are in
//! flight, each with at most [`STREAM_CHUNKS`] chunks waiting, of about
//! [`CHUNK_BYTES`] each; [`POOL_CHUNKS`] chunks kept for reuse; the
//! feeder [`FEED_AHEAD`] batches ahead; plus the text each worker is
//! parsing. When the writer has nothing ready it flushes its output
//! first, so a pipe downstream sees progress.

use std::collections::VecDeque;
use std::io::{self, IsTerminal};
use std::mem;
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::source::Item;

/// Items per batch, at most.
const BATCH_ITEMS: usize = 16;
/// Bytes of JSON Lines records per batch, at most (the record that passes
/// the bound still goes in).
const BATCH_BYTES: usize = 1 << 20;
/// A chunk is handed on once it holds this many bytes.
pub const CHUNK_BYTES: usize = 64 << 10;
/// Chunks a batch may have waiting for the writer before its worker waits:
/// room for a batch's pretty-printed output (about 350 KB for 16 files of
/// the bench archive), so that a worker ahead of the writer keeps working.
const STREAM_CHUNKS: usize = 16;
/// Batches the feeder may walk or read ahead of the workers.
const FEED_AHEAD: usize = 8;
/// Batches in flight per worker.
const BATCHES_PER_WORKER: usize = 3;
/// Chunks kept for reuse, at most.
const POOL_CHUNKS: usize = 16;

/// How long a run goes before it shows a progress bar.
const PROGRESS_DELAY: Duration = Duration::from_secs(1);

/// The run was stopped (the output went away); work in progress ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// What a worker writes into; reused after the writer has written it.
pub trait Chunk: Default + Send {
    /// Bytes held, roughly: a chunk is handed on when this reaches
    /// [`CHUNK_BYTES`].
    fn size(&self) -> usize;
    /// Empties the chunk for reuse, keeping its buffers.
    fn clear(&mut self);
}

/// What the feeder fills: items, sent in batches.
pub struct Feeder {
    batch: Vec<Item>,
    bytes: usize,
    batches: SyncSender<Vec<Item>>,
}

impl Feeder {
    /// Adds `item`; a full batch goes out.
    pub fn push(&mut self, item: Item) -> Result<(), Stopped> {
        self.bytes += item.weight();
        self.batch.push(item);
        if self.batch.len() >= BATCH_ITEMS || self.bytes >= BATCH_BYTES {
            self.send()
        } else {
            Ok(())
        }
    }

    /// Sends what has been added, if anything.
    pub fn send(&mut self) -> Result<(), Stopped> {
        if self.batch.is_empty() {
            return Ok(());
        }
        self.bytes = 0;
        let batch = mem::replace(&mut self.batch, Vec::with_capacity(BATCH_ITEMS));
        self.batches.send(batch).map_err(|_| Stopped)
    }
}

/// Where the writer puts the chunks, in input order.
pub trait Sink<C> {
    /// Writes one chunk (`progress` to be kept out of the way of anything
    /// written to the terminal).
    fn emit(&mut self, chunk: &mut C, progress: &Progress) -> io::Result<()>;
    /// Flushes what was written: the writer has nothing ready.
    fn flush(&mut self) -> io::Result<()>;
}

/// A worker's view of its batch's output.
pub struct Out<'p, C: Chunk> {
    chunk: C,
    items: u64,
    stream: &'p SyncSender<Packet<C>>,
    pool: &'p Pool<C>,
}

impl<C: Chunk> Out<'_, C> {
    /// The chunk to write into.
    pub fn chunk(&mut self) -> &mut C {
        &mut self.chunk
    }

    /// Call after each article: hands the chunk to the writer when full.
    pub fn done_one(&mut self) -> Result<(), Stopped> {
        if self.chunk.size() >= CHUNK_BYTES {
            self.send()
        } else {
            Ok(())
        }
    }

    fn send(&mut self) -> Result<(), Stopped> {
        let chunk = mem::replace(&mut self.chunk, self.pool.take());
        let items = mem::take(&mut self.items);
        self.stream
            .send(Ok(Done { chunk, items }))
            .map_err(|_| Stopped)
    }
}

/// A chunk and how many items it finished.
struct Done<C> {
    chunk: C,
    items: u64,
}

/// What a stream carries: chunks, or a worker's panic.
type Packet<C> = thread::Result<Done<C>>;

/// A batch of items and the stream for their output.
struct Job<C> {
    items: Vec<Item>,
    stream: SyncSender<Packet<C>>,
}

/// Chunks waiting to be reused.
struct Pool<C>(Mutex<Vec<C>>);

impl<C: Chunk> Pool<C> {
    fn take(&self) -> C {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop()
            .unwrap_or_default()
    }

    fn give(&self, mut chunk: C) {
        chunk.clear();
        let mut pool = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if pool.len() < POOL_CHUNKS {
            pool.push(chunk);
        }
    }
}

/// Worker threads and the window of batches in flight.
pub struct Pipeline {
    workers: usize,
    window: usize,
}

impl Pipeline {
    /// `jobs` worker threads (one per core when `None`).
    pub fn new(jobs: Option<NonZeroUsize>) -> Self {
        let workers = jobs
            .or_else(|| thread::available_parallelism().ok())
            .map_or(1, NonZeroUsize::get);
        Pipeline {
            workers,
            window: workers * BATCHES_PER_WORKER,
        }
    }

    /// Runs `work` on every item `feed` yields, on the workers, and hands
    /// every chunk to `sink` in input order, asking it to flush whenever
    /// the writer would wait. Stops at the first error of `sink` (a closed
    /// pipe, say) and returns it.
    pub fn run<C, F, W>(&self, feed: F, work: W, sink: &mut impl Sink<C>) -> io::Result<()>
    where
        C: Chunk,
        F: FnOnce(&mut Feeder) + Send + 'static,
        W: Fn(&Item, &mut Out<'_, C>) -> Result<(), Stopped> + Sync,
    {
        let (batches, items) = mpsc::sync_channel::<Vec<Item>>(FEED_AHEAD);
        // Joined only when the run went to the end (its channel closed, so
        // it is done): stopped early, it may be waiting on a read of
        // standard input that never ends, and the process exits without it.
        let feeder = thread::spawn(move || {
            let mut feeder = Feeder {
                batch: Vec::with_capacity(BATCH_ITEMS),
                bytes: 0,
                batches,
            };
            feed(&mut feeder);
            let _ = feeder.send();
        });

        let pool = Pool(Mutex::new(Vec::new()));
        let stopped = AtomicBool::new(false);
        let mut progress = Progress::new();
        let (job_sender, jobs) = mpsc::channel::<Job<C>>();
        let jobs = Mutex::new(jobs);
        let result = thread::scope(|scope| {
            for _ in 0..self.workers {
                scope.spawn(|| worker(&jobs, &work, &pool, &stopped));
            }
            let writer = Writer {
                window: self.window,
                items,
                jobs: job_sender,
                in_flight: VecDeque::with_capacity(self.window),
                pool: &pool,
            };
            let result = writer.run(&mut progress, sink);
            // The writer is gone, and with it the job queue and the
            // streams: workers finish the item they are on and leave.
            stopped.store(true, Ordering::Relaxed);
            result
        });
        progress.finish();
        if result.is_ok() {
            // A walk that panicked must not pass for the end of the input.
            if let Err(payload) = feeder.join() {
                panic::resume_unwind(payload);
            }
        }
        result
    }
}

/// The writer's side of a run.
struct Writer<'p, C> {
    window: usize,
    items: Receiver<Vec<Item>>,
    jobs: mpsc::Sender<Job<C>>,
    /// The streams of the batches given out, oldest first.
    in_flight: VecDeque<Receiver<Packet<C>>>,
    pool: &'p Pool<C>,
}

impl<C: Chunk> Writer<'_, C> {
    fn run(mut self, progress: &mut Progress, sink: &mut impl Sink<C>) -> io::Result<()> {
        let mut feeding = true;
        loop {
            while feeding && self.in_flight.len() < self.window {
                let batch = if self.in_flight.is_empty() {
                    // Nothing to write until more items come.
                    sink.flush()?;
                    self.items.recv().ok()
                } else {
                    match self.items.try_recv() {
                        Ok(batch) => Some(batch),
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => None,
                    }
                };
                match batch {
                    Some(batch) => self.give_out(batch),
                    None => feeding = false,
                }
            }
            let Some(oldest) = self.in_flight.front() else {
                if feeding {
                    continue;
                }
                return Ok(());
            };
            let packet = match oldest.try_recv() {
                Ok(packet) => Some(packet),
                Err(TryRecvError::Empty) => {
                    sink.flush()?;
                    oldest.recv().ok()
                }
                Err(TryRecvError::Disconnected) => None,
            };
            match packet {
                Some(Ok(mut done)) => {
                    sink.emit(&mut done.chunk, progress)?;
                    progress.advance(done.items);
                    self.pool.give(done.chunk);
                }
                Some(Err(payload)) => panic::resume_unwind(payload),
                // The batch is done.
                None => {
                    self.in_flight.pop_front();
                }
            }
        }
    }

    /// Gives `batch` to the workers, and keeps its stream.
    fn give_out(&mut self, batch: Vec<Item>) {
        let (stream, results) = mpsc::sync_channel(STREAM_CHUNKS);
        // The workers outlive the writer, so the queue is open.
        let _ = self.jobs.send(Job {
            items: batch,
            stream,
        });
        self.in_flight.push_back(results);
    }
}

/// Takes batches in order until there are none, writing into chunks.
fn worker<C, W>(jobs: &Mutex<Receiver<Job<C>>>, work: &W, pool: &Pool<C>, stopped: &AtomicBool)
where
    C: Chunk,
    W: Fn(&Item, &mut Out<'_, C>) -> Result<(), Stopped> + Sync,
{
    loop {
        let job = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(job) = job else { return };
        let mut out = Out {
            chunk: pool.take(),
            items: 0,
            stream: &job.stream,
            pool,
        };
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            for item in &job.items {
                if stopped.load(Ordering::Relaxed) {
                    return Err(Stopped);
                }
                work(item, &mut out)?;
                out.items += 1;
            }
            out.send()
        }));
        match result {
            Ok(Ok(())) | Ok(Err(Stopped)) => {}
            // The writer re-raises it, in its place in the output.
            Err(payload) => {
                let _ = job.stream.send(Err(payload));
            }
        }
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
    /// A bar not yet shown.
    pub fn new() -> Self {
        let bar = ProgressBar::hidden();
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} {human_pos} inputs read ({elapsed})")
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

    fn advance(&mut self, items: u64) {
        self.bar.inc(items);
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
