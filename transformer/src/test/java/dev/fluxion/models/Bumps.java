package dev.fluxion.models;

import dev.fluxion.Differentiable;
import java.util.List;

/**
 * A sum of Gaussian bumps fitted to samples, written with records: the model holds a
 * {@code List<Bump>} made by {@code List.of}, each bump a record of a height, a {@link Point} record
 * (its centre) and a width, read through their accessors ({@code bump.center().x()}), and an array of
 * {@link Point} records, anchors that pull the centres, and a {@link Frame} record holding a
 * {@link Point}. Every number of the model sits in a final field: of a record, of a record an
 * element of a list or an array holds, of a record a record holds.
 */
public class Bumps {
    static final double[][] SAMPLES = {{0, 0, 1.2}, {1, 0.5, 0.4}, {-0.5, 1, 0.7}, {0.3, -0.8, 0.9}, {1.2, 1.1, 0.1}};

    /** A point of the plane. */
    public record Point(double x, double y) {
    }

    /** {@code height * exp(-|p - center|^2 / width^2)}. */
    public record Bump(double height, Point center, double width) {
        double at(double px, double py) {
            double dx = px - center.x();
            double dy = py - center.y();
            return height * Math.exp(-(dx * dx + dy * dy) / (width * width));
        }
    }

    /** Where the bumps' plane sits and how tall it is drawn. */
    public record Frame(Point origin, double scale) {
    }

    public final List<Bump> bumps;
    public final Point[] anchors;
    public final Frame frame;

    public Bumps(List<Bump> bumps, Frame frame, Point... anchors) {
        this.bumps = bumps;
        this.frame = frame;
        this.anchors = anchors;
    }

    /** Squared error of the bumps at the samples, plus a pull of each bump's centre to its anchor. */
    @Differentiable
    public double loss() {
        double s = 0;
        for (double[] sample : SAMPLES) {
            double y = 0;
            for (Bump b : bumps) {
                y += b.at(sample[0] - frame.origin().x(), sample[1] - frame.origin().y());
            }
            y *= frame.scale();
            s += (y - sample[2]) * (y - sample[2]);
        }
        for (int k = 0; k < anchors.length; k++) {
            Point c = bumps.get(k).center();
            s += 0.1 * ((c.x() - anchors[k].x()) * (c.x() - anchors[k].x()) + (c.y() - anchors[k].y()) * (c.y() - anchors[k].y()));
        }
        return s;
    }
}
