package dev.fluxion.smoke;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.function.DoubleUnaryOperator;

/** Functions evaluated exactly at their non-differentiable points. */
public class Kinks {
    @Differentiable
    static double abs(double x) {
        return Math.abs(x);
    }

    @Differentiable
    static double minFirst(double x) {
        return Math.min(x, 1.0);
    }

    @Differentiable
    static double maxSecond(double x) {
        return Math.max(1.0, x);
    }

    @Differentiable
    static double floorTimes(double x) {
        return Math.floor(x) * x;
    }

    @Differentiable
    static double hypotOrigin(double x) {
        return Math.hypot(x, 0.0);
    }

    @Differentiable
    static double sqrt(double x) {
        return Math.sqrt(x);
    }

    @Differentiable
    static double branch(double x) {
        return x > 0 ? x * x : -x;
    }

    public static DoubleUnaryOperator derivative(String name) {
        return switch (name) {
            case "abs" -> Fluxion.derivative(Kinks::abs);
            case "minFirst" -> Fluxion.derivative(Kinks::minFirst);
            case "maxSecond" -> Fluxion.derivative(Kinks::maxSecond);
            case "floorTimes" -> Fluxion.derivative(Kinks::floorTimes);
            case "hypotOrigin" -> Fluxion.derivative(Kinks::hypotOrigin);
            case "sqrt" -> Fluxion.derivative(Kinks::sqrt);
            default -> Fluxion.derivative(Kinks::branch);
        };
    }
}
