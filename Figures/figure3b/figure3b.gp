# figure3b.gp — a self-contained gnuplot script: its data and parameters are inline.
# Figure 3b of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.
# Input: results:ocr, N = 0.5, 1.8, 4, 7 B (28 rows) and dataIssues:ocr of paper-artifacts/results.sqlite, data e3b9d0b38ecdaed8590545730b8c8da353e3785b37d101a08fa0e18555ae2d03.
# Fit (a): least-squares, bounds a=0.0:5.0,alpha=0.0:1.0,beta=0.0:1.0,D=0.0:1.0, T = V, SSE 0.005136607605883001.
# Fit (b): least-squares, bounds paper, T = V, SSE 0.0063230743618605326.
# panel 1 '(a) OCR, widened box (D on a bound): β > α': Q = 0.0, a = 0.917213842469033, alpha = 0.02823272399600005, beta = 0.03941192868038761, D = 0.0 (law evaluated with T = V)
# panel 2 '(b) OCR, the authors' bounds': Q = 0.0, a = 0.7, alpha = 0.03743698509885227, beta = 0.05, D = 0.21073582869391877 (law evaluated with T = V)
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot figure3b.gp                     -> figure3b.png
#   gnuplot -e "format='svg'" figure3b.gp   -> figure3b.svg
#   gnuplot -e "format='pdf'" figure3b.gp   -> figure3b.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'figure3b.' . format
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

# Panel 1: (a) OCR, widened box (D on a bound): β > α
$P1_OBS << EOD
# N V Y marker_size
# N = 0.5
0.5 1.0 0.90213547205 1.0
0.5 4.0 0.8817041933 1.4798294423681695
0.5 16.0 0.8449057992 1.959658884736339
0.5 36.0 0.8089225855 2.240341115263661
0.5 64.0 0.8058030118 2.4394883271045082
0.5 144.0 0.778931634 2.720170557631831
0.5 576.0 0.7391656328 3.2


# N = 1.8
1.8 1.0 0.8947523574 1.0
1.8 4.0 0.8625460946 1.4798294423681695
1.8 16.0 0.8247058646000001 1.959658884736339
1.8 36.0 0.7926835034999999 2.240341115263661
1.8 64.0 0.7794302243 2.4394883271045082
1.8 144.0 0.7414763545 2.720170557631831
1.8 576.0 0.6904496971 3.2


# N = 4.0
4.0 1.0 0.8731996354 1.0
4.0 4.0 0.844104455 1.4798294423681695
4.0 16.0 0.8072517985000001 1.959658884736339
4.0 36.0 0.7679747486 2.240341115263661
4.0 64.0 0.7396024528 2.4394883271045082
4.0 144.0 0.7117854683 2.720170557631831
4.0 576.0 0.6539463189 3.2


