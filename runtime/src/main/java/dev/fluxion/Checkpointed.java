package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for binomial checkpointing (Griewank and Walther's Revolve) of the time loop of a
 * {@code @Differentiable} method, so that its gradient records a tape that does not grow with the
 * number of steps. What Tapenade's {@code $AD BINOMIAL-CKP} directive and a {@code jax.checkpoint}
 * of a scan's step do.
 *
 * <p>The time loop is each outermost loop of the method whose body carries a differentiated state
 * from one step to the next: a {@code double} or {@code float} it updates (not only adds terms to,
 * as a sum over points does), or an array it both reads and writes. It must be a counted loop,
 * {@code for (int i = start; i < limit; i++)}, left only by its test; the number of steps may be
 * known only at run time. The reverse sweep keeps a few copies ("snapshots") of the state, the
 * loop-carried numbers, the contents of the arrays the body writes and which of its buffers a
 * swap made which, and runs the steps again
 * from the nearest one, recording a segment of steps at a time (as many as hold 512 numbers of
 * state): memory is the snapshots and one segment's tape, the time a small multiple of the loop's
 * (about {@code r} forward runs, for the smallest {@code r} with
 * {@code C(snapshots + r, r) >= segments}). The gradient is the same to round-off.
 *
 * <pre>{@code
 * @Differentiable
 * @Checkpointed(snapshots = 20)
 * static double finalEnergy(double[] p, int steps) {
 *     double x = p[0], v = p[1], k = p[2], c = p[3], dt = 1e-3;
 *     for (int i = 0; i < steps; i++) {      // the time loop: x and v go from step to step
 *         double a = -k * x - c * v;
 *         x += dt * v;
 *         v += dt * a;
 *     }
 *     return 0.5 * (k * x * x + v * v);
 * }
 * }</pre>
 *
 * Give {@link #snapshots} or {@link #maxBytes}, not both; with neither, the number of snapshots is
 * the base-2 logarithm of the number of segments (rounded up), whose memory and recomputation both
 * grow as that logarithm. Forward mode (tangents) needs no tape and is not affected; nor are
 * Hessian-vector products, which record the loop whole. Steps run more than once in the reverse
 * sweep: what the loop prints, it prints again.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Checkpointed {
    /**
     * The number of states kept at once, the loop's initial state included (Revolve's
     * {@code snaps}); 0 for the default.
     */
    int snapshots() default 0;

    /**
     * An upper bound, in bytes, on the snapshots kept at once (each is 8 bytes per number of the
     * state): as many as fit, and the fewer recomputations. 0 for the default.
     */
    long maxBytes() default 0;
}
