import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import java.util.Arrays;

/**
 * Mass-spring robot sample, failure 5: whether an array of mutable objects made in the method is
 * differentiated depends on the modifiers of the class that declares the @Differentiable method.
 * Here the class is final and has an instance field (any: final or not, int, double or double[],
 * unused), and an element is chosen by an index read from a table (particles[WHICH[0]], as a spring
 * picks its particles, particles[s.a()]): rejected with "code on objects is left that cannot be
 * replaced". Any one change makes it work and gives [6.0]: drop `final` from the class, or drop the
 * field, or index with a constant (particles[1]). The sample's MassSpringRobot is such a class
 * (public final, fields robot, ground, steps) and its loss indexes particles by springs' indices.
 *
 * javac -cp fluxion.jar -d /tmp/r FinalClassWithAFieldIndexedObjects.java && java -cp /tmp/r:fluxion.jar FinalClassWithAFieldIndexedObjects
 *
 * fluxion: FinalClassWithAFieldIndexedObjects.f(FinalClassWithAFieldIndexedObjects.java:47): active value written to field
 * FinalClassWithAFieldIndexedObjects.Particle.v (Fluxion kept this method's objects as they are: code on objects is left
 * that cannot be replaced). Fluxion differentiates objects that stay in the differentiated code: records and final classes
 * of final fields, mutable objects whose every reference is one object, and arrays of such objects made in the method;
 * this one escapes (passed to a method that is not inlined, returned or stored) or is one of several a reference may be.
 * Pass the numbers as double arguments or double[] arrays.
 */
public final class FinalClassWithAFieldIndexedObjects {
    final int unused = 0;

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

    static final int[] WHICH = {1};

    @Differentiable
    static double f(double[] k) {
        Particle[] particles = {new Particle(0), new Particle(1)};
        for (int i = 0; i < 3; i++) {
            particles[WHICH[0]].kick(k[0]);
        }
        return particles[1].x;
    }

    public static void main(String[] args) {
        try {
            System.out.println(Arrays.toString(Fluxion.gradient(FinalClassWithAFieldIndexedObjects::f).gradient(new double[] {0.5}))
                    + " (expected [6.0])");
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}
