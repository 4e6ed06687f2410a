# figure4.gp — a self-contained gnuplot script: its data and parameters are inline.
# Figure 4 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.
# Input: results:mini-reasoning and results:mini-ocr of paper-artifacts/results.sqlite, data 4a702786032f13577d3bb68ef15fa751e72fe59955ab5eaea34236ef1e1ea079.
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

# Panel 1: (a) Reasoning family (trained here), Q = 0: bigger N wins 4 of 7
$P1_BARS << EOD
# x value width rgb
-0.1 0.65525 0.2 15116333.0
0.1 0.632 0.2 15567657.0
0.9 0.63575 0.2 15116333.0
1.1 0.693 0.2 15164456.0
1.9 0.58125 0.2 15116333.0
2.1 0.7105 0.2 15567657.0
2.7 0.6164166666666667 0.2 15116333.0
2.9 0.64775 0.2 15567657.0
3.1 0.80475 0.2 15164456.0
3.3 0.5891666666666667 0.2 9966881.0
3.9 0.60175 0.2 15567657.0
4.1 0.745 0.2 15164456.0
4.8 0.601 0.2 15567657.0
5.0 0.7505 0.2 15164456.0
5.2 0.80225 0.2 9966881.0
5.9 0.807 0.2 15164456.0
6.1 0.79275 0.2 9966881.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(800)
set tmargin at screen sy(2580)
set bmargin at screen sy(2106)
set title '(a) Reasoning family (trained here), Q = 0: bigger N wins 4 of 7' font ',16' noenhanced
set xlabel 'Iso-compute group: FLOPs 2·N·(0+V) [GFLOP]; ✓ bigger N wins, ✗ it loses' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(810), screen sy(2580) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:6.6]
set yrange [0.54:0.8871]
set xtics ('✗ 0.000185' 0.0, '✓ 0.00043' 1.0, '✓ 0.000738' 2.0, '✗ 0.00163' 3.0, '✓ 0.00312' 4.0, '✓ 0.00628' 5.0, '✗ 0.0144' 6.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★ 4' at first -0.1, first 0.65525 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 2 '1' at first 0.1, first 0.632 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 3 '9' at first 0.9, first 0.63575 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 4 '★ 1' at first 1.1, first 0.693 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 5 '16' at first 1.9, first 0.58125 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 6 '★ 4' at first 2.1, first 0.7105 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 7 '36' at first 2.7, first 0.6164166666666667 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 8 '9' at first 2.9, first 0.64775 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 9 '★ 4' at first 3.1, first 0.80475 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 10 '1' at first 3.3, first 0.5891666666666667 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 11 '16' at first 3.9, first 0.60175 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 12 '★ 9' at first 4.1, first 0.745 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 13 '36' at first 4.8, first 0.601 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 14 '16' at first 5.0, first 0.7505 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 15 '★ 4' at first 5.2, first 0.80225 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 16 '★ 36' at first 5.9, first 0.807 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 17 '9' at first 6.1, first 0.79275 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 18 "Numbers on bars: visual tokens V; ★ the group's best. Groups: FLOPs within ±25% of their geometric mean.\nThe y axis starts at 0.54, not 0: bar heights show differences, not ratios." at screen sx(20), screen sy(2020) left font ',11' tc rgb '#555555' noenhanced
plot $P1_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e6a82d' title '25k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#ed8b29' title '84k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e76428' title '202k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#981521' title '793k'

# Panel 2: (b) Reasoning family (trained here), Q = 4: bigger N wins 1 of 5
$P2_BARS << EOD
# x value width rgb
-0.2 0.63575 0.2 15116333.0
0.0 0.58125 0.2 15116333.0
0.2 0.632 0.2 15567657.0
0.8 0.6164166666666667 0.2 15116333.0
1.0 0.7105 0.2 15567657.0
1.2 0.693 0.2 15164456.0
1.8 0.64775 0.2 15567657.0
2.0 0.60175 0.2 15567657.0
2.2 0.80475 0.2 15164456.0
2.7 0.601 0.2 15567657.0
2.9 0.745 0.2 15164456.0
3.1 0.7505 0.2 15164456.0
3.3 0.5891666666666667 0.2 9966881.0
3.9 0.807 0.2 15164456.0
4.1 0.80225 0.2 9966881.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(800)
set tmargin at screen sy(1920)
set bmargin at screen sy(1446)
set title '(b) Reasoning family (trained here), Q = 4: bigger N wins 1 of 5' font ',16' noenhanced
set xlabel 'Iso-compute group: FLOPs 2·N·(4+V) [GFLOP]; ✓ bigger N wins, ✗ it loses' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(810), screen sy(1920) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:4.6]
set yrange [0.54:0.8871]
set xtics ('✗ 0.000826' 0.0, '✗ 0.00177' 1.0, '✓ 0.00287' 2.0, '✗ 0.00689' 3.0, '✗ 0.0143' 4.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★ 9' at first -0.2, first 0.63575 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 2 '16' at first 0.0, first 0.58125 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 3 '1' at first 0.2, first 0.632 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 4 '36' at first 0.8, first 0.6164166666666667 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 5 '★ 4' at first 1.0, first 0.7105 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 6 '1' at first 1.2, first 0.693 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 7 '9' at first 1.8, first 0.64775 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 8 '16' at first 2.0, first 0.60175 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 9 '★ 4' at first 2.2, first 0.80475 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 10 '36' at first 2.7, first 0.601 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 11 '9' at first 2.9, first 0.745 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 12 '★ 16' at first 3.1, first 0.7505 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 13 '1' at first 3.3, first 0.5891666666666667 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 14 '★ 36' at first 3.9, first 0.807 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 15 '4' at first 4.1, first 0.80225 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 16 "Numbers on bars: visual tokens V; ★ the group's best. Groups: FLOPs within ±25% of their geometric mean.\nThe y axis starts at 0.54, not 0: bar heights show differences, not ratios." at screen sx(20), screen sy(1360) left font ',11' tc rgb '#555555' noenhanced
plot $P2_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e6a82d' title '25k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#ed8b29' title '84k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e76428' title '202k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#981521' title '793k'

# Panel 3: (c) OCR family (trained here), Q = 0: bigger N wins 2 of 7
$P3_BARS << EOD
# x value width rgb
-0.1 0.16874999999999996 0.2 15116333.0
0.1 0.18325000000000002 0.2 15567657.0
0.9 0.18100000000000005 0.2 15116333.0
1.1 0.17925000000000002 0.2 15164456.0
1.9 0.1935 0.2 15116333.0
2.1 0.17700000000000005 0.2 15567657.0
2.7 0.23424999999999996 0.2 15116333.0
2.9 0.1975 0.2 15567657.0
3.1 0.18474999999999997 0.2 15164456.0
3.3 0.17300000000000004 0.2 9966881.0
3.9 0.19674999999999998 0.2 15567657.0
4.1 0.20324999999999993 0.2 15164456.0
4.8 0.47775 0.2 15567657.0
5.0 0.1835 0.2 15164456.0
5.2 0.1765 0.2 9966881.0
5.9 0.6455000000000001 0.2 15164456.0
6.1 0.20174999999999998 0.2 9966881.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(800)
set tmargin at screen sy(1260)
set bmargin at screen sy(786)
set title '(c) OCR family (trained here), Q = 0: bigger N wins 2 of 7' font ',16' noenhanced
set xlabel 'Iso-compute group: FLOPs 2·N·(0+V) [GFLOP]; ✓ bigger N wins, ✗ it loses' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(810), screen sy(1260) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:6.6]
set yrange [0.08:0.81515]
set xtics ('✓ 0.000185' 0.0, '✗ 0.00043' 1.0, '✗ 0.000738' 2.0, '✗ 0.00163' 3.0, '✓ 0.00312' 4.0, '✗ 0.00628' 5.0, '✗ 0.0144' 6.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '4' at first -0.1, first 0.16874999999999996 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 2 '★ 1' at first 0.1, first 0.18325000000000002 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 3 '★ 9' at first 0.9, first 0.18100000000000005 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 4 '1' at first 1.1, first 0.17925000000000002 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 5 '★ 16' at first 1.9, first 0.1935 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 6 '4' at first 2.1, first 0.17700000000000005 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 7 '★ 36' at first 2.7, first 0.23424999999999996 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 8 '9' at first 2.9, first 0.1975 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 9 '4' at first 3.1, first 0.18474999999999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 10 '1' at first 3.3, first 0.17300000000000004 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 11 '16' at first 3.9, first 0.19674999999999998 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 12 '★ 9' at first 4.1, first 0.20324999999999993 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 13 '★ 36' at first 4.8, first 0.47775 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 14 '16' at first 5.0, first 0.1835 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 15 '4' at first 5.2, first 0.1765 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 16 '★ 36' at first 5.9, first 0.6455000000000001 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 17 '9' at first 6.1, first 0.20174999999999998 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 18 "Numbers on bars: visual tokens V; ★ the group's best. Groups: FLOPs within ±25% of their geometric mean.\nThe y axis starts at 0.08, not 0: bar heights show differences, not ratios." at screen sx(20), screen sy(700) left font ',11' tc rgb '#555555' noenhanced
plot $P3_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e6a82d' title '25k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#ed8b29' title '84k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e76428' title '202k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#981521' title '793k'

# Panel 4: (d) OCR family (trained here), Q = 4: bigger N wins 0 of 5
$P4_BARS << EOD
# x value width rgb
-0.2 0.18100000000000005 0.2 15116333.0
0.0 0.1935 0.2 15116333.0
0.2 0.18325000000000002 0.2 15567657.0
0.8 0.23424999999999996 0.2 15116333.0
1.0 0.17700000000000005 0.2 15567657.0
1.2 0.17925000000000002 0.2 15164456.0
1.8 0.1975 0.2 15567657.0
2.0 0.19674999999999998 0.2 15567657.0
2.2 0.18474999999999997 0.2 15164456.0
2.7 0.47775 0.2 15567657.0
2.9 0.20324999999999993 0.2 15164456.0
3.1 0.1835 0.2 15164456.0
3.3 0.17300000000000004 0.2 9966881.0
3.9 0.6455000000000001 0.2 15164456.0
4.1 0.1765 0.2 9966881.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(800)
set tmargin at screen sy(600)
set bmargin at screen sy(126)
set title '(d) OCR family (trained here), Q = 4: bigger N wins 0 of 5' font ',16' noenhanced
set xlabel 'Iso-compute group: FLOPs 2·N·(4+V) [GFLOP]; ✓ bigger N wins, ✗ it loses' font ',15' noenhanced
set ylabel 'Average accuracy' font ',15' noenhanced
set key at screen sx(810), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'LLM size N' left
set style fill solid 1.0 noborder
set xrange [-0.6:4.6]
set yrange [0.1:0.80915]
set xtics ('✗ 0.000826' 0.0, '✗ 0.00177' 1.0, '✗ 0.00287' 2.0, '✗ 0.00689' 3.0, '✗ 0.0143' 4.0) scale 0 noenhanced font ',12'
set format y '%.2f'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '9' at first -0.2, first 0.18100000000000005 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 2 '★ 16' at first 0.0, first 0.1935 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 3 '1' at first 0.2, first 0.18325000000000002 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 4 '★ 36' at first 0.8, first 0.23424999999999996 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 5 '4' at first 1.0, first 0.17700000000000005 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 6 '1' at first 1.2, first 0.17925000000000002 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 7 '★ 9' at first 1.8, first 0.1975 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 8 '16' at first 2.0, first 0.19674999999999998 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 9 '4' at first 2.2, first 0.18474999999999997 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 10 '★ 36' at first 2.7, first 0.47775 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 11 '9' at first 2.9, first 0.20324999999999993 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 12 '16' at first 3.1, first 0.1835 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 13 '1' at first 3.3, first 0.17300000000000004 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 14 '★ 36' at first 3.9, first 0.6455000000000001 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#000000' noenhanced front
set label 15 '4' at first 4.1, first 0.1765 left rotate by 90 offset char 0.35, 0.4 font ',10' tc rgb '#555555' noenhanced front
set label 16 "Numbers on bars: visual tokens V; ★ the group's best. Groups: FLOPs within ±25% of their geometric mean.\nThe y axis starts at 0.1, not 0: bar heights show differences, not ratios." at screen sx(20), screen sy(40) left font ',11' tc rgb '#555555' noenhanced
plot $P4_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e6a82d' title '25k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#ed8b29' title '84k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#e76428' title '202k', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#981521' title '793k'

unset multiplot

unset output
