package dev.fluxion.benchmarks;

/**
 * The BA residual's 2 x 15 Jacobian block derived and written by hand: one forward sweep that keeps
 * every intermediate in a local, then one reverse sweep per residual (adjoint seeds (1, 0) and
 * (0, 1)), the same structure as the generated code, so the two compare like for like.
 */
final class BaManual {
    private BaManual() {
    }

    /** Writes the residuals into {@code res} and the block (row-major, 2 x 15) into {@code jac}. */
    static void residualJacobian(double[] in, double[] res, double[] jac) {
        double r0 = in[0];
        double r1 = in[1];
        double r2 = in[2];
        double p0 = in[11] - in[3];
        double p1 = in[12] - in[4];
        double p2 = in[13] - in[5];
        double sqTheta = r0 * r0 + r1 * r1 + r2 * r2;
        boolean rotates = sqTheta != 0;
        double theta = 0;
        double cos = 0;
        double sin = 0;
        double w0 = 0;
        double w1 = 0;
        double w2 = 0;
        double dot = 0;
        double x0;
        double x1;
        double x2;
        if (rotates) {
            theta = Math.sqrt(sqTheta);
            cos = Math.cos(theta);
            sin = Math.sin(theta);
            w0 = r0 / theta;
            w1 = r1 / theta;
            w2 = r2 / theta;
            dot = w0 * p0 + w1 * p1 + w2 * p2;
            double tmp = dot * (1 - cos);
            x0 = p0 * cos + (w1 * p2 - w2 * p1) * sin + w0 * tmp;
            x1 = p1 * cos + (w2 * p0 - w0 * p2) * sin + w1 * tmp;
            x2 = p2 * cos + (w0 * p1 - w1 * p0) * sin + w2 * tmp;
        } else {
            x0 = p0 + r1 * p2 - r2 * p1;
            x1 = p1 + r2 * p0 - r0 * p2;
            x2 = p2 + r0 * p1 - r1 * p0;
        }
        double u = x0 / x2;
        double v = x1 / x2;
        double rsq = u * u + v * v;
        double k1 = in[9];
        double k2 = in[10];
        double distortion = 1 + k1 * rsq + k2 * rsq * rsq;
        double f = in[6];
        double w = in[14];
        double ex = u * distortion * f + in[7] - in[15];
        double ey = v * distortion * f + in[8] - in[16];
        res[0] = w * ex;
        res[1] = w * ey;

        for (int row = 0; row < 2; row++) {
            int at = row * BaJacobian.BLOCK;
            double exBar = row == 0 ? 1 : 0;
            double eyBar = 1 - exBar;
            // res = w e
            jac[at + 14] = exBar * ex + eyBar * ey;
            double projXBar = w * exBar;
            double projYBar = w * eyBar;
            // proj = (u, v) distortion f + principal point
            jac[at + 7] = projXBar;
            jac[at + 8] = projYBar;
            jac[at + 6] = (projXBar * u + projYBar * v) * distortion;
            double uBar = projXBar * distortion * f;
            double vBar = projYBar * distortion * f;
            double distortionBar = f * (projXBar * u + projYBar * v);
            jac[at + 9] = distortionBar * rsq;
            jac[at + 10] = distortionBar * rsq * rsq;
            double rsqBar = distortionBar * (k1 + 2 * k2 * rsq);
            uBar += 2 * u * rsqBar;
            vBar += 2 * v * rsqBar;
            // (u, v) = (x0, x1) / x2
            double x0Bar = uBar / x2;
            double x1Bar = vBar / x2;
            double x2Bar = -(uBar * u + vBar * v) / x2;
            double p0Bar;
            double p1Bar;
            double p2Bar;
            double r0Bar;
            double r1Bar;
            double r2Bar;
            if (rotates) {
                // x = p cos + (w x p) sin + w (w.p)(1 - cos)
                double cosBar = p0 * x0Bar + p1 * x1Bar + p2 * x2Bar - dot * (w0 * x0Bar + w1 * x1Bar + w2 * x2Bar);
                double sinBar = (w1 * p2 - w2 * p1) * x0Bar + (w2 * p0 - w0 * p2) * x1Bar + (w0 * p1 - w1 * p0) * x2Bar;
                double a0 = sin * x0Bar; // adjoint of the cross product w x p
                double a1 = sin * x1Bar;
                double a2 = sin * x2Bar;
                double tmp = dot * (1 - cos);
                double dotBar = (w0 * x0Bar + w1 * x1Bar + w2 * x2Bar) * (1 - cos);
                // w_bar = tmp x_bar + p x a + dotBar p;  p_bar = cos x_bar + a x w + dotBar w
                double w0Bar = tmp * x0Bar + (p1 * a2 - p2 * a1) + dotBar * p0;
                double w1Bar = tmp * x1Bar + (p2 * a0 - p0 * a2) + dotBar * p1;
                double w2Bar = tmp * x2Bar + (p0 * a1 - p1 * a0) + dotBar * p2;
                p0Bar = cos * x0Bar + (a1 * w2 - a2 * w1) + dotBar * w0;
                p1Bar = cos * x1Bar + (a2 * w0 - a0 * w2) + dotBar * w1;
                p2Bar = cos * x2Bar + (a0 * w1 - a1 * w0) + dotBar * w2;
                // w = r / theta, theta = sqrt(r.r)
                double thetaBar = -sin * cosBar + cos * sinBar - (w0Bar * w0 + w1Bar * w1 + w2Bar * w2) / theta;
                double sqBar = thetaBar / (2 * theta);
                r0Bar = w0Bar / theta + 2 * r0 * sqBar;
                r1Bar = w1Bar / theta + 2 * r1 * sqBar;
                r2Bar = w2Bar / theta + 2 * r2 * sqBar;
            } else {
                // x = p + r x p: r_bar = p x x_bar, p_bar = x_bar + x_bar x r
                r0Bar = p1 * x2Bar - p2 * x1Bar;
                r1Bar = p2 * x0Bar - p0 * x2Bar;
                r2Bar = p0 * x1Bar - p1 * x0Bar;
                p0Bar = x0Bar + (x1Bar * r2 - x2Bar * r1);
                p1Bar = x1Bar + (x2Bar * r0 - x0Bar * r2);
                p2Bar = x2Bar + (x0Bar * r1 - x1Bar * r0);
            }
            jac[at] = r0Bar;
            jac[at + 1] = r1Bar;
            jac[at + 2] = r2Bar;
            // p = X - C
            jac[at + 3] = -p0Bar;
            jac[at + 4] = -p1Bar;
            jac[at + 5] = -p2Bar;
            jac[at + 11] = p0Bar;
            jac[at + 12] = p1Bar;
            jac[at + 13] = p2Bar;
        }
    }
}
