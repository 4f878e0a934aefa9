import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.function.DoubleUnaryOperator;

/**
 * Found writing the photo-edit sample (samples/.../image): an image class written as a final class
 * with private fields, the photograph held in a field of the loss's class, its map(f) given a lambda
 * that captures the parameters. Fluxion inlines map into the loss and would read the photograph's
 * private field `samples` from the loss's class (where the derivative lives), which the JVM forbids:
 * it keeps the objects, and then cannot follow the lambda.
 *
 *   javac -cp ondemand/target/fluxion.jar -d /tmp/repro repro/PrivateFieldsOfAnObjectFromOutside.java
 *   java -cp /tmp/repro:ondemand/target/fluxion.jar PrivateFieldsOfAnObjectFromOutside
 *
 * fluxion: PrivateFieldsOfAnObjectFromOutside.loss(PrivateFieldsOfAnObjectFromOutside.java:32): active
 * value captured by a lambda that Fluxion cannot follow to its calls (it is stored, returned, chosen by
 * a branch, or passed to a method that is not inlined) (Fluxion kept this method's objects as they are:
 * the code reads the field Picture.samples, which PrivateFieldsOfAnObjectFromOutside may not reach).
 * Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines (one that
 * is not recursive), so each call runs its body in view.
 *
 * Works: Picture as a record (its fields are read through its accessors, ValueObjects.trivialAccessor),
 * or with package-private fields. A getter that only returns the field (`double[] samples()`) in a
 * final class would serve as a record's accessor does (trivialAccessor only looks at records); without
 * one, reading the field needs a MethodHandle (privateLookupIn) in the derivative.
 */
public class PrivateFieldsOfAnObjectFromOutside {
    final Picture photo = new Picture(new double[] {0.1, 0.5, 0.9});

    @Differentiable
    double loss(double[] p) {
        return photo.map(v -> p[0] * v + p[1] * v * v).sum();
    }

    public static void main(String[] args) {
        PrivateFieldsOfAnObjectFromOutside problem = new PrivateFieldsOfAnObjectFromOutside();
        double[] g = Fluxion.gradient(problem::loss).gradient(new double[] {1, 2});
        System.out.println(g[0] + " " + g[1]); // 1.5 1.07 once it works
    }
}

final class Picture {
    private final double[] samples;

    Picture(double[] samples) {
        this.samples = samples;
    }

    Picture map(DoubleUnaryOperator f) {
        double[] out = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = f.applyAsDouble(samples[i]);
        }
        return new Picture(out);
    }

    double sum() {
        double s = 0;
        for (double v : samples) {
            s += v;
        }
        return s;
    }
}
