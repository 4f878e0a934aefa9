package dev.fluxion.testing;

import dev.fluxion.Fluxion;
import dev.fluxion.corpus.Corpus;

/**
 * Prints the value and derivative of every corpus case at every test point, one line per point
 * ({@link Double#toString} identifies a double exactly). Run against classes transformed in two
 * ways, it must print the same. The arguments are class names to load first, so that the agent
 * sees every one of them even if the corpus never uses it.
 */
public final class CorpusValues {
    private CorpusValues() {
    }

    public static void main(String[] classNames) throws ClassNotFoundException {
        for (String name : classNames) {
            Class.forName(name, false, CorpusValues.class.getClassLoader());
        }
        for (CorpusCase c : Corpus.all()) {
            for (double[] x : c.points()) {
                StringBuilder line = new StringBuilder(c.name());
                if (c.f() != null) {
                    double[] gradient = new double[x.length];
                    line.append(' ').append(Fluxion.gradient(c.f()).valueAndGradient(x, gradient));
                    for (double g : gradient) {
                        line.append(' ').append(g);
                    }
                } else {
                    line.append(' ').append(c.u().apply(x[0]))
                            .append(' ').append(Fluxion.derivative(c.u()).applyAsDouble(x[0]));
                }
                System.out.println(line);
            }
        }
    }
}
