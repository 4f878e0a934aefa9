package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Differentiable;

/**
 * Learning a blur: a {@value #SIZE} x {@value #SIZE} image filtered by a learnable
 * {@value #KERNEL} x {@value #KERNEL} kernel plus a bias (zero padding at the borders: neighbours
 * outside the image are skipped), the loss the mean squared difference to the image filtered by a
 * Gaussian. Images are {@code double[][]}; the parameters are the kernel row by row, then the bias.
 */
public final class ImageFilter {
    public static final int SIZE = 48;
    public static final int KERNEL = 5;
    static final int HALF = KERNEL / 2;
    public static final int PARAMETERS = KERNEL * KERNEL + 1;

    private final double[][] image;
    private final double[][] target;

    public ImageFilter() {
        Lcg r = new Lcg(8);
        image = new double[SIZE][SIZE];
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                // smooth shapes plus noise
                double cx = col - SIZE / 2.0;
                double cy = row - SIZE / 3.0;
                image[row][col] = (cx * cx + cy * cy < 100 ? 0.8 : 0.2) + (col > 30 && row > 28 ? 0.5 : 0)
                        + r.uniform(-0.1, 0.1);
            }
        }
        double[] gaussian = new double[PARAMETERS];
        double total = 0;
        for (int a = 0; a < KERNEL; a++) {
            for (int b = 0; b < KERNEL; b++) {
                double d2 = (a - HALF) * (a - HALF) + (b - HALF) * (b - HALF);
                gaussian[a * KERNEL + b] = Math.exp(-d2 / 2);
                total += gaussian[a * KERNEL + b];
            }
        }
        for (int i = 0; i < KERNEL * KERNEL; i++) {
            gaussian[i] /= total;
        }
        target = filter(gaussian, image);
    }

    public static double[] initialParameters() {
        double[] p = new double[PARAMETERS];
        java.util.Arrays.fill(p, 0, KERNEL * KERNEL, 1.0 / (KERNEL * KERNEL));
        p[HALF * KERNEL + HALF] += 0.2;
        p[KERNEL * KERNEL] = 0.01;
        return p;
    }

    @Differentiable
    public double loss(double[] params) {
        double[][] out = filter(params, image);
        double sum = 0;
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                double d = out[row][col] - target[row][col];
                sum += d * d;
            }
        }
        return sum / (SIZE * SIZE);
    }

    /** The image correlated with the kernel, plus the bias. */
    static double[][] filter(double[] params, double[][] in) {
        double bias = params[KERNEL * KERNEL];
        double[][] out = new double[SIZE][SIZE];
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                double s = bias;
                for (int a = 0; a < KERNEL; a++) {
                    int r = row + a - HALF;
                    if (r < 0 || r >= SIZE) {
                        continue;
                    }
                    for (int b = 0; b < KERNEL; b++) {
                        int c = col + b - HALF;
                        if (c < 0 || c >= SIZE) {
                            continue;
                        }
                        s += params[a * KERNEL + b] * in[r][c];
                    }
                }
                out[row][col] = s;
            }
        }
        return out;
    }

    /** The gradient by hand: each kernel weight's adjoint is the residual correlated with the image. */
    public double manualGradient(double[] params, double[] grad) {
        double bias = params[KERNEL * KERNEL];
        double sum = 0;
        java.util.Arrays.fill(grad, 0);
        double scale = 2.0 / (SIZE * SIZE);
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                double s = bias;
                for (int a = 0; a < KERNEL; a++) {
                    int r = row + a - HALF;
                    if (r < 0 || r >= SIZE) {
                        continue;
                    }
                    for (int b = 0; b < KERNEL; b++) {
                        int c = col + b - HALF;
                        if (c < 0 || c >= SIZE) {
                            continue;
                        }
                        s += params[a * KERNEL + b] * image[r][c];
                    }
                }
                double d = s - target[row][col];
                sum += d * d;
                double sBar = scale * d;
                grad[KERNEL * KERNEL] += sBar;
                for (int a = 0; a < KERNEL; a++) {
                    int r = row + a - HALF;
                    if (r < 0 || r >= SIZE) {
                        continue;
                    }
                    for (int b = 0; b < KERNEL; b++) {
                        int c = col + b - HALF;
                        if (c < 0 || c >= SIZE) {
                            continue;
                        }
                        grad[a * KERNEL + b] += sBar * image[r][c];
                    }
                }
            }
        }
        return sum / (SIZE * SIZE);
    }
}
