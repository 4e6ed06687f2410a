# table1.gp — a self-contained gnuplot script: its data and parameters are inline.
# Table 1 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters', as grouped bars.
# Input: table1 of paper-artifacts/results.sqlite, data 7e606ed30ff19ed539c562b527dc62ea702d6fea62bad0a0d4dd853da3c27e23.
# MME is a score out of 2000; bars show it as score / 2000 × 100.
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

# Panel 1: (a) 36 tokens: QueCC best on 3 of 8
$P1_BARS << EOD
# x value width rgb
-0.32 57.2 0.16 10066329.0
-0.16 59.6 0.16 2912179.0
0.0 60.3 0.16 5085759.0
0.16 58.8 0.16 9333685.0
0.32 60.5 0.16 14102567.0
0.6799999999999999 60.9 0.16 10066329.0
0.84 62.8 0.16 2912179.0
1.0 64.8 0.16 5085759.0
1.16 63.4 0.16 9333685.0
1.32 62.5 0.16 14102567.0
1.76 67.515 0.16 10066329.0
1.92 72.045 0.16 2912179.0
2.08 70.815 0.16 9333685.0
2.24 72.1 0.16 14102567.0
2.68 76.3 0.16 10066329.0
2.84 83.3 0.16 2912179.0
3.0 85.5 0.16 5085759.0
3.16 81.9 0.16 9333685.0
3.32 84.5 0.16 14102567.0
3.76 68.5 0.16 10066329.0
3.92 71.0 0.16 2912179.0
4.08 66.8 0.16 9333685.0
4.24 70.6 0.16 14102567.0
4.84 56.0 0.16 10066329.0
5.0 53.2 0.16 2912179.0
5.16 53.3 0.16 14102567.0
5.68 45.2 0.16 10066329.0
5.84 50.2 0.16 2912179.0
6.0 52.8 0.16 5085759.0
6.16 51.0 0.16 9333685.0
6.32 50.1 0.16 14102567.0
6.76 72.0 0.16 10066329.0
6.92 75.0 0.16 2912179.0
7.08 73.7 0.16 9333685.0
7.24 75.8 0.16 14102567.0
EOD
$P1_REFERENCE << EOD
# x y dx dy
-0.44 62.0 0.88 0.0
0.56 64.3 0.88 0.0
1.6400000000000001 75.53500000000001 0.72 0.0
2.56 85.9 0.88 0.0
3.64 66.8 0.72 0.0
4.72 58.2 0.5599999999999999 0.0
5.56 50.0 0.88 0.0
6.64 78.5 0.72 0.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(640)
set tmargin at screen sy(2580)
set bmargin at screen sy(2124)
set title '(a) 36 tokens: QueCC best on 3 of 8' font ',16' noenhanced
set xlabel 'Benchmark' font ',15' noenhanced
set ylabel 'Score (%)' font ',15' noenhanced
set key at screen sx(650), screen sy(2580) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Method (tokens)' left
set style fill solid 1.0 noborder
set xrange [-0.6:7.6]
set yrange [40.0:90.0]
set xtics ('GQA' 0.0, 'MMB' 1.0, 'MME' 2.0, 'POPE' 3.0, 'SQA' 4.0, 'TextVQA' 5.0, 'VizWiz' 6.0, 'VQAv2' 7.0) scale 0 noenhanced font ',12'
set format y '%g'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★' at first 0.32, first 60.5 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 2 '★' at first 1.0, first 64.8 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 3 '★' at first 2.24, first 72.1 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 4 '★' at first 3.0, first 85.5 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 5 '★' at first 3.92, first 71.0 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 6 '★' at first 4.84, first 56.0 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 7 '★' at first 6.0, first 52.8 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 8 '★' at first 7.24, first 75.8 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 9 "★ best in the block; black dash: LLaVA-1.5 at 576 tokens; y axis starts at 40%.\nMME is a score out of 2000; bars show it as score / 2000 × 100.\nPruMerge is listed here at 32 tokens, as in the paper." at screen sx(20), screen sy(2038) left font ',11' tc rgb '#555555' noenhanced
plot $P1_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  $P1_REFERENCE using 1:2:3:4 with vectors nohead lw 3 lc rgb '#000000' notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#999999' title 'PruMerge (32)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#2c6fb3' title 'TokenPacker (36)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#4d9a3f' title 'Matryoshka Multimodal (36)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#8e6bb5' title 'Matryoshka Query (36)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title 'QueCC (36)', \
  keyentry with lines lw 3 lc rgb '#000000' title 'LLaVA-1.5 (576)'

