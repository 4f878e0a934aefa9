package dev.fluxion.corpus.image;

/**
 * A base class of another package whose state and helper are protected: for its subclasses, whose
 * derivatives (on demand: a class of their own) reach them through method handles.
 */
public abstract class Lens {
    protected double focal = 2.0;

    /** {@code focal * v / (1 + v^2)}. */
    protected final double bend(double v) {
        return focal * v / (1 + v * v);
    }
}
