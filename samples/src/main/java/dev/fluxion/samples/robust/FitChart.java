package dev.fluxion.samples.robust;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The data (inliers and outliers) and the fitted lines in one PNG, drawn by XChart. */
final class FitChart {
    static final int WIDTH = 800;
    static final int HEIGHT = 560;

    private FitChart() {
    }

    static void write(RobustRegression.Data data, RobustRegression.Fits fits, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Robust regression: " + data.outliers() + " outliers among " + data.size() + " points")
                .xAxisTitle("x").yAxisTitle("y").build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setLegendPosition(LegendPosition.InsideNW);
        s.setMarkerSize(6);
        s.setXAxisMin(0.0);
        s.setXAxisMax(10.0);

        points(chart, "inliers", data, false, new Color(0x7f7f7f));
        points(chart, "outliers", data, true, new Color(0xd62728));
        line(chart, "true line", RobustRegression.TRUE_LINE, new Color(0x2ca02c), true);
        line(chart, "least squares", fits.ols(), new Color(0xff7f0e), false);
        line(chart, "Huber", fits.huber(), new Color(0x9467bd), false);
        line(chart, "least trimmed squares", fits.trimmed(), new Color(0x1f77b4), false);

        String name = png.toString();
        BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
                BitmapFormat.PNG);
    }

    private static void points(XYChart chart, String name, RobustRegression.Data data, boolean outliers, Color color) {
        int[] which = IntStream.range(0, data.size()).filter(i -> data.outlier()[i] == outliers).toArray();
        double[] xs = IntStream.of(which).mapToDouble(i -> data.x()[i]).toArray();
        double[] ys = IntStream.of(which).mapToDouble(i -> data.y()[i]).toArray();
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color);
    }

    private static void line(XYChart chart, String name, double[] coef, Color color, boolean dashed) {
        double[] xs = IntStream.rangeClosed(0, 50).mapToDouble(k -> k * 0.2).toArray();
        double[] ys = IntStream.rangeClosed(0, 50).mapToDouble(k -> RobustRegression.predict(coef, k * 0.2)).toArray();
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE).setLineColor(color);
        series.setLineStyle(dashed ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
    }
}
