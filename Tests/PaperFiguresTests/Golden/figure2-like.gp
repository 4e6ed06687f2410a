# figure2-like.gp — a self-contained gnuplot script: its data and parameters are inline.
# Figure 2-like golden figure.
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot figure2-like.gp                     -> figure2-like.png
#   gnuplot -e "format='svg'" figure2-like.gp   -> figure2-like.svg
#   gnuplot -e "format='pdf'" figure2-like.gp   -> figure2-like.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'figure2-like.' . format
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
flops(N,V) = 2*N*(Q+V)
Y(N,V) = a*N**(-alpha)*V**(-beta) + D

set multiplot

# Panel 1: (a) fit on 0.5B–7B, predict 14B
$P1_BAND << EOD
# flops lower upper
# 95% bootstrap band, N = 14.0
28.0 0.48595698723221936 0.49395698723221937
448.0 0.4658678647686709 0.47386786476867093
16128.0 0.44111842947757707 0.4491184294775771
EOD
$P1_OBS << EOD
# N V Y marker_size
# N = 0.5
0.5 1.0 0.6145 1.0
0.5 4.0 0.6083 1.4798294423681695
0.5 16.0 0.5922 1.959658884736339
0.5 36.0 0.5867 2.240341115263661
0.5 64.0 0.5849 2.4394883271045082
0.5 144.0 0.5756 2.720170557631831
0.5 576.0 0.568 3.2


# N = 1.8
1.8 1.0 0.5667 1.0
1.8 4.0 0.5481 1.4798294423681695
1.8 16.0 0.5472 1.959658884736339
1.8 36.0 0.5403 2.240341115263661
1.8 64.0 0.5391 2.4394883271045082
1.8 144.0 0.5242 2.720170557631831
1.8 576.0 0.5192 3.2


# N = 4.0
4.0 1.0 0.537 1.0
4.0 4.0 0.5308 1.4798294423681695
4.0 16.0 0.5142 1.959658884736339
4.0 36.0 0.5084 2.240341115263661
4.0 64.0 0.4977 2.4394883271045082
4.0 144.0 0.4908 2.720170557631831
4.0 576.0 0.4815 3.2


