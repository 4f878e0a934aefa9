import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import java.util.Arrays;

/**
 * Mass-spring robot sample, failure 2: the simulation's particles made by a factory helper
 * (robot.newParticles(): a private or static method that returns fresh objects). The helper is
 * small, static and private, the kind Fluxion inlines, yet its result counts as "a mutable object
 * from outside (... a call's result)" and every object of the method is kept as it is. Making the
 * same array in the method itself (g below) works and gives [6.0].
 *
 * javac -cp fluxion.jar -d /tmp/r ObjectsFromAFactoryHelper.java && java -cp /tmp/r:fluxion.jar ObjectsFromAFactoryHelper
 *
 * fluxion: ObjectsFromAFactoryHelper.f(ObjectsFromAFactoryHelper.java:44): active value written to field
 * ObjectsFromAFactoryHelper.Particle.v (Fluxion kept this method's objects as they are: a mutable object from outside (a
 * field, an array, a call's result) is used). Keep differentiated values in local variables and return them; fields are
 * not differentiated.
 *
 * (A single object from a factory, Particle p = newParticle(), is rejected the same way.)
 */
public class ObjectsFromAFactoryHelper {
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

    private static Particle[] newParticles() {
        return new Particle[] {new Particle(1), new Particle(2)};
    }

    @Differentiable
    static double f(double[] k) {
        Particle[] particles = newParticles();
        for (int i = 0; i < 3; i++) {
            particles[0].kick(k[0]);
        }
        return particles[0].x;
    }

    @Differentiable
    static double g(double[] k) {
        Particle[] particles = {new Particle(1), new Particle(2)};
        for (int i = 0; i < 3; i++) {
            particles[0].kick(k[0]);
        }
        return particles[0].x;
    }

    public static void main(String[] args) {
        for (dev.fluxion.ScalarFunction h : new dev.fluxion.ScalarFunction[] {ObjectsFromAFactoryHelper::f, ObjectsFromAFactoryHelper::g}) {
            try {
                System.out.println(Arrays.toString(Fluxion.gradient(h).gradient(new double[] {0.5})) + " (expected [6.0])");
            } catch (FluxionException e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
