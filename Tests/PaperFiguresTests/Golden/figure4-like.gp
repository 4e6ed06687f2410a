# figure4-like.gp — a self-contained gnuplot script: its data and parameters are inline.
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot figure4-like.gp                     -> figure4-like.png
#   gnuplot -e "format='svg'" figure4-like.gp   -> figure4-like.svg
#   gnuplot -e "format='pdf'" figure4-like.gp   -> figure4-like.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'figure4-like.' . format
if (format ne 'png' && format ne 'svg' && format ne 'pdf') {
  print sprintf("unknown format '%s': use png, svg or pdf", format)
  exit status 2
}
if (format eq 'png') {
  set terminal pngcairo size 1920,1320 enhanced font 'DejaVu Sans,14' background rgb 'white'
  pointscale = 1.0
}
if (format eq 'svg') {
  set terminal svg size 1920,1320 enhanced font 'DejaVu Sans,14' background rgb 'white' fontscale 4.0/3.0 dashlength 0.5
  pointscale = 0.55
}
if (format eq 'pdf') {
  set terminal pdfcairo size 1920/96.0,1320/96.0 enhanced font 'DejaVu Sans,14' background rgb 'white' fontscale 0.78 linewidth 1.5
  pointscale = 0.78
}
set output outfile
set encoding utf8
set pointsize pointscale

# Layout in pixels of the PNG canvas; sx() and sy() turn them into screen fractions.
W = 1920.0
H = 1320.0
sx(px) = px/W
sy(px) = px/H

set multiplot

# Panel 1: (a)
$P1_BARS << EOD
# x value width rgb
-0.22 0.4078 0.22 15052334.0
0.0 0.4519 0.22 15761448.0
0.22 0.481 0.22 8325662.0
0.89 0.4133 0.22 15052334.0
1.11 0.4692 0.22 14102567.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(800)
set tmargin at screen sy(1260)
set bmargin at screen sy(768)
set title '(a)' font ',16' noenhanced
set xlabel 'Iso-compute group [GFLOP]' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(810), screen sy(1260) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:1.6]
set yrange [0.0:0.6]
set xtics ('✓ 14.8' 0.0, '✗ 33.9' 1.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '16' at first -0.22, first 0.4078 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 2 '4' at first 0.0, first 0.4519 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 3 '★ 1' at first 0.22, first 0.481 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 4 '★ 36' at first 0.89, first 0.4133 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 5 '4' at first 1.11, first 0.4692 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 6 'Numbers on bars: V.' at screen sx(20), screen sy(682) left font ',11' tc rgb '#555555' noenhanced
plot $P1_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e5ae2e' title '0.5B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#f08028' title '1.8B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title '4B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#7f0a1e' title '7B'

# Panel 2: (b)
$P2_BARS << EOD
# x value width rgb
-0.22 0.4078 0.22 15052334.0
0.0 0.4519 0.22 15761448.0
0.22 0.481 0.22 8325662.0
0.89 0.4133 0.22 15052334.0
1.11 0.4692 0.22 14102567.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(1085)
set rmargin at screen sx(1760)
set tmargin at screen sy(1260)
set bmargin at screen sy(768)
set title '(b)' font ',16' noenhanced
set xlabel 'Iso-compute group [GFLOP]' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(1770), screen sy(1260) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:1.6]
set yrange [0.0:0.6]
set xtics ('✓ 14.8' 0.0, '✗ 33.9' 1.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '16' at first -0.22, first 0.4078 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 2 '4' at first 0.0, first 0.4519 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 3 '★ 1' at first 0.22, first 0.481 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 4 '★ 36' at first 0.89, first 0.4133 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 5 '4' at first 1.11, first 0.4692 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 6 'Numbers on bars: V.' at screen sx(980), screen sy(682) left font ',11' tc rgb '#555555' noenhanced
plot $P2_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e5ae2e' title '0.5B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#f08028' title '1.8B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title '4B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#7f0a1e' title '7B'

# Panel 3: (c)
$P3_BARS << EOD
# x value width rgb
-0.22 0.4078 0.22 15052334.0
0.0 0.4519 0.22 15761448.0
0.22 0.481 0.22 8325662.0
0.89 0.4133 0.22 15052334.0
1.11 0.4692 0.22 14102567.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(800)
set tmargin at screen sy(600)
set bmargin at screen sy(108)
set title '(c)' font ',16' noenhanced
set xlabel 'Iso-compute group [GFLOP]' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(810), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:1.6]
set yrange [0.0:0.6]
set xtics ('✓ 14.8' 0.0, '✗ 33.9' 1.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '16' at first -0.22, first 0.4078 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 2 '4' at first 0.0, first 0.4519 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 3 '★ 1' at first 0.22, first 0.481 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 4 '★ 36' at first 0.89, first 0.4133 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 5 '4' at first 1.11, first 0.4692 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 6 'Numbers on bars: V.' at screen sx(20), screen sy(22) left font ',11' tc rgb '#555555' noenhanced
plot $P3_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e5ae2e' title '0.5B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#f08028' title '1.8B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title '4B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#7f0a1e' title '7B'

# Panel 4: (d)
$P4_BARS << EOD
# x value width rgb
-0.22 0.4078 0.22 15052334.0
0.0 0.4519 0.22 15761448.0
0.22 0.481 0.22 8325662.0
0.89 0.4133 0.22 15052334.0
1.11 0.4692 0.22 14102567.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(1085)
set rmargin at screen sx(1760)
set tmargin at screen sy(600)
set bmargin at screen sy(108)
set title '(d)' font ',16' noenhanced
set xlabel 'Iso-compute group [GFLOP]' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(1770), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:1.6]
set yrange [0.0:0.6]
set xtics ('✓ 14.8' 0.0, '✗ 33.9' 1.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '16' at first -0.22, first 0.4078 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 2 '4' at first 0.0, first 0.4519 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 3 '★ 1' at first 0.22, first 0.481 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 4 '★ 36' at first 0.89, first 0.4133 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 5 '4' at first 1.11, first 0.4692 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 6 'Numbers on bars: V.' at screen sx(980), screen sy(22) left font ',11' tc rgb '#555555' noenhanced
plot $P4_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e5ae2e' title '0.5B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#f08028' title '1.8B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title '4B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#7f0a1e' title '7B'

unset multiplot

unset output
