# residual-maps.gp — a self-contained gnuplot script: its data and parameters are inline.
# Residuals of the claims ledger's primary fits on every size, data fb364ebef64a8c02a2f70df9a5109c35f57589acd79bb7941a185fba7a137b33.
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot residual-maps.gp                     -> residual-maps.png
#   gnuplot -e "format='svg'" residual-maps.gp   -> residual-maps.svg
#   gnuplot -e "format='pdf'" residual-maps.gp   -> residual-maps.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'residual-maps.' . format
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

set multiplot

# Panel 1: (a) visual-reasoning: Y − Ŷ of the least-squares fit
$P1_CELLS << EOD
# column row value
0.0 0.0 -0.6045427750113519
1.0 0.0 0.061082274038049
2.0 0.0 -0.28992782226743286
3.0 0.0 -0.11559234846759692
4.0 0.0 0.21297875401367072
5.0 0.0 -0.007692309780504836
6.0 0.0 0.42497568743220526
0.0 1.0 0.005522077656683333
1.0 1.0 -0.6805224156143708
2.0 1.0 0.37911147760446573
3.0 1.0 0.3505310873228473
4.0 1.0 0.6949276442836494
5.0 1.0 -0.1473558139791331
6.0 1.0 0.4417169013218758
0.0 2.0 0.15601785814586266
1.0 2.0 0.6453239877068029
2.0 2.0 0.07164788770884778
3.0 2.0 0.11664331817179407
4.0 2.0 -0.5145343037816663
5.0 2.0 -0.5924873174617651
6.0 2.0 -0.49338950949864846
0.0 3.0 0.439954665929565
1.0 3.0 -0.10391350313315728
2.0 3.0 0.15013056877556386
3.0 3.0 -0.15919888154430906
4.0 3.0 -0.047455511616145696
5.0 3.0 -0.11922945141836228
6.0 3.0 -0.2901842266781751
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(790)
set tmargin at screen sy(1260)
set bmargin at screen sy(750)
set title '(a) visual-reasoning: Y − Ŷ of the least-squares fit' font ',16' noenhanced
set xlabel 'Visual tokens V' font ',15' noenhanced
set ylabel 'LLM size N' font ',15' noenhanced
set key at screen sx(800), screen sy(1260) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced
set xrange [-0.5:6.5]
set yrange [-0.5:3.5]
set xtics ('1' 0, '4' 1, '16' 2, '36' 3, '64' 4, '144' 5, '576' 6) scale 0
set ytics ('0.5 B' 0, '1.8 B' 1, '4 B' 2, '7 B' 3) scale 0
set palette defined (-0.6949276442836494 '#2166ac', 0 '#ffffff', 0.6949276442836494 '#b2182b')
set cbrange [-0.6949276442836494:0.6949276442836494]
set cbtics font ',13'
set cblabel 'Y − Ŷ (points of error)' font ',15' noenhanced
set colorbox vertical user origin graph 1.04, graph 0 size graph 0.04, graph 1
unset key
plot $P1_CELLS using 1:2:(0.5):(0.5):3 with boxxyerror fs solid 1.0 noborder lc palette notitle

# Panel 2: (b) ocr: Y − Ŷ of the least-squares fit
$P2_CELLS << EOD
# column row value
0.0 0.0 -3.320450592183477
1.0 0.0 -0.39030333288925245
2.0 0.0 0.6386994991530948
3.0 0.0 -0.3220617652415436
4.0 0.0 1.1868902107108226
5.0 0.0 0.9970714218835885
6.0 0.0 1.109096092501538
0.0 1.0 -0.7366086785072334
1.0 1.0 0.8393987065929975
2.0 1.0 1.5969686432226182
3.0 1.0 0.9386114167840076
4.0 1.0 1.3695175345234567
5.0 1.0 -0.017250573186178286
6.0 1.0 -1.176511859367524
0.0 2.0 -0.8808938460318383
1.0 2.0 0.8992960404114791
2.0 2.0 1.6543829127561027
3.0 2.0 0.21384909260201423
4.0 2.0 -0.906296118958072
5.0 2.0 -1.3330682173070318
6.0 2.0 -3.26148440225279
0.0 3.0 -0.7261269584954544
1.0 3.0 1.3701666305103166
2.0 3.0 1.66866319143536
3.0 3.0 0.7004629746559132
4.0 3.0 0.12386424432867527
5.0 3.0 -0.17766467066154812
6.0 3.0 -2.185277736449831
EOD
reset
set pointsize pointscale
set tics out nomirror font ',13'
set border lw 1.2
set lmargin at screen sx(125)
set rmargin at screen sx(790)
set tmargin at screen sy(600)
set bmargin at screen sy(90)
set title '(b) ocr: Y − Ŷ of the least-squares fit' font ',16' noenhanced
set xlabel 'Visual tokens V' font ',15' noenhanced
set ylabel 'LLM size N' font ',15' noenhanced
set key at screen sx(800), screen sy(600) left top Left reverse samplen 2.0 spacing 1.1 font ',13' noenhanced
set xrange [-0.5:6.5]
set yrange [-0.5:3.5]
set xtics ('1' 0, '4' 1, '16' 2, '36' 3, '64' 4, '144' 5, '576' 6) scale 0
set ytics ('0.5 B' 0, '1.8 B' 1, '4 B' 2, '7 B' 3) scale 0
set palette defined (-3.320450592183477 '#2166ac', 0 '#ffffff', 3.320450592183477 '#b2182b')
set cbrange [-3.320450592183477:3.320450592183477]
set cbtics font ',13'
set cblabel 'Y − Ŷ (points of error)' font ',15' noenhanced
set colorbox vertical user origin graph 1.04, graph 0 size graph 0.04, graph 1
unset key
plot $P2_CELLS using 1:2:(0.5):(0.5):3 with boxxyerror fs solid 1.0 noborder lc palette notitle

unset multiplot

unset output
