package dev.fluxion.models;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.List;

/** A model whose loss switches on an enum it holds, and nothing else of data: as a new user wrote it. */
public class Switched {
    public enum Act { TANH, RELU }

    public double w;
    public Act act;

    public final double[] units = {0.5, -0.3, 1.2};
    public final List<Act> perUnit = new ArrayList<>(List.of(Act.RELU, Act.TANH, Act.TANH));
    public final Act[] shifted = {Act.TANH, Act.RELU, Act.RELU};

    public Switched(Act act, double w) {
        this.act = act;
        this.w = w;
    }

    @Differentiable
    public double loss() {
        switch (act) {
            case TANH:
                return Math.tanh(w);
            default:
                return w * w;
        }
    }

    /** Each unit through the activation the list gives it, plus twice the unit where the array says RELU. */
    @Differentiable
    public double units() {
        double s = 0;
        for (int i = 0; i < units.length; i++) {
            switch (perUnit.get(i)) {
                case TANH:
                    s += Math.tanh(units[i]);
                    break;
                default:
                    s += units[i] * units[i];
            }
            if (shifted[i] == Act.RELU) {
                s += 2 * units[i];
            }
        }
        return s;
    }
}