# Panel 2: (b) 16 tokens: QueCC best on 3 of 8
$P2_BARS << EOD
# x value width rgb
-0.22 58.9 0.22 2912179.0
0.0 57.6 0.22 9333685.0
0.22 59.0 0.22 14102567.0
0.78 62.7 0.22 2912179.0
1.0 61.9 0.22 9333685.0
1.22 62.2 0.22 14102567.0
1.78 68.94 0.22 2912179.0
2.0 70.42500000000001 0.22 9333685.0
2.22 70.39999999999999 0.22 14102567.0
2.78 83.7 0.22 2912179.0
3.0 80.8 0.22 9333685.0
3.22 83.4 0.22 14102567.0
3.78 68.1 0.22 2912179.0
4.0 67.5 0.22 9333685.0
4.22 70.7 0.22 14102567.0
4.89 52.5 0.22 2912179.0
5.11 51.3 0.22 14102567.0
5.78 50.5 0.22 2912179.0
6.0 49.8 0.22 9333685.0
6.22 47.7 0.22 14102567.0
6.78 74.4 0.22 2912179.0
7.0 71.1 0.22 9333685.0
7.22 74.5 0.22 14102567.0
EOD
$P2_REFERENCE << EOD
# x y dx dy
-0.37 62.0 0.74 0.0
0.63 64.3 0.74 0.0
1.63 75.53500000000001 0.74 0.0
2.63 85.9 0.74 0.0
3.63 66.8 0.74 0.0
4.74 58.2 0.52 0.0
5.63 50.0 0.74 0.0
6.63 78.5 0.74 0.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(640)
set tmargin at screen sy(1920)
set bmargin at screen sy(1446)
set title '(b) 16 tokens: QueCC best on 3 of 8' font ',16' noenhanced
set xlabel 'Benchmark' font ',15' noenhanced
set ylabel 'Score (%)' font ',15' noenhanced
set key at screen sx(650), screen sy(1920) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Method (tokens)' left
set style fill solid 1.0 noborder
set xrange [-0.6:7.6]
set yrange [40.0:90.0]
set xtics ('GQA' 0.0, 'MMB' 1.0, 'MME' 2.0, 'POPE' 3.0, 'SQA' 4.0, 'TextVQA' 5.0, 'VizWiz' 6.0, 'VQAv2' 7.0) scale 0 noenhanced font ',12'
set format y '%g'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★' at first 0.22, first 59.0 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 2 '★' at first 0.78, first 62.7 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 3 '★' at first 2.0, first 70.42500000000001 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 4 '★' at first 2.78, first 83.7 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 5 '★' at first 4.22, first 70.7 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 6 '★' at first 4.89, first 52.5 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 7 '★' at first 5.78, first 50.5 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 8 '★' at first 7.22, first 74.5 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 9 "★ best in the block; black dash: LLaVA-1.5 at 576 tokens; y axis starts at 40%.\nMME is a score out of 2000; bars show it as score / 2000 × 100." at screen sx(20), screen sy(1360) left font ',11' tc rgb '#555555' noenhanced
plot $P2_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  $P2_REFERENCE using 1:2:3:4 with vectors nohead lw 3 lc rgb '#000000' notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#2c6fb3' title 'TokenPacker (16)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#8e6bb5' title 'Matryoshka Query (16)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title 'QueCC (16)', \
  keyentry with lines lw 3 lc rgb '#000000' title 'LLaVA-1.5 (576)'

