# figure3b-like.gp — a self-contained gnuplot script: its data and parameters are inline.
# panel 1 '(a) OCR, bounds containing the optimum': Q = 0.0, a = 0.9172, alpha = 0.02823, beta = 0.03941, D = 0.0 (law evaluated with T = V)
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot figure3b-like.gp                     -> figure3b-like.png
#   gnuplot -e "format='svg'" figure3b-like.gp   -> figure3b-like.svg
#   gnuplot -e "format='pdf'" figure3b-like.gp   -> figure3b-like.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'figure3b-like.' . format
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
flops(N,V) = 2*N*(Q+V)
Y(N,V) = a*N**(-alpha)*V**(-beta) + D

set multiplot

# Panel 1: (a) OCR, bounds containing the optimum
$P1_OBS << EOD
# N V Y marker_size
# N = 0.5
0.5 1.0 0.935324095930291 1.0
0.5 4.0 0.8855945568754057 1.4798294423681695
0.5 16.0 0.8385090500499602 1.959658884736339
0.5 36.0 0.8121350260095264 2.240341115263661
0.5 64.0 0.7939269969052051 2.4394883271045082
0.5 144.0 0.7689552333905719 2.720170557631831
0.5 576.0 0.7280712344892917 3.2


# N = 1.8
1.8 1.0 0.9021062739207084 1.0
1.8 4.0 0.854142868106837 1.4798294423681695
1.8 16.0 0.8087295923206261 1.959658884736339
1.8 36.0 0.7832922357306125 2.240341115263661
1.8 64.0 0.7657308606284325 2.4394883271045082
1.8 144.0 0.7416459636013664 2.720170557631831
1.8 576.0 0.702213950599361 3.2


# N = 4.0
4.0 1.0 0.8819985933544852 1.0
4.0 4.0 0.8351042775922569 1.4798294423681695
4.0 16.0 0.7907032502177616 1.959658884736339
4.0 36.0 0.765832884741265 2.240341115263661
4.0 64.0 0.7486629474674948 2.4394883271045082
4.0 144.0 0.7251148956324989 2.720170557631831
4.0 576.0 0.6865618104735306 3.2


