// Derivatives of the functions in src/main/kotlin, derived by hand.
package dev.fluxion.kotlin

import kotlin.math.cos
import kotlin.math.exp
import kotlin.math.hypot
import kotlin.math.ln
import kotlin.math.sin
import kotlin.math.sqrt
import kotlin.math.tanh

fun rosenbrockGradient(x: DoubleArray): DoubleArray {
    val g = DoubleArray(x.size)
    for (i in 0 until x.size - 1) {
        val a = x[i + 1] - x[i] * x[i]
        g[i] += -400 * x[i] * a - 2 * (1 - x[i])
        g[i + 1] += 200 * a
    }
    return g
}

fun rosenbrockHessian(x: DoubleArray): Array<DoubleArray> {
    val h = Array(x.size) { DoubleArray(x.size) }
    for (i in 0 until x.size - 1) {
        val a = x[i + 1] - x[i] * x[i]
        h[i][i] += -400 * a + 800 * x[i] * x[i] + 2
        h[i][i + 1] += -400 * x[i]
        h[i + 1][i] += -400 * x[i]
        h[i + 1][i + 1] += 200.0
    }
    return h
}

fun piecewiseGradient(x: DoubleArray): DoubleArray {
    var s = 0.0
    val d = DoubleArray(x.size)
    for (i in x.indices) {
        val v = x[i]
        if (v > 1.0) {
            s += sqrt(v)
            d[i] = 0.5 / sqrt(v)
        } else if (v < -1.0) {
            s += exp(v)
            d[i] = exp(v)
        } else {
            s += sin(v) * v * v
            d[i] = cos(v) * v * v + 2 * v * sin(v)
        }
    }
    return DoubleArray(x.size) { i -> if (s > 0) 2 * s * d[i] else -d[i] }
}

fun bumpDerivative(x: Double): Double =
    ln(1 + x * x) + 2 * x * x / (1 + x * x) + (1 - tanh(x) * tanh(x)) + x / hypot(x, 2.0) + 3 / (x * x + 9)

fun bumpSecondDerivative(x: Double): Double {
    val h = hypot(x, 2.0)
    val t = tanh(x)
    return 2 * x / (1 + x * x) + 4 * x / ((1 + x * x) * (1 + x * x)) - 2 * t * (1 - t * t) + 4 / (h * h * h) -
        6 * x / ((x * x + 9) * (x * x + 9))
}

fun smoothMaxGradient(x: DoubleArray): DoubleArray {
    var s = 0.0
    for (v in x) {
        s += exp(v)
    }
    val g = DoubleArray(x.size) { i -> exp(x[i]) / s }
    val sigma = 1 / (1 + exp(-(x[0] - x[1])))
    g[0] += 0.1 * sigma
    g[1] -= 0.1 * sigma
    return g
}

/** One smoothing step, A u; and its transpose, A^T y. */
private fun smoothingStep(u: DoubleArray, transpose: Boolean): DoubleArray {
    val n = u.size
    val out = DoubleArray(n)
    for (i in 0 until n) {
        val row = if (i == 0 || i == n - 1) listOf(i to 1.0) else listOf(i - 1 to 0.25, i to 0.5, i + 1 to 0.25)
        for ((j, a) in row) {
            if (transpose) out[j] += a * u[i] else out[i] += a * u[j]
        }
    }
    return out
}

/** f(x) = |A^k x|^2, so grad f = 2 (A^k)^T A^k x. */
fun smoothedGradient(x: DoubleArray): DoubleArray {
    var u = x.copyOf()
    repeat(SMOOTHING_STEPS) { u = smoothingStep(u, false) }
    var g = DoubleArray(u.size) { 2 * u[it] }
    repeat(SMOOTHING_STEPS) { g = smoothingStep(g, true) }
    return g
}

fun penalisedGradient(x: DoubleArray): DoubleArray {
    val g = rosenbrockGradient(x)
    for (i in x.indices) {
        g[i] += 0.5 * 2 * (x[i] - 1.0)
    }
    return g
}

fun frobeniusPlusDeterminantGradient(x: DoubleArray): DoubleArray =
    doubleArrayOf(2 * x[0] + x[3], 2 * x[1] - x[2], 2 * x[2] - x[1], 2 * x[3] + x[0])

fun residualsJacobian(p: DoubleArray): Array<DoubleArray> = arrayOf(
    doubleArrayOf(-20 * p[0], 10.0),
    doubleArrayOf(-1.0, 0.0),
    doubleArrayOf(exp(p[1]), p[0] * exp(p[1])),
)

fun energyGradient(x: DoubleArray): DoubleArray {
    val g = DoubleArray(x.size) { 0.1 }
    for (i in 1 until x.size) {
        val d = x[i] - x[i - 1] - 1.0
        g[i] += 3.0 * d
        g[i - 1] -= 3.0 * d
    }
    return g
}

fun tensionGradient(x: DoubleArray): DoubleArray {
    val g = DoubleArray(x.size)
    for (i in 1 until x.size) {
        val s = sin(x[i] - x[i - 1])
        g[i] -= s
        g[i - 1] += s
    }
    return g
}

fun regressionGradient(xs: Array<DoubleArray>, ys: DoubleArray, w: DoubleArray): DoubleArray {
    val g = DoubleArray(w.size)
    for (i in ys.indices) {
        var p = w[w.size - 1]
        for (j in xs[i].indices) {
            p += w[j] * xs[i][j]
        }
        val r = p - ys[i]
        for (j in xs[i].indices) {
            g[j] += 2 * r * xs[i][j] / ys.size
        }
        g[w.size - 1] += 2 * r / ys.size
    }
    return g
}

/** sum |p_i - p_(i-1)|^2 + |p_last / 2|^2 over the points (x[2i], x[2i + 1]). */
fun pathEnergyGradient(x: DoubleArray): DoubleArray {
    val g = DoubleArray(x.size)
    val n = x.size / 2
    for (i in 1 until n) {
        for (c in 0..1) {
            val d = x[2 * i + c] - x[2 * (i - 1) + c]
            g[2 * i + c] += 2 * d
            g[2 * (i - 1) + c] -= 2 * d
        }
    }
    for (c in 0..1) {
        g[2 * (n - 1) + c] += 0.5 * x[2 * (n - 1) + c]
    }
    return g
}

/** x[0] + dt^2 sum_j f_j (m - j + 1): force j acts on the velocity in steps j..m. */
/** Each particle ends at a x0, a from the spring's recurrence started at (1, 0): the centre's gradient is a / n. */
fun swarmCentreGradient(x: DoubleArray): DoubleArray {
    var position = 1.0
    var velocity = 0.0
    repeat(10) {
        velocity += -position * 0.1
        position += velocity * 0.1
    }
    return DoubleArray(x.size) { position / x.size }
}

fun finalPositionGradient(x: DoubleArray): DoubleArray {
    val m = x.size - 1
    return DoubleArray(x.size) { i -> if (i == 0) 1.0 else 0.01 * (m - i + 1) }
}
