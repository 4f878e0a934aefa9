package dev.fluxion.samples.mlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The Wisconsin Diagnostic Breast Cancer data set (Wolberg, Street and Mangasarian, UCI Machine
 * Learning Repository, CC BY 4.0; {@code wdbc/README.md} beside {@code wdbc.data} in the resources
 * tells where the copy comes from): 569 fine-needle aspirates of breast masses, 30 measurements of
 * their cell nuclei each, diagnosed malignant (212) or benign (357).
 */
final class Wdbc {
    static final int FEATURES = 30;
    static final int BENIGN = 0;
    static final int MALIGNANT = 1;
    static final String[] CLASSES = {"benign", "malignant"};

    /** The examples trained on, and the held-out examples the accuracy is measured on. */
    record Split(Examples training, Examples heldOut) {
    }

    private record Row(double[] features, int label) {
    }

    private Wdbc() {
    }

    /**
     * The data split deterministically: the rows of each class shuffled by {@code new Random(seed)}
     * and the first {@code heldOutFraction} of them held out, so that both parts keep the classes'
     * proportions. Every feature is standardised by the training part's mean and standard deviation
     * (the held-out part's own statistics are never looked at).
     */
    static Split load(double heldOutFraction, long seed) {
        List<Row> rows = read();
        Random random = new Random(seed);
        List<Row> training = new ArrayList<>();
        List<Row> heldOut = new ArrayList<>();
        for (int label : new int[] {BENIGN, MALIGNANT}) {
            List<Row> ofClass = new ArrayList<>(rows.stream().filter(r -> r.label == label).toList());
            Collections.shuffle(ofClass, random);
            int held = (int) Math.round(heldOutFraction * ofClass.size());
            heldOut.addAll(ofClass.subList(0, held));
            training.addAll(ofClass.subList(held, ofClass.size()));
        }
        Collections.shuffle(training, random);
        Collections.shuffle(heldOut, random);
        double[] mean = new double[FEATURES];
        double[] sd = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            for (Row r : training) {
                mean[j] += r.features[j] / training.size();
            }
            for (Row r : training) {
                sd[j] += (r.features[j] - mean[j]) * (r.features[j] - mean[j]) / training.size();
            }
            sd[j] = Math.sqrt(sd[j]);
        }
        return new Split(standardised(training, mean, sd), standardised(heldOut, mean, sd));
    }

    private static Examples standardised(List<Row> rows, double[] mean, double[] sd) {
        double[][] x = new double[rows.size()][FEATURES];
        int[] y = new int[rows.size()];
        for (int n = 0; n < rows.size(); n++) {
            for (int j = 0; j < FEATURES; j++) {
                x[n][j] = (rows.get(n).features[j] - mean[j]) / sd[j];
            }
            y[n] = rows.get(n).label;
        }
        return new Examples(x, y);
    }

    /** The rows of {@code wdbc.data}: id, diagnosis (M or B), 30 features. */
    private static List<Row> read() {
        InputStream in = Wdbc.class.getResourceAsStream("/dev/fluxion/samples/wdbc/wdbc.data");
        if (in == null) {
            throw new IllegalStateException("wdbc.data is not on the class path");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",");
                if (fields.length != FEATURES + 2) {
                    throw new IllegalStateException("wdbc.data: " + fields.length + " fields in: " + line);
                }
                double[] x = new double[FEATURES];
                for (int j = 0; j < FEATURES; j++) {
                    x[j] = Double.parseDouble(fields[j + 2]);
                }
                int label = switch (fields[1]) {
                    case "M" -> MALIGNANT;
                    case "B" -> BENIGN;
                    default -> throw new IllegalStateException("wdbc.data: diagnosis " + fields[1] + " in: " + line);
                };
                rows.add(new Row(x, label));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
