package dev.pipestore.cli;

import dev.pipestore.InvalidInputException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.SearchHit;
import dev.pipestore.catalog.SearchQuery;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pipestore search WORDS...}: full-text search over transcriptions and translations, best first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search transcriptions and translations, best match first (GET /v1/search).",
                       "Matched words are shown between *stars*; --json gives the HTTP API's items,",
                       "with HTML snippets."})
final class SearchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "WORDS", description = "What to look for; several words are one query.")
    List<String> words;

    @Option(names = "--language", paramLabel = "L", description = "Only texts in this language (regional forms included: en finds en-GB).")
    String language;

    @Option(names = "--model", paramLabel = "M", description = "Only texts from this model version.")
    String model;

    @Option(names = "--since", paramLabel = "T", description = "Only texts stored since T: an instant, a date, or an age such as 24h or 7d.")
    String since;

    @Option(names = "--before", paramLabel = "T", description = "Only texts stored before T.")
    String before;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N hits (1-" + SearchQuery.MAX_LIMIT + ", default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "C", description = "Continue after the page that printed this cursor.")
    String cursor;

    @Option(names = "--json", description = "Print {\"items\": [...], \"next_cursor\": ...} as the HTTP API does.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SearchQuery query;
        try {
            query = new SearchQuery(String.join(" ", words), language, model,
                    since == null ? null : Inputs.since("--since", since), before == null ? null : Inputs.since("--before", before),
                    limit).after(cursor);
        } catch (InvalidInputException e) {
            // The HTTP API's q is the words here.
            throw e.field().equals("q") ? new InvalidInputException("WORDS", e.reason(), e) : e;
        }
        try (PipeStore store = Stores.open()) {
            new Output(spec.commandLine().getOut(), json).page(store.search().page(query), SearchCommand::row);
        }
        return 0;
    }

    private static String row(SearchHit hit) {
        return ErrorReporter.printable(String.format(Locale.ROOT, "%s  %-13s %-8s %-20s %6.3f  %s", hit.id(),
                hit.kind().wireName(), hit.language() == null ? "-" : hit.language(),
                hit.modelVersion() == null ? "-" : hit.modelVersion(), hit.score(), plain(hit.snippet())));
    }

    /** The snippet for a terminal: marks as *stars*, HTML entities back to their characters. */
    static String plain(String snippet) {
        return snippet.replace("<b>", "*").replace("</b>", "*").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