# Panel 3: (c) 4 tokens: QueCC best on 6 of 8
$P3_BARS << EOD
# x value width rgb
-0.22 56.2 0.22 2912179.0
0.0 53.0 0.22 9333685.0
0.22 56.5 0.22 14102567.0
0.78 61.5 0.22 2912179.0
1.0 56.5 0.22 9333685.0
1.22 62.1 0.22 14102567.0
1.78 67.38 0.22 2912179.0
2.0 58.80499999999999 0.22 9333685.0
2.22 69.51499999999999 0.22 14102567.0
2.78 81.7 0.22 2912179.0
3.0 77.6 0.22 9333685.0
3.22 81.8 0.22 14102567.0
3.78 68.5 0.22 2912179.0
4.0 65.1 0.22 9333685.0
4.22 68.6 0.22 14102567.0
4.89 49.2 0.22 2912179.0
5.11 48.7 0.22 14102567.0
5.78 45.7 0.22 2912179.0
6.0 49.4 0.22 9333685.0
6.22 45.0 0.22 14102567.0
6.78 70.5 0.22 2912179.0
7.0 64.1 0.22 9333685.0
7.22 70.6 0.22 14102567.0
EOD
$P3_REFERENCE << EOD
# x y dx dy
-0.37 62.0 0.74 0.0
0.63 64.3 0.74 0.0
1.63 75.53500000000001 0.74 0.0
2.63 85.9 0.74 0.0
3.63 66.8 0.74 0.0
4.74 58.2 0.52 0.0
5.63 50.0 0.74 0.0
6.63 78.5 0.74 0.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(640)
set tmargin at screen sy(1260)
set bmargin at screen sy(786)
set title '(c) 4 tokens: QueCC best on 6 of 8' font ',16' noenhanced
set xlabel 'Benchmark' font ',15' noenhanced
set ylabel 'Score (%)' font ',15' noenhanced
set key at screen sx(650), screen sy(1260) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Method (tokens)' left
set style fill solid 1.0 noborder
set xrange [-0.6:7.6]
set yrange [40.0:90.0]
set xtics ('GQA' 0.0, 'MMB' 1.0, 'MME' 2.0, 'POPE' 3.0, 'SQA' 4.0, 'TextVQA' 5.0, 'VizWiz' 6.0, 'VQAv2' 7.0) scale 0 noenhanced font ',12'
set format y '%g'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★' at first 0.22, first 56.5 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 2 '★' at first 1.22, first 62.1 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 3 '★' at first 2.22, first 69.51499999999999 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 4 '★' at first 3.22, first 81.8 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 5 '★' at first 4.22, first 68.6 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 6 '★' at first 4.89, first 49.2 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 7 '★' at first 6.0, first 49.4 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 8 '★' at first 7.22, first 70.6 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 9 "★ best in the block; black dash: LLaVA-1.5 at 576 tokens; y axis starts at 40%.\nMME is a score out of 2000; bars show it as score / 2000 × 100." at screen sx(20), screen sy(700) left font ',11' tc rgb '#555555' noenhanced
plot $P3_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  $P3_REFERENCE using 1:2:3:4 with vectors nohead lw 3 lc rgb '#000000' notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#2c6fb3' title 'TokenPacker (4)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#8e6bb5' title 'Matryoshka Query (4)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title 'QueCC (4)', \
  keyentry with lines lw 3 lc rgb '#000000' title 'LLaVA-1.5 (576)'

