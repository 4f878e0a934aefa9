import dev.fluxion.*;

/**
 * A model object whose parameter is its field and whose dynamics are its own method, also held in a
 * field `final Rhs rhs = this::derivative`; Fluxion.modelGradient(Model::loss).
 *
 * 1. lossDirect() passes this::derivative straight to the integrator and never reads the field
 *    `rhs`; its derivative is linked, and valueAndGradient(model, new Model()) gives the right
 *    number, but ModelGradient.gradient(model) crashes with java.lang.NoClassDefFoundError (not a
 *    FluxionException) while making the zero gradient object: Models.zeroCopy tries to instantiate
 *    the lambda's hidden class through a serialization constructor.
 * 2. loss() passes the field to the integrator: rejected, with a message that calls the interface
 *    "the object ModelWithRhsField.Rhs" and is repeated once per call of rhs in the integrator (here
 *    twice; four times with RK4's four stages).
 *
 * Run: javac -cp fluxion.jar -d out ModelWithRhsField.java && java -cp out:fluxion.jar ModelWithRhsField
 */
public class ModelWithRhsField {
    interface Rhs { void derivative(double t, double[] y, double[] dydt); }

    static double heun(Rhs f, double[] y0, int steps, double h) {
        double[] y = y0.clone(), k1 = new double[1], k2 = new double[1], stage = new double[1];
        for (int s = 0; s < steps; s++) {
            f.derivative(s * h, y, k1);
            stage[0] = y[0] + h * k1[0];
            f.derivative(s * h + h, stage, k2);
            y[0] += h / 2 * (k1[0] + k2[0]);
        }
        return y[0];
    }

    static final double[] Y0 = {1};

    static final class Model {
        double k = 0.7;
        final Rhs rhs = this::derivative;

        private void derivative(double t, double[] y, double[] dydt) { dydt[0] = -k * y[0]; }

        @Differentiable
        double loss() { return heun(rhs, Y0, 10, 0.1); }

        @Differentiable
        double lossDirect() { return heun(this::derivative, Y0, 10, 0.1); }
    }

    public static void main(String[] args) {
        Model model = new Model();
        ModelGradient<Model> direct = Fluxion.modelGradient(Model::lossDirect);
        Model g = new Model();
        direct.valueAndGradient(model, g);
        double h = 1e-6;
        Model plus = new Model(), minus = new Model();
        plus.k += h;
        minus.k -= h;
        System.out.println("lossDirect, valueAndGradient: " + g.k + ", central difference "
                + (plus.lossDirect() - minus.lossDirect()) / (2 * h));
        try {
            System.out.println("lossDirect, gradient(model): " + direct.gradient(model).k);
        } catch (Throwable e) {
            System.out.println("lossDirect, gradient(model): " + e);
        }
        try {
            System.out.println("loss: " + Fluxion.modelGradient(Model::loss).gradient(model).k);
        } catch (FluxionException e) {
            System.out.println(e.getMessage());
        }
    }
}

/*
 * Output with /work/helper-jars/fluxion.jar (on demand), JDK 17:
 *
 * lossDirect, valueAndGradient: -0.4955790378271951, central difference -0.4955790379179703
 * lossDirect, gradient(model): java.lang.NoClassDefFoundError:
 * ModelWithRhsField$Model$$Lambda$1/0x00007f851c001800
 * fluxion: ModelWithRhsField$Model.loss(ModelWithRhsField.java:41): the object ModelWithRhsField.Rhs, whose
 * numbers the gradient is taken with respect to, is passed to ModelWithRhsField.Rhs.derivative(double,
 * double[], double[]), which Fluxion does not inline (overridable, recursive, larger than 500 instructions, or
 * not readable). Read the model's fields in the differentiated method and in helpers Fluxion inlines (private,
 * final or static, not recursive); do not write them there.
 * fluxion: ModelWithRhsField$Model.loss(ModelWithRhsField.java:41): the object ModelWithRhsField.Rhs, whose
 * numbers the gradient is taken with respect to, is passed to ModelWithRhsField.Rhs.derivative(double,
 * double[], double[]), which Fluxion does not inline (overridable, recursive, larger than 500 instructions, or
 * not readable). Read the model's fields in the differentiated method and in helpers Fluxion inlines (private,
 * final or static, not recursive); do not write them there.
 */
