# figure4.gp — a self-contained gnuplot script: its data and parameters are inline.
# Figure 4 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.
# Input: results:visual-reasoning and results:ocr of paper-artifacts/results.sqlite, data f72310f2d6ec1c2935399ff8cddaa722fb1bbccbad76e43a933941f56331da96.
# Iso-compute groups: greedy sweep by FLOPs, every member within ±0.25 of the group's geometric-mean FLOPs.
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot figure4.gp                     -> figure4.png
#   gnuplot -e "format='svg'" figure4.gp   -> figure4.svg
#   gnuplot -e "format='pdf'" figure4.gp   -> figure4.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'figure4.' . format
if (format ne 'png' && format ne 'svg' && format ne 'pdf') {
  print sprintf("unknown format '%s': use png, svg or pdf", format)
  exit status 2
}
if (format eq 'png') {
  set terminal pngcairo size 960,2640 enhanced font 'DejaVu Sans,14' background rgb 'white'
  pointscale = 1.0
}
if (format eq 'svg') {
  set terminal svg size 960,2640 enhanced font 'DejaVu Sans,14' background rgb 'white' fontscale 4.0/3.0 dashlength 0.5
  pointscale = 0.55
}
if (format eq 'pdf') {
  set terminal pdfcairo size 960/96.0,2640/96.0 enhanced font 'DejaVu Sans,14' background rgb 'white' fontscale 0.78 linewidth 1.5
  pointscale = 0.78
}
set output outfile
set encoding utf8
set pointsize pointscale

# Layout in pixels of the PNG canvas; sx() and sy() turn them into screen fractions.
W = 960.0
H = 2640.0
sx(px) = px/W
sy(px) = px/H

set multiplot

