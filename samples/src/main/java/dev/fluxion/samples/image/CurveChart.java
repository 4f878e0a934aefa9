package dev.fluxion.samples.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The learnt tone curve over ImageMagick's, and the loss per iteration, side by side in one PNG (XChart). */
final class CurveChart {
    private static final Color LEARNT = new Color(0xd62728);
    private static final Color TOOL = new Color(0x1f77b4);
    private static final Color IDENTITY = new Color(0xb0b0b0);

    private CurveChart() {
    }

    static void write(PhotoEditFit.Fit fit, Path png) throws IOException {
        int n = 201;
        double[] v = IntStream.range(0, n).mapToDouble(i -> i / (n - 1.0)).toArray();
        double[] learnt = IntStream.range(0, n).mapToDouble(i -> PhotoEditFit.toneCurve(v[i], fit.parameters())).toArray();
        double[] tool = IntStream.range(0, n).mapToDouble(i -> ImageMagickEdit.curve(v[i])).toArray();

        XYChart curve = new XYChartBuilder().width(480).height(420).title("Tone curve")
                .xAxisTitle("input").yAxisTitle("output").build();
        XYStyler s = style(curve);
        s.setLegendPosition(LegendPosition.InsideSE);
        curve.addSeries("no edit", new double[] {0, 1}, new double[] {0, 1}).setMarker(SeriesMarkers.NONE)
                .setLineColor(IDENTITY).setLineStyle(new BasicStroke(1f));
        curve.addSeries("ImageMagick -sigmoidal-contrast 6x40%", v, tool).setMarker(SeriesMarkers.NONE)
                .setLineColor(TOOL).setLineStyle(new BasicStroke(4f));
        curve.addSeries("learnt", v, learnt).setMarker(SeriesMarkers.NONE).setLineColor(LEARNT)
                .setLineStyle(new BasicStroke(1.5f));

        double[] history = fit.loss();
        XYChart loss = new XYChartBuilder().width(480).height(420).title("Adam on Fluxion's gradient")
                .xAxisTitle("iteration").yAxisTitle("mean squared difference").build();
        XYStyler l = style(loss);
        l.setLegendVisible(false);
        l.setYAxisLogarithmic(true);
        l.setXAxisMin(0.0);
        l.setXAxisMax((double) history.length);
        l.setXAxisDecimalPattern("#");
        l.setXAxisTickMarkSpacingHint(100);
        double[] iterations = IntStream.rangeClosed(1, history.length).asDoubleStream().toArray();
        loss.addSeries("loss", iterations, history).setMarker(SeriesMarkers.NONE).setLineColor(LEARNT);

        String name = png.toString();
        BitmapEncoder.saveBitmap(List.of(curve, loss), 1, 2,
                name.endsWith(".png") ? name.substring(0, name.length() - 4) : name, BitmapFormat.PNG);
    }

    private static XYStyler style(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        return s;
    }
}
