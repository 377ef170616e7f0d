package dev.redline.runner.experiment;

import dev.redline.api.config.SpecException;
import dev.redline.api.results.ExportFormatException;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.export.RunLabels;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.profile.ArtifactLayout;
import dev.redline.runner.profile.CellOverlap;
import dev.redline.runner.profile.ProfileRun;
import dev.redline.runner.profile.RecentAnswers;
import dev.redline.runner.profile.RunOptions;
import dev.redline.runner.profile.SharedVertx;
import dev.redline.runner.tokenizer.TokenizerCache;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link CellEngine} over the existing single-run engine ({@link ProfileRun}), in this JVM: what can be
 * shared between runs is shared — the tokenizer (loaded once per name), its encoded prompt corpus, the Vert.x
 * event loops, and
 * with {@code --mock-server} one embedded mock for the whole experiment. Each run's console output goes
 * to {@code profile_export_console.txt} in its directory, and to {@code console} when given.
 */
public final class ProfileEngine implements CellEngine {
    public static final String CONSOLE_FILE = "profile_export_console.txt";

    private final RunOptions options;
    private final PrintStream console;
    private final TokenizerCache tokenizers = new TokenizerCache();
    private final SharedVertx vertx = new SharedVertx();
    private final RecentAnswers answers = new RecentAnswers();
    private final MockServer mock;
    private final AtomicInteger cells = new AtomicInteger();
    /** The cell started last (null before the first). */
    private Cell last;

    /** {@code console}: where each run's table also goes (null: only its file). */
    public ProfileEngine(RunOptions options, PrintStream console) {
        // one embedded mock (its engine and faults) for the whole experiment: the cells' runs benchmark it by URL
        this.options = options.withMockServer(null);
        this.console = console;
        this.mock = options.mockServer() == null ? null : MockServer.start(options.mockServer());
    }

    @Override
    public CellResult run(BenchmarkSpec spec, RunLabels labels, Path dir) {
        return start(spec, labels, dir).result();
    }

    /**
     * Runs the cell on its own thread and returns at once. Once its load is over, the next cell may start: its setup
     * and warm-up run while this one drains its records and writes its exports, and its profiling waits for them.
     * With a live view (--metrics-port, the dashboard) a cell is whole before the next starts: they would share its port.
     */
    @Override
    public PendingCell start(BenchmarkSpec spec, RunLabels labels, Path dir) {
        CompletableFuture<Void> loadDone = new CompletableFuture<>();
        CompletableFuture<Void> scrapesDone = new CompletableFuture<>();
        CompletableFuture<CellResult> result = new CompletableFuture<>();
        Cell previous;
        Cell current = new Cell(scrapesDone, result, new CompletableFuture<>());
        synchronized (this) {
            previous = last;
            if (previous != null) previous.hasSuccessor = true;
            last = current;
        }
        boolean overlaps = options.metricsPort() == null && !"dashboard".equals(options.uiType());
        Object lock = new Object(); // an interrupt reaches the cell only while its load runs
        Runnable endOfLoad = () -> {
            synchronized (lock) {
                loadDone.complete(null);
            }
        };
        Runnable releasePrevious = previous == null ? () -> { } : () -> previous.drainTurn().complete(null);
        CellOverlap overlap = !overlaps ? CellOverlap.NONE : new CellOverlap(endOfLoad, () -> scrapesDone.complete(null),
                previous == null ? null : previous.scrapesDone(), previous == null ? null : previous.result(),
                releasePrevious, current.drainTurn());
        Thread cell = new Thread(() -> {
            try {
                result.complete(runHere(spec, labels, dir, overlap));
            } catch (Throwable t) {
                result.complete(CellResult.failed(1, oneLine(t.toString())));
            } finally {
                releasePrevious.run(); // a run that failed before its first request must not hold the previous one
                endOfLoad.run();
                scrapesDone.complete(null);
            }
        }, "redline-cell-" + cells.incrementAndGet());
        Runnable stopLoad = () -> {
            synchronized (lock) {
                if (!loadDone.isDone()) cell.interrupt();
            }
        };
        cell.start();
        if (!overlaps) {
            PendingCell whole = new PendingCell(result.thenApply(r -> null), result, stopLoad, () -> { });
            whole.result();
            return whole;
        }
        return new PendingCell(loadDone, result, stopLoad, () -> releaseIfLast(current));
    }

