package dev.fluxion.benchmarks;

import dev.fluxion.Differentiable;

/**
 * ADBench's bundle-adjustment residuals as plain {@code @Differentiable} Java. The reprojection
 * error of one observation is {@code w (project(cam, X) - feature)}, where project rotates
 * {@code X - C} by the Rodrigues vector, divides by depth, applies radial distortion
 * {@code 1 + k1 r^2 + k2 r^4}, scales by the focal length and adds the principal point. The weight
 * error is {@code 1 - w^2}. As in Tapenade's harness, the sparse Jacobian is built observation by
 * observation, each 2 x 15 block by reverse sweeps of {@link #residual}.
 */
public final class Ba {
    private Ba() {
    }

    /**
     * in = camera (11) | point (3) | w | feature (2); out = the two reprojection residuals. The
     * feature rides in the input so that the function has the {@code (double[], double[])} shape of
     * {@code Fluxion.jacobian}; its Jacobian columns are not used.
     */
    @Differentiable
    public static void residual(double[] in, double[] out) {
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) {
            p[a] = in[11 + a] - in[3 + a]; // X - C
        }
        double[] rotated = new double[3];
        rodriguesRotate(in, p, rotated);
        double u = rotated[0] / rotated[2];
        double v = rotated[1] / rotated[2];
        double rsq = u * u + v * v;
        double distortion = 1 + in[9] * rsq + in[10] * rsq * rsq;
        double w = in[14];
        out[0] = w * (u * distortion * in[6] + in[7] - in[15]);
        out[1] = w * (v * distortion * in[6] + in[8] - in[16]);
    }

    /** Rotates pt by the Rodrigues vector in[0..2]: the angle is its norm, the axis its direction. */
    @Differentiable
    static void rodriguesRotate(double[] rot, double[] pt, double[] out) {
        double sqTheta = rot[0] * rot[0] + rot[1] * rot[1] + rot[2] * rot[2];
        if (sqTheta != 0) {
            double theta = Math.sqrt(sqTheta);
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            double w0 = rot[0] / theta;
            double w1 = rot[1] / theta;
            double w2 = rot[2] / theta;
            double tmp = (w0 * pt[0] + w1 * pt[1] + w2 * pt[2]) * (1 - cos);
            out[0] = pt[0] * cos + (w1 * pt[2] - w2 * pt[1]) * sin + w0 * tmp;
            out[1] = pt[1] * cos + (w2 * pt[0] - w0 * pt[2]) * sin + w1 * tmp;
            out[2] = pt[2] * cos + (w0 * pt[1] - w1 * pt[0]) * sin + w2 * tmp;
        } else { // first order, as ADBench does at theta = 0
            out[0] = pt[0] + rot[1] * pt[2] - rot[2] * pt[1];
            out[1] = pt[1] + rot[2] * pt[0] - rot[0] * pt[2];
            out[2] = pt[2] + rot[0] * pt[1] - rot[1] * pt[0];
        }
    }

    @Differentiable
    public static double weightError(double w) {
        return 1 - w * w;
    }

    /** The objective: reprojection and weight errors of every observation (2p and p values). */
    public static void objective(BaInput ba, double[] in, double[] out, double[] reprojection, double[] weightErrors) {
        for (int i = 0; i < ba.p(); i++) {
            ba.pack(i, in);
            residual(in, out);
            reprojection[2 * i] = out[0];
            reprojection[2 * i + 1] = out[1];
            weightErrors[i] = weightError(ba.weights()[i]);
        }
    }
}
