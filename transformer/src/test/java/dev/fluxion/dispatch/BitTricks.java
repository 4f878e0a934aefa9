package dev.fluxion.dispatch;

import java.util.function.DoubleUnaryOperator;

/**
 * A class that makes a lambda of numbers whose body Fluxion cannot differentiate (it works on the
 * bits of a double) and has nothing else to differentiate: with the plugin, it gets only the table
 * of its lambdas (saying why this one has no derivative), and a second run of the plugin over it
 * must leave it as it is ({@code PluginLambdasTest}).
 */
final class BitTricks {
    static final DoubleUnaryOperator NEXT_BITS = v -> Double.longBitsToDouble(Double.doubleToLongBits(v) + 1);

    private BitTricks() {
    }
}
