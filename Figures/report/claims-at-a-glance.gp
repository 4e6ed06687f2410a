# claims-at-a-glance.gp — a self-contained gnuplot script: its data and parameters are inline.
# The claims ledger's numeric claims (Figures/report/claims.json), data fb364ebef64a8c02a2f70df9a5109c35f57589acd79bb7941a185fba7a137b33.
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot claims-at-a-glance.gp                     -> claims-at-a-glance.png
#   gnuplot -e "format='svg'" claims-at-a-glance.gp   -> claims-at-a-glance.svg
#   gnuplot -e "format='pdf'" claims-at-a-glance.gp   -> claims-at-a-glance.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'claims-at-a-glance.' . format
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

# Panel 1: Claims at a glance: ours against the paper and the criterion
$P1_BANDS << EOD
# x y x_low x_high y_low y_high
0.85 7.0 0.85 1.15 6.82 7.18
0.85 6.0 0.85 1.15 5.82 6.18
0.8 5.0 0.8 1.2 4.82 5.18
0.04468749999999999 4.0 0.04468749999999999 1.001 3.82 4.18
0.0715 3.0 0.0715 2.5714285714285716 2.82 3.18
0.04468749999999999 2.0 0.04468749999999999 1.0 1.82 2.18
0.95 1.0 0.95 1.0 0.8200000000000001 1.18
EOD
$P1_OURS << EOD
# x y x_low x_high rgb
0.9212657582111855 7.0 0.8961161853582225 0.9643917806999079 1736503.0
1.0067743397916007 6.0 0.9097986962100877 1.1330735713269882 1736503.0
0.9394685658085026 5.0 0.8452428559711025 1.027972997154658 1736503.0
1.0 4.0 1.0 1.0 1736503.0
0.9659446248657872 3.0 0.8626984810168571 1.1070035742736215 1736503.0
0.48610925298286706 2.0 0.2777660148160806 1.1758087231524308 1736503.0
0.9669143936413827 1.0 0.8990574892602735 0.991290147961599 1736503.0
EOD
$P1_PAPER << EOD
# x y
1.0 7.0
1.0 6.0
1.0 5.0
1.0 4.0
1.0 3.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(920)
set tmargin at screen sy(600)
set bmargin at screen sy(90)
set title 'Claims at a glance: ours against the paper and the criterion' font ',16' noenhanced
set xlabel 'value ÷ the paper''s value (or ÷ the criterion''s threshold where the paper gives none)' font ',15' noenhanced
set ylabel '' font ',15' noenhanced
set key at screen sx(930), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced
set logscale x
set xrange [0.04468749999999999:4.114285714285715]
set yrange [-0.4:7.9]
set arrow 1 from 1, graph 0 to 1, graph 1 nohead lw 1.5 lc rgb '#888888' back
unset ytics
set grid back xtics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set key inside center bottom horizontal samplen 1.5 font ',13'
set label 1 'fig1.exponents — α: paper 0.077, ours 0.07094 [0.069, 0.07426]' at graph 0.01, first 7.42 left font ',13' tc rgb 'black' noenhanced front
set label 2 'fig1.exponents — β: paper 0.015, ours 0.0151 [0.01365, 0.017]' at graph 0.01, first 6.42 left font ',13' tc rgb 'black' noenhanced front
set label 3 'fig1.ratio — α/β: paper 5, ours 4.697 [4.226, 5.14]' at graph 0.01, first 5.42 left font ',13' tc rgb 'black' noenhanced front
set label 4 'fig1.optimal-v-q0 — largest V* at Q = 0: paper 1, ours 1 [1, 1]' at graph 0.01, first 4.42 left font ',13' tc rgb 'black' noenhanced front
set label 5 'fig1.optimal-v-q50 — V* at Q = 50: paper 14, ours 13.52 [12.08, 15.5]' at graph 0.01, first 3.42 left font ',13' tc rgb 'black' noenhanced front
set label 6 'fig2.holdout-7b — worst relative error: ours 0.009722 [0.005555, 0.02352]' at graph 0.01, first 2.42 left font ',13' tc rgb 'black' noenhanced front
set label 7 'cost.linear-in-tokens — prefill R²: ours 0.9669 [0.8991, 0.9913]' at graph 0.01, first 1.42 left font ',13' tc rgb 'black' noenhanced front
plot $P1_BANDS using 1:2:3:4:5:6 with boxxyerror fs solid 1.0 noborder lc rgb '#b7ddb0' title 'criterion passes', \
  $P1_PAPER using 1:2 with points pt 12 ps 3 lw 2 lc rgb 'black' title "the paper's value", \
  $P1_OURS using 1:2:3:4:5 with xerrorbars pt 7 ps 1.8 lw 2.5 lc rgb variable title 'ours, 95 % bootstrap interval'

unset multiplot

unset output
