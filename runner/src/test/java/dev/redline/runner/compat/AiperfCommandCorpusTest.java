package dev.redline.runner.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.cli.RedlineCli;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * AIPerf's documented command lines (test resource {@code compat/aiperf-commands.txt}, source noted per line) run
 * unchanged with {@code redline} in place of {@code aiperf}: each parses, runs against in-process mock servers over
 * loopback and writes its files. Everything runs in this one JVM with tiny loads; the header of the corpus says what
 * the harness changes (URLs, tokenizer, artifact directory, UI) and what each annotation means.
 */
class AiperfCommandCorpusTest {
    static final String CORPUS = "/dev/redline/runner/compat/aiperf-commands.txt";
    static final String FIXTURES = "/dev/redline/runner/compat/fixtures/";
    static final String AIPERF_TEMPLATES = "/dev/redline/runner/config/aiperf-0.13-templates/";
    static final String TOKENIZER = System.getProperty("redline.test.tokenizer");
    static final Set<String> URL_FLAGS = Set.of("--url", "-u");
    static final Set<String> DIR_FLAGS = Set.of("--artifact-dir", "--output-artifact-dir", "--output-dir");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<MockServer> MOCKS = new ArrayList<>();
    /** The MLflow tracking server of lines with --mlflow-tracking-uri, holding the parent run the docs create first. */
    private static dev.redline.runner.mlflow.MlflowTestServer mlflow;
    private static Path work;

    /** One corpus line: where it came from, the command, its annotations. */
    record Entry(int line, String source, String command, Map<String, String> notes) {
        String name() {
            String cmd = command.length() > 110 ? command.substring(0, 110) + "..." : command;
            return "line " + line + " (" + source + "): " + cmd;
        }
    }

    @BeforeAll
    static void startMocks() throws IOException {
        work = Files.createTempDirectory("aiperf-corpus");
        for (int i = 0; i < 4; i++) {
            MOCKS.add(MockServer.start(new MockServerOptions().port(0).dcgmPort(0).ttftMs(1).itlMs(0.02).jitterMs(0)
                    .eventLoops(1).randomSeed(i)));
        }
        mlflow = dev.redline.runner.mlflow.MlflowTestServer.start();
        mlflow.createRunDirectly("my-sweep", "parent", "abc123def456"); // otel-mlflow.md: mlflow runs create --experiment-name my-sweep
    }

    @AfterAll
    static void stopMocks() {
        MOCKS.forEach(MockServer::close);
        mlflow.close();
    }

