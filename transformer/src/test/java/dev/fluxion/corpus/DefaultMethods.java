package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Default methods of an interface called on records made in the method, found as the JVM finds
 * them: given a constant, given another record, and on the elements of an array of two classes.
 */
public final class DefaultMethods {
    private DefaultMethods() {
    }

    record Scale(double k) {
    }

    interface Shape {
        double size(double k);

        default double twice(double k) {
            return 2 * size(k);
        }

        default double twiceOf(Scale s) {
            return 2 * size(s.k());
        }
    }

    record Ball(double r) implements Shape {
        @Override
        public double size(double k) {
            return k * r * r;
        }
    }

    record Wall(double w) implements Shape {
        @Override
        public double size(double k) {
            return k * 2 * w;
        }
    }

    /** 3 p0^2. */
    @Differentiable
    public static double givenAConstant(double[] p) {
        Shape s = new Ball(p[0]);
        return s.twice(1.5);
    }

    /** 2 p1 p0^2. */
    @Differentiable
    public static double givenARecord(double[] p) {
        Ball b = new Ball(p[0]);
        return b.twiceOf(new Scale(p[1]));
    }

    /** 3 p0^2 + 6 p1. */
    @Differentiable
    public static double onElements(double[] p) {
        Shape[] shapes = {new Ball(p[0]), new Wall(p[1])};
        double t = 0;
        for (Shape s : shapes) {
            t += s.twice(1.5);
        }
        return t;
    }
}
