package dev.fluxion;

import dev.fluxion.internal.ModelStructure;

/**
 * A model's numbers as one flat {@code double[]}, and back, for optimisers that work on vectors
 * (L-BFGS, Adam over a vector, Hipparchus): as JAX's {@code ravel_pytree} and PyTorch's
 * {@code parameters_to_vector}. The <em>parameters</em> are the model's {@code double} and
 * {@code float} fields and floating arrays of any depth (in fields, and in lists:
 * {@code List<double[]> biases}), and those of the objects of its own classes it holds in fields,
 * arrays and lists; fields marked {@link NoDerivative}, static fields and fields
 * that are not numbers are not. They are laid out in one fixed order (fields as the class declares
 * them, a subclass's first; elements in order), and a gradient object of {@link ModelGradient} has
 * the model's structure, so {@code flatten(gradient)} lines up with {@code flatten(model)}. An array
 * or object the model holds in several places (tied weights) is laid out once, where that order
 * meets it first, as PyTorch's {@code parameters()} lists a shared parameter once; {@link #unflatten}
 * shares it the same way, and a gradient object holds there the total derivative:
 *
 * <pre>{@code
 * double[] x = ModelVectors.flatten(net);
 * double[] g = ModelVectors.flatten(Fluxion.modelGradient(Mlp::loss).gradient(net));
 * for (int i = 0; i < x.length; i++) x[i] -= 0.1 * g[i];
 * ModelVectors.copyInto(x, net);                  // or net = ModelVectors.unflatten(x, net)
 * }</pre>
 */
public final class ModelVectors {
    private ModelVectors() {
    }

    /** The model's parameters, in one fixed order; a new array. */
    public static double[] flatten(Object model) {
        return ModelStructure.flatten(model);
    }

    /** How many parameters the model has: the length of {@link #flatten}. */
    public static int size(Object model) {
        return ModelStructure.count(model);
    }

    /**
     * Writes {@code values}, laid out as {@link #flatten} lays them out, into the model's fields and
     * arrays (final fields of classes included). A record's components cannot be written: for a model
     * that is or holds a record whose components are parameters, use {@link #unflatten}.
     *
     * @throws FluxionException if {@code values} has another length than {@link #size}
     */
    public static void copyInto(double[] values, Object model) {
        ModelStructure.copyInto(values, model);
    }

    /**
     * A new model of {@code like}'s structure whose parameters are {@code values} (records made by
     * their canonical constructors); what is not a parameter (data, counts, {@code @NoDerivative}
     * fields, an enum's constants, objects that hold no {@code double} or {@code float}) is shared
     * with {@code like} by reference, never copied; {@code like} is not changed.
     *
     * @throws FluxionException if {@code values} has another length than {@link #size}
     */
    public static <M> M unflatten(double[] values, M like) {
        return ModelStructure.unflatten(values, like);
    }
}
