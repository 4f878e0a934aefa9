package dev.fluxion.benchmarks;

import java.nio.file.Path;
import java.util.Random;

/**
 * A GMM problem in ADBench's layout: {@code d} dimensions, {@code k} components, {@code n} points
 * {@code x} (row-major n x d), Wishart prior (gamma, m), and the parameter vector
 * {@code theta = alphas (k) | means (k*d) | icf (k*d(d+1)/2)}, where each component's icf holds
 * the d log-diagonal entries of the inverse Cholesky factor Q and then its strictly lower triangle
 * column by column.
 */
public record GmmInput(int d, int k, int n, double[] theta, double[] x, double gamma, int m) {

    public static int icfSize(int d) {
        return d * (d + 1) / 2;
    }

    public static int parameterCount(int d, int k) {
        return k + k * d + k * icfSize(d);
    }

    /**
     * Reads an ADBench GMM file. In "replicate point" mode (the 2.5M inputs) the file holds one
     * point, copied n times.
     */
    public static GmmInput read(Path file, boolean replicatePoint) {
        AdbenchData.Tokens t = new AdbenchData.Tokens(file);
        int d = t.nextInt();
        int k = t.nextInt();
        int n = t.nextInt();
        double[] theta = t.nextDoubles(parameterCount(d, k)); // alphas, means, icf: stored in this order
        double[] x = new double[n * d];
        if (replicatePoint) {
            double[] point = t.nextDoubles(d);
            for (int i = 0; i < n; i++) {
                System.arraycopy(point, 0, x, i * d, d);
            }
        } else {
            for (int i = 0; i < n * d; i++) {
                x[i] = t.nextDouble();
            }
        }
        double gamma = t.nextDouble();
        int m = (int) t.nextDouble();
        return new GmmInput(d, k, n, theta, x, gamma, m);
    }

    /** Random data of the same shape as ADBench's generator (uniform parameters, normal points). */
    public static GmmInput random(int d, int k, int n, long seed) {
        Random r = new Random(seed);
        double[] theta = new double[parameterCount(d, k)];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = r.nextDouble() * 2 - 1;
        }
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        return new GmmInput(d, k, n, theta, x, 1.0, 0);
    }

    /** Whether {@link #named} reads {@code name} from ADBench's data set (else it is random). */
    public static boolean isInDataSet(String name) {
        return AdbenchData.file("gmm/" + name + ".txt").isPresent();
    }

    /**
     * The input named like ADBench's files ({@code "1k/gmm_d10_K5"}): read from the data set, or, if
     * it is absent, random with the shape the name says.
     */
    public static GmmInput named(String name) {
        String relative = "gmm/" + name + ".txt";
        boolean replicate = name.startsWith("2.5M/");
        return AdbenchData.file(relative).map(f -> read(f, replicate)).orElseGet(() -> {
            String base = name.substring(name.indexOf('/') + 1);
            int d = Integer.parseInt(base.replaceAll(".*_d(\\d+)_.*", "$1"));
            int k = Integer.parseInt(base.replaceAll(".*_K(\\d+).*", "$1"));
            String size = name.substring(0, name.indexOf('/'));
            int n = switch (size) {
                case "1k" -> 1_000;
                case "10k" -> 10_000;
                default -> 2_500_000;
            };
            return random(d, k, n, 42);
        });
    }
}
