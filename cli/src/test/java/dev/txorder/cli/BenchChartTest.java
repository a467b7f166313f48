package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class BenchChartTest {
    @TempDir
    Path dir;

    /** A row of {@code mpps} million packets per second (array 1: requests per second x 1). */
    private static BenchCommand.Row row(String impl, int senders, int fill, double mpps) {
        double rate = mpps * 1e6;
        return new BenchCommand.Row(impl, senders, 1, fill, rate, rate, rate, rate, List.of(rate), 1, 0, 0, 0, 0, 0, 0, 0);
    }

    private static List<BenchCommand.Row> rows() {
        List<BenchCommand.Row> rows = new ArrayList<>();
        int[] fills = {0, 100, 300, 1000};
        double[] single = {9.0, 4.0, 2.0, 0.8};
        double[] next = {6.0, 4.5, 3.0, 1.5};
        for (int i = 0; i < fills.length; i++) {
            rows.add(row("next-k2", 2, fills[i], next[i]));
            rows.add(row("single-lock", 2, fills[i], single[i]));
        }
        // One sender ran at one fill cost only: no line to draw.
        rows.add(row("next-k2", 1, 0, 12.0));
        return rows;
    }

    @Test
    void shouldDrawOneLinePerImplementationAgainstTheFillCost() {
        List<XYChart> charts = BenchChart.charts(rows());

        assertThat(charts).hasSize(1);
        XYChart chart = charts.get(0);
        assertThat(chart.getTitle()).startsWith("2 sender(s), arrays of 1");
        assertThat(chart.getSeriesMap()).containsOnlyKeys("next-k2", "single-lock");
        assertThat(chart.getSeriesMap().get("next-k2").getXData()).containsExactly(0.0, 100.0, 300.0, 1000.0);
        assertThat(chart.getSeriesMap().get("single-lock").getYData()).containsExactly(9.0, 4.0, 2.0, 0.8);
    }

    @Test
    void shouldWriteEachChartAsSvgAndPng() throws Exception {
        List<Path> files = BenchChart.write(rows(), dir);

        assertThat(files).containsExactly(dir.resolve("crossover-2s-a1.svg"), dir.resolve("crossover-2s-a1.png"));
        String svg = Files.readString(files.get(0));
        assertThat(svg).contains("<svg").contains("</svg>");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(files.get(1).toFile());
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(png.getHeight()).isEqualTo(500);
    }
}
