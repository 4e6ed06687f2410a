# figure1.gp — a self-contained gnuplot script: its data and parameters are inline.
# Figure 1 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.
# Input: results:visual-reasoning, N = 0.5, 1.8, 4, 7 B (28 rows) of paper-artifacts/results.sqlite, data 71b03c6df71d341bc169dc0a2f461cb439cd3fa62c9630bd112d4ffb39b99fa5.
# Fit: least-squares, bounds paper, T = V, SSE 0.00037937968478269057.
# panel 1 '(a) Q = 0 (cached text)': Q = 0.0, a = 0.5907711460865358, alpha = 0.07093746338226128, beta = 0.015101615096874011, D = 0.0 (law evaluated with T = V)
# panel 2 '(b) Q = 50': Q = 50.0, a = 0.5907711460865358, alpha = 0.07093746338226128, beta = 0.015101615096874011, D = 0.0 (law evaluated with T = V)
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot figure1.gp                     -> figure1.png
#   gnuplot -e "format='svg'" figure1.gp   -> figure1.svg
#   gnuplot -e "format='pdf'" figure1.gp   -> figure1.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'figure1.' . format
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

# Panel 1: (a) Q = 0 (cached text)
$P1_OBS << EOD
# N V Y marker_size
# N = 0.5
0.5 1.0 0.6145 1.0
0.5 4.0 0.6083000000000001 1.4798294423681695
0.5 16.0 0.5922000000000001 1.959658884736339
0.5 36.0 0.5867 2.240341115263661
0.5 64.0 0.5849 2.4394883271045082
0.5 144.0 0.5756 2.720170557631831
0.5 576.0 0.5680000000000001 3.2


# N = 1.8
1.8 1.0 0.5667 1.0
1.8 4.0 0.5481 1.4798294423681695
1.8 16.0 0.5472 1.959658884736339
1.8 36.0 0.5403 2.240341115263661
1.8 64.0 0.5391 2.4394883271045082
1.8 144.0 0.5242 2.720170557631831
1.8 576.0 0.5192 3.2


# N = 4.0
4.0 1.0 0.5369999999999999 1.0
4.0 4.0 0.5307999999999999 1.4798294423681695
4.0 16.0 0.5142 1.959658884736339
4.0 36.0 0.5084 2.240341115263661
4.0 64.0 0.49770000000000003 2.4394883271045082
4.0 144.0 0.4908 2.720170557631831
4.0 576.0 0.48150000000000004 3.2


