package dev.redline.runner.telemetry.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser of the Prometheus text exposition format (0.0.4, plus the OpenMetrics bits servers
 * mix in: exemplars after the value are ignored, {@code # EOF}/{@code # UNIT} are comments).
 * The Prometheus Java client 1.x only writes this format, so Redline parses it itself.
 * <p>A line that breaks the grammar is skipped and counted, never thrown: one bad line from a server
 * must not cost the whole scrape. {@code *_created} series are dropped (they carry no measurement).
 */
public final class TextFormatParser {
    private static final int MAX_PROBLEMS = 20;

    private TextFormatParser() { }

    public static ParsedExposition parse(String text) {
        return new Run().parse(text == null ? "" : text);
    }

    /** State of one parse; the parser itself is stateless and thread-safe. */
    private static final class Run {
        private final Map<String, MetricFamily> families = new LinkedHashMap<>();
        private final Map<String, Boolean> helpSeen = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private int malformed;

        ParsedExposition parse(String text) {
            int lineNo = 0;
            int start = 0;
            int len = text.length();
            while (start <= len) {
                int end = text.indexOf('\n', start);
                if (end < 0) end = len;
                lineNo++;
                String line = text.substring(start, end);
                if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
                try {
                    parseLine(line);
                } catch (Malformed m) {
                    malformed++;
                    if (problems.size() < MAX_PROBLEMS) problems.add("line " + lineNo + ": " + m.getMessage());
                }
                if (end == len) break;
                start = end + 1;
            }
            dropCreatedFamilies();
            families.values().removeIf(f -> f.samples().isEmpty() && f.type() == MetricType.UNTYPED && f.help() == null);
            return new ParsedExposition(families, malformed, problems);
        }

        private void parseLine(String line) {
            Cursor c = new Cursor(line);
            c.skipBlanks();
            if (c.atEnd()) return;
            if (c.peek() == '#') {
                parseComment(c);
            } else {
                parseSample(c);
            }
        }

        private void parseComment(Cursor c) {
            c.next();
            c.skipBlanks();
            String keyword = c.word();
            if (!keyword.equals("HELP") && !keyword.equals("TYPE")) return; // plain comment, EOF, UNIT
            if (!c.skipBlanks()) throw new Malformed(keyword + " needs a metric name");
            String name = c.metricName();
            if (name.isEmpty()) throw new Malformed(keyword + " has no valid metric name");
            if (keyword.equals("HELP")) {
                if (!c.atEnd() && !c.skipBlanks()) throw new Malformed("HELP name must be followed by a blank");
                if (helpSeen.put(name, Boolean.TRUE) != null) throw new Malformed("second HELP for " + name);
                family(name).setHelp(unescapeHelp(c.rest()));
                return;
            }
            if (!c.skipBlanks()) throw new Malformed("TYPE needs a type after the name");
            String kw = c.word();
            c.skipBlanks();
            if (!c.atEnd()) throw new Malformed("unexpected text after TYPE " + name + " " + kw);
            MetricType type = MetricType.fromKeyword(kw);
            if (type == null) throw new Malformed("unknown type '" + kw + "' for " + name);
            MetricFamily existing = families.get(name);
            if (existing != null && (existing.type() != MetricType.UNTYPED || !existing.samples().isEmpty())) {
                throw new Malformed("TYPE for " + name + " given twice or after its samples");
            }
            family(name).setType(type);
        }

        private void parseSample(Cursor c) {
            String name = c.metricName();
            if (name.isEmpty()) throw new Malformed("expected a metric name");
            boolean blank = c.skipBlanks();
            Map<String, String> labels = new LinkedHashMap<>();
            if (!c.atEnd() && c.peek() == '{') {
                c.next();
                parseLabels(c, labels);
                blank = c.skipBlanks();
            }
            if (!blank || c.atEnd()) throw new Malformed("expected a blank before the value of " + name);
            double value = parseValue(c.token());
            Long timestamp = null;
            c.skipBlanks();
            if (!c.atEnd() && c.peek() != '#') {
                String ts = c.token();
                try {
                    timestamp = Long.parseLong(ts);
                } catch (NumberFormatException e) {
                    throw new Malformed("timestamp '" + ts + "' is not an integer");
                }
                c.skipBlanks();
            }
            // "# {...} v ts" after the value is an OpenMetrics exemplar: ignored on purpose.
            if (!c.atEnd() && c.peek() != '#') throw new Malformed("unexpected text after the value of " + name);
            attach(new Sample(name, labels, value, timestamp));
        }

        private void parseLabels(Cursor c, Map<String, String> labels) {
            while (true) {
                c.skipBlanks();
                if (c.atEnd()) throw new Malformed("label set not closed");
                if (c.peek() == '}') { c.next(); return; }
                String key = c.labelName();
                if (key.isEmpty()) throw new Malformed("expected a label name");
                c.skipBlanks();
                if (c.atEnd() || c.next() != '=') throw new Malformed("expected '=' after label " + key);
                c.skipBlanks();
                if (c.atEnd() || c.next() != '"') throw new Malformed("label " + key + " value must be quoted");
                String value = c.quotedRest();
                if (labels.put(key, value) != null) throw new Malformed("label " + key + " given twice");
                c.skipBlanks();
                if (c.atEnd()) throw new Malformed("label set not closed");
                char sep = c.next();
                if (sep == '}') return;
                if (sep != ',') throw new Malformed("expected ',' or '}' after label " + key);
            }
        }

        private void attach(Sample s) {
            String n = s.name();
            MetricFamily f = baseFamily(n, "_bucket", MetricType.HISTOGRAM, null);
            if (f != null) {
                String le = s.label("le");
                if (le == null) throw new Malformed(n + " has no le label");
                parseValue(le);
                f.add(s);
                return;
            }
            f = baseFamily(n, "_sum", MetricType.HISTOGRAM, MetricType.SUMMARY);
            if (f == null) f = baseFamily(n, "_count", MetricType.HISTOGRAM, MetricType.SUMMARY);
            if (f == null) f = baseFamily(n, "_total", MetricType.COUNTER, null);
            if (f != null) { f.add(s); return; }
            if (baseFamily(n, "_created", MetricType.COUNTER, MetricType.HISTOGRAM) != null
                    || baseFamily(n, "_created", MetricType.SUMMARY, null) != null) {
                return;
            }
            f = family(n);
            if (f.type() == MetricType.SUMMARY) {
                String q = s.label("quantile");
                if (q == null) throw new Malformed(n + " is a summary sample without a quantile label");
                parseValue(q);
            } else if (f.type() == MetricType.HISTOGRAM) {
                throw new Malformed(n + " is a histogram; samples need _bucket, _sum or _count");
            }
            f.add(s);
        }

        private MetricFamily baseFamily(String name, String suffix, MetricType a, MetricType b) {
            if (!name.endsWith(suffix)) return null;
            MetricFamily f = families.get(name.substring(0, name.length() - suffix.length()));
            if (f == null) return null;
            return f.type() == a || f.type() == b ? f : null;
        }

        private MetricFamily family(String name) {
            return families.computeIfAbsent(name, n -> new MetricFamily(n, MetricType.UNTYPED));
        }

        /** Python clients also write {@code X_created} as its own gauge family next to counter X_total. */
        private void dropCreatedFamilies() {
            families.keySet().removeIf(name -> {
                if (!name.endsWith("_created")) return false;
                String base = name.substring(0, name.length() - "_created".length());
                MetricFamily f = families.get(base);
                if (f == null) f = families.get(base + "_total");
                return f != null && f.type() != MetricType.GAUGE && f.type() != MetricType.UNTYPED;
            });
        }
    }

    /** Strict float syntax: Go's ParseFloat forms that Prometheus writes, not Java's "1d"/"0x1p3". */
    static double parseValue(String token) {
        switch (token) {
            case "+Inf", "Inf", "+inf", "inf" -> { return Double.POSITIVE_INFINITY; }
            case "-Inf", "-inf" -> { return Double.NEGATIVE_INFINITY; }
            case "NaN", "nan" -> { return Double.NaN; }
            default -> { }
        }
        if (!isDecimal(token)) throw new Malformed("'" + token + "' is not a number");
        return Double.parseDouble(token);
    }

    private static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; digits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; exp++; }
            if (exp == 0) return false;
        }
        return i == n;
    }

    private static String unescapeHelp(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char nx = s.charAt(i + 1);
                if (nx == 'n') { sb.append('\n'); i++; continue; }
                if (nx == '\\') { sb.append('\\'); i++; continue; }
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
