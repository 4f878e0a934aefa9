package dev.fluxion.corpus;

/** A right-hand side as a record in a file of its own: its field is private to it, and it is called through {@link ObjectHelpers.Rhs}. */
record Exponential(double rate) implements ObjectHelpers.Rhs {
    @Override
    public double slope(double y) {
        return -rate * y;
    }
}
