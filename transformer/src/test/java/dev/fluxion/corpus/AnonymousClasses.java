package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.function.DoubleUnaryOperator;

/**
 * Anonymous classes, as Java was written before lambdas and still is where an interface has more
 * than one method: an integrand and a right-hand side made in the method, capturing a local and the
 * parameter array, handed to a helper; two anonymous shapes in an array, dispatched by class.
 */
public final class AnonymousClasses {
    private AnonymousClasses() {
    }

    /** The trapezoid rule on [a, b] with n intervals. */
    static double trapezoid(DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n;
        double sum = 0.5 * (f.applyAsDouble(a) + f.applyAsDouble(b));
        for (int i = 1; i < n; i++) {
            sum += f.applyAsDouble(a + i * h);
        }
        return sum * h;
    }

    /** The trapezoid rule's integral of p0 x^2 + sin(p1 x) over [0, 1]. */
    @Differentiable
    public static double anonymousIntegrand(double[] p) {
        DoubleUnaryOperator f = new DoubleUnaryOperator() {
            @Override
            public double applyAsDouble(double x) {
                return p[0] * x * x + Math.sin(p[1] * x);
            }
        };
        return trapezoid(f, 0, 1, 40);
    }

    interface Rhs {
        double slope(double t, double y);
    }

    static double euler(Rhs rhs, double y0, double h, int steps) {
        double y = y0;
        for (int i = 0; i < steps; i++) {
            y += h * rhs.slope(i * h, y);
        }
        return y;
    }

    /** y' = -k y + c sin t from y(0) = 1, 100 Euler steps to t = 1; k = p0, c = p1. */
    @Differentiable
    public static double anonymousRhs(double[] p) {
        double k = p[0];
        Rhs decay = new Rhs() {
            @Override
            public double slope(double t, double y) {
                return -k * y + p[1] * Math.sin(t);
            }
        };
        return euler(decay, 1, 0.01, 100);
    }

    interface Shape {
        double area();

        default double perimeterSquared() {
            return 16 * area();
        }
    }

    /** p0^2 + 3 p1 + 16 p0^2. */
    @Differentiable
    public static double anonymousShapes(double[] p) {
        Shape[] shapes = {
            new Shape() {
                @Override
                public double area() {
                    return p[0] * p[0];
                }
            },
            new Shape() {
                @Override
                public double area() {
                    return 3 * p[1];
                }
            }
        };
        double total = 0;
        for (Shape s : shapes) {
            total += s.area();
        }
        return total + shapes[0].perimeterSquared();
    }
}
