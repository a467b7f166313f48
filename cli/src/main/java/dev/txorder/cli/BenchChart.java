package dev.txorder.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code txorder bench --chart DIR}: the crossover as a picture. For each number of senders and array
 * size, packets per second (the median iteration) against the fill cost per packet, one line per
 * implementation, written as SVG and PNG ({@code crossover-<senders>s-a<array>.svg}, {@code .png}) with
 * XChart. The rate axis is logarithmic: the rates fall twentyfold from no fill to 1,000 ns, and equal
 * ratios should look equally far apart at both ends. Where the lines of several queues cross the prior
 * art's is where the patent's claim starts to pay.
 */
final class BenchChart {
    private BenchChart() {
    }

    /** One chart per senders and array size that ran at two or more fill costs. */
    static List<XYChart> charts(List<BenchCommand.Row> rows) {
        Map<String, List<BenchCommand.Row>> byCase = new LinkedHashMap<>();
        for (BenchCommand.Row r : rows) {
            byCase.computeIfAbsent(r.producers() + "s-a" + r.array(), k -> new ArrayList<>()).add(r);
        }
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<BenchCommand.Row>> e : byCase.entrySet()) {
            List<BenchCommand.Row> inCase = e.getValue();
            if (inCase.stream().map(BenchCommand.Row::fillNs).distinct().count() < 2) {
                continue;
            }
            BenchCommand.Row first = inCase.get(0);
            XYChart chart = new XYChartBuilder().width(800).height(500)
                    .title(first.producers() + " sender(s), arrays of " + first.array() + ": packets per second against fill cost")
                    .xAxisTitle("fill per packet (ns)").yAxisTitle("Mpkt/s (median iteration)").build();
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(6);
            Map<String, List<BenchCommand.Row>> byImpl = new LinkedHashMap<>();
            inCase.stream().sorted((a, b) -> Integer.compare(a.fillNs(), b.fillNs()))
                    .forEach(r -> byImpl.computeIfAbsent(r.impl(), k -> new ArrayList<>()).add(r));
            for (Map.Entry<String, List<BenchCommand.Row>> impl : byImpl.entrySet()) {
                double[] x = impl.getValue().stream().mapToDouble(BenchCommand.Row::fillNs).toArray();
                double[] y = impl.getValue().stream().mapToDouble(BenchCommand.Row::mpps).toArray();
                XYSeries s = chart.addSeries(impl.getKey(), x, y);
                s.setMarker(SeriesMarkers.CIRCLE);
            }
            charts.add(chart);
        }
        return charts;
    }

    /** Writes {@link #charts} to {@code dir}, each as SVG and PNG; @return the files written. */
    static List<Path> write(List<BenchCommand.Row> rows, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (XYChart chart : charts(rows)) {
            String name = "crossover-" + chart.getTitle().replaceAll("^(\\d+) sender\\(s\\), arrays of (\\d+):.*", "$1s-a$2");
            // XChart appends the extensions itself.
            VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve(name).toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
            files.add(dir.resolve(name + ".svg"));
            files.add(dir.resolve(name + ".png"));
        }
        return files;
    }
}
