package dev.fluxion.benchmarks;

import dev.fluxion.Fluxion;
import dev.fluxion.Jacobian;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The sparse Jacobian of the BA objective in ADBench's CSR value order: for each observation i,
 * the 15 nonzeros of row 2i (d err_x / d [camera (11), point (3), w]) and the 15 of row 2i+1; then
 * the p entries d w_err_i / d w_i. Each way of differentiating supplies the 2 x 15 block of one
 * observation ({@link Block}); the loop over observations is shared.
 */
public final class BaJacobian {
    public static final int INPUTS = 17;
    public static final int BLOCK = 15; // camera, point and weight; not the feature

    /** The 2 x 15 block of one observation (row-major into {@code block}) from its 17 packed inputs. */
    @FunctionalInterface
    public interface Block {
        void compute(double[] in, double[] block);
    }

    private final BaInput ba;
    private final Block block;
    private final DoubleUnaryOperator weightDerivative;
    private final double[] in = new double[INPUTS];
    private final double[] blockOut = new double[2 * BLOCK];

    public BaJacobian(BaInput ba, Block block, DoubleUnaryOperator weightDerivative) {
        this.ba = ba;
        this.block = block;
        this.weightDerivative = weightDerivative;
    }

    public static int nonzeros(BaInput ba) {
        return 2 * BLOCK * ba.p() + ba.p();
    }

    /** Fills {@code values} (length {@link #nonzeros}). */
    public void compute(double[] values) {
        int p = ba.p();
        for (int i = 0; i < p; i++) {
            ba.pack(i, in);
            block.compute(in, blockOut);
            System.arraycopy(blockOut, 0, values, 2 * BLOCK * i, 2 * BLOCK);
        }
        for (int i = 0; i < p; i++) {
            values[2 * BLOCK * p + i] = weightDerivative.applyAsDouble(ba.weights()[i]);
        }
    }

    /** Fluxion: one reverse sweep per residual ({@code Jacobian.at}), as Tapenade's harness does. */
    public static BaJacobian fluxion(BaInput ba) {
        Jacobian j = Fluxion.jacobian(Ba::residual, 2);
        double[][] rows = new double[2][INPUTS];
        Block block = (in, out) -> {
            j.at(in, rows);
            System.arraycopy(rows[0], 0, out, 0, BLOCK);
            System.arraycopy(rows[1], 0, out, BLOCK, BLOCK);
        };
        return new BaJacobian(ba, block, Fluxion.derivative(Ba::weightError));
    }

    public static BaJacobian manual(BaInput ba) {
        double[] residual = new double[2];
        return new BaJacobian(ba, (in, out) -> BaManual.residualJacobian(in, residual, out), w -> -2 * w);
    }

    /** Hipparchus forward mode: 15 derivative slots through every operation. */
    public static BaJacobian hipparchus(BaInput ba) {
        Gradient[] vars = new Gradient[INPUTS];
        Gradient[] res = new Gradient[2];
        Block block = (in, out) -> {
            for (int a = 0; a < INPUTS; a++) {
                vars[a] = a < BLOCK ? Gradient.variable(BLOCK, a, in[a]) : Gradient.constant(BLOCK, in[a]);
            }
            BaHipparchus.residual(vars, res);
            for (int r = 0; r < 2; r++) {
                for (int a = 0; a < BLOCK; a++) {
                    out[r * BLOCK + a] = res[r].getPartialDerivative(a);
                }
            }
        };
        return new BaJacobian(ba, block, w -> -2 * w);
    }

    /** Central differences of the residual, h = 1e-6 max(1, |x|): 30 residual evaluations per block. */
    public static BaJacobian finiteDifferences(BaInput ba) {
        double[] work = new double[INPUTS];
        double[] plus = new double[2];
        double[] minus = new double[2];
        Block block = (in, out) -> {
            System.arraycopy(in, 0, work, 0, INPUTS);
            for (int a = 0; a < BLOCK; a++) {
                double h = 1e-6 * Math.max(1, Math.abs(in[a]));
                work[a] = in[a] + h;
                Ba.residual(work, plus);
                work[a] = in[a] - h;
                Ba.residual(work, minus);
                work[a] = in[a];
                out[a] = (plus[0] - minus[0]) / (2 * h);
                out[BLOCK + a] = (plus[1] - minus[1]) / (2 * h);
            }
        };
        return new BaJacobian(ba, block, w -> (Ba.weightError(w + 1e-6) - Ba.weightError(w - 1e-6)) / 2e-6);
    }
}
