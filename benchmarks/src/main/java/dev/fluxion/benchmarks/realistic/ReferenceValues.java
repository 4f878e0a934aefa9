package dev.fluxion.benchmarks.realistic;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.benchmarks.Gmm;
import dev.fluxion.benchmarks.GmmInput;
import dev.fluxion.benchmarks.Lstm;
import dev.fluxion.benchmarks.LstmInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes, for each program benchmarks/jax/bench.py times, the parameters the JMH benchmark uses, the
 * value and Fluxion's gradient there: the JAX side evaluates its version at the same point and
 * reports how far its value and gradient are from these, so both sides are known to compute the same
 * function. Usage: {@code ReferenceValues OUT.json}; OUT.json also names ADBench's directory, which
 * the JAX side reads its GMM and LSTM inputs from.
 */
public final class ReferenceValues {
    /** ADBench inputs JAX is timed on (its files must be present: JAX reads them itself). */
    static final String[] GMM = {"1k/gmm_d2_K5", "1k/gmm_d10_K5"};
    static final String LSTM = "lstm_l2_c1024";

    private ReferenceValues() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        RayTracer rayTracer = new RayTracer();
        put(entries, "RayTracer|", Fluxion.gradient(rayTracer::loss), RayTracer.initialScene());
        OdeFit odeFit = new OdeFit();
        put(entries, "OdeFit|", Fluxion.gradient(odeFit::loss), OdeFit.initialParameters());
        MassSpring massSpring = new MassSpring();
        put(entries, "MassSpring|", Fluxion.gradient(massSpring::loss), MassSpring.initialParameters());
        Mlp mlp = new Mlp();
        put(entries, "Mlp|", Fluxion.gradient(mlp::loss), Mlp.initialParameters());
        BayesianLogistic logistic = new BayesianLogistic();
        put(entries, "BayesianLogistic|", Fluxion.gradient(logistic::logDensity), BayesianLogistic.initialBeta());
        ImageFilter filter = new ImageFilter();
        put(entries, "ImageFilter|", Fluxion.gradient(filter::loss), ImageFilter.initialParameters());
        for (String input : GMM) {
            if (GmmInput.isInDataSet(input)) {
                GmmInput problem = GmmInput.named(input);
                Gmm gmm = new Gmm(problem);
                put(entries, "Gmm|" + input, Fluxion.gradient(gmm::objective), problem.theta());
            }
        }
        if (dev.fluxion.benchmarks.AdbenchData.file("lstm/" + LSTM + ".txt").isPresent()) {
            LstmInput problem = LstmInput.named(LSTM);
            Lstm lstm = new Lstm(problem);
            put(entries, "Lstm|" + LSTM, Fluxion.gradient(lstm::objective), problem.theta());
        }
        String adbench = dev.fluxion.benchmarks.AdbenchData.directory()
                .map(d -> "\"" + d.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .orElse("null");
        String json = entries.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(",\n  ", "{\"adbench\": " + adbench + ",\n \"programs\": {", "}}\n"));
        Files.writeString(Path.of(args[0]), json);
        System.out.println("wrote " + Path.of(args[0]).toAbsolutePath());
    }

    private static void put(Map<String, String> entries, String key, GradientFunction f, double[] x) {
        double[] grad = new double[x.length];
        double value = f.valueAndGradient(x, grad);
        entries.put(key, String.format(Locale.ROOT, "{\"value\": %s, \"x\": %s, \"gradient\": %s}", number(value),
                array(x), array(grad)));
    }

    private static String array(double[] v) {
        return Arrays.stream(v).mapToObj(ReferenceValues::number).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String number(double v) {
        return Double.toString(v).replace("Infinity", "1e999");
    }
}
