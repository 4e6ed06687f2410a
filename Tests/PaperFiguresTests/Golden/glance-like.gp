# glance-like.gp — a self-contained gnuplot script: its data and parameters are inline.
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot glance-like.gp                     -> glance-like.png
#   gnuplot -e "format='svg'" glance-like.gp   -> glance-like.svg
#   gnuplot -e "format='pdf'" glance-like.gp   -> glance-like.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'glance-like.' . format
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

# Panel 1: Claims at a glance
$P1_BANDS << EOD
# x y x_low x_high y_low y_high
0.85 2.0 0.85 1.15 1.82 2.18
0.1 1.0 0.1 1.0 0.8200000000000001 1.18
EOD
$P1_OURS << EOD
# x y x_low x_high rgb
0.9207792207792208 2.0 0.8961038961038962 0.964935064935065 1736503.0
0.485 1.0 0.27999999999999997 1.175 1736503.0
EOD
$P1_PAPER << EOD
# x y
1.0 2.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(920)
set tmargin at screen sy(600)
set bmargin at screen sy(90)
set title 'Claims at a glance' font ',16' noenhanced
set xlabel 'value ÷ reference' font ',15' noenhanced
set ylabel '' font ',15' noenhanced
set key at screen sx(930), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced
set logscale x
set xrange [0.1:2.0]
set yrange [-0.4:2.9]
set arrow 1 from 1, graph 0 to 1, graph 1 nohead lw 1.5 lc rgb '#888888' back
unset ytics
set grid back xtics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set key inside center bottom horizontal samplen 1.5 font ',13'
set label 1 'α: paper 0.077, ours 0.0709' at graph 0.01, first 2.42 left font ',13' tc rgb 'black' noenhanced front
set label 2 'worst error: ours 0.0097' at graph 0.01, first 1.42 left font ',13' tc rgb 'black' noenhanced front
plot $P1_BANDS using 1:2:3:4:5:6 with boxxyerror fs solid 1.0 noborder lc rgb '#b7ddb0' title 'criterion passes', \
  $P1_PAPER using 1:2 with points pt 12 ps 3 lw 2 lc rgb 'black' title "the paper's value", \
  $P1_OURS using 1:2:3:4:5 with xerrorbars pt 7 ps 1.8 lw 2.5 lc rgb variable title 'ours, 95 % bootstrap interval'

unset multiplot

unset output