# N = 7.0
7.0 1.0 0.519 1.0
7.0 4.0 0.5029 1.4798294423681695
7.0 16.0 0.495 1.959658884736339
7.0 36.0 0.4859 2.240341115263661
7.0 64.0 0.4828 2.4394883271045082
7.0 144.0 0.47619999999999996 2.720170557631831
7.0 576.0 0.4646 3.2
EOD
$P1_FRONTIER << EOD
# flops error
0.6 0.6434443141978077
0.6413604610383534 0.6404087570177766
0.685572068305549 0.6373875205912121
0.732831363005774 0.6343805373575422
0.7833484347345804 0.6313877400749234
0.8373478554250718 0.6284090618187365
0.8950696776748345 0.6254444359800906
0.9567705018916371 0.6224937962643338
1.022724617001862 0.61955707668957
1.0932252197926464 0.6166342115851844
1.1685857183082784 0.6137251355903737
1.2491411250950548 0.6108297836526855
1.3352495464882201 0.6079480910265637
1.4272937745615621 0.6050799932718997
1.5256829888166255 0.6022254262525926
1.6308545751763401 0.5993843261351138
1.7432760703693426 0.5965566293870805
1.863447240348685 0.5937422727758346
1.9919023019844668 0.5909411933670287
2.1292122979068586 0.5881533285232187
2.275987635056792 0.5853786159024633
2.43288079822936 0.58261699345693
2.600589250672899 0.5798683994315071
2.779858534638262 0.5771327723624234
2.971485585661663 0.5744100510758732
3.1763222753146434 0.5717001746866485
3.39527919817032 0.5690030825967778
3.629329719820746 0.5663187144941706
3.8795143039407196 0.563647010351269
4.146945137633845 0.5609879104237048
4.432811075622669 0.5583413552489644
4.7383829252621235 0.5557072856450589
5.06501909587063 0.5530856427091996
5.414171637492756 0.5504763678164821
5.78739269593855 0.5478794026185752
6.186341412795248 0.5452946890424152
6.61279130108503 0.5427221692889082
7.068638129357183 0.5401617858316372
7.55590834926301 0.5376134814155761
8.07676810407812 0.5350771990558085
8.633532858219017 0.5325528820362544
9.228677690561872 0.5300404739084011
9.86484829732188 0.5275399184900419
10.544872753406297 0.5250511598640184
11.27177408452572 0.5225741423769714
12.048783705952642 0.5201088106380956
12.879355787668644 0.517655109517901
13.76718260976025 0.5152129841469806
14.716210976325062 0.5127823799147829
15.730659760855866 0.5103632424683912
16.815038661099987 0.5079555177113072
17.974168246768052 0.5055591518022426
19.21320138921348 0.5031740911539143
20.537646168347816 0.5008002824318462
21.95339035862356 0.4984376725531763
23.46672760293625 0.4960862086854705
25.084385390801074 0.4937458382455404
26.813554965179875 0.49141650889826755
28.66192329090832 0.4890981685554334
30.63770722683813 0.48679076537455435
32.749690053605015 0.4844942477577224
35.00726051940548 0.4822085643504514
37.4204545773594 0.47993366404052873
40.0 0.47766949595687225
EOD
reset
a = 0.5907711460865358
alpha = 0.07093746338226128
beta = 0.015101615096874011
D = 0.0
Q = 0.0
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(650)
set tmargin at screen sy(1260)
set bmargin at screen sy(750)
set title '(a) Q = 0 (cached text)' font ',16' noenhanced
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
set label 1 '#Tokens (V)' at screen sx(670), screen sy(952) left font ',13'
set label 2 '1' at screen sx(685), screen sy(926) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 3 '4' at screen sx(685), screen sy(898) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 4 '16' at screen sx(685), screen sy(870) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 5 '36' at screen sx(685), screen sy(842) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 6 '64' at screen sx(685), screen sy(814) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 7 '144' at screen sx(685), screen sy(786) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 8 '576' at screen sx(685), screen sy(758) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
plot sample \
  [u=log(1.0):log(576.0)] '+' using (flops(0.5,exp(u))):(Y(0.5,exp(u))) with lines lw 3.0 lc rgb '#e5ae2e' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(1.8,exp(u))):(Y(1.8,exp(u))) with lines lw 3.0 lc rgb '#f08028' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(4.0,exp(u))):(Y(4.0,exp(u))) with lines lw 3.0 lc rgb '#d73027' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(7.0,exp(u))):(Y(7.0,exp(u))) with lines lw 3.0 lc rgb '#7f0a1e' notitle, \
  $P1_OBS index 0 using (flops($1,$2)):3:4 with points pt 7 ps variable lc rgb '#e5ae2e' notitle, \
  $P1_OBS index 1 using (flops($1,$2)):3:4 with points pt 11 ps variable lc rgb '#f08028' notitle, \
  $P1_OBS index 2 using (flops($1,$2)):3:4 with points pt 15 ps variable lc rgb '#d73027' notitle, \
  $P1_OBS index 3 using (flops($1,$2)):3:4 with points pt 13 ps variable lc rgb '#7f0a1e' notitle, \
  keyentry with lines lt nodraw title 'α = 0.07094', \
  keyentry with lines lt nodraw title 'β = 0.0151', \
  keyentry with linespoints lw 3.0 pt 7 ps 1.5*pointscale lc rgb '#e5ae2e' title '0.5B', \
  keyentry with linespoints lw 3.0 pt 11 ps 1.5*pointscale lc rgb '#f08028' title '1.8B', \
  keyentry with linespoints lw 3.0 pt 15 ps 1.5*pointscale lc rgb '#d73027' title '4B', \
  keyentry with linespoints lw 3.0 pt 13 ps 1.5*pointscale lc rgb '#7f0a1e' title '7B', \
  $P1_FRONTIER using 1:2 with lines dt (4,6) lw 4.0 lc rgb '#000000' title 'compute-optimal frontier'

