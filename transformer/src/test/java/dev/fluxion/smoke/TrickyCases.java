package dev.fluxion.smoke;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;

public class TrickyCases {
    public static GradientFunction gradient(String name) {
        return switch (name) {
            case "nested" -> Fluxion.gradient(Tricky::nested);
            case "whileLoop" -> Fluxion.gradient(Tricky::whileLoop);
            case "sw" -> Fluxion.gradient(Tricky::sw);
            case "callsInLoop" -> Fluxion.gradient(Tricky::callsInLoop);
            case "floats" -> Fluxion.gradient(Tricky::floats);
            case "earlyReturn" -> Fluxion.gradient(Tricky::earlyReturn);
            default -> Fluxion.gradient(Tricky::ternaryStack);
        };
    }
}
