# table1.gp — a self-contained gnuplot script: its data and parameters are inline.
# Table 1 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters', as grouped bars.
# Registered as mini-table1: Mini Table 1 — four token compressors at 4 and 1 tokens on models trained here (reasoning family).
# Input: results:mini-compressors of paper-artifacts/results.sqlite, data 7afda8ff2dc46188aa79b096cf0d8655780c83578bde48fe75a8cdcbabe2325a.
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot table1.gp                     -> table1.png
#   gnuplot -e "format='svg'" table1.gp   -> table1.svg
#   gnuplot -e "format='pdf'" table1.gp   -> table1.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'table1.' . format
if (format ne 'png' && format ne 'svg' && format ne 'pdf') {
  print sprintf("unknown format '%s': use png, svg or pdf", format)
  exit status 2
}
if (format eq 'png') {
  set terminal pngcairo size 960,1320 enhanced font 'DejaVu Sans,14' background rgb 'white'
  pointscale = 1.0
}
if (format eq 'svg') {
  set terminal svg size 960,1320 enhanced font 'DejaVu Sans,14' background rgb 'white' fontscale 4.0/3.0 dashlength 0.5
  pointscale = 0.55
}
if (format eq 'pdf') {
  set terminal pdfcairo size 960/96.0,1320/96.0 enhanced font 'DejaVu Sans,14' background rgb 'white' fontscale 0.78 linewidth 1.5
  pointscale = 0.78
}
set output outfile
set encoding utf8
set pointsize pointscale

# Layout in pixels of the PNG canvas; sx() and sy() turn them into screen fractions.
W = 960.0
H = 1320.0
sx(px) = px/W
sy(px) = px/H

set multiplot

# Panel 1: (a) 4 tokens: mini-quecc best on 1 of 2
$P1_BARS << EOD
# x value width rgb
-0.30000000000000004 57.5 0.2 5085759.0
-0.1 51.15 0.2 10066329.0
0.1 61.675 0.2 14102567.0
0.30000000000000004 65.525 0.2 2912179.0
0.7 70.725 0.2 5085759.0
0.9 60.5 0.2 10066329.0
1.1 83.2 0.2 14102567.0
1.3 80.225 0.2 2912179.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(640)
set tmargin at screen sy(1260)
set bmargin at screen sy(768)
set title '(a) 4 tokens: mini-quecc best on 1 of 2' font ',16' noenhanced
set xlabel 'LM size (non-embedding parameters)' font ',15' noenhanced
set ylabel 'Held-out accuracy (%)' font ',15' noenhanced
set key at screen sx(650), screen sy(1260) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Method (tokens)' left
set style fill solid 1.0 noborder
set xrange [-0.6:1.6]
set yrange [30.0:90.0]
set xtics ('N = 25.4k' 0.0, 'N = 793k' 1.0) scale 0 noenhanced font ',12'
set format y '%g'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★' at first 0.30000000000000004, first 65.525 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 2 '★' at first 1.1, first 83.2 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 3 '★ best in the block; y axis starts at 30%.' at screen sx(20), screen sy(682) left font ',11' tc rgb '#555555' noenhanced
plot $P1_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#4d9a3f' title 'mini-pool (4)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#999999' title 'mini-prumerge (4)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title 'mini-quecc (4)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#2c6fb3' title 'mini-tokenpacker (4)'

# Panel 2: (b) 1 token: mini-quecc best on 1 of 2
$P2_BARS << EOD
# x value width rgb
-0.30000000000000004 51.6 0.2 5085759.0
-0.1 50.425 0.2 10066329.0
0.1 61.775 0.2 14102567.0
0.30000000000000004 55.575 0.2 2912179.0
0.7 54.9 0.2 5085759.0
0.9 53.05 0.2 10066329.0
1.1 56.85 0.2 14102567.0
1.3 58.916667 0.2 2912179.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(640)
set tmargin at screen sy(600)
set bmargin at screen sy(108)
set title '(b) 1 token: mini-quecc best on 1 of 2' font ',16' noenhanced
set xlabel 'LM size (non-embedding parameters)' font ',15' noenhanced
set ylabel 'Held-out accuracy (%)' font ',15' noenhanced
set key at screen sx(650), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Method (tokens)' left
set style fill solid 1.0 noborder
set xrange [-0.6:1.6]
set yrange [30.0:90.0]
set xtics ('N = 25.4k' 0.0, 'N = 793k' 1.0) scale 0 noenhanced font ',12'
set format y '%g'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★' at first 0.1, first 61.775 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 2 '★' at first 1.3, first 58.916667 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 3 '★ best in the block; y axis starts at 30%.' at screen sx(20), screen sy(22) left font ',11' tc rgb '#555555' noenhanced
plot $P2_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#4d9a3f' title 'mini-pool (1)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#999999' title 'mini-prumerge (1)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title 'mini-quecc (1)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#2c6fb3' title 'mini-tokenpacker (1)'

unset multiplot

unset output
