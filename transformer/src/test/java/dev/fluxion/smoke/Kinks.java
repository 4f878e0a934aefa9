package dev.fluxion.smoke;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.UnaryFunction;
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

    /** In a loop, min and max tell their reverse which operand won (an int), not both operands. */
    @Differentiable
    static double minFirstInLoop(double x) {
        double s = 0;
        for (int i = 0; i < 2; i++) {
            s += Math.min(x, 1.0);
        }
        return s;
    }

    @Differentiable
    static double maxSecondInLoop(double x) {
        double s = 0;
        for (int i = 0; i < 2; i++) {
            s += Math.max(1.0, x);
        }
        return s;
    }

    @Differentiable
    static double maxSecondOfFloatsInLoop(double x) {
        double s = 0;
        for (int i = 0; i < 2; i++) {
            s += Math.max(1.0f, (float) x);
        }
        return s;
    }

    /** The derivative of the function by that name, in forward or in reverse mode. */
    public static DoubleUnaryOperator derivative(String name, boolean reverse) {
        UnaryFunction f = switch (name) {
            case "abs" -> Kinks::abs;
            case "minFirst" -> Kinks::minFirst;
            case "maxSecond" -> Kinks::maxSecond;
            case "minFirstInLoop" -> Kinks::minFirstInLoop;
            case "maxSecondInLoop" -> Kinks::maxSecondInLoop;
            case "maxSecondOfFloatsInLoop" -> Kinks::maxSecondOfFloatsInLoop;
            case "floorTimes" -> Kinks::floorTimes;
            case "hypotOrigin" -> Kinks::hypotOrigin;
            case "sqrt" -> Kinks::sqrt;
            default -> Kinks::branch;
        };
        return reverse ? Fluxion.reverseDerivative(f) : Fluxion.derivative(f);
    }
}