# Panel 1: (a) Visual reasoning, Q = 0: bigger N wins 9 of 9
$P1_BARS << EOD
# x value width rgb
-0.1 0.39169999999999994 0.2 15052334.0
0.1 0.4333 0.2 15761448.0
0.8 0.40779999999999994 0.2 15052334.0
1.0 0.45189999999999997 0.2 15761448.0
1.2 0.481 0.2 8325662.0
1.9 0.4133 0.2 15052334.0
2.1 0.46920000000000006 0.2 14102567.0
2.8 0.4151 0.2 15052334.0
3.0 0.4528 0.2 15761448.0
3.2 0.4971 0.2 8325662.0
3.8 0.4244 0.2 15052334.0
4.0 0.4597 0.2 15761448.0
4.2 0.4858 0.2 14102567.0
4.8 0.4609 0.2 15761448.0
5.0 0.49160000000000004 0.2 14102567.0
5.2 0.505 0.2 8325662.0
5.7 0.43199999999999994 0.2 15052334.0
5.9 0.4758 0.2 15761448.0
6.1 0.5023 0.2 14102567.0
6.3 0.5141 0.2 8325662.0
6.9 0.5092 0.2 14102567.0
7.1 0.5172 0.2 8325662.0
7.9 0.4808 0.2 15761448.0
8.1 0.5238 0.2 8325662.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(800)
set tmargin at screen sy(2580)
set bmargin at screen sy(2106)
set title '(a) Visual reasoning, Q = 0: bigger N wins 9 of 9' font ',16' noenhanced
set xlabel 'Iso-compute group: FLOPs 2·N·(0+V) [GFLOP]; ✓ bigger N wins, ✗ it loses' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(810), screen sy(2580) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:8.6]
set yrange [0.36:0.57294]
set xtics ('✓ 3.79' 0.0, '✓ 14.8' 1.0, '✓ 33.9' 2.0, '✓ 59.1' 3.0, '✓ 134' 4.0, '✓ 246' 5.0, '✓ 527' 6.0, '✓ 1016' 7.0, '✓ 2045' 8.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '4' at first -0.1, first 0.39169999999999994 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 2 '★ 1' at first 0.1, first 0.4333 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 3 '16' at first 0.8, first 0.40779999999999994 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 4 '4' at first 1.0, first 0.45189999999999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 5 '★ 1' at first 1.2, first 0.481 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 6 '36' at first 1.9, first 0.4133 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 7 '★ 4' at first 2.1, first 0.46920000000000006 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 8 '64' at first 2.8, first 0.4151 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 9 '16' at first 3.0, first 0.4528 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 10 '★ 4' at first 3.2, first 0.4971 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 11 '144' at first 3.8, first 0.4244 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 12 '36' at first 4.0, first 0.4597 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 13 '★ 16' at first 4.2, first 0.4858 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 14 '64' at first 4.8, first 0.4609 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 15 '36' at first 5.0, first 0.49160000000000004 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 16 '★ 16' at first 5.2, first 0.505 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 17 '576' at first 5.7, first 0.43199999999999994 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 18 '144' at first 5.9, first 0.4758 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 19 '64' at first 6.1, first 0.5023 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 20 '★ 36' at first 6.3, first 0.5141 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 21 '144' at first 6.9, first 0.5092 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 22 '★ 64' at first 7.1, first 0.5172 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 23 '576' at first 7.9, first 0.4808 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 24 '★ 144' at first 8.1, first 0.5238 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 25 "Numbers on bars: visual tokens V; ★ the group's best. Groups: FLOPs within ±25% of their geometric mean.\nThe y axis starts at 0.36, not 0: bar heights show differences, not ratios." at screen sx(20), screen sy(2020) left font ',11' tc rgb '#555555' noenhanced
plot $P1_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e5ae2e' title '0.5B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#f08028' title '1.8B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title '4B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#7f0a1e' title '7B'

# Panel 2: (b) Visual reasoning, Q = 50: bigger N wins 6 of 6
$P2_BARS << EOD
# x value width rgb
-0.2 0.4244 0.13333333333333333 15052334.0
-0.06666666666666667 0.4333 0.13333333333333333 15761448.0
0.06666666666666667 0.45189999999999997 0.13333333333333333 15761448.0
0.2 0.4528 0.13333333333333333 15761448.0
0.8 0.4597 0.13333333333333333 15761448.0
0.9333333333333333 0.4609 0.13333333333333333 15761448.0
1.0666666666666667 0.4630000000000001 0.13333333333333333 14102567.0
1.2 0.46920000000000006 0.13333333333333333 14102567.0
1.6666666666666667 0.43199999999999994 0.13333333333333333 15052334.0
1.8 0.4758 0.13333333333333333 15761448.0
1.9333333333333333 0.4858 0.13333333333333333 14102567.0
2.066666666666667 0.49160000000000004 0.13333333333333333 14102567.0
2.2 0.481 0.13333333333333333 8325662.0
2.3333333333333335 0.4971 0.13333333333333333 8325662.0
2.8666666666666667 0.5023 0.13333333333333333 14102567.0
3.0 0.505 0.13333333333333333 8325662.0
3.1333333333333333 0.5141 0.13333333333333333 8325662.0
3.933333333333333 0.5092 0.13333333333333333 14102567.0
4.066666666666666 0.5172 0.13333333333333333 8325662.0
4.933333333333334 0.4808 0.13333333333333333 15761448.0
5.066666666666666 0.5238 0.13333333333333333 8325662.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(800)
set tmargin at screen sy(1920)
set bmargin at screen sy(1446)
set title '(b) Visual reasoning, Q = 50: bigger N wins 6 of 6' font ',16' noenhanced
set xlabel 'Iso-compute group: FLOPs 2·N·(50+V) [GFLOP]; ✓ bigger N wins, ✗ it loses' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(810), screen sy(1920) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:5.6]
set yrange [0.4:0.56094]
set xtics ('✓ 201' 0.0, '✓ 387' 1.0, '✓ 664' 2.0, '✓ 1005' 3.0, '✓ 1574' 4.0, '✓ 2474' 5.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '144' at first -0.2, first 0.4244 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 2 '1' at first -0.06666666666666667, first 0.4333 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 3 '4' at first 0.06666666666666667, first 0.45189999999999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 4 '★ 16' at first 0.2, first 0.4528 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 5 '36' at first 0.8, first 0.4597 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 6 '64' at first 0.9333333333333333, first 0.4609 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 7 '1' at first 1.0666666666666667, first 0.4630000000000001 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 8 '★ 4' at first 1.2, first 0.46920000000000006 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 9 '576' at first 1.6666666666666667, first 0.43199999999999994 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 10 '144' at first 1.8, first 0.4758 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 11 '16' at first 1.9333333333333333, first 0.4858 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 12 '36' at first 2.066666666666667, first 0.49160000000000004 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 13 '1' at first 2.2, first 0.481 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 14 '★ 4' at first 2.3333333333333335, first 0.4971 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 15 '64' at first 2.8666666666666667, first 0.5023 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 16 '16' at first 3.0, first 0.505 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 17 '★ 36' at first 3.1333333333333333, first 0.5141 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 18 '144' at first 3.933333333333333, first 0.5092 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 19 '★ 64' at first 4.066666666666666, first 0.5172 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 20 '576' at first 4.933333333333334, first 0.4808 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 21 '★ 144' at first 5.066666666666666, first 0.5238 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 22 "Numbers on bars: visual tokens V; ★ the group's best. Groups: FLOPs within ±25% of their geometric mean.\nThe y axis starts at 0.4, not 0: bar heights show differences, not ratios." at screen sx(20), screen sy(1360) left font ',11' tc rgb '#555555' noenhanced
plot $P2_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e5ae2e' title '0.5B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#f08028' title '1.8B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title '4B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#7f0a1e' title '7B'

# Panel 3: (c) OCR / text understanding, Q = 0: bigger N wins 0 of 9
$P3_BARS << EOD
# x value width rgb
-0.1 0.11829580669999995 0.2 15052334.0
0.1 0.10524764259999997 0.2 15761448.0
0.8 0.15509420080000003 0.2 15052334.0
1.0 0.13745390540000002 0.2 15761448.0
1.2 0.13907846329999995 0.2 8325662.0
1.9 0.19107741450000004 0.2 15052334.0
2.1 0.15589554500000002 0.2 14102567.0
2.8 0.19419698819999998 0.2 15052334.0
3.0 0.17529413539999994 0.2 15761448.0
3.2 0.16427747989999997 0.2 8325662.0
3.8 0.22106836600000002 0.2 15052334.0
4.0 0.20731649650000006 0.2 15761448.0
4.2 0.19274820149999994 0.2 14102567.0
4.8 0.22056977570000003 0.2 15761448.0
5.0 0.23202525139999997 0.2 14102567.0
5.2 0.20499999999999996 0.2 8325662.0
5.7 0.2608343672 0.2 15052334.0
5.9 0.25852364549999995 0.2 15761448.0
6.1 0.26039754719999997 0.2 14102567.0
6.3 0.23916384179999994 0.2 8325662.0
6.9 0.2882145317 0.2 14102567.0
7.1 0.26183151430000007 0.2 8325662.0
7.9 0.30955030289999996 0.2 15761448.0
8.1 0.2880269247 0.2 8325662.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(800)
set tmargin at screen sy(1260)
set bmargin at screen sy(786)
set title '(c) OCR / text understanding, Q = 0: bigger N wins 0 of 9' font ',16' noenhanced
set xlabel 'Iso-compute group: FLOPs 2·N·(0+V) [GFLOP]; ✓ bigger N wins, ✗ it loses' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(810), screen sy(1260) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:8.6]
set yrange [0.06:0.38441539376999995]
set xtics ('✗ 3.79' 0.0, '✗ 14.8' 1.0, '✗ 33.9' 2.0, '✗ 59.1' 3.0, '✗ 134' 4.0, '✗ 246' 5.0, '✗ 527' 6.0, '✗ 1016' 7.0, '✗ 2045' 8.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★ 4' at first -0.1, first 0.11829580669999995 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 2 '1' at first 0.1, first 0.10524764259999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 3 '★ 16' at first 0.8, first 0.15509420080000003 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 4 '4' at first 1.0, first 0.13745390540000002 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 5 '1' at first 1.2, first 0.13907846329999995 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 6 '★ 36' at first 1.9, first 0.19107741450000004 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 7 '4' at first 2.1, first 0.15589554500000002 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 8 '★ 64' at first 2.8, first 0.19419698819999998 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 9 '16' at first 3.0, first 0.17529413539999994 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 10 '4' at first 3.2, first 0.16427747989999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 11 '★ 144' at first 3.8, first 0.22106836600000002 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 12 '36' at first 4.0, first 0.20731649650000006 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 13 '16' at first 4.2, first 0.19274820149999994 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 14 '64' at first 4.8, first 0.22056977570000003 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 15 '★ 36' at first 5.0, first 0.23202525139999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 16 '16' at first 5.2, first 0.20499999999999996 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 17 '★ 576' at first 5.7, first 0.2608343672 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 18 '144' at first 5.9, first 0.25852364549999995 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 19 '64' at first 6.1, first 0.26039754719999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 20 '36' at first 6.3, first 0.23916384179999994 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 21 '★ 144' at first 6.9, first 0.2882145317 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 22 '64' at first 7.1, first 0.26183151430000007 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 23 '★ 576' at first 7.9, first 0.30955030289999996 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 24 '144' at first 8.1, first 0.2880269247 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 25 "Numbers on bars: visual tokens V; ★ the group's best. Groups: FLOPs within ±25% of their geometric mean.\nThe y axis starts at 0.06, not 0: bar heights show differences, not ratios." at screen sx(20), screen sy(700) left font ',11' tc rgb '#555555' noenhanced
plot $P3_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e5ae2e' title '0.5B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#f08028' title '1.8B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title '4B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#7f0a1e' title '7B'

# Panel 4: (d) OCR / text understanding, Q = 50: bigger N wins 0 of 6
$P4_BARS << EOD
# x value width rgb
-0.2 0.22106836600000002 0.13333333333333333 15052334.0
-0.06666666666666667 0.10524764259999997 0.13333333333333333 15761448.0
0.06666666666666667 0.13745390540000002 0.13333333333333333 15761448.0
0.2 0.17529413539999994 0.13333333333333333 15761448.0
0.8 0.20731649650000006 0.13333333333333333 15761448.0
0.9333333333333333 0.22056977570000003 0.13333333333333333 15761448.0
1.0666666666666667 0.1268003646 0.13333333333333333 14102567.0
1.2 0.15589554500000002 0.13333333333333333 14102567.0
1.6666666666666667 0.2608343672 0.13333333333333333 15052334.0
1.8 0.25852364549999995 0.13333333333333333 15761448.0
1.9333333333333333 0.19274820149999994 0.13333333333333333 14102567.0
2.066666666666667 0.23202525139999997 0.13333333333333333 14102567.0
2.2 0.13907846329999995 0.13333333333333333 8325662.0
2.3333333333333335 0.16427747989999997 0.13333333333333333 8325662.0
2.8666666666666667 0.26039754719999997 0.13333333333333333 14102567.0
3.0 0.20499999999999996 0.13333333333333333 8325662.0
3.1333333333333333 0.23916384179999994 0.13333333333333333 8325662.0
3.933333333333333 0.2882145317 0.13333333333333333 14102567.0
4.066666666666666 0.26183151430000007 0.13333333333333333 8325662.0
4.933333333333334 0.30955030289999996 0.13333333333333333 15761448.0
5.066666666666666 0.2880269247 0.13333333333333333 8325662.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(800)
set tmargin at screen sy(600)
set bmargin at screen sy(126)
set title '(d) OCR / text understanding, Q = 50: bigger N wins 0 of 6' font ',16' noenhanced
set xlabel 'Iso-compute group: FLOPs 2·N·(50+V) [GFLOP]; ✓ bigger N wins, ✗ it loses' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(810), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:5.6]
set yrange [0.06:0.38441539376999995]
set xtics ('✗ 201' 0.0, '✗ 387' 1.0, '✗ 664' 2.0, '✗ 1005' 3.0, '✗ 1574' 4.0, '✗ 2474' 5.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★ 144' at first -0.2, first 0.22106836600000002 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 2 '1' at first -0.06666666666666667, first 0.10524764259999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 3 '4' at first 0.06666666666666667, first 0.13745390540000002 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 4 '16' at first 0.2, first 0.17529413539999994 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 5 '36' at first 0.8, first 0.20731649650000006 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 6 '★ 64' at first 0.9333333333333333, first 0.22056977570000003 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 7 '1' at first 1.0666666666666667, first 0.1268003646 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 8 '4' at first 1.2, first 0.15589554500000002 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 9 '★ 576' at first 1.6666666666666667, first 0.2608343672 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 10 '144' at first 1.8, first 0.25852364549999995 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 11 '16' at first 1.9333333333333333, first 0.19274820149999994 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 12 '36' at first 2.066666666666667, first 0.23202525139999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 13 '1' at first 2.2, first 0.13907846329999995 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 14 '4' at first 2.3333333333333335, first 0.16427747989999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 15 '★ 64' at first 2.8666666666666667, first 0.26039754719999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 16 '16' at first 3.0, first 0.20499999999999996 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 17 '36' at first 3.1333333333333333, first 0.23916384179999994 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 18 '★ 144' at first 3.933333333333333, first 0.2882145317 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 19 '64' at first 4.066666666666666, first 0.26183151430000007 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 20 '★ 576' at first 4.933333333333334, first 0.30955030289999996 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 21 '144' at first 5.066666666666666, first 0.2880269247 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 22 "Numbers on bars: visual tokens V; ★ the group's best. Groups: FLOPs within ±25% of their geometric mean.\nThe y axis starts at 0.06, not 0: bar heights show differences, not ratios." at screen sx(20), screen sy(40) left font ',11' tc rgb '#555555' noenhanced
plot $P4_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e5ae2e' title '0.5B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#f08028' title '1.8B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title '4B', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#7f0a1e' title '7B'

unset multiplot

unset output
