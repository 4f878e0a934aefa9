import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import java.util.Arrays;

/**
 * Mass-spring robot sample, failure 3: the robot's design holds its starting particles (objects of a
 * mutable class, here a Position with a non-final field); the loss reads their coordinates, only
 * reads them, to place fresh particles it then simulates. Reading one number of any mutable object
 * from outside makes Fluxion keep all the method's objects as they are, so the fresh particles,
 * which alone are written, are rejected. With the starting coordinates in a double[] it works and
 * gives [6.0] (g below). The same happens when the outside objects are of the simulated class itself
 * (then the reason given is "a variable holds either a new object or one from outside").
 *
 * javac -cp fluxion.jar -d /tmp/r ReadingAnOutsideMutableObject.java && java -cp /tmp/r:fluxion.jar ReadingAnOutsideMutableObject
 *
 * fluxion: ReadingAnOutsideMutableObject.f(ReadingAnOutsideMutableObject.java:56): active value written to field
 * ReadingAnOutsideMutableObject.Particle.v (Fluxion kept this method's objects as they are: a mutable object from outside
 * (a field, an array, a call's result) is used). Fluxion differentiates objects that stay in the differentiated code:
 * records and final classes of final fields, mutable objects whose every reference is one object, and arrays of such
 * objects made in the method; this one escapes (passed to a method that is not inlined, returned or stored) or is one of
 * several a reference may be. Pass the numbers as double arguments or double[] arrays.
 */
public class ReadingAnOutsideMutableObject {
    static final class Position {
        double x; // mutable: the design can be edited; never written in the loss

        Position(double x) {
            this.x = x;
        }
    }

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

    static final Position[] START = {new Position(1), new Position(2)};
    static final double[] START_X = {1, 2};

    @Differentiable
    static double f(double[] k) {
        Particle[] particles = new Particle[START.length];
        for (int i = 0; i < particles.length; i++) {
            particles[i] = new Particle(START[i].x);
        }
        for (int i = 0; i < 3; i++) {
            particles[0].kick(k[0]);
        }
        return particles[0].x;
    }

    @Differentiable
    static double g(double[] k) {
        Particle[] particles = new Particle[START_X.length];
        for (int i = 0; i < particles.length; i++) {
            particles[i] = new Particle(START_X[i]);
        }
        for (int i = 0; i < 3; i++) {
            particles[0].kick(k[0]);
        }
        return particles[0].x;
    }

    public static void main(String[] args) {
        for (dev.fluxion.ScalarFunction h : new dev.fluxion.ScalarFunction[] {ReadingAnOutsideMutableObject::f, ReadingAnOutsideMutableObject::g}) {
            try {
                System.out.println(Arrays.toString(Fluxion.gradient(h).gradient(new double[] {0.5})) + " (expected [6.0])");
            } catch (FluxionException e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
