package dev.fluxion.samples.robot;

/**
 * An open-loop controller: each muscle's activation is {@code tanh(sum_k w[k] sin(omega t + 2 pi k / waves) + bias)},
 * a weighted sum of {@code waves} sines of one frequency and evenly spread phases. Its parameters
 * are a {@code double[]} holding, for each muscle in turn, its {@code waves} weights then its bias.
 */
final class SineController {
    final int muscles;
    final int waves;
    final double omega;

    SineController(int muscles, int waves, double omega) {
        this.muscles = muscles;
        this.waves = waves;
        this.omega = omega;
    }

    int parameters() {
        return muscles * (waves + 1);
    }

    /** The activations of the muscles at time {@code t}, each in (-1, 1). */
    double[] activations(double[] parameters, double t) {
        double[] sines = new double[waves];
        for (int k = 0; k < waves; k++) {
            sines[k] = Math.sin(omega * t + 2 * Math.PI * k / waves);
        }
        double[] activation = new double[muscles];
        for (int m = 0; m < muscles; m++) {
            int first = m * (waves + 1);
            double sum = parameters[first + waves]; // the bias
            for (int k = 0; k < waves; k++) {
                sum += parameters[first + k] * sines[k];
            }
            activation[m] = Math.tanh(sum);
        }
        return activation;
    }
}
