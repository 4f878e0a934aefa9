package dev.fluxion.corpus;

import dev.fluxion.Differentiable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Boxed numbers as a Java developer writes them: a {@code List<Double>} of residuals sorted for a
 * trimmed loss or a median, {@code Collections.max}, for-each loops that unbox, {@code List.of} of
 * doubles, {@code Double} locals that start as {@code null}, a {@code Double[]}, and the boxes'
 * own methods.
 */
public final class BoxedNumbers {
    /** A line y = 1 + 2x with one gross outlier (x = 4). */
    static final double[] XS = {0, 1, 2, 3, 4, 5, 6, 7};
    static final double[] YS = {1.1, 2.9, 5.2, 7.1, 30, 10.8, 13.3, 14.9};

    private BoxedNumbers() {
    }

    /** The least-trimmed-squares loss of the line p[0] + p[1] x: the smallest three quarters of the squared residuals. */
    @Differentiable
    public static double trimmedLoss(double[] p) {
        List<Double> residuals = new ArrayList<>();
        for (int i = 0; i < XS.length; i++) {
            double r = YS[i] - (p[0] + p[1] * XS[i]);
            residuals.add(r * r);
        }
        Collections.sort(residuals);
        double s = 0;
        for (int i = 0; i < residuals.size() * 3 / 4; i++) {
            s += residuals.get(i);
        }
        return s;
    }

    /** The median of the values x_i^2 + x_i, sorted with {@code list.sort(null)}: the middle one, or the mean of the two middle ones. */
    @Differentiable
    public static double median(double[] x) {
        List<Double> values = new ArrayList<>();
        for (double v : x) {
            values.add(v * v + v);
        }
        values.sort(null);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** The largest product of neighbours, {@code Collections.max}, minus half the smallest, {@code Collections.min}. */
    @Differentiable
    public static double maxOfAList(double[] x) {
        List<Double> products = new ArrayList<>();
        for (int i = 0; i + 1 < x.length; i++) {
            products.add(x[i] * x[i + 1]);
        }
        double largest = Collections.max(products);
        return largest - 0.5 * Collections.min(products);
    }

    /** A log-sum-exp of a list's values, read by a for-each loop that unboxes each. */
    @Differentiable
    public static double forEachUnboxing(double[] x) {
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            terms.add(Math.sin(x[i]) * (i + 1));
        }
        double s = 0;
        for (double t : terms) {
            s += Math.exp(t);
        }
        return Math.log(s);
    }

    /** {@code List.of} of three doubles computed here, summed with weights. */
    @Differentiable
    public static double listOfDoubles(double[] x) {
        List<Double> xs = List.of(x[0] * x[1], Math.exp(x[1]), x[2] / (1 + x[0] * x[0]));
        double s = 0;
        for (int i = 0; i < xs.size(); i++) {
            s += (i + 1) * xs.get(i);
        }
        return s * xs.get(0);
    }

    /** The largest of x_i^2 - x_i kept in a {@code Double} that starts as {@code null}; 0 for an empty x. */
    @Differentiable
    public static double doubleLocalWithNull(double[] x) {
        Double best = null;
        for (double v : x) {
            double score = v * v - v;
            if (best == null || score > best) {
                best = score;
            }
        }
        return best == null ? 0 : best * x[0];
    }

    /** A {@code Double[]} filled by auto-boxing, read back by auto-unboxing. */
    @Differentiable
    public static double boxedArray(double[] x) {
        Double[] w = new Double[x.length];
        for (int i = 0; i < x.length; i++) {
            w[i] = Math.tanh(x[i]);
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * w[(i + 1) % w.length];
        }
        return s;
    }

    /** {@code Double.valueOf}, {@code doubleValue}, {@code compareTo}, {@code Double.compare} and {@code Double.isNaN}, explicitly. */
    @Differentiable
    public static double boxesMethods(double[] x) {
        Double a = Double.valueOf(x[0] * x[1]);
        Double b = x[2] * x[2];
        double larger = a.compareTo(b) >= 0 ? a.doubleValue() : b.doubleValue();
        double sign = Double.compare(x[0], x[1]) < 0 ? -1 : 1;
        double q = x[0] / x[1];
        return Double.isNaN(q) ? 0 : larger + sign * q;
    }

    /** The sum of the three largest squares, sorted with {@code Comparator.reverseOrder()}. */
    @Differentiable
    public static double topThree(double[] x) {
        List<Double> squares = new ArrayList<>();
        for (double v : x) {
            squares.add(v * v);
        }
        squares.sort(Comparator.reverseOrder());
        return squares.get(0) + squares.get(1) + squares.get(2);
    }

    /** Order statistics of {@code Arrays.asList} of boxes, sorted by {@code Double::compare}: weighted by rank. */
    @Differentiable
    public static double rankWeighted(double[] x) {
        List<Double> v = Arrays.asList(x[0] + x[1], x[1] * x[2], x[2] - x[0], Math.cos(x[0]));
        v.sort(Double::compare);
        double s = 0;
        for (int i = 0; i < v.size(); i++) {
            s += (i + 1) * v.get(i);
        }
        return s;
    }

    /** A list sorted with {@code Comparator.naturalOrder()}, then its gaps: sum of squared differences of neighbours. */
    @Differentiable
    public static double sortedGaps(double[] x) {
        List<Double> v = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            v.add(x[i] * (1 + 0.1 * i));
        }
        Collections.sort(v, Comparator.naturalOrder());
        double s = 0;
        for (int i = 0; i + 1 < v.size(); i++) {
            double gap = v.get(i + 1) - v.get(i);
            s += gap * gap;
        }
        return s;
    }

    /** Weights from outside the method, a {@code List<Double>} constant: data, read by unboxing. */
    static final List<Double> WEIGHTS = List.of(0.5, -1.25, 2.0);

    /** A weighted sum of squares, the weights read from a list of boxes the method did not make. */
    @Differentiable
    public static double weightsFromOutside(double[] x) {
        double s = 0;
        int i = 0;
        for (double w : WEIGHTS) {
            s += w * x[i] * x[i];
            i++;
        }
        return s;
    }

    /** A Double local shown beside the computation (concatenated, formatted): boxed again there, and the number differentiated. */
    @Differentiable
    public static double boxShownBesideTheComputation(double[] x) {
        Double total = x[0] * x[1] + x[2];
        String label = "total " + total + String.format(" (%.2f)", total);
        return label.isEmpty() ? 0 : total * total;
    }

    /** A list sorted at the start of each round and then gone over by a for-each loop; one element scaled after each round. */
    @Differentiable
    public static double sortedEachRound(double[] x) {
        List<Double> values = new ArrayList<>();
        for (double v : x) {
            values.add(v);
        }
        double s = 0;
        for (int round = 0; round < 3; round++) {
            values.sort(null);
            int rank = 1;
            for (double v : values) {
                s += rank * (round + 1) * v;
                rank++;
            }
            int j = round % values.size();
            values.set(j, values.get(j) * -1.5);
        }
        return s;
    }
}
