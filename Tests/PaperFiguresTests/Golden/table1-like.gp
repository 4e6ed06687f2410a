# table1-like.gp — a self-contained gnuplot script: its data and parameters are inline.
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot table1-like.gp                     -> table1-like.png
#   gnuplot -e "format='svg'" table1-like.gp   -> table1-like.svg
#   gnuplot -e "format='pdf'" table1-like.gp   -> table1-like.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'table1-like.' . format
if (format ne 'png' && format ne 'svg' && format ne 'pdf') {
  print sprintf("unknown format '%s': use png, svg or pdf", format)
  exit status 2
}
if (format eq 'png') {
  set terminal pngcairo size 960,660 enhanced font 'DejaVu Sans,14' background rgb 'white'
  pointscale = 1.0
}
if (format eq 'svg') {
  set terminal svg size 960,660 enhanced font 'DejaVu Sans,14' background rgb 'white' fontscale 4.0/3.0 dashlength 0.5
  pointscale = 0.55
}
if (format eq 'pdf') {
  set terminal pdfcairo size 960/96.0,660/96.0 enhanced font 'DejaVu Sans,14' background rgb 'white' fontscale 0.78 linewidth 1.5
  pointscale = 0.78
}
set output outfile
set encoding utf8
set pointsize pointscale

# Layout in pixels of the PNG canvas; sx() and sy() turn them into screen fractions.
W = 960.0
H = 660.0
sx(px) = px/W
sy(px) = px/H

set multiplot

# Panel 1: (c) 4 tokens
$P1_BARS << EOD
# x value width rgb
-0.11 56.2 0.22 2912179.0
0.11 56.5 0.22 14102567.0
0.89 48.128571428571426 0.22 2912179.0
1.11 49.653571428571425 0.22 14102567.0
EOD
$P1_REFERENCE << EOD
# x y dx dy
-0.26 62.0 0.52 0.0
0.74 53.95357142857143 0.52 0.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(640)
set tmargin at screen sy(600)
set bmargin at screen sy(108)
set title '(c) 4 tokens' font ',16' noenhanced
set xlabel 'Benchmark' font ',15' noenhanced
set ylabel 'Score (%)' font ',15' noenhanced
set key at screen sx(650), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Method (tokens)' left
set style fill solid 1.0 noborder
set xrange [-0.6:1.6]
set yrange [40.0:90.0]
set xtics ('GQA' 0.0, 'MME' 1.0) scale 0 noenhanced font ',12'
set format y '%g'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★' at first 0.11, first 56.5 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 2 '★' at first 1.11, first 49.653571428571425 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 3 'MME as score / 2800 × 100.' at screen sx(20), screen sy(22) left font ',11' tc rgb '#555555' noenhanced
plot $P1_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  $P1_REFERENCE using 1:2:3:4 with vectors nohead lw 3 lc rgb '#000000' notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#2c6fb3' title 'TokenPacker (4)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title 'QueCC (4)', \
  keyentry with lines lw 3 lc rgb '#000000' title 'LLaVA-1.5 (576)'

unset multiplot

unset output
