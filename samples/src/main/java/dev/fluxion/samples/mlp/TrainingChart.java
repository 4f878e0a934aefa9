package dev.fluxion.samples.mlp;

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
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The training curve and the accuracies per epoch, side by side in one PNG, drawn by XChart. */
final class TrainingChart {
    private TrainingChart() {
    }

    static void write(BreastCancerMlp.History h, Path png) throws IOException {
        double[] epochs = IntStream.rangeClosed(1, h.epochs()).asDoubleStream().toArray();

        XYChart loss = new XYChartBuilder().width(640).height(420).title("Training loss")
                .xAxisTitle("epoch").yAxisTitle("cross-entropy + weight decay").build();
        style(loss, h.epochs()).setLegendVisible(false);
        line(loss.addSeries("loss", epochs, h.loss()), new Color(0x1f77b4));

        XYChart accuracy = new XYChartBuilder().width(640).height(420).title("Accuracy")
                .xAxisTitle("epoch").yAxisTitle("fraction classified right").build();
        XYStyler s = style(accuracy, h.epochs());
        s.setYAxisMin(0.8);
        s.setYAxisMax(1.0);
        s.setLegendPosition(LegendPosition.InsideSE);
        line(accuracy.addSeries("training", epochs, h.trainingAccuracy()), new Color(0x7f7f7f));
        line(accuracy.addSeries("held out", epochs, h.heldOutAccuracy()), new Color(0xd62728));

        String name = png.toString();
        BitmapEncoder.saveBitmap(List.of(loss, accuracy), 1, 2,
                name.endsWith(".png") ? name.substring(0, name.length() - 4) : name, BitmapFormat.PNG);
    }

    private static XYStyler style(XYChart chart, int epochs) {
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setXAxisMin(0.0);
        s.setXAxisMax((double) epochs);
        s.setXAxisDecimalPattern("#");
        return s;
    }

    private static void line(XYSeries s, Color color) {
        s.setMarker(SeriesMarkers.NONE).setLineColor(color);
    }
}
