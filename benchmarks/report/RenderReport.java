/*
 * Renders docs/benchmarks.md from the raw results ./bench records, and nothing else: every number of the report,
 * every statistic over rounds (medians, ratios, sums, verdicts) and every fact about the run (date, commit,
 * machine, knobs) comes from results.tsv, so a report can be rendered again from its TSV alone.
 *
 *   java benchmarks/report/RenderReport.java [--plot-data DIR] RESULTS.tsv ANALYSIS.md > docs/benchmarks.md
 *
 * RESULTS.tsv: one "key<TAB>value" a line ('#' lines are comments). A key recorded once per round (or pair, or
 * cycle) has one line per round, in the order measured; a statistic over them is this program's. A value is
 * what one run of a tool reported (wrk's and pgbench's percentiles of that run, hyperfine's median, ...) or a
 * raw counter (CPU ticks, bytes per second). ANALYSIS.md is copied after section 6. --plot-data DIR also writes
 * the gnuplot inputs (metadata.dat, list.dat, download.dat, generate.dat) that benchmarks/plots.gp reads.
 *
 * Numbers are printed like the awk of the former script: a median of an odd count is the middle value as
 * recorded, of an even count the mean of the middle two with 3 decimals; ratios have 2 decimals; rounding is
 * C's (half-even on the exact binary value).
 */
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RenderReport {

    private static final List<String> LIST_FILTERS = List.of("none", "thread", "type", "status");
    private static final int[] GEN_SIZES = {1024, 1048576};

    /** Key to its values, in the order recorded. */
    private final Map<String, List<String>> results = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    public static void main(String[] args) throws IOException {
        Path plotDir = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plot-data") && i + 1 < args.length) {
                plotDir = Path.of(args[++i]);
            } else {
                files.add(args[i]);
            }
        }
        if (files.size() != 2) {
            System.err.println("usage: java RenderReport.java [--plot-data DIR] RESULTS.tsv ANALYSIS.md > benchmarks.md");
            System.exit(2);
        }
        RenderReport report = new RenderReport();
        report.read(Path.of(files.get(0)));
        Path analysis = Path.of(files.get(1));
        report.render(Files.exists(analysis) ? Files.readString(analysis, StandardCharsets.UTF_8) : null);
        if (plotDir != null) {
            report.writePlotData(plotDir);
        }
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        stdout.print(report.out);
        stdout.flush();
    }

    private void read(Path tsv) throws IOException {
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("not key<TAB>value: " + line);
            }
            results.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
        }
    }

    // ------------------------------------------------------------------ reading values and statistics

    private List<String> all(String key) {
        return results.getOrDefault(key, List.of());
    }

    /** A value recorded once (the last if recorded more often), "" if not recorded. */
    private String one(String key) {
        List<String> values = all(key);
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }

    private String median(String key) {
        return median(all(key));
    }

    /** "" for no values; the middle value as recorded for an odd count; the mean of the middle two, 3 decimals. */
    private static String median(List<String> values) {
        if (values.isEmpty()) {
            return "";
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingDouble(RenderReport::num));
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return fixed((num(sorted.get(n / 2 - 1)) + num(sorted.get(n / 2))) / 2, 3);
    }

    private static double mean(List<String> values) {
        return values.stream().mapToDouble(RenderReport::num).average().orElse(Double.NaN);
    }

    /** a / b with 2 decimals; "" when either was not measured, "n/a" when b is 0 or not a number. */
    private static String ratio(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return "";
        }
        double x = num(a);
        double y = num(b);
        if (Double.isNaN(x) || Double.isNaN(y) || y == 0) {
            return "n/a";
        }
        return fixed(x / y, 2);
    }

    /** The goal's verdict: "not measured" without a value, else "**holds**" or "**missed**". */
    private static String verdict(String value, String op, double goal) {
        if (value.isEmpty() || value.equals("n/a") || Double.isNaN(num(value))) {
            return "not measured";
        }
        double v = num(value);
        boolean holds = switch (op) {
            case ">=" -> v >= goal;
            case "<=" -> v <= goal;
            case "<" -> v < goal;
            default -> throw new IllegalArgumentException(op);
        };
        return holds ? "**holds**" : "**missed**";
    }

    /** Applies f to two recorded numbers and prints the result with the given decimals; "" if either is missing. */
    private static String calc(String a, String b, DoubleBinaryOperator f, int decimals) {
        if (a.isEmpty() || b.isEmpty()) {
            return "";
        }
        return fixed(f.applyAsDouble(num(a), num(b)), decimals);
    }

    /** A figure of a column or row that an older run did not record: "–" instead of an empty cell. */
    private static String dash(String value) {
        return value.isEmpty() ? "–" : value;
    }

    /** CPU milliseconds per operation: ticks * 1000 / CLK_TCK / operations, 3 decimals; "" if either is missing. */
    private String cpuMs(String ticks, String operations) {
        double hz = num(one("machine.clk_tck"));
        return calc(ticks, operations, (t, n) -> n == 0 ? Double.NaN : t * 1000 / hz / n, 3);
    }

    private static double num(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** printf("%.Nf"): rounded half-even on the exact binary value, as C does. */
    private static String fixed(double d, int decimals) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(d).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** awk's print of a computed number: an integer as such, else printf("%.6g"). */
    private static String awkNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return fixed(d, 0);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal g = new BigDecimal(d).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exponent = g.precision() - g.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            return String.format("%.5e", d).replaceAll("\\.?0+e", "e");
        }
        g = g.stripTrailingZeros();
        return g.scale() < 0 ? g.setScale(0).toPlainString() : g.toPlainString();
    }

    // ------------------------------------------------------------------ the run

    private List<String> downloadSizes() {
        String sizes = one("config.download_sizes").trim();
        return sizes.isEmpty() ? List.of() : List.of(sizes.split("\\s+"));
    }

    private String cores() {
        return one("machine.cores");
    }

    private String memory() {
        String kb = one("machine.memory_kb");
        return kb.isEmpty() ? "" : fixed(num(kb) / 1048576, 1) + " GiB";
    }

    private String deepPage() {
        return one("list.deep_page");
    }

    // ------------------------------------------------------------------ derived figures, per scenario

    /**
     * Scenarios 1 and 2: the API's CPU per request, the median over the rounds of each round's
     * ticks * 1000 / CLK_TCK / requests (3 decimals); "" if not recorded.
     */
    private String cpuMsPerRequest(String prefix) {
        List<String> ticks = all(prefix + ".cpu_ticks");
        List<String> requests = all(prefix + ".requests");
        double hz = num(one("machine.clk_tck"));
        List<String> perRound = new ArrayList<>();
        for (int i = 0; i < Math.min(ticks.size(), requests.size()); i++) {
            double n = num(requests.get(i));
            perRound.add(n == 0 ? "nan" : fixed(num(ticks.get(i)) * 1000 / hz / n, 3));
        }
        return median(perRound);
    }

    private String metaRatio(int connections) {
        return ratio(median("meta.api.c" + connections + ".rps"), median("meta.pg.c" + connections + ".rps"));
    }

    private String ceilingRatio() {
        return ratio(median("meta.ceiling.c16.rps"), median("meta.pg.c16.rps"));
    }

    /** Scenario 2: the pages measured for a filter, in ascending order. */
    private List<Integer> listPages(String filter) {
        Pattern p = Pattern.compile("list\\." + filter + "\\.(\\d+)\\.api\\.p50");
        Set<Integer> pages = new LinkedHashSet<>();
        for (String key : results.keySet()) {
            Matcher m = p.matcher(key);
            if (m.matches()) {
                pages.add(Integer.parseInt(m.group(1)));
            }
        }
        return pages.stream().sorted().toList();
    }

    private String list(String filter, Object page, String what) {
        return one("list." + filter + "." + page + "." + what);
    }

    private String listCpu(String filter, Object page) {
        return cpuMsPerRequest("list." + filter + "." + page + ".api");
    }

    private String listRatio(String filter, String side) {
        return ratio(list(filter, deepPage(), side + ".p50"), list(filter, 1, side + ".p50"));
    }

    /** Scenario 3: median MB/s over the pairs, unrounded ("" if not measured). */
    private double downloadMbs(String size, String side) {
        String m = median(all("download." + size + "." + side + "_bps"));
        return m.isEmpty() ? Double.NaN : num(m) / 1048576;
    }

    private String downloadMbsText(String size, String side) {
        double mbs = downloadMbs(size, side);
        return Double.isNaN(mbs) ? "" : fixed(mbs, 1);
    }

    private String downloadRatio(String size) {
        double api = downloadMbs(size, "api");
        double direct = downloadMbs(size, "direct");
        if (Double.isNaN(api) || Double.isNaN(direct)) {
            return "";
        }
        return direct == 0 ? "n/a" : fixed(api / direct, 2);
    }

    private String rssGrowth(String size) {
        return calc(one("download." + size + ".rss_peak"), one("download." + size + ".rss_before"), (a, b) -> a - b, 1);
    }

    /** CPU seconds per GiB downloaded: the ticks of all pairs / CLK_TCK / (pairs * bytes / GiB). */
    private String cpuPerGib(String size, String what) {
        List<String> ticks = all("download." + size + "." + what + "_ticks");
        if (ticks.isEmpty()) {
            return "";
        }
        double sum = ticks.stream().mapToDouble(RenderReport::num).sum();
        double gib = ticks.size() * num(one("download." + size + ".bytes")) / 1073741824.0;
        return fixed(sum / num(one("machine.clk_tck")) / gib, 2);
    }

    /**
     * The API's CPU per GiB over s3proxy's on the same downloads (the S3 server's own work for those bytes): the ratio of
     * their ticks summed over the same pairs; "" if not recorded.
     */
    private String downloadCpuRatio(String size) {
        List<String> api = all("download." + size + ".api_cpu_ticks");
        List<String> s3 = all("download." + size + ".s3_cpu_api_ticks");
        if (api.isEmpty() || s3.isEmpty()) {
            return "";
        }
        return ratio(awkNumber(api.stream().mapToDouble(RenderReport::num).sum()),
                awkNumber(s3.stream().mapToDouble(RenderReport::num).sum()));
    }

    /** Scenario 4: low-load medians and ratios. */
    private String genLow(int size, String what) {
        return median("gen.low." + size + "." + what);
    }

    private String genRatio(int size, String p) {
        return ratio(genLow(size, "gen." + p), genLow(size, "kafka." + p));
    }

    /** The floor a service of the required shape cannot go below: commit + Kafka + S3 PUT + commit + Kafka. */
    private String floorRequired() {
        String commit = median("gen.floor.commit");
        String put = median("gen.floor.s3put");
        String kafka = genLow(1024, "kafka.p50");
        if (commit.isEmpty() || put.isEmpty() || kafka.isEmpty()) {
            return "";
        }
        return fixed(2 * num(commit) + num(put) + 2 * num(kafka), 1);
    }

    /** As built: 3 commits + 1 PUT + 1 GET + 2 Kafka hops. */
    private String floorBuilt() {
        String commit = median("gen.floor.commit");
        String put = median("gen.floor.s3put");
        String get = median("gen.floor.s3get");
        String kafka = genLow(1024, "kafka.p50");
        if (commit.isEmpty() || put.isEmpty() || get.isEmpty() || kafka.isEmpty()) {
            return "";
        }
        return fixed(3 * num(commit) + num(put) + num(get) + 2 * num(kafka), 1);
    }

    /** The sustained points (size, users), in the order measured. */
    private List<String[]> genLoadPoints() {
        Pattern p = Pattern.compile("gen\\.load\\.(\\d+)\\.(\\d+)\\.jobs_per_s");
        List<String[]> points = new ArrayList<>();
        for (String key : results.keySet()) {
            Matcher m = p.matcher(key);
            if (m.matches()) {
                points.add(new String[] {m.group(1), m.group(2)});
            }
        }
        return points;
    }

    private String genLoad(String[] point, String what) {
        return one("gen.load." + point[0] + "." + point[1] + "." + what);
    }

    /** The API's CPU per POST at a sustained point, "" if not recorded (runs from before it). */
    private String genApiCpuPerPost(String[] point) {
        return cpuMs(genLoad(point, "api_cpu_ticks"), genLoad(point, "posts"));
    }

    /** The worker's CPU per job that succeeded at a sustained point, "" if not recorded. */
    private String genWorkerCpuPerJob(String[] point) {
        return cpuMs(genLoad(point, "worker_cpu_ticks"), genLoad(point, "succeeded"));
    }

    /** Ticks over a wall time in ms as a percentage of one core, 1 decimal; "" if either is missing. */
    private String cpuShare(String ticks, String ms) {
        double hz = num(one("machine.clk_tck"));
        return calc(ticks, ms, (t, w) -> w == 0 ? Double.NaN : t / hz / (w / 1000) * 100, 1);
    }

    private String idemRatio() {
        return ratio(median("idem.key.rps"), median("idem.plain.rps"));
    }

    /** Scenario 6: the API's time to ready is the median of the restarts (of the one start if there is one). */
    private String startupApiMs() {
        List<String> cycles = all("startup.api.ready_ms");
        return median(cycles.size() > 1 ? cycles.subList(1, cycles.size()) : cycles);
    }

    private String jvmMs() {
        String s = one("startup.jvm_s");
        return s.isEmpty() ? "" : fixed(num(s) * 1000, 0);
    }

    /** Scenario 7: recorded only when it ran; the report leaves it out otherwise. */
    private boolean hasStreams() {
        return !all("streams.requested").isEmpty();
    }

    /** Nearest-rank percentile of the values of a key, as recorded; "" for none. */
    private String percentile(String key, double p) {
        List<String> sorted = new ArrayList<>(all(key));
        if (sorted.isEmpty()) {
            return "";
        }
        sorted.sort(Comparator.comparingDouble(RenderReport::num));
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private String streamsRatio(String p) {
        return ratio(percentile("streams.latency.sse_ms", num(p)), percentile("streams.latency.kafka_ms", num(p)));
    }

    private String streamsRssGrowth() {
        return calc(one("streams.rss_open"), one("streams.rss_before"), (a, b) -> a - b, 1);
    }

    /** "yes" when every stream answered 200 with its retry: line and was still open at the end of the hold. */
    private String streamsAllConnected() {
        String n = one("streams.requested");
        boolean all = !n.isEmpty() && n.equals(one("streams.ok")) && n.equals(one("streams.still_open"));
        return all ? "yes" : "**no**";
    }

    // ------------------------------------------------------------------ the report

    private void p(String text) {
        out.append(text).append('\n');
    }

    private void render(String analysis) {
        String n = one("seed.artifacts");
        String rounds = one("config.rounds");
        String deep = deepPage();
        String local = one("run.local_changes").equals("1") ? ", with local changes to the code" : "";
        p("# Benchmarks");
        p("");
        p("Written by `./bench` on " + one("run.date") + " (commit `" + one("run.commit") + "`" + local + ") in "
                + one("run.seconds") + " s.");
        p("**Machine: " + cores() + " cores (" + one("machine.cpu") + "), " + memory() + " memory, "
                + one("machine.os") + ", " + one("machine.java") + ", " + one("machine.psql") + ".**");
        p("""
                Everything ran on this one machine: PostgreSQL, Kafka and s3proxy (`deploy/local/stack`, profile `bench`), the API
                (`%s`), the worker (`%s`) and the load tools share the same %s cores, so a number here is
                "what this machine can do with everything on it", and each scenario's *ratio* to a stock tool run against the same
                server, interleaved in the same run, is the figure to compare across machines and runs (noise from other work on the
                machine hits both sides of a ratio alike). `ARTIFACTS_RATE_LIMIT_PER_MINUTE` is set to 10^9 so that the per-key rate
                limiter, where present, is not what is measured. Raw numbers: [benchmarks/results.tsv](benchmarks/results.tsv).

                ## Summary
                """.formatted(one("config.api_java_opts"), one("config.worker_java_opts"), cores()));
        summaryTable();

        p("""

                ## 1. Metadata read

                `GET /v1/spaces/{space}/artifacts/{id}` of a random one of the %s seeded artifacts, with `wrk`
                (`benchmarks/wrk-artifacts.lua`, 2 threads), against `pgbench -M prepared` running
                `select * from artifacts where id = …` for a random seeded ID (`benchmarks/pgbench-pk.sql`) with the same number of
                clients on the same PostgreSQL, after %s s of warm-up load. %s interleaved rounds of %s s per point; medians over the rounds.

                The last row is the ceiling: the same API process answering `GET /q/health/live` (no API key, no rate limiter, no
                database work) at 16 connections, interleaved in the same rounds, against the same 16-client `pgbench` runs. If even
                that route stays below 0.5 of `pgbench`, no metadata read that does database work can reach the goal on this
                machine. API CPU is the API process's user + system time (`/proc/<pid>/stat`) during the point, divided by its
                requests (JIT compilation and GC included).

                | connections | API req/s | API p50 ms | API p99 ms | API CPU ms/request | pgbench tps | pgbench p50 ms | pgbench p99 ms | ratio API/pgbench |
                |---|---|---|---|---|---|---|---|---|""".formatted(n, dash(one("config.warmup_seconds")), rounds, one("config.seconds")));
        for (int c : new int[] {16, 64}) {
            p("| " + c + " | " + median("meta.api.c" + c + ".rps") + " | " + median("meta.api.c" + c + ".p50") + " | "
                    + median("meta.api.c" + c + ".p99") + " | " + cpuMsPerRequest("meta.api.c" + c) + " | "
                    + median("meta.pg.c" + c + ".rps") + " | " + median("meta.pg.c" + c + ".p50") + " | "
                    + median("meta.pg.c" + c + ".p99") + " | **" + metaRatio(c) + "** |");
        }
        p("| 16, ceiling: `GET /q/health/live` | " + median("meta.ceiling.c16.rps") + " | " + median("meta.ceiling.c16.p50")
                + " | " + median("meta.ceiling.c16.p99") + " | " + cpuMsPerRequest("meta.ceiling.c16") + " | "
                + median("meta.pg.c16.rps") + " | " + median("meta.pg.c16.p50") + " | " + median("meta.pg.c16.p99") + " | "
                + ceilingRatio() + " |");

        String previous = deep.isEmpty() ? "" : Long.toString((long) num(deep) - 1);
        String deepRow = deep.isEmpty() ? "" : Long.toString(((long) num(deep) - 1) * 100);
        String cursor;
        if (one("list.walk.limit").isEmpty()) {
            // a run from before the walk: the cursor was built from the row of that position in SQL
            cursor = "`limit=100`; the cursor of page " + deep + " is the one the API hands out\n"
                    + "after page " + previous + " (built from row " + deepRow
                    + " of the walk). Latency of one connection";
        } else {
            cursor = "`limit=100`; the cursor of page " + deep + " is the one the API hands out\n"
                    + "after page " + previous + ", got as a client gets it: by following `next_cursor` from page 1 ("
                    + walkRequests() + " requests of up to " + one("list.walk.limit") + " rows\n"
                    + "for each filter; the page it opens is checked to start at row " + deepRow
                    + ", where `OFFSET` starts). Latency of one connection";
        }
        p("""

                ![metadata read](benchmarks/metadata.png)

                ## 2. List at depth

                A space with %1$s artifacts (seeded by `benchmarks/seed.sql` with `generate_series`). Each artifact is `ready`, of
                type `document` and in thread `bench-thread`, so that every filter matches all %1$s rows and page %2$s exists for
                each; each filter still walks its own index. %3$s
                (`wrk -c1`, %4$s s per point) against the same query with `OFFSET` instead of a keyset, run directly on
                PostgreSQL (`pgbench -c1` with the SQL the repository issues, `limit 101 offset …`).

                The API's CPU per request is its process's user + system time (`/proc/<pid>/stat`) during the point divided by
                the point's requests, page 1 / page %2$s.

                | filter | API page 1 p50 / p99 ms | API page %2$s p50 / p99 ms | ratio deep/first (p50) | OFFSET page 1 p50 / p99 ms | OFFSET page %2$s p50 / p99 ms | OFFSET ratio deep/first (p50) | API CPU ms/request |
                |---|---|---|---|---|---|---|---|""".formatted(n, deep, cursor, one("config.list_seconds")));
        for (String v : LIST_FILTERS) {
            String label = switch (v) {
                case "none" -> "(none)";
                case "thread" -> "thread_id";
                case "type" -> "document_type";
                default -> v;
            };
            p("| " + label + " | " + list(v, 1, "api.p50") + " / " + list(v, 1, "api.p99") + " | "
                    + list(v, deep, "api.p50") + " / " + list(v, deep, "api.p99") + " | **" + listRatio(v, "api") + "** | "
                    + list(v, 1, "offset.p50") + " / " + list(v, 1, "offset.p99") + " | "
                    + list(v, deep, "offset.p50") + " / " + list(v, deep, "offset.p99") + " | " + listRatio(v, "offset") + " | "
                    + dash(listCpu(v, 1)) + " / " + dash(listCpu(v, deep)) + " |");
        }
        p("""

                Without a filter, by page:

                | page | API p50 ms | API p99 ms | OFFSET p50 ms | OFFSET p99 ms | API CPU ms/request |
                |---|---|---|---|---|---|""");
        for (int page : listPages("none")) {
            p("| " + page + " | " + list("none", page, "api.p50") + " | " + list("none", page, "api.p99") + " | "
                    + list("none", page, "offset.p50") + " | " + list("none", page, "offset.p99") + " | "
                    + dash(listCpu("none", page)) + " |");
        }
        p("""

                ![list at depth](benchmarks/list.png)

                ## 3. Download

                The same object read through `GET …/artifacts/{id}/download` and with a signed (SigV4) GET straight from s3proxy,
                both with `curl -o /dev/null`, alternating (the objects are written to S3 and their rows inserted directly). Median
                throughput over the pairs. The API's peak RSS is its `VmHWM` after the downloads of that size, reset
                (`/proc/PID/clear_refs`) just before them.

                | size | pairs | API MB/s | direct MB/s | ratio API/direct | API RSS before MB | API peak RSS MB | growth MB |
                |---|---|---|---|---|---|---|---|""");
        for (String s : downloadSizes()) {
            p("| " + s + " | " + one("download." + s + ".reps") + " | " + downloadMbsText(s, "api") + " | "
                    + downloadMbsText(s, "direct") + " | **" + downloadRatio(s) + "** | " + one("download." + s + ".rss_before")
                    + " | " + one("download." + s + ".rss_peak") + " | " + rssGrowth(s) + " |");
        }
        p("""

                Where the CPU goes, in CPU-seconds per GiB downloaded (user + system time of each process from `/proc/PID/stat`
                around each transfer, summed over the pairs; `curl` itself not counted). The last column is the API's CPU per
                GiB over the S3 server's own for the same downloads (target: ≤ 1):

                | size | API process, API path | s3proxy, API path | s3proxy, direct | ratio API / s3proxy (API path) |
                |---|---|---|---|---|""");
        for (String s : downloadSizes()) {
            p("| " + s + " | " + cpuPerGib(s, "api_cpu") + " | " + cpuPerGib(s, "s3_cpu_api") + " | "
                    + cpuPerGib(s, "s3_cpu_direct") + " | " + dash(downloadCpuRatio(s)) + " |");
        }
        p("""

                ![download](benchmarks/download.png)

                ## 4. Generate pipeline

                `benchmarks/GenerateLoad.java` (JDK HttpClient + the broker's kafka-clients) posts `…/artifacts/generate` and
                takes a job as done when its `job.succeeded` event arrives on `artifacts.events.v1`; latency is from just before
                the POST to the arrival of that event (API staging the bytes in S3 and committing, sending the request to Kafka,
                worker claiming the job, reading the staged bytes back with hashing and media-type detection, committing, sending
                the event). All after %s s of warm-up load (1 KB, 4 users; and a third of it at 1 MB). Baseline: Kafka's own `org.apache.kafka.tools.EndToEndLatency`
                (acks=all) on the same broker, one message at a time, interleaved with the pipeline runs (%s rounds; medians).
                The 1 MB Kafka baseline sends 1,000,000-byte records (the producer's default `max.request.size` is 1 MiB).

                Low load (one request at a time, each waiting for its job):

                | content | POST→succeeded p50 ms | p99 ms | Kafka produce→consume p50 ms | p99 ms | ratio p50 | ratio p99 |
                |---|---|---|---|---|---|---|""".formatted(dash(one("config.gen_warmup_seconds")), rounds));
        for (int size : GEN_SIZES) {
            String r50 = genRatio(size, "p50");
            p("| " + (size == 1024 ? "1 KB" : "1 MB") + " | " + genLow(size, "gen.p50") + " | " + genLow(size, "gen.p99")
                    + " | " + genLow(size, "kafka.p50") + " | " + genLow(size, "kafka.p99") + " | "
                    + (size == 1024 ? "**" + r50 + "**" : r50) + " | " + genRatio(size, "p99") + " |");
        }
        p("""

                Where the time goes at low load, from the database's own timestamps of the same jobs (`benchmarks/pipeline-steps.sql`:
                the job's `created_at`, `started_at`, `finished_at` and the outbox rows' `sent_at`, i.e. the broker's
                acknowledgement); the client-side POST (authentication, base64 decoding, staging the bytes in S3, the accepting
                transaction) comes before the first step, and the event's way from the broker to the client after the last:

                | step | 1 KB p50 ms | 1 KB p90 ms | 1 MB p50 ms | 1 MB p90 ms |
                |---|---|---|---|---|""");
        String[][] steps = {
            {"relay_request", "API: job committed → generation request acknowledged by Kafka (sent right after the commit)"},
            {"kafka_to_claim", "Kafka → the worker claimed the job (its claim transaction)"},
            {"worker", "worker: claimed → succeeded (claim commit, S3 read of the staged bytes, hash, detection)"},
            {"relay_event", "worker: succeeded committed → `job.succeeded` acknowledged by Kafka (sent right after the commit)"},
            {"total", "job committed → `job.succeeded` acknowledged (whole server side)"},
        };
        for (String[] step : steps) {
            StringBuilder row = new StringBuilder("| " + step[1] + " |");
            for (int size : GEN_SIZES) {
                for (String p : new String[] {"p50", "p90"}) {
                    row.append(' ').append(one("gen.steps." + size + "." + step[0] + "." + p)).append(" |");
                }
            }
            p(row.toString());
        }
        String kafka50 = genLow(1024, "kafka.p50");
        p("""

                The floor, from the same rounds (medians): a committed one-row transaction costs %s ms here (`pgbench`,
                1 client, `benchmarks/pgbench-commit.sql`), a 1 KB signed PUT to s3proxy %s ms and a GET %s ms (`curl`, one
                connection), Kafka's produce→consume %s ms. Any service of the required shape (the API commits the request and
                publishes it; the worker stores the bytes in S3, commits the outcome, and the event goes through Kafka) pays at least
                commit + Kafka + S3 PUT + commit + Kafka = **%s ms** at p50 even with the bytes inside the Kafka record; as built (the
                API stages the bytes under the artifact's key in S3, the worker claims the job, reads the bytes back and finishes)
                the same sum is 3 commits + 1 PUT + 1 GET + 2 Kafka hops = **%s ms**. The goal (10 × Kafka's p50) is
                %s ms.

                Sustained (closed loop: each user posts, waits for its job to succeed, posts again; %s s per point;
                jobs/s counts jobs that succeeded). CPU is each process's user + system time (`/proc/<pid>/stat`) over the
                point (the load client's start included), the API's divided by the POSTs it accepted, the worker's by the jobs
                that succeeded:

                | content | users | jobs/s | POST→succeeded p50 ms | p99 ms | POST p50 ms | POST p99 ms | API CPU ms/POST | worker CPU ms/job |
                |---|---|---|---|---|---|---|---|---|""".formatted(median("gen.floor.commit"), median("gen.floor.s3put"),
                median("gen.floor.s3get"), kafka50, floorRequired(), floorBuilt(),
                kafka50.isEmpty() ? "" : fixed(10 * num(kafka50), 0), one("config.gen_seconds")));
        for (String[] point : genLoadPoints()) {
            p("| " + (point[0].equals("1024") ? "1 KB" : "1 MB") + " | " + point[1] + " | " + genLoad(point, "jobs_per_s")
                    + " | " + genLoad(point, "e2e_p50") + " | " + genLoad(point, "e2e_p99") + " | " + genLoad(point, "post_p50")
                    + " | " + genLoad(point, "post_p99") + " | " + dash(genApiCpuPerPost(point)) + " | "
                    + dash(genWorkerCpuPerJob(point)) + " |");
        }
        String idleApi = cpuShare(one("gen.idle.api_cpu_ticks"), one("gen.idle.ms"));
        String idleWorker = cpuShare(one("gen.idle.worker_cpu_ticks"), one("gen.idle.ms"));
        if (!idleApi.isEmpty() && !idleWorker.isEmpty()) {
            p("");
            p("With no load (" + fixed(num(one("gen.idle.ms")) / 1000, 1) + " s just before these points) the API used " + idleApi
                    + " % and the worker " + idleWorker + " % of one core (pollers, consumers, timers): part of each figure"
                    + " above, more so at the lower rates.");
        }
        p("""

                ![generate](benchmarks/generate.png)

                ## 5. Idempotency overhead

                Generate with 1 KB contents, 8 users posting as fast as the API answers (not waiting for the jobs), %s s per run,
                with a fresh `Idempotency-Key` on every request and without one, alternating (%s rounds; medians). After each run
                the client waits until every accepted job succeeded, so each run starts with an idle worker. Scenario 4 has warmed
                the path without a key; a 3 s run with keys before the first round warms the key's path (the reservation) likewise.

                | | POST/s | POST p50 ms | POST p99 ms | jobs/s incl. drain |
                |---|---|---|---|---|""".formatted(one("config.gen_seconds"), rounds));
        for (String[] mode : new String[][] {{"plain", "without key"}, {"key", "with key"}}) {
            p("| " + mode[1] + " | " + median("idem." + mode[0] + ".rps") + " | " + median("idem." + mode[0] + ".p50") + " | "
                    + median("idem." + mode[0] + ".p99") + " | " + median("idem." + mode[0] + ".completed") + " |");
        }
        p("| **ratio with/without** | **" + idemRatio() + "** | | | |");
        p("""

                ## 6. Start-up and footprint

                Time from starting `java … -jar quarkus-run.jar` until `/q/health/ready` answers 200 (PostgreSQL, Kafka and S3 are
                checked by readiness), polled every 50 ms; RSS one second after ready. %s cycles; the first API start also runs
                the Flyway migrations on an empty database and is shown apart. Baseline: the same JVM with the same options doing
                nothing (`java %s -version`, hyperfine, median of 5). CPU: the process's user + system time from its start
                until it was ready, in seconds (all its threads: class loading, the JIT compilers, the garbage collector,
                connecting); on 2 cores, time to ready cannot be much less than half of it.

                | cycle | API ready ms | API CPU s to ready | API RSS MB | worker ready ms | worker CPU s to ready | worker RSS MB |
                |---|---|---|---|---|---|---|""".formatted(one("config.starts"), one("config.api_java_opts")));
        List<String> apiMs = all("startup.api.ready_ms");
        List<String> apiRss = all("startup.api.rss_mb");
        List<String> workerMs = all("startup.worker.ready_ms");
        List<String> workerRss = all("startup.worker.rss_mb");
        List<String> apiCpu = cpuSeconds(all("startup.api.cpu_ticks"));
        List<String> workerCpu = cpuSeconds(all("startup.worker.cpu_ticks"));
        for (int i = 0; i < apiMs.size(); i++) {
            p("| " + (i + 1) + " | " + apiMs.get(i) + " | " + dash(at(apiCpu, i)) + " | " + at(apiRss, i) + " | "
                    + at(workerMs, i) + " | " + dash(at(workerCpu, i)) + " | " + at(workerRss, i) + " |");
        }
        String jvm = jvmMs();
        p("""

                | | API | worker |
                |---|---|---|
                | time to ready (median of restarts) | %s ms | %s ms |
                | ratio to a bare JVM start (%s ms) | %s | %s |
                | RSS when ready | %s MB | %s MB |
                | RSS after every scenario | %s MB | %s MB |
                | peak RSS (VmHWM; the API's was reset before the last download) | %s MB | %s MB |""".formatted(
                startupApiMs(), median(workerMs), jvm, ratio(startupApiMs(), jvm), ratio(median(workerMs), jvm),
                median(apiRss), median(workerRss), one("footprint.api_rss_end"), one("footprint.worker_rss_end"),
                one("footprint.api_hwm_end"), one("footprint.worker_hwm_end")));
        if (hasStreams()) {
            streamsSection();
        }
        if (analysis != null) {
            p("");
            out.append(analysis);
        }
        p("");
        p("## Closing note");
        p("");
        p("Every ratio of this run and whether its goal holds (the goals are reported, not enforced):");
        p("");
        summaryTable();
    }

    private void streamsSection() {
        String n = one("streams.requested");
        double hz = num(one("machine.clk_tck"));
        String ok = one("streams.ok");
        String openCpu = calc(one("streams.open_cpu_ticks"), ok, (t, k) -> t * 1000 / hz / k, 2);
        List<String> holdTicks = all("streams.hold_cpu_ticks");
        List<String> holdMs = all("streams.hold_ms");
        List<String> halves = new ArrayList<>();
        for (int i = 0; i < Math.min(holdTicks.size(), holdMs.size()); i++) {
            halves.add(calc(holdTicks.get(i), holdMs.get(i), (t, ms) -> t / hz / (ms / 1000) * 100, 1));
        }
        String idleCpu = String.join(" %, then ", halves);
        String openS = calc(one("streams.open_ms"), "1000", (a, b) -> a / b, 1);
        p("""

                ## 7. Event streams

                `benchmarks/EventStreams.java` (compiled by `./bench` like `GenerateLoad.java`). **Idle streams:** %1$s streams of the
                seeded space (`GET /v1/spaces/{space}/events` with `X-API-Key`), opened by one client JVM on plain NIO sockets (at
                most 200 waiting for their answer at a time), each checked to answer `200` and to send its opening `retry:` line,
                then held open %2$s s with no event in the space (and no heartbeat: one comes after 15 s of silence), then closed.
                The API runs with `%3$s`. Its RSS (`VmRSS`) is read before opening, at the end of the hold and 2 s after closing,
                its peak (`VmHWM`) after resetting it just before opening, its CPU (`/proc/<pid>/stat`) while opening and while
                holding. The client runs on the same cores.

                | | |
                |---|---|
                | streams opened at once | %1$s |
                | answered `200` with `retry:`, and still open at the end of the hold | %4$s (%5$s; still open: %6$s) |
                | time to open them all | %7$s s |
                | API RSS before / with the streams open / growth | %8$s MB / %9$s MB / **+%10$s MB** |
                | API peak RSS while they were open (VmHWM) | %11$s MB |
                | API RSS 2 s after closing them | %12$s MB |
                | API CPU to open them | %13$s ms per stream |
                | API CPU while they are open and idle, first and second half of the hold | %14$s %% of one core |""".formatted(n, one("streams.hold_seconds"),
                one("config.api_java_opts"), streamsAllConnected(), ok + " of " + n + "; refused: " + one("streams.non200")
                        + ", no `retry:`: " + one("streams.no_retry") + ", failed: " + one("streams.failed"),
                one("streams.still_open"), openS, one("streams.rss_before"), one("streams.rss_open"), streamsRssGrowth(),
                one("streams.rss_peak"), one("streams.rss_after"), openCpu, idleCpu));
        String samples = Integer.toString(all("streams.latency.sse_ms").size());
        p("""

                **Event latency:** with one stream of the space open (`types=job.succeeded`) and, in the same client, a consumer
                of `artifacts.events.v1` reading from its end, generate jobs (1 KB) are posted one at a time, each after a random
                pause of 0 to 250 ms (so that the commits fall at random points of the API's journal poll, not in step with it),
                each waiting for its `job.succeeded` on both. The time is the arrival minus the event's `occurred_at`: the worker
                stamps it as it marks the job succeeded, in that transaction, just before the commit, with microsecond precision,
                and the client reads the same machine's clock, so each figure includes that commit and is slightly pessimistic
                for "committed → arrival". On the stream's path the committed event waits for the API's journal poll
                (`ARTIFACTS_EVENTS_POLL_INTERVAL=%1$s`; half of it on average), then is handed to the stream and written; on
                Kafka's, the worker sends it right after the commit and the consumer fetches it. Both are the same events. The third row is Kafka's
                own produce→consume of the same records: the arrival minus the record's timestamp (set by the sending producer;
                milliseconds).

                | the same `job.succeeded` events | samples | p50 ms | p99 ms |
                |---|---|---|---|
                | committed → arrival on the stream (SSE) | %2$s | %3$s | %4$s |
                | committed → arrival on the Kafka consumer | %2$s | %5$s | %6$s |
                | Kafka produce → consume of the same records | %2$s | %7$s | %8$s |""".formatted(
                one("streams.poll_interval"), samples, percentile("streams.latency.sse_ms", 50),
                percentile("streams.latency.sse_ms", 99), percentile("streams.latency.kafka_ms", 50),
                percentile("streams.latency.kafka_ms", 99), percentile("streams.latency.kafka_hop_ms", 50),
                percentile("streams.latency.kafka_hop_ms", 99)));
        if (!genLow(1024, "kafka.p50").isEmpty()) {
            p("| Kafka's `EndToEndLatency`, 1 KB, acks=all (scenario 4, median of its rounds) | | " + genLow(1024, "kafka.p50")
                    + " | " + genLow(1024, "kafka.p99") + " |");
        }
        p("| **ratio stream / Kafka consumer** | | **" + streamsRatio("50") + "** | " + streamsRatio("99") + " |");
        String missed = one("streams.latency.missed");
        String errors = one("streams.latency.errors");
        if (num(missed) > 0 || num(errors) > 0) {
            p("");
            p("Jobs left out: " + missed + " whose event did not arrive on both within 60 s, " + errors + " failed POSTs.");
        }
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    /** The walk's requests per filter, "9999" when every filter took as many, else "9999 (none), ...". */
    private String walkRequests() {
        Set<String> counts = new LinkedHashSet<>();
        List<String> each = new ArrayList<>();
        for (String v : LIST_FILTERS) {
            String r = one("list." + v + ".walk.requests");
            if (!r.isEmpty()) {
                counts.add(r);
                each.add(r + " (" + v + ")");
            }
        }
        return counts.size() == 1 ? counts.iterator().next() : String.join(", ", each);
    }

    private void summaryTable() {
        String deep = deepPage();
        p("| scenario | ratio or figure | goal | verdict |");
        p("|---|---|---|---|");
        for (int c : new int[] {16, 64}) {
            p("| 1. metadata read, API / pgbench (req/s), " + c + " connections | " + metaRatio(c) + " | ≥ 0.5 | "
                    + verdict(metaRatio(c), ">=", 0.5) + " |");
        }
        p("| 1. ceiling: `GET /q/health/live` (no database) / pgbench (req/s), 16 connections | " + ceilingRatio()
                + " | (none) | – |");
        for (String v : LIST_FILTERS) {
            String r = listRatio(v, "api");
            p("| 2. list, page " + deep + " / page 1 (p50), filter " + v + " | " + r + " (OFFSET in SQL: "
                    + listRatio(v, "offset") + ") | ≤ 1.5 | " + verdict(r, "<=", 1.5) + " |");
        }
        List<String> sizes = downloadSizes();
        for (String s : sizes) {
            String r = downloadRatio(s);
            if (s.equals("1M")) {
                p("| 3. download " + s + ", API / direct S3 (MB/s) | " + r + " | (none) | – |");
            } else {
                p("| 3. download " + s + ", API / direct S3 (MB/s) | " + r + " | ≥ 0.9 | " + verdict(r, ">=", 0.9) + " |");
            }
        }
        String last = sizes.isEmpty() ? "" : sizes.get(sizes.size() - 1);
        String growth = rssGrowth(last);
        p("| 3. API RSS growth during the " + last + " download | " + growth + " MB | < 64 MB | " + verdict(growth, "<", 64)
                + " |");
        String gen = genRatio(1024, "p50");
        p("| 4. generate 1 KB, POST→succeeded p50 / Kafka produce→consume p50 (low load) | " + gen + " (p99: "
                + genRatio(1024, "p99") + "; the floor of any service of the required shape alone: "
                + ratio(floorRequired(), genLow(1024, "kafka.p50")) + ", see 4) | ≤ 10 | " + verdict(gen, "<=", 10) + " |");
        p("| 4. generate 1 MB, POST→succeeded p50 / Kafka 1 MB produce→consume p50 | " + genRatio(1048576, "p50")
                + " | (none) | – |");
        p("| 5. generate with / without Idempotency-Key (POST/s) | " + idemRatio() + " | ≥ 0.9 | "
                + verdict(idemRatio(), ">=", 0.9) + " |");
        String jvm = jvmMs();
        p("| 6. time to ready / bare JVM start: API, worker | " + ratio(startupApiMs(), jvm) + ", "
                + ratio(median("startup.worker.ready_ms"), jvm) + " | (none) | – |");
        if (hasStreams()) {
            p("| 7. event streams: job.succeeded committed → arrival, on a stream / on the Kafka consumer (p50) | "
                    + streamsRatio("50") + " (p99: " + streamsRatio("99") + "; " + one("streams.requested")
                    + " idle streams on one API: all connected " + streamsAllConnected() + ", API RSS +"
                    + streamsRssGrowth() + " MB) | (none) | – |");
        }
        targetRows();
    }

    /**
     * The targets of the next step (issue 17), below the long-term goals: each with the figure of this run, or "–" and
     * "not measured" when the TSV does not hold it (a run from before it was recorded, or a scenario left out).
     */
    private void targetRows() {
        p("| **targets of the next step** (the goals above stay) | | | |");
        target("1. metadata read, API CPU per request, 64 connections", ms(cpuMsPerRequest("meta.api.c64")), "≤ 0.15 ms",
                cpuMsPerRequest("meta.api.c64"), "<=", 0.15);
        target("1. metadata read, API / pgbench (req/s), 64 connections", metaRatio(64), "≥ 0.3", metaRatio(64), ">=", 0.3);
        for (String s : new String[] {"100M", "1G"}) {
            String r = downloadRatio(s);
            target("3. download " + s + ", API / direct S3 (MB/s)", r, "≥ 0.8", r, ">=", 0.8);
        }
        for (String s : new String[] {"100M", "1G"}) {
            String r = downloadCpuRatio(s);
            String api = cpuPerGib(s, "api_cpu");
            String s3 = cpuPerGib(s, "s3_cpu_api");
            String figure = r.isEmpty() ? "" : r + " (" + api + " / " + s3 + " CPU-s per GiB; s3proxy direct: "
                    + cpuPerGib(s, "s3_cpu_direct") + ")";
            target("3. download " + s + ", API CPU per GiB / s3proxy's on the same downloads", figure, "≤ 1", r, "<=", 1);
        }
        String growth = rssGrowth("1G");
        target("3. API RSS growth during the 1G download", growth.isEmpty() ? "" : growth + " MB", "< 64 MB", growth, "<", 64);
        String[] one = {"1024", "1"};
        target("4. generate 1 KB, POST p50, 1 user (sustained point)", ms(genLoad(one, "post_p50")), "≤ 8 ms",
                genLoad(one, "post_p50"), "<=", 8);
        String gen = genRatio(1024, "p50");
        target("4. generate 1 KB, POST→succeeded p50 / Kafka produce→consume p50 (low load)", gen, "≤ 20", gen, "<=", 20);
        String[] sixteen = {"1024", "16"};
        String jobs = genLoad(sixteen, "jobs_per_s");
        target("4. generate 1 KB, jobs/s sustained, 16 users", jobs, "≥ 100", jobs, ">=", 100);
        String apiReady = startupApiMs();
        String workerReady = median("startup.worker.ready_ms");
        target("6. API time to ready (median of restarts)", ms(apiReady) + cpuToReady("api"), "≤ 2500 ms", apiReady, "<=", 2500);
        target("6. worker time to ready (median)", ms(workerReady) + cpuToReady("worker"), "≤ 2500 ms", workerReady, "<=", 2500);
        String apiRss = median("startup.api.rss_mb");
        String workerRss = median("startup.worker.rss_mb");
        target("6. API RSS idle (1 s after ready, median)", apiRss.isEmpty() ? "" : apiRss + " MB", "≤ 200 MB", apiRss, "<=", 200);
        target("6. worker RSS idle (1 s after ready, median)", workerRss.isEmpty() ? "" : workerRss + " MB", "≤ 200 MB",
                workerRss, "<=", 200);
    }

    /** Clock ticks (as recorded) to CPU-seconds, two decimals. */
    private List<String> cpuSeconds(List<String> ticks) {
        String hz = one("machine.clk_tck");
        return ticks.stream().map(t -> calc(t, hz, (a, b) -> a / b, 2)).toList();
    }

    /** " (CPU to ready X s)" from the median of the cycles' CPU ticks, or "" when not recorded. */
    private String cpuToReady(String app) {
        List<String> cpu = cpuSeconds(all("startup." + app + ".cpu_ticks"));
        return cpu.isEmpty() ? "" : " (" + median(cpu) + " CPU-s to ready)";
    }

    private static String ms(String value) {
        return value.isEmpty() ? "" : value + " ms";
    }

    /** One target row: the figure shown ("–" if not measured), the target and the verdict on the value. */
    private void target(String what, String figure, String goal, String value, String op, double bound) {
        String v = value.isEmpty() || figure.isEmpty() ? "" : value;
        p("| " + what + " | " + dash(v.isEmpty() ? "" : figure) + " | " + goal + " | " + verdict(v, op, bound) + " |");
    }

    // ------------------------------------------------------------------ the plots' data

    private void writePlotData(Path dir) throws IOException {
        Files.createDirectories(dir);
        // metadata.dat: connections client rps p50 p99 (client: api | pg), means over the rounds
        StringBuilder meta = new StringBuilder();
        for (int c : new int[] {16, 64}) {
            for (String who : new String[] {"api", "pg"}) {
                String k = "meta." + who + ".c" + c;
                if (!all(k + ".rps").isEmpty()) {
                    meta.append(c).append(' ').append(who).append(' ').append(awkNumber(mean(all(k + ".rps")))).append(' ')
                            .append(awkNumber(mean(all(k + ".p50")))).append(' ').append(awkNumber(mean(all(k + ".p99"))))
                            .append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("metadata.dat"), meta, StandardCharsets.UTF_8);
        // list.dat: page api_p50 api_p99 offset_p50 offset_p99, no filter
        StringBuilder list = new StringBuilder();
        for (int page : listPages("none")) {
            list.append(page).append(' ').append(list("none", page, "api.p50")).append(' ').append(list("none", page, "api.p99"))
                    .append(' ').append(list("none", page, "offset.p50")).append(' ')
                    .append(list("none", page, "offset.p99")).append('\n');
        }
        Files.writeString(dir.resolve("list.dat"), list, StandardCharsets.UTF_8);
        // download.dat: bytes label api_MBps direct_MBps
        StringBuilder download = new StringBuilder();
        for (String s : downloadSizes()) {
            if (!one("download." + s + ".bytes").isEmpty()) {
                download.append(one("download." + s + ".bytes")).append(' ').append(s).append(' ')
                        .append(downloadMbsText(s, "api")).append(' ').append(downloadMbsText(s, "direct")).append('\n');
            }
        }
        Files.writeString(dir.resolve("download.dat"), download, StandardCharsets.UTF_8);
        // generate.dat: size users jobs_per_s e2e_p50 e2e_p99
        StringBuilder generate = new StringBuilder();
        for (String[] point : genLoadPoints()) {
            generate.append(point[0]).append(' ').append(point[1]).append(' ').append(genLoad(point, "jobs_per_s")).append(' ')
                    .append(genLoad(point, "e2e_p50")).append(' ').append(genLoad(point, "e2e_p99")).append('\n');
        }
        Files.writeString(dir.resolve("generate.dat"), generate, StandardCharsets.UTF_8);
    }
}
