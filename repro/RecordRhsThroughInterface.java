import dev.fluxion.*;
import java.util.Arrays;

/**
 * A record implementing the right-hand-side interface, in a file of its own as usual (here a
 * top-level class of this file: what matters is that it is not a nestmate of the loss's class), made
 * in the loss from the parameters and called through the interface. Rejected: the record's method
 * reads its private fields (a record's components are private), which the loss's class may not
 * reach once the method is inlined; the message does not say so (it says the object is passed to
 * a method "which is not inlined"). A final class with a private field fails the same way; with
 * package-private fields it works; the same record nested in the loss's class (a nestmate) works;
 * the record called through a variable of its own type works; and the record in an array together
 * with a record of another class (docs/objects.md's Springs, dispatched by a class test) works, but
 * not as the only class of an array. docs/objects.md says an object made in the method
 * (`Shape s = new Square()`) and "an element of an array of one class" are dispatched.
 *
 * Run: javac -cp fluxion.jar -d out RecordRhsThroughInterface.java && java -cp out:fluxion.jar RecordRhsThroughInterface
 */
public class RecordRhsThroughInterface {
    record NestedDecay(double k) implements DecayRhs {             // a nestmate: works
        public void derivative(double t, double[] y, double[] dydt) { dydt[0] = -k * y[0]; }
    }

    @Differentiable
    static double withRecord(double[] p) {
        DecayRhs f = new DecayRecord(p[0]);
        double[] y = {1}, dy = new double[1];
        for (int s = 0; s < 10; s++) { f.derivative(s * 0.1, y, dy); y[0] += 0.1 * dy[0]; }
        return y[0];
    }

    @Differentiable
    static double withNestedRecord(double[] p) {
        DecayRhs f = new NestedDecay(p[0]);
        double[] y = {1}, dy = new double[1];
        for (int s = 0; s < 10; s++) { f.derivative(s * 0.1, y, dy); y[0] += 0.1 * dy[0]; }
        return y[0];
    }

    public static void main(String[] args) {
        double[] p = {0.7};
        System.out.println("nested record: " + Arrays.toString(Fluxion.gradient(RecordRhsThroughInterface::withNestedRecord).gradient(p))
                + ", closed form " + (-10 * 0.1 * Math.pow(1 - 0.07, 9)));
        try {
            System.out.println("top-level record: " + Arrays.toString(Fluxion.gradient(RecordRhsThroughInterface::withRecord).gradient(p)));
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

interface DecayRhs { void derivative(double t, double[] y, double[] dydt); }

record DecayRecord(double k) implements DecayRhs {                       // rejected behind the interface
    public void derivative(double t, double[] y, double[] dydt) { dydt[0] = -k * y[0]; }
}


/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * nested record: [-0.5204110829884873], closed form -0.5204110829884869
 * fluxion: RecordRhsThroughInterface.withRecord(RecordRhsThroughInterface.java:26): active value passed to the
 * constructor of DecayRecord (Fluxion kept this method's objects as they are: an object is passed to
 * DecayRhs.derivative(double, double[], double[]), which is not inlined). Fluxion differentiates objects that
 * stay in the differentiated code: records and final classes of final fields, mutable objects whose every
 * reference is one object, and arrays of such objects made in the method; this one escapes (passed to a method
 * that is not inlined, returned or stored) or is one of several a reference may be. Pass the numbers as double
 * arguments or double[] arrays.
 */