    /** Someone waits for {@code cell}'s result: with no next cell started, nothing will release its drain. */
    private synchronized void releaseIfLast(Cell cell) {
        if (!cell.hasSuccessor) cell.drainTurn().complete(null);
    }

    /**
     * What the next cell waits for (the final telemetry scrape of this one, and its results), and what this one waits
     * for before it drains its records: the next cell set up, or none coming.
     */
    private static final class Cell {
        private final CompletableFuture<Void> scrapesDone;
        private final CompletableFuture<CellResult> result;
        private final CompletableFuture<Void> drainTurn;
        /** Guarded by the engine. */
        private boolean hasSuccessor;

        Cell(CompletableFuture<Void> scrapesDone, CompletableFuture<CellResult> result, CompletableFuture<Void> drainTurn) {
            this.scrapesDone = scrapesDone;
            this.result = result;
            this.drainTurn = drainTurn;
        }

        CompletableFuture<Void> scrapesDone() { return scrapesDone; }

        CompletableFuture<CellResult> result() { return result; }

        CompletableFuture<Void> drainTurn() { return drainTurn; }
    }

    private CellResult runHere(BenchmarkSpec spec, RunLabels labels, Path dir, CellOverlap overlap) {
        spec.artifacts().setDir(dir.toString());
        spec.artifacts().setAutoPlot(null); // the experiment is plotted once, as a whole, after its last run
        if (mock != null) ProfileRun.pointAt(spec, mock);
        int code;
        try {
            Files.createDirectories(dir);
            try (OutputStream file = new FileOutputStream(dir.resolve(CONSOLE_FILE).toFile());
                 PrintStream out = new PrintStream(console == null ? file : new Tee(file, console), true, StandardCharsets.UTF_8)) {
                code = new ProfileRun(spec, options, out).labels(labels).tokenizers(tokenizers).vertx(vertx).recentAnswers(answers)
                        .overlap(overlap).run();
            }
        } catch (BadInputException | SpecException e) {
            return CellResult.failed(2, oneLine(e.getMessage()));
        } catch (IOException e) {
            return CellResult.failed(1, "cannot write " + dir + ": " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            return CellResult.failed(1, oneLine(e.toString()));
        }
        Path summary = ArtifactLayout.create(spec).summaryJson();
        ProfileExport export = null;
        String problem = null;
        try {
            if (Files.isRegularFile(summary)) export = ProfileExport.parse(Files.readString(summary), summary.toString());
            else problem = "the run wrote no " + summary.getFileName();
        } catch (IOException | ExportFormatException e) {
            problem = oneLine(e.getMessage());
        }
        boolean interrupted = code == ProfileRun.INTERRUPTED_EXIT;
        if (interrupted) return new CellResult(code, export, "interrupted; partial results in " + dir, true);
        if (code != 0 || export == null) return new CellResult(code, export, problem != null ? problem : "the run ended with exit code " + code, false);
        return new CellResult(0, export, null, false);
    }

    /** Tokenizers loaded so far (one per distinct tokenizer of the experiment). */
    public int tokenizersLoaded() { return tokenizers.size(); }

    @Override
    public void close() {
        Cell cell;
        synchronized (this) {
            cell = last;
        }
        if (cell != null) {
            cell.drainTurn().complete(null);
            cell.result().join(); // the last cell's exports (join waits through interrupts)
        }
        try {
            vertx.close();
        } finally {
            if (mock != null) mock.close();
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Writes to two streams (the run's console file and the terminal). */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            a.close(); // the terminal stays open
        }
    }
}
