package dev.fluxion.benchmarks;

import java.nio.file.Path;
import java.util.Random;

/**
 * ADBench's diagonal LSTM problem: l layers of b cells, a sequence of c one-hot-like inputs of b
 * values. {@code theta} = main parameters (2l rows of 4b: row 2i layer i's weights, row 2i+1 its
 * biases, each as forget | input gate | output gate | change blocks of b) then extra parameters
 * (input weights b, output weights b, output biases b). {@code state} = 2l rows of b (layer i's
 * hidden state, then its cell state).
 */
public record LstmInput(int l, int c, int b, double[] theta, double[] state, double[] sequence) {

    public int extraAt() {
        return 2 * l * 4 * b;
    }

    public static LstmInput read(Path file) {
        AdbenchData.Tokens t = new AdbenchData.Tokens(file);
        int l = t.nextInt();
        int c = t.nextInt();
        int b = t.nextInt();
        double[] theta = t.nextDoubles(2 * l * 4 * b + 3 * b);
        double[] state = t.nextDoubles(2 * l * b);
        double[] sequence = t.nextDoubles(c * b);
        return new LstmInput(l, c, b, theta, state, sequence);
    }

    /** ADBench's file if present, else uniform random values of the shape the name says ("lstm_l2_c1024", b = 14). */
    public static LstmInput named(String name) {
        return AdbenchData.file("lstm/" + name + ".txt").map(LstmInput::read).orElseGet(() -> {
            int l = Integer.parseInt(name.replaceAll(".*_l(\\d+)_.*", "$1"));
            int c = Integer.parseInt(name.replaceAll(".*_c(\\d+).*", "$1"));
            int b = 14;
            Random r = new Random(42);
            double[] theta = new double[2 * l * 4 * b + 3 * b];
            double[] state = new double[2 * l * b];
            double[] sequence = new double[c * b];
            for (double[] a : new double[][] {theta, state, sequence}) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = r.nextDouble();
                }
            }
            return new LstmInput(l, c, b, theta, state, sequence);
        });
    }
}
