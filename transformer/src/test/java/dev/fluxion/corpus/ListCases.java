package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.Arrays;
import java.util.List;

/**
 * Lists of objects made in the differentiated code and read there: a scene of shapes in
 * {@code List.of}, iterated with for-each and read with {@code get} and {@code size()}, dispatched
 * by each shape's class; mutable masses in {@code Arrays.asList}, stepped in place; lists held in a
 * field of an object made here (a scene class, a record), read by the object's methods.
 */
public final class ListCases {
    private ListCases() {
    }

    interface Shape {
        double area();
    }

    record Circle(double r) implements Shape {
        @Override
        public double area() {
            return Math.PI * r * r;
        }
    }

    record Square(double side) implements Shape {
        @Override
        public double area() {
            return side * side;
        }
    }

    static final class Mass {
        double x;
        double v;

        Mass(double x) {
            this.x = x;
        }

        void step(double force) {
            v += force;
            x += v;
        }
    }

    /** pi p0^2 + p1^2 + pi (2 p1)^2, plus the square's area times the count (3). */
    @Differentiable
    public static double sceneOfShapes(double[] p) {
        List<Shape> scene = List.of(new Circle(p[0]), new Square(p[1]), new Circle(2 * p[1]));
        double total = 0;
        for (Shape s : scene) {
            total += s.area();
        }
        return total + scene.get(1).area() * scene.size();
    }

    /** Two masses at 0 and 1, each kicked three times by p0 x + p1; the first's x plus twice the second's. */
    @Differentiable
    public static double massesInAList(double[] p) {
        List<Mass> masses = Arrays.asList(new Mass(0), new Mass(1));
        for (int t = 0; t < 3; t++) {
            for (Mass m : masses) {
                m.step(p[0] * m.x + p[1]);
            }
        }
        return masses.get(0).x + 2 * masses.get(masses.size() - 1).x;
    }

    /** Shapes in a list, held by a class written for them, as a scene holds its objects. */
    static final class Scene {
        private final List<Shape> shapes;
        private final double scale;

        Scene(List<Shape> shapes, double scale) {
            this.shapes = shapes;
            this.scale = scale;
        }

        double totalArea() {
            double total = 0;
            for (Shape s : shapes) {
                total += s.area();
            }
            return scale * total;
        }

        double largest() {
            double largest = 0;
            for (int i = 0; i < shapes.size(); i++) {
                largest = Math.max(largest, shapes.get(i).area());
            }
            return largest;
        }
    }

    static Scene sceneOf(double[] p) {
        return new Scene(List.of(new Circle(p[0]), new Square(p[1])), p[2]);
    }

    /** p2 (pi p0^2 + p1^2) + max(pi p0^2, p1^2). */
    @Differentiable
    public static double sceneHoldingAList(double[] p) {
        Scene scene = sceneOf(p);
        return scene.totalArea() + scene.largest();
    }

    record Row(List<Shape> shapes, double gap) {
        double length() {
            double length = gap * (shapes.size() - 1);
            for (Shape s : shapes) {
                length += s.area();
            }
            return length;
        }
    }

    /** p0^2 + p1^2 + pi (p0 p1)^2 + 2 p1. */
    @Differentiable
    public static double recordHoldingAList(double[] p) {
        Row row = new Row(List.of(new Square(p[0]), new Square(p[1]), new Circle(p[0] * p[1])), p[1]);
        return row.length();
    }

    /** Shapes in an array held by a class written for them. */
    static final class Gallery {
        private final Shape[] shapes;

        Gallery(Shape[] shapes) {
            this.shapes = shapes;
        }

        double total() {
            double total = 0;
            for (Shape s : shapes) {
                total += s.area();
            }
            return total;
        }
    }

    /** pi p0^2 + p1^2. */
    @Differentiable
    public static double objectHoldingAnArray(double[] p) {
        return new Gallery(new Shape[] {new Circle(p[0]), new Square(p[1])}).total();
    }
}