# Panel 4: (d) 1 token: QueCC best on 6 of 8
$P4_BARS << EOD
# x value width rgb
-0.30000000000000004 53.4 0.2 2912179.0
-0.1 52.6 0.2 5085759.0
0.1 50.8 0.2 9333685.0
0.30000000000000004 53.5 0.2 14102567.0
0.7 58.7 0.2 2912179.0
0.9 59.5 0.2 5085759.0
1.1 54.4 0.2 9333685.0
1.3 59.4 0.2 14102567.0
1.8 63.12000000000001 0.2 2912179.0
2.0 57.199999999999996 0.2 9333685.0
2.2 63.455 0.2 14102567.0
2.7 80.7 0.2 2912179.0
2.9 78.4 0.2 5085759.0
3.1 74.5 0.2 9333685.0
3.3 81.3 0.2 14102567.0
3.8 69.4 0.2 2912179.0
4.0 65.0 0.2 9333685.0
4.2 69.9 0.2 14102567.0
4.9 46.2 0.2 2912179.0
5.1 46.8 0.2 14102567.0
5.7 41.1 0.2 2912179.0
5.9 49.4 0.2 5085759.0
6.1 48.5 0.2 9333685.0
6.3 44.1 0.2 14102567.0
6.8 66.9 0.2 2912179.0
7.0 61.0 0.2 9333685.0
7.2 67.3 0.2 14102567.0
EOD
$P4_REFERENCE << EOD
# x y dx dy
-0.44 62.0 0.88 0.0
0.56 64.3 0.88 0.0
1.66 75.53500000000001 0.68 0.0
2.56 85.9 0.88 0.0
3.66 66.8 0.68 0.0
4.76 58.2 0.48000000000000004 0.0
5.56 50.0 0.88 0.0
6.66 78.5 0.68 0.0
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(640)
set tmargin at screen sy(600)
set bmargin at screen sy(144)
set title '(d) 1 token: QueCC best on 6 of 8' font ',16' noenhanced
set xlabel 'Benchmark' font ',15' noenhanced
set ylabel 'Score (%)' font ',15' noenhanced
set key at screen sx(650), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Method (tokens)' left
set style fill solid 1.0 noborder
set xrange [-0.6:7.6]
set yrange [40.0:90.0]
set xtics ('GQA' 0.0, 'MMB' 1.0, 'MME' 2.0, 'POPE' 3.0, 'SQA' 4.0, 'TextVQA' 5.0, 'VizWiz' 6.0, 'VQAv2' 7.0) scale 0 noenhanced font ',12'
set format y '%g'
set grid back ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '★' at first 0.30000000000000004, first 53.5 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 2 '★' at first 0.9, first 59.5 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 3 '★' at first 2.2, first 63.455 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 4 '★' at first 3.3, first 81.3 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 5 '★' at first 4.2, first 69.9 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 6 '★' at first 5.1, first 46.8 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 7 '★' at first 5.9, first 49.4 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 8 '★' at first 7.2, first 67.3 center offset char 0.0, 0.7 font ',12' tc rgb '#000000' noenhanced front
set label 9 "★ best in the block; black dash: LLaVA-1.5 at 576 tokens; y axis starts at 40%.\nMME is a score out of 2000; bars show it as score / 2000 × 100.\nMatryoshka Query is listed here at 2 tokens, as in the paper." at screen sx(20), screen sy(58) left font ',11' tc rgb '#555555' noenhanced
plot $P4_BARS using 1:2:3:4 with boxes lc rgb variable notitle, \
  $P4_REFERENCE using 1:2:3:4 with vectors nohead lw 3 lc rgb '#000000' notitle, \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#2c6fb3' title 'TokenPacker (1)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#4d9a3f' title 'Matryoshka Multimodal (1)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#8e6bb5' title 'Matryoshka Query (2)', \
  keyentry with boxes fs solid 1.0 noborder lc rgb '#d73027' title 'QueCC (1)', \
  keyentry with lines lw 3 lc rgb '#000000' title 'LLaVA-1.5 (576)'

unset multiplot

unset output
