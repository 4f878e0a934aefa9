package dev.fluxion.samples.ode;

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
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The observations with the fitted and the initial trajectories, and the loss per gradient
 * evaluation, side by side in one PNG (XChart).
 */
final class OdeChart {
    private static final Color PREY = new Color(0x1f77b4);
    private static final Color PREDATORS = new Color(0xd62728);
    private static final Color START = new Color(0xb0b0b0);
    private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {6, 4}, 0);

    private OdeChart() {
    }

    static void writePredatorPrey(PredatorPreyFit.Fit fit, Path png) throws IOException {
        double[] times = PredatorPreyFit.TIMES;
        double[] fine = PredatorPreyFit.times(times[0], times[times.length - 1], 301);
        double[][] fitted = PredatorPreyFit.simulate(fit.params(), fine);
        double[][] initial = PredatorPreyFit.simulate(PredatorPreyFit.START, fine);

        XYChart data = new XYChartBuilder().width(640).height(480).title("Lotka-Volterra fitted to noisy counts")
                .xAxisTitle("time").yAxisTitle("population").build();
        XYStyler s = style(data);
        s.setLegendPosition(LegendPosition.OutsideS);
        s.setLegendLayout(LegendLayout.Horizontal);
        s.setXAxisMin(times[0]);
        s.setXAxisMax(times[times.length - 1]);
        s.setXAxisDecimalPattern("#");
        s.setXAxisTickMarkSpacingHint(60);
        line(data.addSeries("initial guess", fine, column(initial, 0)), START).setLineStyle(DASHED);
        line(data.addSeries("initial guess, predators", fine, column(initial, 1)), START).setLineStyle(DASHED)
                .setShowInLegend(false);
        line(data.addSeries("fitted prey", fine, column(fitted, 0)), PREY);
        line(data.addSeries("fitted predators", fine, column(fitted, 1)), PREDATORS);
        dots(data.addSeries("prey", times, column(PredatorPreyFit.OBSERVED, 0)), PREY);
        dots(data.addSeries("predators", times, column(PredatorPreyFit.OBSERVED, 1)), PREDATORS);

        XYChart loss = lossChart(fit.loss());
        String name = png.toString();
        BitmapEncoder.saveBitmap(List.of(data, loss), 1, 2,
                name.endsWith(".png") ? name.substring(0, name.length() - 4) : name, BitmapFormat.PNG);
    }

    static void writePendulum(DampedPendulumFit.Fit fit, Path png) throws IOException {
        double[] times = DampedPendulumFit.TIMES;
        double[] fine = PredatorPreyFit.times(times[0], times[times.length - 1], 501);
        XYChart data = new XYChartBuilder().width(640).height(480).title("Damped pendulum fitted to noisy angles")
                .xAxisTitle("time (s)").yAxisTitle("angle (rad)").build();
        XYStyler s = style(data);
        s.setLegendPosition(LegendPosition.OutsideS);
        s.setLegendLayout(LegendLayout.Horizontal);
        s.setXAxisMin(times[0]);
        s.setXAxisMax(times[times.length - 1]);
        s.setXAxisDecimalPattern("#");
        line(data.addSeries("initial guess", fine, column(DampedPendulumFit.START.trajectory(fine), 0)), START)
                .setLineStyle(DASHED);
        line(data.addSeries("fitted", fine, column(fit.pendulum().trajectory(fine), 0)), PREY);
        dots(data.addSeries("readings", times, DampedPendulumFit.OBSERVED), PREDATORS);

        XYChart loss = lossChart(fit.loss());
        String name = png.toString();
        BitmapEncoder.saveBitmap(List.of(data, loss), 1, 2,
                name.endsWith(".png") ? name.substring(0, name.length() - 4) : name, BitmapFormat.PNG);
    }

    private static XYChart lossChart(double[] history) {
        XYChart loss = new XYChartBuilder().width(640).height(480).title("Adam on Fluxion's gradient")
                .xAxisTitle("gradient evaluations").yAxisTitle("sum of squared residuals").build();
        XYStyler l = style(loss);
        l.setYAxisLogarithmic(true);
        l.setLegendVisible(false);
        l.setXAxisLogarithmic(true);
        l.setXAxisMin(1.0);
        l.setXAxisMax((double) history.length);
        double[] iterations = IntStream.rangeClosed(1, history.length).asDoubleStream().toArray();
        line(loss.addSeries("loss", iterations, history), PREY);
        return loss;
    }

    static double[] column(double[][] rows, int i) {
        double[] c = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            c[k] = rows[k][i];
        }
        return c;
    }

    private static XYStyler style(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setMarkerSize(6);
        return s;
    }

    private static XYSeries line(XYSeries s, Color color) {
        s.setMarker(SeriesMarkers.NONE).setLineColor(color);
        return s;
    }

    private static void dots(XYSeries s, Color color) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color);
    }
}
