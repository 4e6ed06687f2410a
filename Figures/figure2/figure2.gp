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
  set terminal pngcairo size 1920,660 enhanced font 'DejaVu Sans,14' background rgb 'white'
  pointscale = 1.0
}
if (format eq 'svg') {
  set terminal svg size 1920,660 enhanced font 'DejaVu Sans,14' background rgb 'white' fontscale 4.0/3.0 dashlength 0.5
  pointscale = 0.55
}
if (format eq 'pdf') {
  set terminal pdfcairo size 1920/96.0,660/96.0 enhanced font 'DejaVu Sans,14' background rgb 'white' fontscale 0.78 linewidth 1.5
  pointscale = 0.78
}
set output outfile
set encoding utf8
set pointsize pointscale

# Layout in pixels of the PNG canvas; sx() and sy() turn them into screen fractions.
W = 1920.0
H = 660.0
sx(px) = px/W
sy(px) = px/H
flops(N,V) = 2*N*(Q+V)
Y(N,V) = a*N**(-alpha)*V**(-beta) + D

set multiplot

# Panel 1: (a) fit on 0.5B–7B, predict 14B
$P1_BAND << EOD
# flops lower upper
# 95% bootstrap band, N = 14.0
28.0 0.48615955091699753 0.49302045457796906
31.964420337700574 0.485244823901602 0.49197177580511875
36.49014884018594 0.484331817985006 0.49092203327167416
41.656659132605725 0.48342209997289304 0.48988964481381575
47.55467722781868 0.48250984696823307 0.48887010795426583
54.287774711916924 0.48160091262181887 0.4878435078446182
61.97418750321802 0.48064664786589756 0.4868220182374108
70.74889212286895 0.4797661142374387 0.4858358601521302
80.76597593721486 0.47888711946754386 0.48483697923954583
92.2013429943481 0.4779869215807161 0.48382547068464
105.25580297042308 0.47708636675095845 0.4827997890553695
112.0 0.47666431982291707 0.4823303927718429
120.15859746888557 0.4761876731846563 0.48178100516685796
137.17142559585798 0.47529222293476103 0.4807930274940777
156.59303950241514 0.474398456591412 0.4798053407186529
178.7644905933339 0.47346922965064087 0.47886314989958007
204.07511852786587 0.4725683404455609 0.4779524591197924
232.96938818181326 0.4716529624038822 0.47701010742963
265.954694630729 0.4707606719404284 0.47602364319058293
303.6102732129079 0.46982640192671493 0.4750851806395337
346.5973711364823 0.4688954467653081 0.4741659058764686
395.6708592481616 0.4679779801687655 0.4732479663688254
448.0 0.46714751474040284 0.47238038607015853
451.69248787097837 0.4670944331064754 0.4723206985555588
515.646019488917 0.46618174815690105 0.47135815667277775
588.654504014496 0.4652309292249547 0.47039750171665584
672.0000000000001 0.46427452906523375 0.46949212415619834
767.146088104814 0.4633752956392239 0.46859682311435075
875.7635721644624 0.4623764285725682 0.4676412332366138
999.7598191825375 0.4614121667798886 0.4667287909168244
1008.0 0.46135475861908243 0.46667496794130214
1141.3122534676486 0.4604677354761185 0.46581907183198307
1302.9065930860065 0.45956274976312794 0.4649424615409181
1487.3805000772325 0.45858443291697215 0.4640671033513859
1697.9734109488543 0.4576362061222935 0.463191032786056
1792.0 0.45724996365706083 0.462839164590706
1938.3834224931566 0.45669166212106393 0.46230374608998537
2212.832231864354 0.45575307741752535 0.4613679725234126
2526.1392712901543 0.4548222846978877 0.460489460518418
2883.806339253255 0.4539064198070166 0.4596121207974901
3292.1142143005927 0.4529848103515372 0.45872192257610345
3758.2329480579656 0.4520308615068832 0.45782474570723347
4032.0 0.45152794659027645 0.4573490636874799
4290.3477742400155 0.4510957461835195 0.4569293236419326
4897.80284466878 0.4501585482906496 0.45603484876985295
5591.265316363519 0.44922880836239226 0.45515179378109755
6382.912671137503 0.4482888376459334 0.4543104474293341
7286.646557109785 0.44734171513576604 0.4534502335844126
8318.336907275569 0.44645524689315214 0.4526389272426189
9496.100621955877 0.44555000553636914 0.4518152189768175
10840.619708903483 0.4446325097906827 0.45097352771807453
12375.504467734008 0.4436641415575735 0.4500911654283201
14127.708096347906 0.4426698472330308 0.4492096548839545
16128.0 0.4417054680271092 0.44833063168125226
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
a = 0.590771146099155
alpha = 0.07093746337649647
beta = 0.015101615104746835
D = 0.0
Q = 0.0
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(650)
set tmargin at screen sy(600)
set bmargin at screen sy(126)
set title '(a) fit on 0.5B–7B, predict 14B' font ',16' noenhanced
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
set label 1 "14B measurements not published:\ningest them with ./repro ingest" at graph 0.97, graph 0.95 right font ',13' tc rgb '#2c6fb3' noenhanced front
set label 2 '#Tokens (V)' at screen sx(670), screen sy(328) left font ',13'
set label 3 '1' at screen sx(685), screen sy(302) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 4 '4' at screen sx(685), screen sy(274) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 5 '16' at screen sx(685), screen sy(246) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 6 '36' at screen sx(685), screen sy(218) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 7 '64' at screen sx(685), screen sy(190) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 8 '144' at screen sx(685), screen sy(162) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 9 '576' at screen sx(685), screen sy(134) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 10 "14B measurements not published; ingest them with ./repro ingest FILE.\nBand: 1000 refits on resampled fit points (seed 1); fit uncertainty only." at screen sx(20), screen sy(40) left font ',11' tc rgb '#555555' noenhanced
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
14.0 0.508306787124381 0.518428648252609
15.982210168850287 0.5073886669048728 0.5173525262302904
18.24507442009297 0.5064725838638524 0.5162694513810542
20.828329566302862 0.5055582696450561 0.5151697723870202
23.77733861390934 0.5046446325685586 0.5141439873058908
27.143887355958462 0.5037417187010653 0.5131229809998731
30.98709375160901 0.5028544968122906 0.5119870573253072
35.374446061434476 0.5019692219353533 0.511043470750663
40.38298796860743 0.5010867051686897 0.5100394147208516
46.10067149717405 0.500210480209634 0.5090583022414249
52.62790148521154 0.49932821388356263 0.5081252203420275
56.0 0.498926730124812 0.5076947387154367
60.07929873444279 0.49847257235710574 0.5072071822227542
68.58571279792899 0.4976183970731434 0.50619803115603
78.29651975120757 0.49670260568568486 0.5052620236372058
89.38224529666695 0.49576512388675054 0.5044025473178814
102.03755926393293 0.494829637842277 0.5034340315424123
116.48469409090663 0.49392376230004686 0.5023951750305659
132.9773473153645 0.49305922717543654 0.5014712385593588
151.80513660645394 0.4921963262344599 0.5005490012658516
173.29868556824115 0.4913342659939682 0.49962832202876123
197.8354296240808 0.490445863360115 0.4987087893890455
224.0 0.48959719587155565 0.4978477950311439
225.84624393548918 0.4895392639477539 0.49779094911994554
257.8230097444585 0.4886486598420644 0.49690450620682164
294.327252007248 0.48778022573671304 0.4960154448076694
336.00000000000006 0.48691333502698225 0.495079701949072
383.573044052407 0.48602336180755906 0.4942214109400472
437.8817860822312 0.4850772619886538 0.49337802207667414
499.87990959126876 0.484179236715487 0.4924973161553952
504.0 0.48411444271258436 0.49244132312796723
570.6561267338243 0.48320576430707673 0.491593040091801
651.4532965430033 0.48223730532495485 0.49070709625780157
743.6902500386162 0.4812602900536854 0.48979592485538237
848.9867054744271 0.480266555672986 0.48889274311203446
896.0 0.47983927550502614 0.48852773569798624
969.1917112465783 0.47925531090587514 0.48800928374842517
1106.416115932177 0.4782730592993216 0.4871542451376108
1263.0696356450771 0.47730765771106837 0.4862989918099577
1441.9031696266275 0.47635008939706 0.48544066602244573
1646.0571071502964 0.47541095231803887 0.4845149288515159
1879.1164740289828 0.47443252559388893 0.48357228534453084
2016.0 0.4739138056562612 0.48307249300487454
2145.1738871200077 0.4734457604221804 0.48264344813527965
2448.90142233439 0.47246588602010936 0.4817567253159677
2795.6326581817593 0.4714813525147227 0.4808727051765318
3191.4563355687515 0.470538913965529 0.48002133123082025
3643.3232785548926 0.4695345266115328 0.4791833898290657
4159.168453637784 0.46856074898245875 0.4783310599391579
4748.050310977938 0.46760569781679967 0.47748120341013467
5420.309854451742 0.46663988403555745 0.47665302072120413
6187.752233867004 0.46567672351516903 0.4758262745009737
7063.854048173953 0.46463992021152284 0.47500096225791205
8064.0 0.4636054252995621 0.4741770815048095
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
a = 0.5898567366047465
alpha = 0.070787214440383
beta = 0.014610119226263747
D = 0.0
Q = 0.0
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(1085)
set rmargin at screen sx(1610)
set tmargin at screen sy(600)
set bmargin at screen sy(126)
set title '(b) fit on 0.5B–4B, predict 7B' font ',16' noenhanced
set xlabel 'Inference compute 2·N·(0+V)  [GFLOP]' font ',15' noenhanced
set ylabel 'Average downstream error' font ',15' noenhanced
set key at screen sx(1620), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced title 'Scaling law (least-squares)' left
set samples 200
set logscale x
set format x '10^{%L}'
set mxtics 10
set format y '%.3f'
set offsets 0, 0, graph 0.04, graph 0.04
set grid back xtics ytics lt 1 dt (6,6) lw 1 lc rgb '#cccccc'
set label 1 '0.97%' at first 14.0, first 0.519 center offset char 0.0, 1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 2 '0.15%' at first 56.0, first 0.5029 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 3 '0.29%' at first 224.0, first 0.495 center offset char 0.0, 1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 4 '0.38%' at first 504.0, first 0.4859 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 5 '0.18%' at first 896.0, first 0.4828 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 6 '0.37%' at first 2016.0, first 0.47619999999999996 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 7 '0.81%' at first 8064.0, first 0.4646 center offset char 0.0, -1.3 font ',10' tc rgb '#7f0a1e' noenhanced front
set label 8 '#Tokens (V)' at screen sx(1630), screen sy(328) left font ',13'
set label 9 '1' at screen sx(1645), screen sy(302) left point pt 7 ps 1.0*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 10 '4' at screen sx(1645), screen sy(274) left point pt 7 ps 1.4798294423681695*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 11 '16' at screen sx(1645), screen sy(246) left point pt 7 ps 1.959658884736339*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 12 '36' at screen sx(1645), screen sy(218) left point pt 7 ps 2.240341115263661*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 13 '64' at screen sx(1645), screen sy(190) left point pt 7 ps 2.4394883271045082*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 14 '144' at screen sx(1645), screen sy(162) left point pt 7 ps 2.720170557631831*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 15 '576' at screen sx(1645), screen sy(134) left point pt 7 ps 3.2*pointscale lc rgb '#555555' offset char 1.6, 0 font ',12'
set label 16 "7B measured at 7 V; labels: relative error |Ŷ−Y|/Y, max 0.97% at V = 1 (paper: < 2% for 14B).\nBand: 1000 refits on resampled fit points (seed 1); fit uncertainty only." at screen sx(980), screen sy(40) left font ',11' tc rgb '#555555' noenhanced
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
