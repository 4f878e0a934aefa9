package dev.fluxion.samples.mlp;

import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.ModelGradient;
import dev.fluxion.samples.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Trains a multilayer perceptron of {@link Layer} objects to tell malignant from benign breast
 * masses ({@link Wdbc}), with the gradient of the loss with respect to the network object:
 * {@code Fluxion.modelGradient(BreastCancerMlp::loss)} returns it as another {@link Mlp} whose
 * layers hold the derivatives, which Adam follows. Reports the accuracy on held-out examples and
 * plots the training loss and the accuracies per epoch.
 */
public final class BreastCancerMlp {
    static final int HIDDEN_UNITS = 16;
    static final double WEIGHT_DECAY = 1e-3;
    static final double LEARNING_RATE = 0.01;
    static final int EPOCHS = 200;
    static final int REPORT_EVERY = 20;
    static final double HELD_OUT_FRACTION = 0.3;
    static final long SPLIT_SEED = 569;
    static final long INIT_SEED = 1;

    static final Wdbc.Split DATA = Wdbc.load(HELD_OUT_FRACTION, SPLIT_SEED);
    static final Examples TRAINING = DATA.training();

    private BreastCancerMlp() {
    }

    /** The loss, the training curve and the accuracies after each epoch. */
    record History(double[] loss, double[] trainingAccuracy, double[] heldOutAccuracy) {
        int epochs() {
            return loss.length;
        }
    }

    /** Mean cross-entropy of the network's predictions over the training examples, plus weight decay. */
    @Differentiable
    static double loss(Mlp net) {
        double total = 0;
        for (int n = 0; n < TRAINING.size(); n++) {
            total += net.crossEntropy(TRAINING.features()[n], TRAINING.labels()[n]);
        }
        return total / TRAINING.size() + WEIGHT_DECAY * (net.hidden.squaredWeights() + net.output.squaredWeights());
    }

    /** A new network with weights drawn from {@code new Random(seed)}. */
    static Mlp newNetwork(long seed) {
        return new Mlp(Wdbc.FEATURES, HIDDEN_UNITS, Wdbc.CLASSES.length, new Random(seed));
    }

    /**
     * Trains {@code net} in place for {@code epochs} epochs, each one step of Adam over all the
     * training examples, and reports every {@code reportEvery} epochs (none if 0).
     */
    static History train(Mlp net, int epochs, int reportEvery) {
        ModelGradient<Mlp> gradient = Fluxion.modelGradient(BreastCancerMlp::loss);
        Mlp grad = gradient.gradient(net); // a network of derivatives, refilled every epoch
        List<double[]> parameters = net.parameters();
        List<double[]> derivatives = grad.parameters();
        Adam adam = new Adam(parameters, LEARNING_RATE);
        History h = new History(new double[epochs], new double[epochs], new double[epochs]);
        if (reportEvery > 0) {
            System.out.printf("%6s  %-10s  %-9s  %-9s%n", "epoch", "loss", "training", "held out");
        }
        for (int e = 0; e < epochs; e++) {
            h.loss[e] = gradient.valueAndGradient(net, grad);
            adam.step(parameters, derivatives);
            h.trainingAccuracy[e] = net.accuracy(TRAINING);
            h.heldOutAccuracy[e] = net.accuracy(DATA.heldOut());
            if (reportEvery > 0 && (e == 0 || (e + 1) % reportEvery == 0)) {
                System.out.printf("%6d  %-10.6f  %-9.4f  %-9.4f%n", e + 1, h.loss[e], h.trainingAccuracy[e],
                        h.heldOutAccuracy[e]);
            }
        }
        return h;
    }

    /** Trains the network and writes its picture, {@code mlp-wdbc.png}, to the directory given (default {@code samples/target/pictures}). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "samples/target/pictures");
        Examples heldOut = DATA.heldOut();
        System.out.printf("Wisconsin breast cancer: %d training and %d held-out examples, %d features; "
                + "network %d-%d-%d%n", TRAINING.size(), heldOut.size(), Wdbc.FEATURES, Wdbc.FEATURES, HIDDEN_UNITS,
                Wdbc.CLASSES.length);
        Mlp net = newNetwork(INIT_SEED);
        long start = System.nanoTime();
        History h = train(net, EPOCHS, REPORT_EVERY);
        double seconds = (System.nanoTime() - start) / 1e9;

        int[][] confusion = new int[2][2]; // [true][predicted]
        for (int n = 0; n < heldOut.size(); n++) {
            confusion[heldOut.labels()[n]][net.predict(heldOut.features()[n])]++;
        }
        int right = confusion[0][0] + confusion[1][1];
        System.out.printf("held-out accuracy %.4f (%d of %d) after %d epochs (%.2f s); malignant called benign: %d, "
                + "benign called malignant: %d%n", (double) right / heldOut.size(), right, heldOut.size(), EPOCHS,
                seconds, confusion[Wdbc.MALIGNANT][Wdbc.BENIGN], confusion[Wdbc.BENIGN][Wdbc.MALIGNANT]);
        Files.createDirectories(out);
        Path picture = out.resolve("mlp-wdbc.png");
        TrainingChart.write(h, picture);
        System.out.println("wrote " + picture);
    }
}
