# noc_bench.gp - plots of `make bench-noc` (run with: gnuplot -e "dir='build/bench'" ...)
if (!exists("dir")) dir = 'build/bench'
set terminal pngcairo size 1200,500 font ",10"
set output dir.'/noc_latency.png'
set datafile separator ','
set key top left
set grid
set multiplot layout 1,2 title "NoC 4x4 mesh, XY wormhole, 4-flit packets (make bench-noc)"
set xlabel 'offered load (flits/node/cycle)'
set ylabel 'average packet latency (cycles, generation to tail)'
set logscale y
pats = "uniform transpose bitcomp hotspot neighbour"
plot for [p in pats] dir.'/noc_load.csv' using 2:(strcol(1) eq p ? $4 : 1/0) smooth unique \
	with linespoints title p
unset logscale y
set ylabel 'accepted throughput (flits/node/cycle)'
set key top left
plot for [p in pats] dir.'/noc_load.csv' using 2:(strcol(1) eq p ? $3 : 1/0) smooth unique \
	with linespoints title p, x with lines dt 2 lc rgb 'gray' title 'offered'
unset multiplot
