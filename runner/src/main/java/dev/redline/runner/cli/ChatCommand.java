package dev.redline.runner.cli;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.chat.ChatSession;
import dev.redline.runner.chat.ChatStats;
import dev.redline.runner.tokenizer.TokenizerLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code redline chat}: AIPerf's sanity-check chat with per-turn TTFT, TPS, ITL and token counts. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat with an OpenAI-compatible endpoint one message at a time, printing per-turn speed stats (TTFT, TPS, ITL, tokens) measured as profile measures them.")
public class ChatCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "Model name served by the endpoint.")
    String model;

    @Option(names = {"-u", "--url"}, paramLabel = "URL", defaultValue = "http://localhost:8000",
            description = "Base URL of the OpenAI-compatible server, as profile's --url (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--system-prompt", paramLabel = "TEXT", description = "System prompt prepended to the conversation.")
    String systemPrompt;

    @Option(names = {"-q", "--quick"}, paramLabel = "MESSAGE", description = "Send one MESSAGE, print the reply and its stats, then exit.")
    String quick;

    @Option(names = "--history", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Resend the conversation each turn (default); --no-history sends each message alone. Ignored with --quick.")
    boolean history;

    @Option(names = "--api-key", paramLabel = "KEY", description = "API key sent as a Bearer token (default: the OPENAI_API_KEY environment variable).")
    String apiKey;

    @Option(names = "--tokenizer", paramLabel = "NAME", description = "Tokenizer for client-side token counts (default: the model's; builtin: no download).")
    String tokenizer;

    /** Where the messages come from (stdin; a test gives its own). */
    java.io.InputStream in = System.in;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the one config model, validated as profile's: a bad --url or model is the same one-line error
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        BenchmarkSpec bench = SpecReader.read("""
                models: [%s]
                endpoint: {url: %s, type: chat, streaming: true}
                phases: [{concurrency: 1, requests: 1}]
                """.formatted(json.writeValueAsString(model), json.writeValueAsString(url)), "redline chat");
        String key = apiKey != null ? apiKey : System.getenv("OPENAI_API_KEY");
        if (key != null && !key.isBlank()) bench.endpoint().setApiKey(key);
        if (tokenizer != null) {
            bench.setTokenizer(new dev.redline.api.v1alpha1.TokenizerSpec());
            bench.getTokenizer().setName(tokenizer);
        }
        try (ChatSession chat = new ChatSession(bench, TokenizerLoader.forSpec(bench), systemPrompt, history && quick == null)) {
            if (quick != null) return turn(chat, quick, out, err) ? 0 : 1;
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            out.println("Please enter a message for the chat model (Ctrl-D to exit):");
            while (true) {
                out.print("> ");
                out.flush();
                String line = lines.readLine();
                if (line == null) {
                    out.println();
                    return 0;
                }
                turn(chat, line, out, err); // a failed turn is reported and the chat goes on
            }
        }
    }

    private static boolean turn(ChatSession chat, String message, PrintWriter out, PrintWriter err) throws InterruptedException {
        ChatSession.Reply reply = chat.send(message);
        if (reply.error() != null) {
            err.println("request failed: " + reply.error());
            err.flush();
            return false;
        }
        if (!reply.reasoning().isEmpty()) out.print(reply.reasoning());
        out.println(reply.text());
        out.println(ChatStats.format(reply));
        out.flush();
        return true;
    }
}
