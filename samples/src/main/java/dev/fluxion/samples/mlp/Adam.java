package dev.fluxion.samples.mlp;

import java.util.ArrayList;
import java.util.List;

/** Adam (Kingma and Ba, 2015) over a list of parameter arrays, updated in place. */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double rate;
    private final List<double[]> m = new ArrayList<>(); // first moments, one array per parameter array
    private final List<double[]> v = new ArrayList<>(); // second moments
    private int steps;

    Adam(List<double[]> parameters, double rate) {
        this.rate = rate;
        for (double[] p : parameters) {
            m.add(new double[p.length]);
            v.add(new double[p.length]);
        }
    }

    /** One step down the gradient: {@code gradients.get(k)} holds the derivatives of {@code parameters.get(k)}. */
    void step(List<double[]> parameters, List<double[]> gradients) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (int k = 0; k < parameters.size(); k++) {
            double[] p = parameters.get(k);
            double[] g = gradients.get(k);
            double[] mk = m.get(k);
            double[] vk = v.get(k);
            for (int i = 0; i < p.length; i++) {
                mk[i] = BETA1 * mk[i] + (1 - BETA1) * g[i];
                vk[i] = BETA2 * vk[i] + (1 - BETA2) * g[i] * g[i];
                p[i] -= rate * (mk[i] / correction1) / (Math.sqrt(vk[i] / correction2) + EPSILON);
            }
        }
    }
}
