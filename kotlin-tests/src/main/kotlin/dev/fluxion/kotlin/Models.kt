// Objects and classes: an `object` whose functions are @JvmStatic (static methods, as top-level
// functions are), an `object` function that is not (an instance method of the object's final
// class), and a model class whose data are constants of the differentiated method.
package dev.fluxion.kotlin

import dev.fluxion.Differentiable
import kotlin.math.cos
import kotlin.math.pow

/** A chain of springs between neighbours under gravity. */
object Springs {
    const val STIFFNESS = 3.0
    const val REST_LENGTH = 1.0

    @JvmStatic
    @Differentiable
    fun energy(x: DoubleArray): Double {
        var e = 0.0
        for (i in 1 until x.size) {
            e += 0.5 * STIFFNESS * (x[i] - x[i - 1] - REST_LENGTH).pow(2)
        }
        return e + gravity(x)
    }

    @JvmStatic
    @Differentiable
    fun gravity(x: DoubleArray): Double {
        var g = 0.0
        for (v in x) {
            g += 0.1 * v
        }
        return g
    }

    /** Not @JvmStatic: a method of the object, called as Springs.tension(x). */
    @Differentiable
    fun tension(x: DoubleArray): Double {
        var t = 0.0
        for (i in 1 until x.size) {
            t += cos(x[i] - x[i - 1])
        }
        return t
    }
}

/** Least squares `mean((w . x_i + b - y_i)^2)` over the data of the model; w = (weights, bias). */
class Regression(private val xs: Array<DoubleArray>, private val ys: DoubleArray) {
    @Differentiable
    fun loss(w: DoubleArray): Double {
        var s = 0.0
        for (i in ys.indices) {
            var p = w[w.size - 1]
            for (j in xs[i].indices) {
                p += w[j] * xs[i][j]
            }
            val r = p - ys[i]
            s += r * r
        }
        return s / ys.size
    }
}
