package dev.fluxion.smoke;

import dev.fluxion.Fluxion;
import java.util.Arrays;

public class SmokeCases {
    public static String run() {
        StringBuilder out = new StringBuilder();
        out.append(Fluxion.derivative(Smoke::square).applyAsDouble(3.0)).append('\n');
        out.append(Arrays.toString(Fluxion.gradient(Smoke::prodSin).gradient(new double[] {0.5, 1.0, 2.0}))).append('\n');
        double[] x = {0.3, -1.2, 2.0};
        double[] dx = new double[3];
        out.append(Fluxion.gradient(Smoke::f).valueAndGradient(x, dx)).append(' ').append(Arrays.toString(dx));
        return out.toString();
    }
}
