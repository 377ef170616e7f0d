package dev.redline.runner.cli;

import dev.redline.runner.BadInputException;
import dev.redline.runner.config.TemplateCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code redline config init}: AIPerf's template names; print one, write it to a file, or list and search them. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Print or write a config template (AIPerf's template names), or list and search them.")
public class ConfigInitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-t", "--template"}, paramLabel = "NAME", description = "Template to print or write. Default minimal.")
    String template;

    @Option(names = {"-l", "--list"}, description = "List the templates and exit.")
    boolean list;

    @Option(names = {"-s", "--search"}, paramLabel = "WORD", description = "List only templates whose name, title, description or tags hold WORD.")
    String search;

    @Option(names = {"-c", "--category"}, paramLabel = "CATEGORY", description = "List only templates of this category (e.g. \"Load Testing\").")
    String category;

    @Option(names = {"-v", "--verbose"}, description = "Show each template's tags in the list.")
    boolean verbose;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "Put this model name into the template.")
    String model;

    @Option(names = {"-u", "--url"}, paramLabel = "URL", description = "Put this server URL into the template.")
    String url;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the template to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TemplateCatalog catalog = TemplateCatalog.builtin();
        if (list || search != null || category != null) {
            printList(out, catalog);
            return 0;
        }
        String name = template == null ? "minimal" : template;
        TemplateCatalog.Template t = catalog.find(name);
        if (t == null) {
            String key = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            List<String> names = catalog.all().stream().map(TemplateCatalog.Template::name).toList();
            throw new BadInputException("--template: unknown template '" + name + "'"
                    + dev.redline.api.validate.Suggestions.didYouMean(key, names) + "; see redline config init --list");
        }
        String text = render(t, customise(t.text()));
        if (output == null) {
            out.print(text);
            out.flush();
            return 0;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(output, text, StandardCharsets.UTF_8);
        out.println(wrote(t, output));
        return 0;
    }

    /** What is printed or written for template {@code t} ({@code text}: the template with --model/--url applied). */
    protected String render(TemplateCatalog.Template t, String text) {
        return text;
    }

    protected String wrote(TemplateCatalog.Template t, Path file) {
        return "wrote template " + t.name() + " to " + file + " (run it with redline profile -f " + file + ")";
    }

    /** The first model: and url: values of the benchmark replaced, comments and layout kept. */
    String customise(String text) {
        String s = text;
        if (model != null) s = replaceFirst(s, "model", model);
        if (url != null) {
            if (!Pattern.compile("(?m)^\\s+url:").matcher(s).find()) {
                throw new BadInputException("--url: this template lists several URLs (urls:); edit them in the file");
            }
            s = replaceFirst(s, "url", url);
        }
        return s;
    }

    private static String replaceFirst(String text, String key, String value) {
        Matcher m = Pattern.compile("(?m)^(\\s+" + key + ":\\s*)(\\S[^#\\n]*?)(\\s*(#.*)?)$").matcher(text);
        if (!m.find()) return text;
        return text.substring(0, m.start(2)) + value + text.substring(m.end(2));
    }

    private void printList(PrintWriter out, TemplateCatalog catalog) {
        Map<String, List<TemplateCatalog.Template>> byCategory = new LinkedHashMap<>();
        for (TemplateCatalog.Template t : catalog.all()) {
            if (search != null && !t.matches(search)) continue;
            if (category != null && !t.category().equalsIgnoreCase(category.trim())) continue;
            byCategory.computeIfAbsent(t.category(), c -> new ArrayList<>()).add(t);
        }
        if (byCategory.isEmpty()) {
            out.println("No template matches" + (search != null ? " '" + search + "'" : "") + (category != null ? " in category '" + category + "'" : "")
                    + "; redline config init --list shows them all.");
            return;
        }
        for (Map.Entry<String, List<TemplateCatalog.Template>> e : byCategory.entrySet()) {
            out.println(e.getKey());
            for (TemplateCatalog.Template t : e.getValue()) {
                out.println(String.format(Locale.ROOT, "  %-28s %s%s", t.name(), t.description(),
                        verbose && !t.tags().isEmpty() ? "  [" + String.join(", ", t.tags()) + "]" : ""));
            }
        }
        out.println();
        out.println("Use 'redline config init --template <name>' to print one, -o FILE to write it.");
    }
}
