package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/**
 * Calls through interfaces and overridable methods on objects made in the differentiated code, as a
 * Java developer writes a scene or a set of shapes: an interface with records implementing it, an
 * abstract class with a template method, a default method, and an array holding objects of
 * several classes, whose calls dispatch by the element's class.
 */
public final class DispatchCases {
    private DispatchCases() {
    }

    interface Surface {
        /** Signed distance from the point (x, y). */
        double distance(double x, double y);

        default double inside(double x, double y) {
            return Math.tanh(-4 * distance(x, y));
        }
    }

    record Disc(double cx, double cy, double r) implements Surface {
        @Override
        public double distance(double x, double y) {
            return Math.hypot(x - cx, y - cy) - r;
        }
    }

    record HalfPlane(double nx, double ny, double offset) implements Surface {
        @Override
        public double distance(double x, double y) {
            return nx * x + ny * y - offset;
        }
    }

    /** A scene of two discs and a half-plane, sampled along a curve that starts at p0 with amplitude p1: how much of it lies inside. */
    @Differentiable
    public static double sceneCoverage(double[] p) {
        Surface[] scene = {new Disc(0.2, -0.1, 0.5), new HalfPlane(0.6, 0.8, 0.1), new Disc(-0.5, 0.4, 0.3)};
        double covered = 0;
        for (int i = 0; i < 5; i++) {
            double x = p[0] + 0.45 * i;
            double y = p[1] * Math.sin(3 * x);
            for (Surface s : scene) {
                covered += s.inside(x, y);
            }
        }
        return covered;
    }

    /** The same scene, its disc's radius p0 and its half-plane's offset p1 the parameters, sampled at fixed points. */
    @Differentiable
    public static double sceneOfParameters(double[] p) {
        Surface[] scene = {new Disc(0.2, -0.1, p[0]), new HalfPlane(0.6, 0.8, p[1]), new Disc(-0.5, 0.4, 0.3 * p[0])};
        double covered = 0;
        for (int i = 0; i < 5; i++) {
            double x = -1 + 0.45 * i;
            double y = 0.3 * Math.sin(3 * x);
            for (Surface s : scene) {
                covered += s.inside(x, y);
            }
        }
        return covered;
    }

    abstract static class Layer {
        abstract double activate(double v);

        double apply(double w, double v) {
            return activate(w * v);
        }
    }

    static final class Tanh extends Layer {
        @Override
        double activate(double v) {
            return Math.tanh(v);
        }
    }

    static final class Softplus extends Layer {
        @Override
        double activate(double v) {
            return Math.log1p(Math.exp(v));
        }
    }

    /** Two layers of one weight each (p0, p1) chosen by class, applied in turn to 0.7. */
    @Differentiable
    public static double stackedLayers(double[] p) {
        Layer first = new Tanh();
        Layer second = new Softplus();
        return second.apply(p[1], first.apply(p[0], 0.7));
    }

    interface Shape {
        double area(double size);
    }

    static final class Square implements Shape {
        @Override
        public double area(double size) {
            return size * size;
        }
    }

    static final class Circle implements Shape {
        @Override
        public double area(double size) {
            return Math.PI * size * size;
        }
    }

    /** The total area of a square of side x0, a circle of radius x1 and a square of side x2, held as Shapes. */
    @Differentiable
    public static double totalArea(double[] x) {
        Shape[] shapes = {new Square(), new Circle(), new Square()};
        double total = 0;
        for (int i = 0; i < shapes.length; i++) {
            total += shapes[i].area(x[i]);
        }
        return total;
    }

    static class Base {
        private double scale(double v) {
            return v;
        }

        double viaPrivate(double v) {
            return scale(v);
        }
    }

    static final class Twice extends Base {
        double scale(double v) { // does not override Base's private scale
            return 2 * v;
        }
    }

    interface Sized {
        default double weight(double v) {
            return v * v;
        }
    }

    interface HeavySized extends Sized {
        @Override
        default double weight(double v) {
            return 3 * v * v;
        }
    }

    static final class Crate implements Sized, HeavySized {
    }

    /** A private method called on an object of a subclass with a method of the same name, and the most specific of two defaults. */
    @Differentiable
    public static double whichMethodRuns(double[] x) {
        Base b = new Twice();
        Sized s = new Crate();
        return b.viaPrivate(x[0]) + s.weight(x[1]);
    }
}
