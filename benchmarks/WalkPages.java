/*
 * ./bench's client for the deep pages of scenario 2: gets the cursor of a deep page the way a client gets it, by
 * reading the list from its first page and passing each page's next_cursor back, never by building one.
 *
 *   java benchmarks/WalkPages.java --api http://127.0.0.1:18080 --key KEY --max-limit 100 \
 *        --walk NAME PATH ROWS [--walk NAME PATH ROWS ...]
 *
 * PATH is the list with its filters ("/v1/spaces/ID/artifacts?status=ready"), ROWS the comma-separated row counts
 * after which a cursor is wanted (the cursor of page p, limit=100, is the one handed out after row (p - 1) * 100).
 * The cursor does not encode the page size, so each request asks for max-limit rows, or fewer when the next
 * wanted row is closer: the last page read before a wanted row ends exactly at it. Every page must hold the rows
 * asked for. The walks run side by side, one thread each.
 *
 * Prints one line per wanted row: "BENCH walk=NAME row=R requests=K cursor=C" (K: requests from page 1).
 * A single-file program on the JDK's HttpClient, started from source (no build step).
 */
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class WalkPages {

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");

    record Walk(String name, String path, long[] rows) {
    }

    public static void main(String[] args) throws Exception {
        String api = null;
        String key = null;
        int maxLimit = 100;
        List<Walk> walks = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--api" -> api = args[++i];
                case "--key" -> key = args[++i];
                case "--max-limit" -> maxLimit = Integer.parseInt(args[++i]);
                case "--walk" -> {
                    long[] rows = Arrays.stream(args[i + 3].split(",")).mapToLong(Long::parseLong).sorted().toArray();
                    walks.add(new Walk(args[i + 1], args[i + 2], rows));
                    i += 3;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (api == null || key == null || walks.isEmpty()) {
            System.err.println("usage: WalkPages --api URL --key KEY [--max-limit N] --walk NAME PATH ROWS ...");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(walks.size());
        List<Future<List<String>>> results = new ArrayList<>();
        for (Walk walk : walks) {
            String base = api, k = key;
            int limit = maxLimit;
            results.add(pool.submit(() -> walk(http, base, k, limit, walk)));
        }
        int failed = 0;
        for (Future<List<String>> result : results) {
            try {
                result.get().forEach(System.out::println);
            } catch (ExecutionException e) {
                System.err.println("WalkPages: " + e.getCause().getMessage());
                failed++;
            }
        }
        pool.shutdown();
        System.exit(failed == 0 ? 0 : 1);
    }

    private static List<String> walk(HttpClient http, String api, String key, int maxLimit, Walk walk) throws Exception {
        List<String> lines = new ArrayList<>();
        String separator = walk.path().contains("?") ? "&" : "?";
        String cursor = null;
        long row = 0;
        int requests = 0;
        for (long wanted : walk.rows()) {
            while (row < wanted) {
                int limit = (int) Math.min(maxLimit, wanted - row);
                String uri = api + walk.path() + separator + "limit=" + limit
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                        .header("X-API-Key", key).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                requests++;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(walk.name() + ": HTTP " + response.statusCode() + " after row " + row
                            + " (" + uri + "): " + response.body());
                }
                int got = rows(response.body());
                if (got != limit) {
                    throw new IllegalStateException(walk.name() + ": asked for " + limit + " rows after row " + row
                            + ", got " + got + " (the list is shorter than the walk?)");
                }
                row += got;
                Matcher m = NEXT_CURSOR.matcher(response.body());
                if (!m.find()) {
                    throw new IllegalStateException(walk.name() + ": no next_cursor after row " + row);
                }
                cursor = m.group(1);
            }
            lines.add("BENCH walk=" + walk.name() + " row=" + wanted + " requests=" + requests + " cursor=" + cursor);
        }
        return lines;
    }

    /** The number of elements of the page's top-level "data" array. */
    private static int rows(String json) {
        int start = json.indexOf("\"data\"");
        start = start < 0 ? -1 : json.indexOf('[', start);
        if (start < 0) {
            throw new IllegalStateException("no data array in " + json.substring(0, Math.min(200, json.length())));
        }
        int depth = 0;
        int count = 0;
        boolean inString = false;
        boolean empty = true;
        for (int i = start + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    empty = false;
                }
                case '{', '[' -> {
                    depth++;
                    empty = false;
                }
                case '}' -> depth--;
                case ']' -> {
                    if (depth == 0) {
                        return empty ? 0 : count + 1;
                    }
                    depth--;
                }
                case ',' -> {
                    if (depth == 0) {
                        count++;
                    }
                }
                default -> {
                    if (!Character.isWhitespace(c)) {
                        empty = false;
                    }
                }
            }
        }
        throw new IllegalStateException("unterminated data array");
    }
}