# Panel 2: (b) Q = 50
$P2_OBS << EOD
# N V Y marker_size
# N = 0.5
0.5 1.0 0.6145 1.0
0.5 4.0 0.6083000000000001 1.4798294423681695
0.5 16.0 0.5922000000000001 1.959658884736339
0.5 36.0 0.5867 2.240341115263661
0.5 64.0 0.5849 2.4394883271045082
0.5 144.0 0.5756 2.720170557631831
0.5 576.0 0.5680000000000001 3.2


# N = 1.8
1.8 1.0 0.5667 1.0
1.8 4.0 0.5481 1.4798294423681695
1.8 16.0 0.5472 1.959658884736339
1.8 36.0 0.5403 2.240341115263661
1.8 64.0 0.5391 2.4394883271045082
1.8 144.0 0.5242 2.720170557631831
1.8 576.0 0.5192 3.2


# N = 4.0
4.0 1.0 0.5369999999999999 1.0
4.0 4.0 0.5307999999999999 1.4798294423681695
4.0 16.0 0.5142 1.959658884736339
4.0 36.0 0.5084 2.240341115263661
4.0 64.0 0.49770000000000003 2.4394883271045082
4.0 144.0 0.4908 2.720170557631831
4.0 576.0 0.48150000000000004 3.2