# N = 7.0
7.0 1.0 0.8609215367 1.0
7.0 4.0 0.8357225201 1.4798294423681695
7.0 16.0 0.795 1.959658884736339
7.0 36.0 0.7608361582000001 2.240341115263661
7.0 64.0 0.7381684856999999 2.4394883271045082
7.0 144.0 0.7119730753 2.720170557631831
7.0 576.0 0.6539463189 3.2
EOD
$P1_FRONTIER << EOD
# flops error
345.59999999999997 0.7386510468684935
369.42362555809154 0.737262176455319
394.8895113439962 0.7358759175066958
422.1108650913258 0.7344922651123406
451.2086984071183 0.7331112143712026
482.31236472484136 0.7317327603914472
515.5601343407046 0.7303568982904367
551.099809089583 0.7289836231947147
589.0893793930725 0.7276129302399884
629.6977266005644 0.7262448145711112
673.1053737455684 0.7248792713420649
719.5052880547515 0.7235162957159441
769.1037387772149 0.7221558828649374
822.1212141474598 0.7207980279703115
878.7934015583762 0.7194427262223935
939.3722353015719 0.7180899728205539
1004.1270165327413 0.7167397629731896
1073.3456104408426 0.7153920918977077
1147.335725943053 0.7140469548205075
1226.4262835943505 0.7127043469769636
1310.9688777927122 0.7113642636114101
1401.3393397801112 0.710026699977123
1497.93940838759 0.708691651336303
1601.198515951639 0.7073591129600595
1711.575697341118 0.7060290801283936
1829.5616305812346 0.704701548130181
1955.6808181461045 0.7033765122631562
2090.49391861675 0.7020539678338947
2234.6002390698545 0.7007339101577973
2388.6403992770947 0.6994163345590729
2553.299179558657 0.6981012363707224
2729.308564950983 0.6967886109345217
2917.450999221483 0.6954784536010061
3118.5628631958275 0.6941707597294523
3333.538192860605 0.6928655246878634
3563.332653770063 0.6915627438529521
3808.9677894249776 0.6902624126101236
4071.5355625097372 0.6889645263534603
4352.203209175494 0.6876690804857047
4652.2184279489975 0.686376070418244
4972.914926334153 0.6850854915710924
5315.718349763638 0.6837973393728766
5682.152619257403 0.6825116092608181
6073.846705962027 0.6812282966807182
6492.541872686815 0.6799473970869407
6940.099414628722 0.6786689059423975
7418.508933697139 0.6773928187185305
7929.897183221904 0.6761191308952972
8476.537522363236 0.6748478379611537
9060.860022252979 0.673578935413039
9685.462268793592 0.6723124187563596
10353.120910138397 0.6710482835049725
11066.804000186965 0.6697865251811703
11829.684192968341 0.6685271393156648
12645.15284656717 0.6672701214475714
13516.83509929128 0.666015467124393
14448.605985101418 0.6647631719020046
15444.60765994361 0.6635132313446374
16509.26781556319 0.6622656410248632
17647.319362658764 0.661020396523578
18863.82147087649 0.659777493429988
20164.182059177554 0.658536927341592
21554.181836559015 0.6572986938641672
23040.0 0.6560627886117527
EOD
reset
a = 0.917213842469033
alpha = 0.02823272399600005
beta = 0.03941192868038761
D = 0.0
Q = 0.0
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(650)
set tmargin at screen sy(1260)
set bmargin at screen sy(876)
set title '(a) OCR, widened box (D on a bound): β > α' font ',16' noenhanced
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
set label 1 '#Tokens (V)' at screen sx(670), screen sy(1078) left font ',13'
set label 2 '1' at screen sx(685), screen sy(1052) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 3 '4' at screen sx(685), screen sy(1024) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 4 '16' at screen sx(685), screen sy(996) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 5 '36' at screen sx(685), screen sy(968) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 6 '64' at screen sx(685), screen sy(940) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 7 '144' at screen sx(685), screen sy(912) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 8 '576' at screen sx(685), screen sy(884) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 9 "Bounds a=0.0:5.0,alpha=0.0:1.0,beta=0.0:1.0,D=0.0:1.0; on a bound: D. D's bound is its floor 0 (an error floor\n  is not negative); α and β are inside the box.\nKnown problems of the OCR grid (kept as published):\n• the same block also has a one-line flat list of 27 values (7B@576 missing) that disagrees at 4B,V=4:\n  0.135895545 (flat) vs 0.155895545 (row, used here)\n• 7B@576 is identical to 4B@576 (0.3460536811): probably a copy error\n• 7B@144 (0.2880269247) is below 4B@144 (0.2882145317)" at screen sx(20), screen sy(790) left font ',11' tc rgb '#555555' noenhanced
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

# Panel 2: (b) OCR, the authors' bounds
$P2_OBS << EOD
# N V Y marker_size
# N = 0.5
0.5 1.0 0.90213547205 1.0
0.5 4.0 0.8817041933 1.4798294423681695
0.5 16.0 0.8449057992 1.959658884736339
0.5 36.0 0.8089225855 2.240341115263661
0.5 64.0 0.8058030118 2.4394883271045082
0.5 144.0 0.778931634 2.720170557631831
0.5 576.0 0.7391656328 3.2


# N = 1.8
1.8 1.0 0.8947523574 1.0
1.8 4.0 0.8625460946 1.4798294423681695
1.8 16.0 0.8247058646000001 1.959658884736339
1.8 36.0 0.7926835034999999 2.240341115263661
1.8 64.0 0.7794302243 2.4394883271045082
1.8 144.0 0.7414763545 2.720170557631831
1.8 576.0 0.6904496971 3.2


# N = 4.0
4.0 1.0 0.8731996354 1.0
4.0 4.0 0.844104455 1.4798294423681695
4.0 16.0 0.8072517985000001 1.959658884736339
4.0 36.0 0.7679747486 2.240341115263661
4.0 64.0 0.7396024528 2.4394883271045082
4.0 144.0 0.7117854683 2.720170557631831
4.0 576.0 0.6539463189 3.2


