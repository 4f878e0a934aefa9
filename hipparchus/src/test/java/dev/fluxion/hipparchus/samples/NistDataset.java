package dev.fluxion.hipparchus.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem of NIST's Statistical Reference Datasets for nonlinear regression (StRD), read from its
 * {@code .dat} file as NIST publishes it: the header says on which lines the starting values, the
 * certified values and the data are, and the parser reads those lines, not a layout of its own.
 * The files are under {@code src/test/resources/dev/fluxion/hipparchus/nist} (see the README there).
 *
 * @param name the dataset's name, {@code Misra1a}
 * @param y the response, one value per observation
 * @param x the predictor
 * @param start1 NIST's first starting point (the farther one)
 * @param start2 NIST's second starting point (the nearer one)
 * @param certified the certified parameter values, 11 significant digits
 * @param certifiedStandardDeviations the certified standard deviations of the parameters
 * @param certifiedResidualSumOfSquares the certified residual sum of squares
 */
public record NistDataset(String name, double[] y, double[] x, double[] start1, double[] start2, double[] certified,
        double[] certifiedStandardDeviations, double certifiedResidualSumOfSquares) {

    private static final Pattern LINES = Pattern.compile("\\(lines (\\d+) to (\\d+)\\)");
    private static final Pattern PARAMETER = Pattern.compile(
            "\\s*b(\\d+)\\s*=\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*");
    private static final Pattern RESIDUAL_SUM_OF_SQUARES = Pattern.compile("Residual Sum of Squares:\\s*(\\S+)\\s*");
    private static final Pattern OBSERVATIONS = Pattern.compile("Number of Observations:\\s*(\\d+)\\s*");

    /** The dataset {@code name}, from the resource {@code nist/<name>.dat} beside this package's parent. */
    public static NistDataset read(String name) {
        String resource = "/dev/fluxion/hipparchus/nist/" + name + ".dat";
        try (InputStream in = NistDataset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no NIST dataset " + resource + " on the class path");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NistDataset parse(String name, List<String> lines) {
        int[] starting = declaredLines(lines, "Starting Values");
        int[] data = declaredLines(lines, "Data");
        int parameters = starting[1] - starting[0] + 1;
        double[] start1 = new double[parameters];
        double[] start2 = new double[parameters];
        double[] certified = new double[parameters];
        double[] deviations = new double[parameters];
        for (int i = 0; i < parameters; i++) {
            Matcher m = PARAMETER.matcher(line(lines, starting[0] + i));
            if (!m.matches() || Integer.parseInt(m.group(1)) != i + 1) {
                throw new IllegalArgumentException(name + ": line " + (starting[0] + i) + " is not parameter b" + (i + 1));
            }
            start1[i] = Double.parseDouble(m.group(2));
            start2[i] = Double.parseDouble(m.group(3));
            certified[i] = Double.parseDouble(m.group(4));
            deviations[i] = Double.parseDouble(m.group(5));
        }
        double rss = Double.NaN;
        int observations = -1;
        for (String l : lines) {
            Matcher r = RESIDUAL_SUM_OF_SQUARES.matcher(l);
            if (r.matches()) {
                rss = Double.parseDouble(r.group(1));
            }
            Matcher o = OBSERVATIONS.matcher(l);
            if (o.matches()) {
                observations = Integer.parseInt(o.group(1));
            }
        }
        int n = data[1] - data[0] + 1;
        if (n != observations || Double.isNaN(rss)) {
            throw new IllegalArgumentException(name + ": " + n + " data lines, " + observations
                    + " observations declared, residual sum of squares " + rss);
        }
        double[] y = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            String[] columns = line(lines, data[0] + i).trim().split("\\s+");
            if (columns.length != 2) {
                throw new IllegalArgumentException(name + ": data line " + (data[0] + i) + " has " + columns.length
                        + " columns, not y and x");
            }
            y[i] = Double.parseDouble(columns[0]);
            x[i] = Double.parseDouble(columns[1]);
        }
        return new NistDataset(name, y, x, start1, start2, certified, deviations, rss);
    }

    /** The 1-based line range the header gives for {@code section}, e.g. {@code Data (lines 61 to 74)}. */
    private static int[] declaredLines(List<String> lines, String section) {
        for (String l : lines.subList(0, Math.min(10, lines.size()))) {
            Matcher m = LINES.matcher(l);
            if (l.trim().startsWith(section) && m.find()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
        }
        throw new IllegalArgumentException("no '" + section.trim() + " (lines a to b)' in the header");
    }

    private static String line(List<String> lines, int oneBased) {
        return lines.get(oneBased - 1);
    }

    /** The number of observations. */
    public int observations() {
        return y.length;
    }

    /** The number of parameters {@code b1 .. bp}. */
    public int parameters() {
        return certified.length;
    }
}
