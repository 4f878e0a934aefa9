package dev.fluxion.internal;

/**
 * The tests that differentiated code dispatches by (the transformer's {@code TypeSwitch}): a call
 * through an interface on an element of an array of objects of a few classes becomes a test of the
 * element's class per class, each followed by that class's code. Once the array is split into
 * arrays of numbers ({@code ObjectArrays}), the element's class is a number too, and the test
 * compares numbers. Both are static methods so that one rewrite can turn the first into the second;
 * the JIT inlines them.
 */
public final class Dispatch {
    private Dispatch() {
    }

    /** Whether {@code o} is an object of exactly the class {@code c} (not of a subclass). */
    public static boolean isClass(Object o, Class<?> c) {
        return o.getClass() == c;
    }

    /** Whether the class number {@code tag} of an element is {@code expected}. */
    public static boolean is(int tag, int expected) {
        return tag == expected;
    }

    /**
     * Reached when an element is of none of the classes its array was seen to hold: only a slot
     * never assigned, as in the Java code, where the call on {@code null} throws.
     */
    public static void none(Object element) {
        throw new NullPointerException("an element of an array of objects that was never assigned");
    }

    /** The same, once the array is split: its class number is 0. */
    public static void noneAssigned() {
        throw new NullPointerException("an element of an array of objects that was never assigned");
    }

    /** A cast of an element of class number {@code tag} to the class numbered {@code expected}: the checks of {@code checkcast}. */
    public static void cast(int tag, int expected) {
        if (tag != expected) {
            throw tag == 0 ? new NullPointerException("an element of an array of objects that was never assigned")
                    : new ClassCastException("an element of an array of objects is of another class");
        }
    }

    /**
     * A sort of an array of objects by the order {@code JdkModels.orderBy} found: {@code items[i] =
     * items[order[i]]} before, for the first {@code order.length} slots. The transformer's
     * {@code ObjectArrays} moves each array of numbers that replaced the objects by it; where the
     * objects stay (data from outside), this moves them.
     */
    public static void permute(Object[] items, int[] order) {
        Object[] before = items.clone();
        for (int i = 0; i < order.length; i++) {
            items[i] = before[order[i]];
        }
    }
}