# N = 7.0
7.0 1.0 0.8609215367 1.0
7.0 4.0 0.8357225201 1.4798294423681695
7.0 16.0 0.795 1.959658884736339
7.0 36.0 0.7608361582000001 2.240341115263661
7.0 64.0 0.7381684856999999 2.4394883271045082
7.0 144.0 0.7119730753 2.720170557631831
7.0 576.0 0.6539463189 3.2
EOD
$P2_FRONTIER << EOD
# flops error
345.59999999999997 0.7436434357043196
369.42362555809154 0.7423151569536615
394.8895113439962 0.7409901889540909
422.1108650913258 0.7396685234535199
451.2086984071183 0.7383501522204294
482.31236472484136 0.7370350670438175
515.5601343407046 0.7357232597331478
551.099809089583 0.7344147221182993
589.0893793930725 0.7331094460495149
629.6977266005644 0.7318074233973513
673.1053737455684 0.7305086460526273
719.5052880547515 0.7292131059263747
769.1037387772149 0.7279207949497861
822.1212141474598 0.7266317050741671
878.7934015583762 0.7253458282708833
939.3722353015719 0.7240631565313131
1004.1270165327413 0.7227836818667954
1073.3456104408426 0.7215073963085816
1147.335725943053 0.7202342919077849
1226.4262835943505 0.7189643607353315
1310.9688777927122 0.7176975948819111
1401.3393397801112 0.716433986457927
1497.93940838759 0.7151735275934472
1601.198515951639 0.7139162104381565
1711.575697341118 0.7126620271613058
1829.5616305812346 0.7114109699516646
1955.6808181461045 0.7101630310174726
2090.49391861675 0.7089182025863894
2234.6002390698545 0.707676476905448
2388.6403992770947 0.7064378462410057
2553.299179558657 0.7052023028786958
2729.308564950983 0.7039698391233797
2917.450999221483 0.7027404472990995
3118.5628631958275 0.7015141197490291
3333.538192860605 0.7002908488354275
3563.332653770063 0.6990706269395908
3808.9677894249776 0.6978534464618049
4071.5355625097372 0.6966392998212978
4352.203209175494 0.6954281794561931
4652.2184279489975 0.694220077823462
4972.914926334153 0.693014987398877
5315.718349763638 0.6918129006769651
5682.152619257403 0.6906138101709602
6073.846705962027 0.6894177084127575
6492.541872686815 0.6882245879528666
6940.099414628722 0.6870344413603646
7418.508933697139 0.6858472612228508
7929.897183221904 0.6846630401463993
8476.537522363236 0.6834817707555148
9060.860022252979 0.6823034456930841
9685.462268793592 0.6811280576203327
10353.120910138397 0.6799555992167776
11066.804000186965 0.6787860631801828
11829.684192968341 0.6776194422265124
12645.15284656717 0.6764557290898865
13516.83509929128 0.6752949165225355
14448.605985101418 0.6741369972947548
15444.60765994361 0.6729819641948603
16509.26781556319 0.6718298100291424
17647.319362658764 0.6706805276218226
18863.82147087649 0.6695341098150078
20164.182059177554 0.668390549468646
21554.181836559015 0.667249839460482
23040.0 0.666111972686013
EOD
reset
a = 0.7
alpha = 0.03743698509885227
beta = 0.05
D = 0.21073582869391877
Q = 0.0
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(650)
set tmargin at screen sy(600)
set bmargin at screen sy(126)
set title '(b) OCR, the authors'' bounds' font ',16' noenhanced
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
set label 1 '#Tokens (V)' at screen sx(670), screen sy(328) left font ',13'
set label 2 '1' at screen sx(685), screen sy(302) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 3 '4' at screen sx(685), screen sy(274) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 4 '16' at screen sx(685), screen sy(246) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 5 '36' at screen sx(685), screen sy(218) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 6 '64' at screen sx(685), screen sy(190) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 7 '144' at screen sx(685), screen sy(162) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 8 '576' at screen sx(685), screen sy(134) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 9 "Bounds paper (a ≤ 0.7, β ≤ 0.05); on a bound: a, beta.\nThe bounds, not the data, decide these parameters; panel (a) is the fit this project reports." at screen sx(20), screen sy(40) left font ',11' tc rgb '#555555' noenhanced
plot sample \
  [u=log(1.0):log(576.0)] '+' using (flops(0.5,exp(u))):(Y(0.5,exp(u))) with lines lw 3.0 lc rgb '#e5ae2e' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(1.8,exp(u))):(Y(1.8,exp(u))) with lines lw 3.0 lc rgb '#f08028' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(4.0,exp(u))):(Y(4.0,exp(u))) with lines lw 3.0 lc rgb '#d73027' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(7.0,exp(u))):(Y(7.0,exp(u))) with lines lw 3.0 lc rgb '#7f0a1e' notitle, \
  $P2_OBS index 0 using (flops($1,$2)):3:4 with points pt 7 ps variable lc rgb '#e5ae2e' notitle, \
  $P2_OBS index 1 using (flops($1,$2)):3:4 with points pt 11 ps variable lc rgb '#f08028' notitle, \
  $P2_OBS index 2 using (flops($1,$2)):3:4 with points pt 15 ps variable lc rgb '#d73027' notitle, \
  $P2_OBS index 3 using (flops($1,$2)):3:4 with points pt 13 ps variable lc rgb '#7f0a1e' notitle, \
  keyentry with lines lt nodraw title 'α = 0.03744', \
  keyentry with lines lt nodraw title 'β = 0.05', \
  keyentry with linespoints lw 3.0 pt 7 ps 1.5*pointscale lc rgb '#e5ae2e' title '0.5B', \
  keyentry with linespoints lw 3.0 pt 11 ps 1.5*pointscale lc rgb '#f08028' title '1.8B', \
  keyentry with linespoints lw 3.0 pt 15 ps 1.5*pointscale lc rgb '#d73027' title '4B', \
  keyentry with linespoints lw 3.0 pt 13 ps 1.5*pointscale lc rgb '#7f0a1e' title '7B', \
  $P2_FRONTIER using 1:2 with lines dt (4,6) lw 4.0 lc rgb '#000000' title 'compute-optimal frontier'

unset multiplot

unset output
