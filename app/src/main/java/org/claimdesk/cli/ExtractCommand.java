package org.claimdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimdesk.extract.Article;
import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.CssSelectors;
import org.claimdesk.extract.ExtractException;
import org.claimdesk.fetch.FetchException;
import org.claimdesk.fetch.FetchRequest;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.HttpFetcher;
import org.claimdesk.source.FeedsFileException;
import org.claimdesk.source.FeedsFileParser;
import org.claimdesk.source.FetchSettings;
import org.claimdesk.source.PageSelectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "extract", description = {"Print the article the extractor finds in each page:",
        "title, byline, date, language and body text. Needs no workspace; URLs are fetched with the",
        "settings of the workspace's feeds.yml (proxy, user_agent, timeouts) when there is one."})
final class ExtractCommand implements Callable<Integer> {
    @ParentCommand
    ClaimDeskCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE|URL", description = "Saved HTML file, or http(s) URL to fetch.")
    List<String> inputs;

    @Option(names = "--json", description = "One JSON object per input and line, carrying the input.")
    boolean json;

    @Spec
    CommandSpec spec;

    // made when the command runs: picocli creates every command at start, the window's too
    private ArticleExtractor extractor;
    private ObjectMapper mapper;

    @Override
    public Integer call() throws Exception {
        extractor = new ArticleExtractor();
        mapper = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean anyFailed = false;
        HttpFetcher fetcher = null;
        try {
            for (String input : inputs) {
                try {
                    boolean web = isWebUrl(input);
                    if (web && fetcher == null) {
                        fetcher = new HttpFetcher(fetchSettings());
                    }
                    Article article = web ? fromWeb(fetcher, URI.create(input)) : fromFile(Path.of(input));
                    print(out, input, article);
                } catch (FetchException | ExtractException | IOException | IllegalArgumentException
                         | FeedsFileException e) {
                    anyFailed = true;
                    if (json) {
                        ObjectNode o = mapper.createObjectNode().put("input", input).put("error", CliText.message(e));
                        out.println(mapper.writeValueAsString(o));
                    } else {
                        err.println("claimdesk extract: " + input + ": " + CliText.message(e));
                    }
                }
                out.flush();
            }
        } finally {
            if (fetcher != null) {
                fetcher.close();
            }
        }
        return anyFailed ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /**
     * The fetch settings of the feeds.yml in use (-f, else the workspace's), so that a URL goes
     * through the same proxy as the polls; defaults when there is no such file. A broken file is
     * an error: its proxy may be what keeps this request private.
     */
    private FetchSettings fetchSettings() throws FeedsFileException {
        Path feeds = parent == null ? null : parent.workspaceOptions.feedsFile();
        if (feeds == null && parent != null) {
            feeds = parent.workspaceOptions.resolve(parent.directory).feedsFile();
        }
        if (feeds == null || !Files.isRegularFile(feeds)) {
            return FetchSettings.defaults();
        }
        return new FeedsFileParser(CssSelectors.CHECK).parse(feeds).settings();
    }

    private static boolean isWebUrl(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private Article fromWeb(HttpFetcher fetcher, URI url) throws FetchException, ExtractException, InterruptedException {
        FetchResult result = fetcher.fetch(FetchRequest.of(url));
        FetchResult.Body body = (FetchResult.Body) result;
        return extractor.extract(body.body(), body.contentType(), body.finalUri(), PageSelectors.NONE);
    }

    private Article fromFile(Path file) throws IOException, ExtractException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file");
        }
        return extractor.extract(Files.readAllBytes(file), null, file.toAbsolutePath().toUri(), PageSelectors.NONE);
    }

    private void print(PrintWriter out, String input, Article a) throws IOException {
        if (json) {
            ObjectNode o = mapper.createObjectNode()
                    .put("input", input)
                    .put("url", a.url() == null ? null : a.url().toString())
                    .put("canonicalUrl", a.canonicalUrl() == null ? null : a.canonicalUrl().toString())
                    .put("title", a.title())
                    .put("byline", a.byline())
                    .put("published", a.published() == null ? null : a.published().toString())
                    .put("language", a.language())
                    .put("text", a.text());
            out.println(mapper.writeValueAsString(o));
            return;
        }
        out.println("== " + input);
        out.println("Title:     " + nullToDash(a.title()));
        out.println("Byline:    " + nullToDash(a.byline()));
        out.println("Published: " + (a.published() == null ? "-" : a.published()));
        out.println("Language:  " + nullToDash(a.language()));
        out.println("URL:       " + (a.canonicalUrl() == null ? "-" : a.canonicalUrl()));
        out.println();
        out.println(a.text());
        out.println();
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