# N = 7.0
7.0 1.0 0.8681743056629895 1.0
7.0 4.0 0.8220150029915727 1.4798294423681695
7.0 16.0 0.7783099093530809 1.959658884736339
7.0 36.0 0.7538293575224679 2.240341115263661
7.0 64.0 0.7369285387646523 2.4394883271045082
7.0 144.0 0.7137495748687913 2.720170557631831
7.0 576.0 0.6758007638488615 3.2
EOD
$P1_FRONTIER << EOD
# flops error
345.59999999999997 0.7386465317318963
369.42362555809154 0.7372578036848476
394.8895113439962 0.7358716865829613
422.1108650913258 0.7344881755174038
451.2086984071183 0.7331072655885708
482.31236472484136 0.7317289519060697
515.5601343407046 0.7303532295887024
551.099809089583 0.7289800937644481
589.0893793930725 0.727609539570445
629.6977266005644 0.7262415621529753
673.1053737455684 0.7248761566674454
719.5052880547515 0.723513318278371
769.1037387772149 0.7221530421593583
822.1212141474598 0.720795323493088
878.7934015583762 0.7194401574712976
939.3722353015719 0.7180875392947649
1004.1270165327413 0.7167374641732902
1073.3456104408426 0.7153899273256802
1147.335725943053 0.714044923979731
1226.4262835943505 0.7127024493722102
1310.9688777927122 0.7113624987488412
1401.3393397801112 0.7100250673642859
1497.93940838759 0.7086901504821279
1601.198515951639 0.7073577433748555
1711.575697341118 0.7060278413238454
1829.5616305812346 0.7047004396193458
1955.6808181461045 0.7033755335604596
2090.49391861675 0.7020531184551276
2234.6002390698545 0.7007331896201129
2388.6403992770947 0.6994157423809827
2553.299179558657 0.698100772072093
2729.308564950983 0.6967882740365715
2917.450999221483 0.6954782436263016
3118.5628631958275 0.6941706762019052
3333.538192860605 0.692865567132727
3563.332653770063 0.6915629117968175
3808.9677894249776 0.6902627055809175
4071.5355625097372 0.6889649438804404
4352.203209175494 0.6876696220994571
4652.2184279489975 0.6863767356506794
4972.914926334153 0.6850862799554432
5315.718349763638 0.6837982504436934
5682.152619257403 0.6825126425539665
6073.846705962027 0.6812294517333751
6492.541872686815 0.679948673437592
6940.099414628722 0.6786703031308332
7418.508933697139 0.6773943362858433
7929.897183221904 0.6761207683838775
8476.537522363236 0.6748495949146874
9060.860022252979 0.6735808113765045
9685.462268793592 0.6723144132760231
10353.120910138397 0.6710503961283865
11066.804000186965 0.6697887554571691
11829.684192968341 0.668529486794362
12645.15284656717 0.6672725856803562
13516.83509929128 0.6660180476639272
14448.605985101418 0.6647658683022197
15444.60765994361 0.6635160431607311
16509.26781556319 0.6622685678132959
17647.319362658764 0.6610234378420704
18863.82147087649 0.6597806488375172
20164.182059177554 0.6585401963983887
21554.181836559015 0.6573020761317124
23040.0 0.6560662836527751
EOD
reset
a = 0.9172
alpha = 0.02823
beta = 0.03941
D = 0.0
Q = 0.0
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(650)
set tmargin at screen sy(600)
set bmargin at screen sy(144)
set title '(a) OCR, bounds containing the optimum' font ',16' noenhanced
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
set label 1 '#Tokens (V)' at screen sx(670), screen sy(346) left font ',13'
set label 2 '1' at screen sx(685), screen sy(320) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 3 '4' at screen sx(685), screen sy(292) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 4 '16' at screen sx(685), screen sy(264) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 5 '36' at screen sx(685), screen sy(236) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 6 '64' at screen sx(685), screen sy(208) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 7 '144' at screen sx(685), screen sy(180) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 8 '576' at screen sx(685), screen sy(152) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 9 "Known problems of the OCR grid (kept as published):\n• 7B@576 is identical to 4B@576 (0.3460536811): probably a\n  copy error" at screen sx(20), screen sy(58) left font ',11' tc rgb '#555555' noenhanced
plot sample \
  [u=log(1.0):log(576.0)] '+' using (flops(0.5,exp(u))):(Y(0.5,exp(u))) with lines lw 3.0 lc rgb '#e5ae2e' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(1.8,exp(u))):(Y(1.8,exp(u))) with lines lw 3.0 lc rgb '#f08028' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(4.0,exp(u))):(Y(4.0,exp(u))) with lines lw 3.0 lc rgb '#d73027' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(7.0,exp(u))):(Y(7.0,exp(u))) with lines lw 3.0 lc rgb '#7f0a1e' notitle, \
  $P1_OBS index 0 using (flops($1,$2)):3:4 with points pt 7 ps variable lc rgb '#e5ae2e' notitle, \
  $P1_OBS index 1 using (flops($1,$2)):3:4 with points pt 11 ps variable lc rgb '#f08028' notitle, \
  $P1_OBS index 2 using (flops($1,$2)):3:4 with points pt 15 ps variable lc rgb '#d73027' notitle, \
  $P1_OBS index 3 using (flops($1,$2)):3:4 with points pt 13 ps variable lc rgb '#7f0a1e' notitle, \
  keyentry with lines lt nodraw title 'α = 0.02823', \
  keyentry with lines lt nodraw title 'β = 0.03941', \
  keyentry with linespoints lw 3.0 pt 7 ps 1.5*pointscale lc rgb '#e5ae2e' title '0.5B', \
  keyentry with linespoints lw 3.0 pt 11 ps 1.5*pointscale lc rgb '#f08028' title '1.8B', \
  keyentry with linespoints lw 3.0 pt 15 ps 1.5*pointscale lc rgb '#d73027' title '4B', \
  keyentry with linespoints lw 3.0 pt 13 ps 1.5*pointscale lc rgb '#7f0a1e' title '7B', \
  $P1_FRONTIER using 1:2 with lines dt (4,6) lw 4.0 lc rgb '#000000' title 'compute-optimal frontier'

unset multiplot

unset output
