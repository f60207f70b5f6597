# Plots for docs/benchmarks.md; ./bench runs: gnuplot -e "dir='docs/benchmarks'" benchmarks/plots.gp
set terminal pngcairo size 900,520 font "DejaVu Sans,10"
set grid
set key top left

# metadata.dat: connections client rps p50 p99 (client: api | pg)
set output dir.'/metadata.png'
set title 'Metadata read: throughput (left, log) and latency (right, log) against load'
set xlabel 'connections (clients)'
set ylabel 'requests per second'
set y2label 'latency ms'
set logscale y
set logscale y2
set y2tics
set ytics nomirror
set xtics (16, 64)
set xrange [8:72]
set key outside bottom center horizontal maxrows 2
plot dir.'/metadata.dat' using 1:(strcol(2) eq 'api' ? $3 : 1/0) with linespoints lw 3 pt 7 ps 1.5 lc rgb '#1f77b4' title 'API GET req/s (wrk)', \
     ''                  using 1:(strcol(2) eq 'pg' ? $3 : 1/0) with linespoints lw 3 pt 5 ps 1.5 lc rgb '#ff7f0e' title 'pgbench select by PK tps', \
     ''                  using 1:(strcol(2) eq 'api' ? $5 : 1/0) axes x1y2 with linespoints dt 3 pt 6 lc rgb '#1f77b4' title 'API p99 ms', \
     ''                  using 1:(strcol(2) eq 'pg' ? $5 : 1/0) axes x1y2 with linespoints dt 3 pt 4 lc rgb '#ff7f0e' title 'pgbench p99 ms', \
     ''                  using 1:(strcol(2) eq 'api' ? $4 : 1/0) axes x1y2 with linespoints dt 2 pt 6 lc rgb '#1f77b4' title 'API p50 ms', \
     ''                  using 1:(strcol(2) eq 'pg' ? $4 : 1/0) axes x1y2 with linespoints dt 2 pt 4 lc rgb '#ff7f0e' title 'pgbench p50 ms'
unset logscale
unset y2label
unset y2tics
set ytics mirror
unset xtics
set xtics
set autoscale x
set key inside top left vertical

# list.dat: page api_p50 api_p99 offset_p50 offset_p99
set output dir.'/list.png'
set title 'List (limit=100, no filter): latency against depth'
set xlabel 'page (rows skipped = 100 x (page - 1))'
set ylabel 'latency ms (log)'
set logscale xy
set yrange [*:*]
plot dir.'/list.dat' using 1:2 with linespoints lw 2 pt 7 title 'API keyset p50', \
     ''              using 1:3 with linespoints dt 2 pt 6 title 'API keyset p99', \
     ''              using 1:4 with linespoints lw 2 pt 5 title 'SQL OFFSET p50 (pgbench)', \
     ''              using 1:5 with linespoints dt 2 pt 4 title 'SQL OFFSET p99 (pgbench)'
unset logscale

# download.dat: bytes label api_MBps direct_MBps
set output dir.'/download.png'
set title 'Download: throughput against object size'
set xlabel 'object size'
set ylabel 'MB/s (median)'
set logscale x
set yrange [0:*]
plot dir.'/download.dat' using 1:3:xtic(2) with linespoints lw 2 pt 7 title 'API /download (curl)', \
     ''                  using 1:4 with linespoints lw 2 pt 5 title 'signed GET from s3proxy (curl)'
unset logscale

# generate.dat: size users jobs_per_s e2e_p50 e2e_p99
set output dir.'/generate.png'
set title 'Generate pipeline: jobs completed and POST-to-succeeded latency against load'
set xlabel 'concurrent users (closed loop)'
set ylabel 'jobs succeeded per second'
set y2label 'POST to succeeded, ms'
set y2tics
set ytics nomirror
set yrange [0:*]
set y2range [0:*]
set logscale x 2
plot dir.'/generate.dat' using ($1 == 1024 ? $2 : 1/0):3 with linespoints lw 2 pt 7 title '1 KB jobs/s', \
     ''                  using ($1 != 1024 ? $2 : 1/0):3 with linespoints lw 2 pt 5 title '1 MB jobs/s', \
     ''                  using ($1 == 1024 ? $2 : 1/0):4 axes x1y2 with linespoints dt 2 pt 6 title '1 KB p50 ms', \
     ''                  using ($1 == 1024 ? $2 : 1/0):5 axes x1y2 with linespoints dt 3 pt 6 title '1 KB p99 ms', \
     ''                  using ($1 != 1024 ? $2 : 1/0):4 axes x1y2 with linespoints dt 2 pt 4 title '1 MB p50 ms', \
     ''                  using ($1 != 1024 ? $2 : 1/0):5 axes x1y2 with linespoints dt 3 pt 4 title '1 MB p99 ms'
