# figure2.gp — a self-contained gnuplot script: its data and parameters are inline.
# Figure 2 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.
# Input: results:visual-reasoning (28 rows) of paper-artifacts/results.sqlite, seed 56a12d1e097343a02d98850a588c721b8d0ecf5bfd5ebe96c1feccd9bf263876.
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
28.0 0.48618359352866297 0.4930147892821964
31.964420337700574 0.48527817605036666 0.49197057971956143
36.49014884018594 0.4843488471062355 0.4909157425723758
41.656659132605725 0.4834228044466548 0.48988206053379363
47.55467722781868 0.48251771715637887 0.4888505553515612
54.287774711916924 0.48161516509144503 0.48782584776844895
61.97418750321802 0.48067141395082996 0.4868121777409998
70.74889212286895 0.4797796025862906 0.4858303972919131
80.76597593721486 0.4788894461841722 0.4848250745944213
92.2013429943481 0.4779880587935548 0.48381877000142415
105.25580297042308 0.4770883972786208 0.48279734931158647
112.0 0.47668363535108693 0.48232912484752855
120.15859746888557 0.47622579167921214 0.48177602389001406
137.17142559585798 0.4753443964138379 0.4807896005683058
156.59303950241514 0.47443178859248025 0.4798169551694086
178.7644905933339 0.47348772143111917 0.4788727753798411
204.07511852786587 0.47256899816473935 0.47795621561215973
232.96938818181326 0.47167270189380606 0.47701578658015165
265.954694630729 0.47076578753522214 0.47605079726998384
303.6102732129079 0.46983740153203607 0.47510285083946946
346.5973711364823 0.46888908656649275 0.47417458541463664
395.6708592481616 0.4679652766068875 0.47324807558820325
448.0 0.4671391817989513 0.4723876396435228
451.69248787097837 0.46708606823659504 0.47232867098910797
515.646019488917 0.4661743637602225 0.4713645009638749
588.654504014496 0.4652138345043142 0.4704008063746027
672.0000000000001 0.4642620753630174 0.4695054285673481
767.146088104814 0.4633486038467485 0.46861530458723705
875.7635721644624 0.46237222149957236 0.46765290281244043
999.7598191825375 0.4614055824257867 0.46673248383171007
1008.0 0.4613482705871359 0.4666768623586052
1141.3122534676486 0.46045819404145755 0.46584027645698384
1302.9065930860065 0.45954445259404 0.464958977173827
1487.3805000772325 0.4585824647072666 0.4640713938494482
1697.9734109488543 0.4576349009497828 0.463192385014613
1792.0 0.45724393215842213 0.462843735300867
1938.3834224931566 0.4566756121618012 0.46231282504183524
2212.832231864354 0.4557465375021493 0.4613861083847262
2526.1392712901543 0.4548193531979813 0.4604957383325024
2883.806339253255 0.453894055402614 0.4596164892425878
3292.1142143005927 0.4529679896310718 0.4587369694337474
3758.2329480579656 0.4520237923832392 0.45785913357757246
4032.0 0.4515266268588531 0.45739369139537955
4290.3477742400155 0.4510914274568134 0.45698297844818453
4897.80284466878 0.45014383067323877 0.4560924172672447
5591.265316363519 0.4492126110053445 0.4551902630552236
6382.912671137503 0.4482658145161373 0.45431205139394715
7286.646557109785 0.44733908258089994 0.4534643678919547
8318.336907275569 0.44644973533792787 0.4526425119176439
9496.100621955877 0.44554893886175606 0.45182214574057056
10840.619708903483 0.44460631673204626 0.4509790927857217
12375.504467734008 0.4436367990040532 0.45010572500483803
14127.708096347906 0.44265501845179056 0.4492165551983085
16128.0 0.4416896093385604 0.44834435957397245
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
14.0 0.5082592574260664 0.5184426998662828
15.982210168850287 0.507349645346954 0.5173630613875109
18.24507442009297 0.5064488589772643 0.5163065570089884
20.828329566302862 0.5055518535469518 0.5152115183106986
23.77733861390934 0.5046379410388079 0.5141551849938321
27.143887355958462 0.5037377101927795 0.5131310939203891
30.98709375160901 0.5028398264142858 0.5120442307982913
35.374446061434476 0.5019508460502927 0.5110457922238396
40.38298796860743 0.5010862294115935 0.5100772693257473
46.10067149717405 0.5002078472380599 0.5090897962597192
52.62790148521154 0.4993264405198755 0.5081684078273195
56.0 0.49891992739443064 0.5077251296956224
60.07929873444279 0.49846008542635273 0.5072119732132888
68.58571279792899 0.4975952337833154 0.5062258646159499
78.29651975120757 0.49669791691710347 0.5052929453741091
89.38224529666695 0.4957571980777893 0.504423012074886
102.03755926393293 0.4948225613712596 0.503453172129171
116.48469409090663 0.49392209335735165 0.5024672303496034
132.9773473153645 0.493057211213997 0.5015439516048428
151.80513660645394 0.49219614161309266 0.5006223693775024
173.29868556824115 0.4913238560476949 0.4996998586188818
197.8354296240808 0.4904204945675698 0.49876865775939283
224.0 0.4895862328386167 0.49789675780217163
225.84624393548918 0.48953012810828717 0.49783919253956205
257.8230097444585 0.4886319143264407 0.4969274563930918
294.327252007248 0.48776167289908257 0.49602766217284094
336.00000000000006 0.4868929813588196 0.4951269595002469
383.573044052407 0.48601257831942285 0.494262018880126
437.8817860822312 0.4850724993258678 0.49338909467570463
499.87990959126876 0.4841665855383262 0.4925156745034096
504.0 0.48410684568275325 0.4924614048144726
570.6561267338243 0.48320526453681106 0.491607399075785
651.4532965430033 0.48222718279038396 0.4906986557709236
743.6902500386162 0.48124674383363875 0.48979166238876176
848.9867054744271 0.48025458597653636 0.48888603553031384
896.0 0.4798310416961764 0.4885187218216443
969.1917112465783 0.47923786565208626 0.4879988458126219
1106.416115932177 0.4782569109373655 0.4871224504839434
1263.0696356450771 0.4773011908722503 0.4862476299230403
1441.9031696266275 0.4763340536825543 0.48537209419563354
1646.0571071502964 0.4753777664842051 0.48446467308775204
1879.1164740289828 0.47440124690635244 0.4835497941530952
2016.0 0.47388353652282844 0.4830647020166801
2145.1738871200077 0.47342249849406914 0.4826360304318408
2448.90142233439 0.4724490608586992 0.48175354440516455
2795.6326581817593 0.471480123135274 0.4808647401038207
3191.4563355687515 0.47051518715366547 0.4800043979501631
3643.3232785548926 0.46952927837310227 0.4791609946663403
4159.168453637784 0.46856016192966443 0.47831965102289836
4748.050310977938 0.4676032435904779 0.4774797358221425
5420.309854451742 0.46660274032670296 0.4766402616905997
6187.752233867004 0.4656595289667647 0.47580226371347933
7063.854048173953 0.464627908672403 0.47498371653974253
8064.0 0.46359857389559916 0.4741686772194113
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
