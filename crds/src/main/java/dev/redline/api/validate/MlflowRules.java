package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.MlflowSpec;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The MLflow upload: an http(s) tracking server (Redline speaks MLflow's REST API, so local stores such as
 * {@code file:} or {@code sqlite:} need an {@code mlflow server} in front), the other settings only with it,
 * and names, tags and globs MLflow and the file system accept.
 */
final class MlflowRules implements ValidationRule {
    /** MLflow's own rule for metric, param and tag keys. */
    private static final Pattern KEY = Pattern.compile("[\\w\\-. :/]+");
    private static final int MAX_KEY = 250;
    private static final int MAX_TAG_VALUE = 8000;

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        MlflowSpec m = spec.getMlflow();
        if (m == null) return;
        if (!m.enabled()) {
            if (m.getTrackingUri() != null) out.add("mlflow.trackingUri", "is empty; give the tracking server, e.g. http://127.0.0.1:5000");
            else if (m.getExperiment() != null || m.getRunName() != null || m.getTags() != null || m.getParentRunId() != null
                    || m.getArtifactGlobs() != null) {
                out.add("mlflow.trackingUri", "the MLflow experiment, run name, tags, parent run id and artifact globs need a tracking"
                        + " server; set it (CLI: --mlflow-tracking-uri http://HOST:5000) or remove them");
            }
            return;
        }
        trackingUri(m.getTrackingUri().strip(), out);
        if (m.getExperiment() != null && m.getExperiment().isBlank()) {
            out.add("mlflow.experiment", "is empty; give an experiment name or leave it out for the default " + MlflowSpec.DEFAULT_EXPERIMENT);
        }
        if (m.getParentRunId() != null && (m.getParentRunId().isBlank() || m.getParentRunId().strip().contains("/"))) {
            out.add("mlflow.parentRunId", "'" + m.getParentRunId() + "' is not an MLflow run id; copy the run id from the MLflow UI or API");
        }
        for (Map.Entry<String, String> t : m.resolvedTags().entrySet()) tag(t.getKey(), t.getValue(), out);
        List<String> globs = m.getArtifactGlobs();
        if (globs != null) for (int i = 0; i < globs.size(); i++) glob(globs.get(i), "mlflow.artifactGlobs[" + i + "]", out);
    }

    private static void trackingUri(String uri, Violations out) {
        String at = "mlflow.trackingUri";
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            out.add(at, "'" + uri + "' is not a URI (" + e.getReason() + "); give the tracking server, e.g. http://127.0.0.1:5000");
            return;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            if (u.getHost() == null) out.add(at, "'" + uri + "' has no host; give the tracking server, e.g. http://127.0.0.1:5000");
            else if (u.getQuery() != null || u.getFragment() != null) out.add(at, "'" + uri + "': remove the query or fragment; give the server's base URL");
            return;
        }
        if (scheme.equals("databricks") || scheme.equals("databricks-uc")) {
            out.add(at, "'" + uri + "': Databricks workspaces are not supported; give an http(s) MLflow tracking server");
            return;
        }
        out.add(at, "'" + uri + "' is " + (scheme.isEmpty() ? "a local path" : "a local " + scheme + ": store")
                + "; Redline uploads over MLflow's REST API: serve the store with 'mlflow server --backend-store-uri "
                + (scheme.isEmpty() ? "file:" + uri : uri) + "' and give its URL, e.g. http://127.0.0.1:5000");
    }

    private static void tag(String key, String value, Violations out) {
        String at = "mlflow.tags." + key;
        if (key.length() > MAX_KEY || !KEY.matcher(key).matches()) {
            out.add(at, "tag key '" + key + "' is not one MLflow accepts: up to " + MAX_KEY
                    + " letters, digits, '_', '-', '.', ' ', ':' or '/'");
        } else if (value == null) {
            out.add(at, "tag '" + key + "' has no value; give key:value");
        } else if (value.length() > MAX_TAG_VALUE) {
            out.add(at, "tag '" + key + "' is " + value.length() + " characters; MLflow takes at most " + MAX_TAG_VALUE);
        }
    }

    private static void glob(String glob, String at, Violations out) {
        if (glob == null || glob.isBlank()) {
            out.add(at, "is empty; give a glob relative to the artifact directory, e.g. '*.json' or '**/*.png'");
            return;
        }
        String g = glob.strip();
        if (g.startsWith("/") || List.of(g.split("/")).contains("..")) {
            out.add(at, "'" + glob + "' must stay inside the artifact directory (relative, no '..'), e.g. 'plots/*.png'");
            return;
        }
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + g);
        } catch (IllegalArgumentException e) { // PatternSyntaxException included
            out.add(at, "'" + glob + "' is not a valid glob (" + e.getMessage().lines().findFirst().orElse("") + "); e.g. '*.json' or '**/*.png'");
        }
    }
}
