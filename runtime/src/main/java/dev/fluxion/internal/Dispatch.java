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
}
