package dev.fluxion.models;

import dev.fluxion.Differentiable;

/** A model whose loss switches on an enum it holds, and nothing else of data: as a new user wrote it. */
public class Switched {
    public enum Act { TANH, RELU }

    public double w;
    public Act act;

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
}
