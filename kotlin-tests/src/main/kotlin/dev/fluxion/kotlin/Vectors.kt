// Objects as Kotlin code writes them: a data class with operators (small vectors), and a class with
// `var` properties that its own function updates. Created, combined and read in the differentiated
// function, they are replaced by the numbers they hold (the transformer's value and local objects),
// and cost nothing in the derivative. Kotlin checks the `Vec2` parameter of each operator for null
// (Intrinsics.checkNotNullParameter); once inlined where the argument is a new object, the check goes.
package dev.fluxion.kotlin

import dev.fluxion.Differentiable

data class Vec2(val x: Double, val y: Double) {
    operator fun plus(o: Vec2) = Vec2(x + o.x, y + o.y)
    operator fun minus(o: Vec2) = Vec2(x - o.x, y - o.y)
    operator fun times(s: Double) = Vec2(x * s, y * s)
    infix fun dot(o: Vec2) = x * o.x + y * o.y
}

/** The energy of a path of points (x[2i], x[2i + 1]): the squared lengths of its steps, plus a pull to the origin. */
@Differentiable
fun pathEnergy(x: DoubleArray): Double {
    var e = 0.0
    var previous = Vec2(x[0], x[1])
    for (i in 1 until x.size / 2) {
        val p = Vec2(x[2 * i], x[2 * i + 1])
        val step = p - previous
        e += step dot step
        previous = p
    }
    val pull = previous * 0.5
    return e + (pull dot pull)
}

/** A particle with mutable state, stepped by its own function. */
class Particle(var x: Double, var v: Double) {
    fun step(force: Double, dt: Double) {
        v += force * dt
        x += v * dt
    }
}

/** Where a particle starting at rest at x[0] ends, pushed by the forces x[1], x[2], ... for 0.1 s each. */
@Differentiable
fun finalPosition(x: DoubleArray): Double {
    val p = Particle(x[0], 0.0)
    for (i in 1 until x.size) {
        p.step(x[i], 0.1)
    }
    return p.x
}

/** Particles at x[0], x[1], ..., in a list filled with add, each pulled to 0 by a spring for 10 steps: where their centre ends. */
@Differentiable
fun swarmCentre(x: DoubleArray): Double {
    val particles = mutableListOf<Particle>()
    for (xi in x) {
        particles.add(Particle(xi, 0.0))
    }
    repeat(10) {
        for (p in particles) {
            p.step(-p.x, 0.1)
        }
    }
    return particles.sumOf { it.x } / particles.size
}
