# figure2.gp — a self-contained gnuplot script: its data and parameters are inline.
# Figure 2 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.
# Input: results:visual-reasoning, N = 0.5, 1.8, 4, 7 B (28 rows) of paper-artifacts/results.sqlite, data 71b03c6df71d341bc169dc0a2f461cb439cd3fa62c9630bd112d4ffb39b99fa5.
# Fit: least-squares, bounds paper, T = V; errors are on Y = 1 - accuracy.
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot figure2.gp                     -> figure2.png
#   gnuplot -e "format='svg'" figure2.gp   -> figure2.svg
#   gnuplot -e "format='pdf'" figure2.gp   -> figure2.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'figure2.' . format
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
28.0 0.4861595509169991 0.4930204545751746
31.964420337700574 0.4852448239016035 0.4919717758149863
36.49014884018594 0.4843318179850075 0.49092203327199685
41.656659132605725 0.48342209997136615 0.48988964481405844
47.55467722781868 0.48250984696819493 0.48887010795426583
54.287774711916924 0.4816009126217817 0.4878435078446181
61.97418750321802 0.4806466478634715 0.4868220182371525
70.74889212286895 0.4797661142350603 0.48583586014859725
80.76597593721486 0.4788871194675439 0.4848369792479305
92.2013429943481 0.4779869215807181 0.48382547069291226
105.25580297042308 0.47708636675095856 0.48279978905557663
112.0 0.4766643198229172 0.48233039277132983
120.15859746888557 0.47618767318465643 0.48178100514718614
137.17142559585798 0.47529222293476114 0.4807930274942749
156.59303950241514 0.4743984565914121 0.47980534073315895
178.7644905933339 0.47346922965034066 0.4788631499012961
204.07511852786587 0.4725683404444653 0.4779524591198432
232.96938818181326 0.4716529624086629 0.4770101074296795
265.954694630729 0.4707606719405545 0.47602364319058327
303.6102732129079 0.46982640176063833 0.4750851806394273
346.5973711364823 0.46889544676530526 0.4741659058765215
395.6708592481616 0.4679779801687655 0.4732479663747712
448.0 0.4671475147404022 0.4723803860701612
451.69248787097837 0.4670944331064748 0.4723206985555614
515.646019488917 0.4661817481569007 0.47135815667277964
588.654504014496 0.46523092923243825 0.4703975017166569
672.0000000000001 0.46427452907263245 0.46949212415619823
767.146088104814 0.4633752956293189 0.4685968231143512
875.7635721644624 0.46237642856265676 0.46764123323661405
999.7598191825375 0.4614121667788544 0.46672879091682506
1008.0 0.4613547586191136 0.46667496794130287
1141.3122534676486 0.46046773548318726 0.46581907182904814
1302.9065930860065 0.45956274976313555 0.4649424615380092
1487.3805000772325 0.4585844329145284 0.46406710334850215
1697.9734109488543 0.4576362061224697 0.46319103281847546
1792.0 0.4572499636638513 0.462839164588679
1938.3834224931566 0.4566916621278063 0.4623037460899121
2212.832231864354 0.4557530774241869 0.4613679725237056
2526.1392712901543 0.4548222846980566 0.4604894605286165
2883.806339253255 0.45390641980718344 0.45961212079749014
3292.1142143005927 0.45298481035436505 0.45872192257610084
3758.2329480579656 0.45203086150985394 0.4578247457072307
4032.0 0.45152794659035117 0.4573490636874771
4290.3477742400155 0.4510957461836794 0.4569293236419297
4897.80284466878 0.45015854829690366 0.4560348487698499
5591.265316363519 0.44922880836299506 0.45515179378118387
6382.912671137503 0.4482888376459334 0.45431044742933635
7286.646557109785 0.44734171513569815 0.4534502335843982
8318.336907275569 0.446455246890448 0.4526389272425936
9496.100621955877 0.44555000554216156 0.4518152189768978
10840.619708903483 0.4446325097963954 0.45097352772237
12375.504467734008 0.44366414156103023 0.4500911654320316
14127.708096347906 0.4426698472330267 0.4492096548878333
16128.0 0.4417054680210668 0.4483306316861148
EOD
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
set bmargin at screen sy(786)
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
set xrange [1.0:100000.0]
set yrange [0.42:0.64]
set label 1 "14B measurements not published:\ningest them with ./repro ingest" at graph 0.97, graph 0.95 right font ',13' tc rgb '#2c6fb3' noenhanced front
set label 2 '#Tokens (V)' at screen sx(670), screen sy(988) left font ',13'
set label 3 '1' at screen sx(685), screen sy(962) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 4 '4' at screen sx(685), screen sy(934) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 5 '16' at screen sx(685), screen sy(906) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 6 '36' at screen sx(685), screen sy(878) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 7 '64' at screen sx(685), screen sy(850) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 8 '144' at screen sx(685), screen sy(822) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 9 '576' at screen sx(685), screen sy(794) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 10 "14B measurements not published; ingest them with ./repro ingest FILE.\nBand: 1000 refits on resamples of the cells (seed 1); fit uncertainty only." at screen sx(20), screen sy(700) left font ',11' tc rgb '#555555' noenhanced
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
  keyentry with lines lt nodraw title 'α = 0.07094', \
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
14.0 0.5083067871244037 0.5184286482529963
15.982210168850287 0.5073886669048954 0.5173525262303212
18.24507442009297 0.5064725838636356 0.5162694513821118
20.828329566302862 0.505558269644846 0.5151697723870279
23.77733861390934 0.5046446325685795 0.5141439873068631
27.143887355958462 0.5037417187010659 0.5131229809885485
30.98709375160901 0.5028544968122911 0.5119870573249751
35.374446061434476 0.5019692219352118 0.5110434707445823
40.38298796860743 0.5010867051685557 0.5100394147284428
46.10067149717405 0.5002104802118638 0.5090583022413777
52.62790148521154 0.49932821391386484 0.5081252203590065
56.0 0.49892673015461064 0.5076947387327222
60.07929873444279 0.49847257238633547 0.5072071822403338
68.58571279792899 0.4976183971013042 0.5061980311561913
78.29651975120757 0.4967026056721867 0.505262023636758
89.38224529666695 0.4957651238729805 0.5044025473178717
102.03755926393293 0.49482963782917866 0.5034340315256739
116.48469409090663 0.4939237623000468 0.5023951750305665
132.9773473153645 0.49305922717465994 0.5014712385593595
151.80513660645394 0.492196326233679 0.5005490012658526
173.29868556824115 0.49133426599396796 0.4996283220287631
197.8354296240808 0.4904458633601149 0.49870878938904756
224.0 0.4895971958730943 0.49784779503114607
225.84624393548918 0.4895392639492906 0.4977909491199478
257.8230097444585 0.4886486598420608 0.49690450620527965
294.327252007248 0.4877802257367096 0.49601544480762527
336.00000000000006 0.48691333502697903 0.49507970194900247
383.573044052407 0.4860233618075531 0.49422141094004707
437.8817860822312 0.48507726199202017 0.4933780220766741
499.87990959126876 0.48417923671548574 0.4924973161553952
504.0 0.484114442712583 0.4924413231305881
570.6561267338243 0.4832057643069241 0.4915930400945043
651.4532965430033 0.48223730532509085 0.49070709618619124
743.6902500386162 0.4812602900537627 0.48979592496580177
848.9867054744271 0.4802665556742297 0.488892743109926
896.0 0.4798392755050259 0.48852773569583713
969.1917112465783 0.47925531090582935 0.48800928372965446
1106.416115932177 0.4782730592993216 0.4871542451196553
1263.0696356450771 0.47730765771106837 0.4862989917906141
1441.9031696266275 0.47635008939705903 0.4854406660219142
1646.0571071502964 0.47541095231940134 0.4845149288536332
1879.1164740289828 0.4744325255952336 0.48357228534674523
2016.0 0.47391380565759633 0.4830724930071403
2145.1738871200077 0.47344576042131914 0.48264344813527965
2448.90142233439 0.472465886018257 0.48175672531596764
2795.6326581817593 0.4714813525181752 0.48087270517603165
3191.4563355687515 0.47053891396680303 0.4800213312334222
3643.3232785548926 0.4695345266113723 0.47918338980714265
4159.168453637784 0.4685607489824578 0.4783310599159928
4748.050310977938 0.46760569781664113 0.47748120371697583
5420.309854451742 0.4666398840355561 0.47665302103716445
6187.752233867004 0.46567672351520467 0.4758262748260205
7063.854048173953 0.46463992021155953 0.47500096259201297
8064.0 0.46360542529959986 0.47417708184793206
EOD
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
EOD
$P2_HELDOUT << EOD
# N V Y marker_size
# measured N = 7.0
7.0 1.0 0.519 1.0
7.0 4.0 0.5029 1.4798294423681695
7.0 16.0 0.495 1.959658884736339
7.0 36.0 0.4859 2.240341115263661
7.0 64.0 0.4828 2.4394883271045082
7.0 144.0 0.47619999999999996 2.720170557631831
7.0 576.0 0.4646 3.2
EOD
reset
a = 0.5898567366047469
alpha = 0.07078721444038308
beta = 0.014610119226263957
D = 0.0
Q = 0.0
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(650)
set tmargin at screen sy(600)
set bmargin at screen sy(144)
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
set xrange [1.0:100000.0]
set yrange [0.42:0.64]
set label 1 '0.9722 %' at first 14.0, first 0.519 center offset char 0.0, 1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 2 '0.149 %' at first 56.0, first 0.5029 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 3 '0.2927 %' at first 224.0, first 0.495 center offset char 0.0, 1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 4 '0.3783 %' at first 504.0, first 0.4859 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 5 '0.1771 %' at first 896.0, first 0.4828 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 6 '0.3693 %' at first 2016.0, first 0.47619999999999996 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 7 '0.8127 %' at first 8064.0, first 0.4646 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 8 '#Tokens (V)' at screen sx(670), screen sy(346) left font ',13'
set label 9 '1' at screen sx(685), screen sy(320) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 10 '4' at screen sx(685), screen sy(292) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 11 '16' at screen sx(685), screen sy(264) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 12 '36' at screen sx(685), screen sy(236) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 13 '64' at screen sx(685), screen sy(208) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 14 '144' at screen sx(685), screen sy(180) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 15 '576' at screen sx(685), screen sy(152) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 16 "7B measured at 7 V; labels: relative error |Ŷ−Y|/Y, max 0.9722 % at V = 1 (paper: < 2 % for 14B).\nNaive prediction \"7B errs as 4B\": max 5.548 % at V = 4.\nBand: 1000 refits on resamples of the cells (seed 1); fit uncertainty only." at screen sx(20), screen sy(58) left font ',11' tc rgb '#555555' noenhanced
plot $P2_BAND using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb '#7f0a1e' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(0.5,exp(u))):(Y(0.5,exp(u))) with lines lw 3.0 lc rgb '#e5ae2e' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(1.8,exp(u))):(Y(1.8,exp(u))) with lines lw 3.0 lc rgb '#f08028' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(4.0,exp(u))):(Y(4.0,exp(u))) with lines lw 3.0 lc rgb '#d73027' notitle, \
  [u=log(1.0):log(576.0)] '+' using (flops(7.0,exp(u))):(Y(7.0,exp(u))) with lines lw 3.0 dt (8,5) lc rgb '#7f0a1e' notitle, \
  $P2_OBS index 0 using (flops($1,$2)):3:4 with points pt 7 ps variable lc rgb '#e5ae2e' notitle, \
  $P2_OBS index 1 using (flops($1,$2)):3:4 with points pt 11 ps variable lc rgb '#f08028' notitle, \
  $P2_OBS index 2 using (flops($1,$2)):3:4 with points pt 15 ps variable lc rgb '#d73027' notitle, \
  $P2_HELDOUT using (flops($1,$2)):3:4 with points pt 12 ps variable lw 2 lc rgb '#7f0a1e' notitle, \
  keyentry with lines lt nodraw title 'α = 0.07079', \
  keyentry with lines lt nodraw title 'β = 0.01461', \
  keyentry with linespoints lw 3.0 pt 7 ps 1.5*pointscale lc rgb '#e5ae2e' title '0.5B', \
  keyentry with linespoints lw 3.0 pt 11 ps 1.5*pointscale lc rgb '#f08028' title '1.8B', \
  keyentry with linespoints lw 3.0 pt 15 ps 1.5*pointscale lc rgb '#d73027' title '4B', \
  keyentry with lines lw 3.0 dt (8,5) lc rgb '#7f0a1e' title '7B predicted', \
  keyentry with filledcurves fs transparent solid 0.22 noborder lc rgb '#7f0a1e' title '95% bootstrap band', \
  keyentry with points pt 12 ps 1.5*pointscale lw 2 lc rgb '#7f0a1e' title '7B measured'

unset multiplot

unset output