# N = 7.0
7.0 1.0 0.519 1.0
7.0 4.0 0.5029 1.4798294423681695
7.0 16.0 0.495 1.959658884736339
7.0 36.0 0.4859 2.240341115263661
7.0 64.0 0.4828 2.4394883271045082
7.0 144.0 0.4762 2.720170557631831
7.0 576.0 0.4646 3.2
EOD
reset
a = 0.59077
alpha = 0.0709
beta = 0.0151
D = 0.0
Q = 0.0
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(650)
set tmargin at screen sy(1260)
set bmargin at screen sy(768)
set title '(a) fit on 0.5B–7B, predict 14B' font ',16' noenhanced
set xlabel 'Inference compute 2·N·(0+V)  [GFLOP]' font ',15' noenhanced
set ylabel 'Average downstream error' font ',15' noenhanced
set key at screen sx(660), screen sy(1260) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Scaling law (least-squares)' left
set samples 200
set logscale x
set format x '10^{%L}'
set mxtics 10
set format y '%.3f'
set offsets 0, 0, graph 0.04, graph 0.04
set grid back xtics ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 "14B measurements not published:\ningest them with ./repro ingest" at graph 0.97, graph 0.95 right font ',13' tc rgb '#2c6fb3' noenhanced front
set label 2 '#Tokens (V)' at screen sx(670), screen sy(970) left font ',13'
set label 3 '1' at screen sx(685), screen sy(944) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 4 '4' at screen sx(685), screen sy(916) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 5 '16' at screen sx(685), screen sy(888) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 6 '36' at screen sx(685), screen sy(860) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 7 '64' at screen sx(685), screen sy(832) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 8 '144' at screen sx(685), screen sy(804) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 9 '576' at screen sx(685), screen sy(776) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 10 '14B measurements not published; ingest them with ./repro ingest FILE.' at screen sx(20), screen sy(682) left font ',11' tc rgb '#555555' noenhanced
plot $P1_BAND using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb '#2c6fb3' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(0.5,exp(u))):(Y(0.5,exp(u))) with lines lw 3.0 lc rgb '#e5ae2e' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(1.8,exp(u))):(Y(1.8,exp(u))) with lines lw 3.0 lc rgb '#f08028' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(4.0,exp(u))):(Y(4.0,exp(u))) with lines lw 3.0 lc rgb '#d73027' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(7.0,exp(u))):(Y(7.0,exp(u))) with lines lw 3.0 lc rgb '#7f0a1e' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(14.0,exp(u))):(Y(14.0,exp(u))) with lines lw 3.0 dt (8,5) lc rgb '#2c6fb3' notitle, \
  $P1_OBS index 0 using (flops($1,$2)):3:4 with points pt 7 ps variable lc rgb '#e5ae2e' notitle, \
  $P1_OBS index 1 using (flops($1,$2)):3:4 with points pt 11 ps variable lc rgb '#f08028' notitle, \
  $P1_OBS index 2 using (flops($1,$2)):3:4 with points pt 15 ps variable lc rgb '#d73027' notitle, \
  $P1_OBS index 3 using (flops($1,$2)):3:4 with points pt 13 ps variable lc rgb '#7f0a1e' notitle, \
  keyentry with lines lt nodraw title 'α = 0.0709', \
  keyentry with lines lt nodraw title 'β = 0.0151', \
  keyentry with linespoints lw 3.0 pt 7 ps 1.5*pointscale lc rgb '#e5ae2e' title '0.5B', \
  keyentry with linespoints lw 3.0 pt 11 ps 1.5*pointscale lc rgb '#f08028' title '1.8B', \
  keyentry with linespoints lw 3.0 pt 15 ps 1.5*pointscale lc rgb '#d73027' title '4B', \
  keyentry with linespoints lw 3.0 pt 13 ps 1.5*pointscale lc rgb '#7f0a1e' title '7B', \
  keyentry with lines lw 3.0 dt (8,5) lc rgb '#2c6fb3' title '14B predicted', \
  keyentry with filledcurves fs transparent solid 0.22 noborder lc rgb '#2c6fb3' title '95% bootstrap band'

# Panel 2: (b) fit on 0.5B–4B, predict 7B
$P2_BAND << EOD
# flops lower upper
# 95% bootstrap band, N = 7.0
14.0 0.50863697088517 0.52063697088517
224.0 0.4875359244631466 0.4995359244631466
8064.0 0.4615398171695685 0.4735398171695685
EOD
$P2_OBS << EOD
# N V Y marker_size
# N = 0.5
0.5 1.0 0.6145 1.0
0.5 4.0 0.6083 1.4798294423681695
0.5 16.0 0.5922 1.959658884736339
0.5 36.0 0.5867 2.240341115263661
0.5 64.0 0.5849 2.4394883271045082
0.5 144.0 0.5756 2.720170557631831
0.5 576.0 0.568 3.2


# N = 1.8
1.8 1.0 0.5667 1.0
1.8 4.0 0.5481 1.4798294423681695
1.8 16.0 0.5472 1.959658884736339
1.8 36.0 0.5403 2.240341115263661
1.8 64.0 0.5391 2.4394883271045082
1.8 144.0 0.5242 2.720170557631831
1.8 576.0 0.5192 3.2


