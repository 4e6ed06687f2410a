# heatmap-like.gp — a self-contained gnuplot script: its data and parameters are inline.
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot heatmap-like.gp                     -> heatmap-like.png
#   gnuplot -e "format='svg'" heatmap-like.gp   -> heatmap-like.svg
#   gnuplot -e "format='pdf'" heatmap-like.gp   -> heatmap-like.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'heatmap-like.' . format
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

# Panel 1: (a) residuals
$P1_CELLS << EOD
# column row value
0.0 0.0 -0.6
1.0 0.0 0.06
0.0 1.0 0.44
1.0 1.0 -0.1
2.0 1.0 0.15
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(790)
set tmargin at screen sy(600)
set bmargin at screen sy(90)
set title '(a) residuals' font ',16' noenhanced
set xlabel 'Visual tokens V' font ',15' noenhanced
set ylabel 'LLM size N' font ',15' noenhanced
set key at screen sx(800), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced
set xrange [-0.5:2.5]
set yrange [-0.5:1.5]
set xtics ('1' 0, '4' 1, '16' 2) scale 0
set ytics ('0.5 B' 0, '7 B' 1) scale 0
set palette defined (-0.6 '#2166ac', 0 '#ffffff', 0.6 '#b2182b')
set cbrange [-0.6:0.6]
set cbtics font ',13'
set cblabel 'Y − Ŷ (points)' font ',15' noenhanced
set colorbox vertical user origin graph 1.04, graph 0 size graph 0.04, graph 1
unset key
plot $P1_CELLS using 1:2:(0.5):(0.5):3 with boxxyerror fs solid 1.0 noborder lc palette notitle

unset multiplot

unset output