# N = 7.0
7.0 1.0 0.519 1.0
7.0 4.0 0.5029 1.4798294423681695
7.0 16.0 0.495 1.959658884736339
7.0 36.0 0.4859 2.240341115263661
7.0 64.0 0.4828 2.4394883271045082
7.0 144.0 0.47619999999999996 2.720170557631831
7.0 576.0 0.4646 3.2
EOD
$P2_FRONTIER << EOD
# flops error
38.11393449243276 0.6186283648628438
40.741284330087126 0.615709881113288
43.54974816873222 0.612805165803526
46.55181093933714 0.6099141539786189
49.76081821037256 0.6070367809900632
53.19103551508375 0.604172982494346
56.85771176843591 0.6013226944515058
60.77714705564979 0.5984858531236998
64.96676509367893 0.5956623950737805
69.4451906877539 0.5928522571638741
74.23233252732368 0.5900553765539721
79.34947168946113 0.5872716907005234
84.81935624317096 0.584501137355037
90.66630237516078 0.581743654562689
96.91630248662648 0.578999180660939
103.59714074159214 0.5762676542781489
110.73851658047121 0.5735490143322127
118.37217674792399 0.5708432000291885
126.53205642193664 0.5681501508619408
135.25443007150707 0.5654698066087868
144.5780727135692 0.562802107332149
154.54443228601892 0.560146993377216
165.19781390311945 0.5575044053706082
176.58557681238807 0.5548742842190495
188.75834492852803 0.5522565711080467
201.77023188032882 0.5496512075005737
215.67908157097202 0.5470581351357624
230.54672532114543 0.5444772960276011
246.43925673808744 0.5419086324636356
263.4273255324816 0.5393520870036812
281.5864515893547 0.5368076024785362
300.9973606891708 0.5342751219887045
321.74634337155703 0.531754588903123
343.9256385369772 0.5292459468578952
367.6338434916429 0.5267491397550306
392.97635225850337 0.5242641117611906
420.06582410280674 0.52179080730644
449.0226843550535 0.5193291710830038
479.9756597577269 0.516879148044031
513.062350715673 0.5144406834023633
548.4298429940422 0.51201372262931
586.2353615830848 0.509598211453429
626.6469696365216 0.5071940958593124
669.8443155906111 0.5048013220863797
716.0194317851909 0.5024198366276746
765.3775881369504 0.5000495862286689
818.1382046598957 0.497690517886072
874.5358268896027 0.49534257884664473
934.8211685474556 0.49300571660602066
999.2622260800142 0.4906798789075313
1068.1454700281486 0.4883650137410382
1141.7771185221377 0.48606106934176896
1220.4844985640013 0.48376799418916067
1304.6175011486189 0.48148573700570724
1394.5501366923056 0.47921424675581287
1490.68219768346 0.47695347264465066
1593.4410359465492 0.47470336411702724
1703.283462420185 0.47246387085625147
1820.6977778946875 0.47023494278301015
1946.2059437367373 0.4680165300542472
2080.3659022509637 0.46580858306205
2223.77405699358 0.46361105243253925
2377.06792406422 0.46142388902476567
2540.928966162184 0.45924704392961035
EOD
reset
a = 0.5907711460865358
alpha = 0.07093746338226128
beta = 0.015101615096874011
D = 0.0
Q = 50.0
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(650)
set tmargin at screen sy(600)
set bmargin at screen sy(90)
set title '(b) Q = 50' font ',16' noenhanced
set xlabel 'Inference compute 2·N·(50+V)  [GFLOP]' font ',15' noenhanced
set ylabel 'Average downstream error' font ',15' noenhanced
set key at screen sx(660), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Scaling law (least-squares)' left
set samples 200
set logscale x
set format x '10^{%L}'
set mxtics 10
set format y '%.3f'
set offsets 0, 0, graph 0.04, graph 0.04
set grid back xtics ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '#Tokens (V)' at screen sx(670), screen sy(292) left font ',13'
set label 2 '1' at screen sx(685), screen sy(266) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 3 '4' at screen sx(685), screen sy(238) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 4 '16' at screen sx(685), screen sy(210) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 5 '36' at screen sx(685), screen sy(182) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 6 '64' at screen sx(685), screen sy(154) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 7 '144' at screen sx(685), screen sy(126) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 8 '576' at screen sx(685), screen sy(98) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
plot sample \
  [u=log(1.0):log(576.0)] '+' using (flops(0.5,exp(u))):(Y(0.5,exp(u))) with lines lw 3.0 lc rgb '#e5ae2e' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(1.8,exp(u))):(Y(1.8,exp(u))) with lines lw 3.0 lc rgb '#f08028' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(4.0,exp(u))):(Y(4.0,exp(u))) with lines lw 3.0 lc rgb '#d73027' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(7.0,exp(u))):(Y(7.0,exp(u))) with lines lw 3.0 lc rgb '#7f0a1e' notitle, \
  $P2_OBS index 0 using (flops($1,$2)):3:4 with points pt 7 ps variable lc rgb '#e5ae2e' notitle, \
  $P2_OBS index 1 using (flops($1,$2)):3:4 with points pt 11 ps variable lc rgb '#f08028' notitle, \
  $P2_OBS index 2 using (flops($1,$2)):3:4 with points pt 15 ps variable lc rgb '#d73027' notitle, \
  $P2_OBS index 3 using (flops($1,$2)):3:4 with points pt 13 ps variable lc rgb '#7f0a1e' notitle, \
  keyentry with lines lt nodraw title 'α = 0.07094', \
  keyentry with lines lt nodraw title 'β = 0.0151', \
  keyentry with linespoints lw 3.0 pt 7 ps 1.5*pointscale lc rgb '#e5ae2e' title '0.5B', \
  keyentry with linespoints lw 3.0 pt 11 ps 1.5*pointscale lc rgb '#f08028' title '1.8B', \
  keyentry with linespoints lw 3.0 pt 15 ps 1.5*pointscale lc rgb '#d73027' title '4B', \
  keyentry with linespoints lw 3.0 pt 13 ps 1.5*pointscale lc rgb '#7f0a1e' title '7B', \
  $P2_FRONTIER using 1:2 with lines dt (4,6) lw 4.0 lc rgb '#000000' title 'compute-optimal frontier'

unset multiplot

unset output
