// Numerical Kotlin as a Kotlin developer writes it: top-level functions over DoubleArray, ranges
// and indices, `when` and `if` as expressions, kotlin.math, the standard library's inline
// functions, calls between functions. kotlinc compiles these into the class FunctionsKt, with a
// null check of every DoubleArray parameter (Intrinsics.checkNotNullParameter).
package dev.fluxion.kotlin

import dev.fluxion.Differentiable
import kotlin.math.atan2
import kotlin.math.exp
import kotlin.math.hypot
import kotlin.math.ln
import kotlin.math.max
import kotlin.math.pow
import kotlin.math.sin
import kotlin.math.sqrt
import kotlin.math.tanh

/** The extended Rosenbrock function: a range loop, `pow` with an Int exponent. */
@Differentiable
fun rosenbrock(x: DoubleArray): Double {
    var s = 0.0
    for (i in 0 until x.size - 1) {
        val a = x[i + 1] - x[i] * x[i]
        s += 100 * a * a + (1 - x[i]).pow(2)
    }
    return s
}

/** `when` and `if` as expressions, a loop over the elements, kotlin.math. */
@Differentiable
fun piecewise(x: DoubleArray): Double {
    var s = 0.0
    for (v in x) {
        s += when {
            v > 1.0 -> sqrt(v)
            v < -1.0 -> exp(v)
            else -> sin(v) * v.pow(2)
        }
    }
    return if (s > 0) s * s else -s
}

/** A Double -> Double function, for `Fluxion.derivative`. */
@Differentiable
fun bump(x: Double): Double = x * ln(1 + x * x) + tanh(x) + hypot(x, 2.0) + atan2(x, 3.0)

/** `if` as an expression in a small function that others call. */
@Differentiable
fun softplus(v: Double): Double = if (v > 30.0) v else ln(1.0 + exp(v))

/** log(sum(exp(x))), shifted by the running maximum (kotlin.math.max). */
@Differentiable
fun logSumExp(x: DoubleArray): Double {
    var m = x[0]
    for (i in 1 until x.size) {
        m = max(m, x[i])
    }
    var s = 0.0
    for (v in x) {
        s += exp(v - m)
    }
    return ln(s) + m
}

/** Calls between functions. */
@Differentiable
fun smoothMax(x: DoubleArray): Double = logSumExp(x) + 0.1 * softplus(x[0] - x[1])

/**
 * Fifty smoothing steps: `copyOf`, `repeat`, the `DoubleArray(n) { i -> ... }` constructor and
 * `sumOf`, all inline functions of the standard library that kotlinc compiles into this function.
 */
@Differentiable
fun smoothed(x: DoubleArray): Double {
    var u = x.copyOf()
    repeat(SMOOTHING_STEPS) {
        val w = u
        u = DoubleArray(w.size) { i -> if (i == 0 || i == w.size - 1) w[i] else 0.25 * w[i - 1] + 0.5 * w[i] + 0.25 * w[i + 1] }
    }
    return u.sumOf { it * it }
}

const val SMOOTHING_STEPS = 50

/** Settings in a data class, read as constants. */
data class Penalty(val weight: Double, val center: Double)

val PENALTY = Penalty(weight = 0.5, center = 1.0)

/** A data class's values used as constants, and a call to another function. */
@Differentiable
fun penalised(x: DoubleArray): Double = rosenbrock(x) + PENALTY.weight * x.sumOf { (it - PENALTY.center).pow(2) }

/** A 2 x 2 matrix as an `Array<DoubleArray>` (a double[][]), built by `Array(n) { ... }`. */
@Differentiable
fun frobeniusPlusDeterminant(x: DoubleArray): Double {
    val m = Array(2) { i -> DoubleArray(2) { j -> x[2 * i + j] } }
    return frobenius(m) + m[0][0] * m[1][1] - m[0][1] * m[1][0]
}

@Differentiable
fun frobenius(m: Array<DoubleArray>): Double {
    var s = 0.0
    for (row in m) {
        for (v in row) {
            s += v * v
        }
    }
    return s
}

/** A vector-valued function: writes its three results into `out`. */
@Differentiable
fun residuals(p: DoubleArray, out: DoubleArray) {
    out[0] = 10 * (p[1] - p[0] * p[0])
    out[1] = 1 - p[0]
    out[2] = p[0] * exp(p[1])
}

/** Not annotated: a lambda that calls it links to it, and Fluxion says it is not @Differentiable. */
fun notAnnotated(x: DoubleArray): Double = x[0] * x[0]

/** A Double? (a box, or null) kept in the function: a value object whose number is differentiated. */
@Differentiable
fun nullableScale(x: DoubleArray): Double {
    val v: Double? = if (x[0] > 0) x[0] else null
    return (v ?: 0.5) * x[1] * 2
}

/** A local lambda over Doubles: a Function1 whose invoke takes and returns boxes, called where it is made. */
@Differentiable
fun localSquare(x: DoubleArray): Double {
    val square = { v: Double -> v * v }
    return square(x[0]) + x[1]
}