# N = 4.0
4.0 1.0 0.537 1.0
4.0 4.0 0.5308 1.4798294423681695
4.0 16.0 0.5142 1.959658884736339
4.0 36.0 0.5084 2.240341115263661
4.0 64.0 0.4977 2.4394883271045082
4.0 144.0 0.4908 2.720170557631831
4.0 576.0 0.4815 3.2
EOD
$P2_HELDOUT << EOD
# N V Y marker_size
# measured N = 7.0
7.0 1.0 0.519 1.0
7.0 4.0 0.5029 1.4798294423681695
7.0 16.0 0.495 1.959658884736339
7.0 36.0 0.4859 2.240341115263661
7.0 64.0 0.4828 2.4394883271045082
7.0 144.0 0.4762 2.720170557631831
7.0 576.0 0.4646 3.2
EOD
reset
a = 0.59077
alpha = 0.0709
beta = 0.0151
D = 0.0
Q = 0.0
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(650)
set tmargin at screen sy(600)
set bmargin at screen sy(108)
set title '(b) fit on 0.5B–4B, predict 7B' font ',16' noenhanced
set xlabel 'Inference compute 2·N·(0+V)  [GFLOP]' font ',15' noenhanced
set ylabel 'Average downstream error' font ',15' noenhanced
set key at screen sx(660), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Scaling law (least-squares)' left
set samples 200
set logscale x
set format x '10^{%L}'
set mxtics 10
set format y '%.3f'
set offsets 0, 0, graph 0.04, graph 0.04
set grid back xtics ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '0.8407 %' at first 14.0, first 0.519 center offset char 0.0, 1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 2 '0.214 %' at first 56.0, first 0.5029 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 3 '0.2958 %' at first 224.0, first 0.495 center offset char 0.0, 1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 4 '0.3353 %' at first 504.0, first 0.4859 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 5 '0.1061 %' at first 896.0, first 0.4828 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 6 '0.2583 %' at first 2016.0, first 0.4762 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 7 '0.6328 %' at first 8064.0, first 0.4646 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 8 '#Tokens (V)' at screen sx(670), screen sy(310) left font ',13'
set label 9 '1' at screen sx(685), screen sy(284) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 10 '4' at screen sx(685), screen sy(256) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 11 '16' at screen sx(685), screen sy(228) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 12 '36' at screen sx(685), screen sy(200) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 13 '64' at screen sx(685), screen sy(172) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 14 '144' at screen sx(685), screen sy(144) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 15 '576' at screen sx(685), screen sy(116) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 16 '7B measured at 7 V.' at screen sx(20), screen sy(22) left font ',11' tc rgb '#555555' noenhanced
plot $P2_BAND using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb '#7f0a1e' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(0.5,exp(u))):(Y(0.5,exp(u))) with lines lw 3.0 lc rgb '#e5ae2e' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(1.8,exp(u))):(Y(1.8,exp(u))) with lines lw 3.0 lc rgb '#f08028' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(4.0,exp(u))):(Y(4.0,exp(u))) with lines lw 3.0 lc rgb '#d73027' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(7.0,exp(u))):(Y(7.0,exp(u))) with lines lw 3.0 dt (8,5) lc rgb '#7f0a1e' notitle, \
  $P2_OBS index 0 using (flops($1,$2)):3:4 with points pt 7 ps variable lc rgb '#e5ae2e' notitle, \
  $P2_OBS index 1 using (flops($1,$2)):3:4 with points pt 11 ps variable lc rgb '#f08028' notitle, \
  $P2_OBS index 2 using (flops($1,$2)):3:4 with points pt 15 ps variable lc rgb '#d73027' notitle, \
  $P2_HELDOUT using (flops($1,$2)):3:4 with points pt 12 ps variable lw 2 lc rgb '#7f0a1e' notitle, \
  keyentry with lines lt nodraw title 'α = 0.0709', \
  keyentry with lines lt nodraw title 'β = 0.0151', \
  keyentry with linespoints lw 3.0 pt 7 ps 1.5*pointscale lc rgb '#e5ae2e' title '0.5B', \
  keyentry with linespoints lw 3.0 pt 11 ps 1.5*pointscale lc rgb '#f08028' title '1.8B', \
  keyentry with linespoints lw 3.0 pt 15 ps 1.5*pointscale lc rgb '#d73027' title '4B', \
  keyentry with lines lw 3.0 dt (8,5) lc rgb '#7f0a1e' title '7B predicted', \
  keyentry with filledcurves fs transparent solid 0.22 noborder lc rgb '#7f0a1e' title '95% bootstrap band', \
  keyentry with points pt 12 ps 1.5*pointscale lw 2 lc rgb '#7f0a1e' title '7B measured'

unset multiplot

unset output
