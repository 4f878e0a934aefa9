package dev.fluxion.samples.robot;

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
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The robot's pictures, drawn by XChart: the training curve beside the centre's path, and the robot at a few moments. */
final class RobotCharts {
    private RobotCharts() {
    }

    /** The distance moved per iteration, and the centre's x over time with the start and the learnt controller. */
    static void training(MassSpringRobot.Training t, MassSpringRobot.Motion before, MassSpringRobot.Motion after,
            double dt, Path png) throws IOException {
        double[] iterations = IntStream.rangeClosed(0, t.iterations()).asDoubleStream().toArray();
        XYChart curve = new XYChartBuilder().width(640).height(420).title("Training")
                .xAxisTitle("iteration").yAxisTitle("distance moved (minus the loss)").build();
        XYStyler s = style(curve);
        s.setLegendVisible(false);
        s.setXAxisMin(0.0);
        s.setXAxisMax((double) t.iterations());
        s.setXAxisDecimalPattern("#");
        line(curve.addSeries("distance", iterations, t.distance()), new Color(0x1f77b4));

        double[] time = IntStream.range(0, after.centreX().length).mapToDouble(i -> i * dt).toArray();
        XYChart path = new XYChartBuilder().width(640).height(420).title("The robot's centre")
                .xAxisTitle("time (s)").yAxisTitle("x").build();
        style(path).setLegendPosition(LegendPosition.InsideNW);
        line(path.addSeries("start controller", time, before.centreX()), new Color(0x7f7f7f));
        line(path.addSeries("after " + t.iterations() + " iterations", time, after.centreX()), new Color(0xd62728));
        save(List.of(curve, path), 1, 2, png);
    }

    /** The robot's springs at each recorded frame, one colour a frame, the muscles drawn thicker, on the ground. */
    static void frames(Robot robot, MassSpringRobot.Motion motion, double dt, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(1280).height(360).title("The robot after training")
                .xAxisTitle("x").yAxisTitle("y").build();
        XYStyler s = style(chart);
        s.setLegendPosition(LegendPosition.InsideNE);
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, maxY = 0;
        for (double[][] f : motion.frames()) {
            for (int i = 0; i < f[0].length; i++) {
                minX = Math.min(minX, f[0][i]);
                maxX = Math.max(maxX, f[0][i]);
                maxY = Math.max(maxY, f[1][i]);
            }
        }
        double groundY = robot.particles.get(0).y;
        line(chart.addSeries("ground", new double[] {minX - 0.05, maxX + 0.05}, new double[] {groundY, groundY}),
                Color.DARK_GRAY).setShowInLegend(false);
        int n = motion.frames().size();
        for (int k = 0; k < n; k++) {
            double[][] f = motion.frames().get(k);
            Color c = Color.getHSBColor(0.66f - 0.66f * k / Math.max(1, n - 1), 0.85f, 0.8f); // blue to red
            for (int j = 0; j < robot.springs.size(); j++) {
                Spring sp = robot.springs.get(j);
                String name = j == 0 ? String.format("t = %.1f s", k * motion.frameEvery() * dt) : "frame " + k + " spring " + j;
                XYSeries series = line(chart.addSeries(name, new double[] {f[0][sp.a()], f[0][sp.b()]},
                        new double[] {f[1][sp.a()], f[1][sp.b()]}), c);
                series.setLineWidth(sp.actuated() ? 3f : 1f);
                series.setShowInLegend(j == 0);
            }
        }
        s.setXAxisMin(minX - 0.05);
        s.setXAxisMax(maxX + 0.05);
        s.setYAxisMin(groundY - 0.02);
        s.setYAxisMax(maxY + 0.05);
        save(List.of(chart), 1, 1, png);
    }

    private static XYStyler style(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        return s;
    }

    private static XYSeries line(XYSeries s, Color color) {
        s.setMarker(SeriesMarkers.NONE).setLineColor(color);
        s.setLineStyle(SeriesLines.SOLID);
        return s;
    }

    private static void save(List<XYChart> charts, int rows, int columns, Path png) throws IOException {
        String name = png.toString();
        BitmapEncoder.saveBitmap(charts, rows, columns,
                name.endsWith(".png") ? name.substring(0, name.length() - 4) : name, BitmapFormat.PNG);
    }
}
