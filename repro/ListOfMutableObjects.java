import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mass-spring robot sample, failure 1: the particles of the simulation kept in an ArrayList made in
 * the differentiated method (the form many Java developers write: new ArrayList, add, get, for-each).
 * Documented as not supported ("lists of mutable objects"), and rejected with a clear error; but the
 * reason given, "a variable holds either a new object or one from outside", does not name the list.
 * The same code with a Particle[] made in the method gives [12.0].
 *
 * javac -cp fluxion.jar -d /tmp/r ListOfMutableObjects.java && java -cp /tmp/r:fluxion.jar ListOfMutableObjects
 *
 * fluxion: ListOfMutableObjects.f(ListOfMutableObjects.java:42): active value written to field
 * ListOfMutableObjects.Particle.v (Fluxion kept this method's objects as they are: a variable holds either a new object or
 * one from outside). Keep differentiated values in local variables and return them; fields are not differentiated.
 */
public class ListOfMutableObjects {
    static final class Particle {
        double x, v;

        Particle(double x) {
            this.x = x;
        }

        void kick(double f) {
            v += f;
            x += v;
        }
    }

    @Differentiable
    static double f(double[] k) {
        List<Particle> particles = new ArrayList<>();
        particles.add(new Particle(1));
        particles.add(new Particle(2));
        for (int i = 0; i < 3; i++) {
            for (Particle p : particles) {
                p.kick(k[0]);
            }
        }
        return particles.get(0).x + particles.get(1).x;
    }

    public static void main(String[] args) {
        try {
            System.out.println(Arrays.toString(Fluxion.gradient(ListOfMutableObjects::f).gradient(new double[] {0.5}))
                    + " (expected [12.0])");
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}
