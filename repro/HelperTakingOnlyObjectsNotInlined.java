import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import java.util.Arrays;

/**
 * Mass-spring robot sample, failure 4: a private static helper that receives the simulation's
 * particles and nothing else (centreX(Particle[] particles): the mean x) is not inlined, so the
 * array "escapes" and is rejected. The same helper with an extra, unused double[] parameter is
 * inlined and the gradient is right ([12.0], g below); a helper taking one object, xOf(Particle),
 * is not inlined either. The helper is tiny, private, static and not recursive: the rule that
 * "helpers nobody annotated are inlined" seems to look only at double and double[] arguments, not
 * at objects whose fields hold differentiated values.
 *
 * javac -cp fluxion.jar -d /tmp/r HelperTakingOnlyObjectsNotInlined.java && java -cp /tmp/r:fluxion.jar HelperTakingOnlyObjectsNotInlined
 *
 * fluxion: HelperTakingOnlyObjectsNotInlined.f(HelperTakingOnlyObjectsNotInlined.java:45): active value written to field
 * HelperTakingOnlyObjectsNotInlined.Particle.v (Fluxion kept this method's objects as they are: an array of
 * HelperTakingOnlyObjectsNotInlined.Particle: an object is passed to
 * HelperTakingOnlyObjectsNotInlined.centreX(HelperTakingOnlyObjectsNotInlined.Particle[]), which is not inlined). Fluxion
 * differentiates objects that stay in the differentiated code: records and final classes of final fields, mutable objects
 * whose every reference is one object, and arrays of such objects made in the method; this one escapes (passed to a method
 * that is not inlined, returned or stored) or is one of several a reference may be. Pass the numbers as double arguments
 * or double[] arrays.
 */
public class HelperTakingOnlyObjectsNotInlined {
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
        Particle[] particles = {new Particle(1), new Particle(2)};
        for (int i = 0; i < 3; i++) {
            for (Particle p : particles) {
                p.kick(k[0]);
            }
        }
        return centreX(particles);
    }

    @Differentiable
    static double g(double[] k) {
        Particle[] particles = {new Particle(1), new Particle(2)};
        for (int i = 0; i < 3; i++) {
            for (Particle p : particles) {
                p.kick(k[0]);
            }
        }
        return centreX(particles, k);
    }

    private static double centreX(Particle[] particles) {
        double sum = 0;
        for (Particle p : particles) {
            sum += p.x;
        }
        return 2 * sum / particles.length;
    }

    private static double centreX(Particle[] particles, double[] unused) {
        double sum = 0;
        for (Particle p : particles) {
            sum += p.x;
        }
        return 2 * sum / particles.length;
    }

    public static void main(String[] args) {
        for (dev.fluxion.ScalarFunction h : new dev.fluxion.ScalarFunction[] {HelperTakingOnlyObjectsNotInlined::f, HelperTakingOnlyObjectsNotInlined::g}) {
            try {
                System.out.println(Arrays.toString(Fluxion.gradient(h).gradient(new double[] {0.5})) + " (expected [12.0])");
            } catch (FluxionException e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
