package dev.fluxion.samples.render;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The loss per iteration, on a logarithmic axis, drawn by XChart. */
final class LossChart {
    private LossChart() {
    }

    static void write(double[] loss, Path png) throws IOException {
        double[] iterations = IntStream.rangeClosed(1, loss.length).asDoubleStream().toArray();
        XYChart chart = new XYChartBuilder().width(640).height(420).title("Inverse rendering")
                .xAxisTitle("iteration").yAxisTitle("mean squared pixel difference").build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setLegendVisible(false);
        s.setYAxisLogarithmic(true);
        s.setXAxisMin(0.0);
        s.setXAxisMax((double) loss.length);
        s.setXAxisDecimalPattern("#");
        s.setXAxisTickMarkSpacingHint(120);
        chart.addSeries("loss", iterations, loss).setMarker(SeriesMarkers.NONE).setLineColor(new Color(0x1f77b4));
        String name = png.toString();
        BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
                BitmapFormat.PNG);
    }
}