    static List<Entry> corpus() throws IOException {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = AiperfCommandCorpusTest.class.getResourceAsStream(CORPUS)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String source = null;
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.startsWith("# source:")) source = l.substring("# source:".length()).trim();
                if (l.isEmpty() || l.startsWith("#")) continue;
                String[] parts = l.split(" ## ");
                Map<String, String> notes = new LinkedHashMap<>();
                for (int p = 1; p < parts.length; p++) {
                    int colon = parts[p].indexOf(':');
                    notes.put(parts[p].substring(0, colon).trim(), parts[p].substring(colon + 1).trim());
                }
                out.add(new Entry(i + 1, source, parts[0].trim(), notes));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
        List<Entry> entries = corpus();
        assertTrue(entries.size() >= 100, "the corpus holds at least 100 command lines, has " + entries.size());
        for (Entry e : entries) {
            assertTrue(e.source() != null, "line " + e.line() + " has a source");
            for (String k : e.notes().keySet()) {
                assertTrue(Set.of("bound", "file", "files", "expect", "refused", "skip", "note", "control", "needs").contains(k),
                        "line " + e.line() + ": unknown annotation " + k);
            }
        }
        return entries.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> run(e)));
    }

    private void run(Entry e) throws Exception {
        if (e.notes().containsKey("skip")) {
            String why = e.notes().get("skip");
            assertFalse(why.isBlank() || why.contains("\n"), "a skipped line says why in one line");
            Assumptions.abort(why);
        }
        String program = e.notes().get("needs");
        if (program != null) Assumptions.assumeTrue(onPath(program), program + " is not on PATH (.ci/run installs it)");
        Path dir = Files.createDirectories(work.resolve("line-" + e.line()));
        List<String> args = tokenize(e.command());
        assertEquals("aiperf", args.get(0), "line " + e.line() + " is an aiperf command");
        args.remove(0);
        String command = args.get(0);
        Map<String, Path> files = stageFiles(e, dir);
        String home = System.getProperty("user.home");
        if (files.containsKey("HF_CACHE")) System.setProperty("user.home", files.get("HF_CACHE").toString());
        List<String> argv = switch (command) {
            case "profile" -> profileArgs(args, e, dir, files);
            default -> otherArgs(args, dir, files);
        };
        Map<String, Long> controlBefore = controlCounts();
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            CommandLine cl = RedlineCli.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(argv.toArray(new String[0]));
        } finally {
            System.setOut(stdout);
            System.setProperty("user.home", home);
        }
        String where = "line " + e.line() + ": redline " + String.join(" ", argv) + "\nstderr: " + err + "\nstdout: " + out
                + tail(captured.toString(StandardCharsets.UTF_8));
        String refused = e.notes().containsKey("expect") ? e.notes().get("expect") : e.notes().get("refused");
        if (refused != null) {
            Matcher m = Pattern.compile("(?:exit=(\\d+)\\s+)?\"([^\"]+)\"").matcher(refused);
            assertTrue(m.find(), "line " + e.line() + ": expect/refused needs \"TEXT\"");
            int exit = m.group(1) == null ? 2 : Integer.parseInt(m.group(1));
            assertEquals(exit, code, where);
            String line = err.toString().strip();
            assertEquals(1, line.lines().count(), "one line: " + where);
            assertTrue(line.contains(m.group(2)), "'" + m.group(2) + "' in: " + where);
            return;
        }
        assertEquals(0, code, where);
        if (command.equals("profile")) checkProfile(e, dir, where, controlBefore);
        for (String glob : filesWanted(e)) assertTrue(matches(dir, glob), "writes " + glob + ": " + where + "\nfiles: " + listing(dir));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) return true;
        }
        return false;
    }

    /** The profile command with the environment swapped in: mock URLs, local tokenizer, temp artifacts, no UI. */
    private static List<String> profileArgs(List<String> args, Entry e, Path dir, Map<String, Path> files) {
        List<String> a = new ArrayList<>(args);
        applyBounds(a, e.notes().get("bound"));
        List<String> out = new ArrayList<>();
        int urls = 0;
        for (int i = 0; i < a.size(); i++) {
            String t = a.get(i);
            String flag = t.contains("=") && t.startsWith("--") ? t.substring(0, t.indexOf('=')) : t;
            String inline = flag.equals(t) ? null : t.substring(t.indexOf('=') + 1);
            if (URL_FLAGS.contains(flag)) {
                String v = inline != null ? inline : a.get(++i);
                out.add("--url");
                out.add(mockUrl(urls++, v));
            } else if (flag.equals("--mlflow-tracking-uri")) {
                if (inline == null) i++;
                out.add(flag);
                out.add(mlflow.uri());
            } else if (DIR_FLAGS.contains(flag) || flag.equals("--tokenizer") || flag.equals("--ui-type") || flag.equals("--ui")) {
                if (inline == null) i++;
            } else if (flag.equals("--gpu-telemetry") || flag.equals("--server-metrics")) {
                out.add(flag);
                while (i + 1 < a.size() && !a.get(i + 1).startsWith("-")) {
                    String v = a.get(++i);
                    boolean keyword = Set.of("dashboard", "pynvml", "amdsmi").contains(v) || v.endsWith(".csv");
                    out.add(keyword ? fileArg(v, files) : flag.equals("--server-metrics")
                            ? MOCKS.get(0).baseUrl() + "/metrics" : MOCKS.get(0).dcgmBaseUrl() + "/metrics");
                }
            } else {
                out.add(fileArg(t, files));
            }
        }
        if (urls == 0) {
            out.add("--url");
            out.add(MOCKS.get(0).baseUrl());
        }
        out.add("--tokenizer");
        out.add(TOKENIZER);
        out.add("--artifact-dir");
        out.add(dir.resolve("artifacts").toString());
        out.add("--ui-type");
        out.add("none");
        if (!out.contains("--log-level") && !out.contains("-v")) {
            out.add("--log-level");
            out.add("warn");
        }
        return out;
    }

    /** analyze-trace and config subcommands: files staged, outputs into the line's directory. */
    private static List<String> otherArgs(List<String> args, Path dir, Map<String, Path> files) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i);
            out.add(fileArg(t, files));
            if (Set.of("--output", "-o", "--output-file").contains(t) && i + 1 < args.size()) {
                out.add(dir.resolve(args.get(++i)).toString());
            }
        }
        return out;
    }

    /** A URL's scheme://host:port replaced by the i-th mock's, its path kept. */
    private static String mockUrl(int i, String url) {
        assertTrue(i < MOCKS.size(), "at most " + MOCKS.size() + " URLs");
        String rest = url.replaceFirst("^[a-z]+://", "");
        int slash = rest.indexOf('/');
        return MOCKS.get(i).baseUrl() + (slash >= 0 ? rest.substring(slash) : "");
    }

    /** Each "--flag value" of the bound replaces the command's value, or is appended. */
    private static void applyBounds(List<String> a, String bound) {
        if (bound == null) return;
        String flags = bound.replaceAll("\\(.*\\)\\s*$", "").trim();
        List<String> t = tokenize(flags);
        for (int i = 0; i + 1 < t.size(); i += 2) {
            int at = a.indexOf(t.get(i));
            if (at >= 0) a.set(at + 1, t.get(i + 1));
            else {
                a.add(t.get(i));
                a.add(t.get(i + 1));
            }
        }
    }

    /** Copies the fixtures a line names into its directory; NAME=FIXTURE renames, aiperf:NAME is AIPerf's template. */
    private static Map<String, Path> stageFiles(Entry e, Path dir) throws IOException {
        Map<String, Path> staged = new LinkedHashMap<>();
        String spec = e.notes().get("file");
        if (spec == null) return staged;
        for (String item : spec.split("\\s+")) {
            if (item.equals("HF_CACHE")) {
                Path home = dir.resolve("home");
                Path snap = home.resolve(".cache/huggingface/hub/datasets--anon8231489123--ShareGPT_Vicuna_unfiltered/snapshots/fixture");
                Files.createDirectories(snap);
                Path refs = Files.createDirectories(snap.getParent().getParent().resolve("refs"));
                Files.writeString(refs.resolve("main"), "fixture", StandardCharsets.UTF_8);
                copy(FIXTURES + "ShareGPT_V3_unfiltered_cleaned_split.json", snap.resolve("ShareGPT_V3_unfiltered_cleaned_split.json"));
                staged.put("HF_CACHE", home);
                continue;
            }
            String name = item.contains("=") ? item.substring(0, item.indexOf('=')) : item;
            String fixture = item.contains("=") ? item.substring(item.indexOf('=') + 1) : item;
            String resource = fixture.startsWith("aiperf:") ? AIPERF_TEMPLATES + fixture.substring(7) : FIXTURES + fixture;
            Path target = dir.resolve(name);
            copy(resource, target);
            staged.put(name, target);
        }
        return staged;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = AiperfCommandCorpusTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "fixture " + resource);
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        }
    }

    private static String fileArg(String token, Map<String, Path> files) {
        String bare = token.startsWith("./") ? token.substring(2) : token;
        Path p = files.get(bare);
        return p == null ? token : p.toString();
    }

    private static void checkProfile(Entry e, Path dir, String where, Map<String, Long> controlBefore) throws IOException {
        Path artifacts = dir.resolve("artifacts");
        List<String> wanted = filesWanted(e);
        boolean experiment = wanted.stream().anyMatch(g -> g.contains("sweep_aggregate") || g.contains("aggregate/"));
        if (!experiment) {
            assertTrue(Files.isRegularFile(artifacts.resolve("profile_export_redline.json")), "summary JSON: " + where + "\n" + listing(dir));
            assertTrue(Files.isRegularFile(artifacts.resolve("profile_export_redline.csv")), "summary CSV: " + where);
            JsonNode summary = JSON.readTree(artifacts.resolve("profile_export_redline.json").toFile());
            assertTrue(summary.path("request_count").path("avg").asDouble() > 0 || summary.has("request_count"), "requests counted: " + where);
            long urls = tokenize(e.command()).stream().filter(URL_FLAGS::contains).count();
            if (urls > 1) {
                JsonNode byUrl = summary.get("urls");
                assertTrue(byUrl != null && byUrl.size() == urls, "per-URL counts in the summary: " + byUrl + "\n" + where);
                for (JsonNode u : byUrl) assertTrue(u.path("requests").asLong() > 0, "every URL got requests: " + byUrl);
            }
        }
        if (tokenize(e.command()).contains("--mlflow-tracking-uri")) checkMlflow(e, artifacts, where);
        String control = e.notes().get("control");
        if (control != null) {
            Map<String, Long> after = controlCounts();
            for (String kv : control.split("\\s+")) {
                String path = kv.substring(0, kv.indexOf('='));
                long n = Long.parseLong(kv.substring(kv.indexOf('=') + 1));
                assertEquals(n, after.get(path) - controlBefore.get(path), path + " calls: " + where);
            }
        }
    }

    /** The run is in the MLflow server, finished, with the parent the line names. */
    private static void checkMlflow(Entry e, Path artifacts, String where) throws IOException {
        Path meta = artifacts.resolve("mlflow_export.json");
        assertTrue(Files.isRegularFile(meta), "mlflow_export.json: " + where + "\n" + listing(artifacts));
        var run = mlflow.run(JSON.readTree(meta.toFile()).path("run_id").asText());
        assertTrue(run != null && run.status.equals("FINISHED") && !run.metrics.isEmpty(), "the MLflow run was uploaded: " + where);
        List<String> t = tokenize(e.command());
        int parent = t.indexOf("--mlflow-parent-run-id");
        if (parent >= 0) assertEquals(t.get(parent + 1), run.tags.get("mlflow.parentRunId"), "nested under the parent: " + where);
    }

    private static Map<String, Long> controlCounts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String p : dev.redline.runner.mock.MockMetrics.CONTROL_PATHS) {
            m.put(p, MOCKS.stream().mapToLong(s -> s.metrics().controlCalls(p)).sum());
        }
        return m;
    }

    private static List<String> filesWanted(Entry e) {
        String f = e.notes().get("files");
        return f == null ? List.of() : List.of(f.trim().split("\\s+"));
    }

    /** Whether a file under {@code dir} (any depth) matches the glob (on its path relative to the artifacts or the dir). */
    private static boolean matches(Path dir, String glob) throws IOException {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        PathMatcher anywhere = FileSystems.getDefault().getPathMatcher("glob:**/" + glob);
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).anyMatch(p -> {
                Path rel = dir.relativize(p);
                Path relArtifacts = p.startsWith(dir.resolve("artifacts")) ? dir.resolve("artifacts").relativize(p) : rel;
                return m.matches(rel) || m.matches(relArtifacts) || anywhere.matches(rel);
            });
        }
    }

    private static String listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return String.join(", ", all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).limit(40).toList());
        }
    }

    private static String tail(String s) {
        return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
    }

    /** Shell-like words: spaces separate, single and double quotes group (quotes removed). */
    static List<String> tokenize(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
            }
        }
        if (any || cur.length() > 0) out.add(cur.toString());
        if (quote != 0) fail("unbalanced quote in: " + line);
        return out;
    }
}
