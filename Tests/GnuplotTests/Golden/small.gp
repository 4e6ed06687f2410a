# small.gp — a self-contained gnuplot script: its data and parameters are inline.
# law: Y(N, V) = a·N^-α·V^-β + D
# a = 0.59077, alpha = 0.0709, beta = 0.0151, D = 0.0
#
# Render with gnuplot 5.4 or later (cairo terminals):
#   gnuplot small.gp                     -> small.png
#   gnuplot -e "format='svg'" small.gp   -> small.svg
#   gnuplot -e "format='pdf'" small.gp   -> small.pdf

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'small.' . format
if (format ne 'png' && format ne 'svg' && format ne 'pdf') {
  print sprintf("unknown format '%s': use png, svg or pdf", format)
  exit status 2
}
if (format eq 'png') {
  set terminal pngcairo size 640,480 enhanced font 'DejaVu Sans,12' background rgb 'white'
  pointscale = 1.0
}
if (format eq 'svg') {
  set terminal svg size 640,480 enhanced font 'DejaVu Sans,12' background rgb 'white' fontscale 4.0/3.0 dashlength 0.5
  pointscale = 0.55
}
if (format eq 'pdf') {
  set terminal pdfcairo size 640/96.0,480/96.0 enhanced font 'DejaVu Sans,12' background rgb 'white' fontscale 0.78 linewidth 1.5
  pointscale = 0.78
}
set output outfile
set encoding utf8
set pointsize pointscale

$OBS << EOD
# N V Y
# N = 0.5
0.5 1.0 0.6145
0.5 576.0 0.568


# N = 7
7.0 1.0 0.519
7.0 576.0 0.4646
EOD
a = 0.59077
alpha = 0.0709
beta = 0.0151
D = 0.0
Y(N,V) = a*N**(-alpha)*V**(-beta) + D

# The law for N = 0.5 and 7, and the observations.
set logscale x
set title 'Small: a fit''s curves'
plot sample [u=0:log(576.0)] '+' using (exp(u)):(Y(0.5,exp(u))) with lines title '0.5B', [u=0:log(576.0)] '+' using (exp(u)):(Y(7.0,exp(u))) with lines title '7B', $OBS index 0 using 2:3 with points pt 7 notitle, $OBS index 1 using 2:3 with points pt 13 notitle

unset output
