package dev.fluxion.benchmarks.realistic;

/**
 * The data of the realistic programs: a 64-bit linear congruential generator (Knuth's MMIX
 * constants), so that benchmarks/jax/realistic.py draws exactly the same numbers with Python's
 * integers and both sides compute the same functions on the same inputs.
 */
final class Lcg {
    private long state;

    Lcg(long seed) {
        state = seed;
    }

    /** Uniform in [0, 1), 53 bits. */
    double next() {
        state = state * 6364136223846793005L + 1442695040888963407L;
        return (state >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * next();
    }
}
