# tcu_bench.gp - plots of `make bench-tcu` (gnuplot -e "dir='build/bench'" sw-tests/tcu-bench/tcu_bench.gp)
if (!exists("dir")) dir = 'build/bench'
set terminal pngcairo size 1200,500 font ",10"
set output dir.'/tcu_bench.png'
set datafile separator ','
set key top left
set grid
set logscale x 2
set multiplot layout 1,2 title "TCU on the simulated SoC, PicoRV32 tiles (make bench-tcu)"
set xlabel 'payload (bytes)'
set ylabel 'round trip, median (cycles)'
plot for [h in "1 2 4"] dir.'/tcu_rtt.csv' using 3:(strcol(2) eq h ? $6 : 1/0) \
	with linespoints title h.' hop(s)'
set xlabel 'transfer size (bytes)'
set ylabel 'bytes / cycle'
set yrange [0:9]
plot dir.'/tcu_bw.csv' using 3:(strcol(1) eq '2x2' ? $5 : 1/0) with linespoints title 'WRITE (2x2, 1 hop)', \
     dir.'/tcu_bw.csv' using 3:(strcol(1) eq '2x2' ? $7 : 1/0) with linespoints title 'READ (2x2, 1 hop)', \
     8 with lines dt 2 lc rgb 'gray' title 'link limit (8 B/cycle)'
unset multiplot
