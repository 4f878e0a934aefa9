// Kotlin constructs Fluxion cannot differentiate yet, each with the message that says so
// (KotlinDiagnosticsTest; the line of each message is marked `// ERROR: function`). Left out of the
// classes the plugin transforms (pom.xml): they would fail the build, as they should.
package dev.fluxion.kotlin.diagnostics

import dev.fluxion.Differentiable

/** A list of differentiated values: a List<Double> holds boxes. */
@Differentiable
fun listOfValues(x: DoubleArray): Double {
    val values: List<Double> = listOf(x[0], x[1]) // ERROR: listOfValues
    return values[0] * values[1]
}

/** A standard library function that is not inline: DoubleArray.sum() is compiled code of its own. */
@Differentiable
fun arraySum(x: DoubleArray): Double {
    val total = x.sum() // ERROR: arraySum
    return total * 2
}

/** The array as a List<Double>, by the standard library. */
@Differentiable
fun asList(x: DoubleArray): Double {
    val values = x.toList() // ERROR: asList
    return values[0]
}

data class Point(val x: Double, val y: Double) {
    fun norm2(): Double = x * x + y * y
}

/** A data class holding differentiated values, in a list one of them is removed from: a method Fluxion does not follow. */
@Differentiable
fun dataClassInAList(x: DoubleArray): Double {
    val points = ArrayList<Point>()
    points.add(Point(x[0], x[1])) // ERROR: dataClassInAList
    points.add(Point(x[1], x[0]))
    points.removeAt(0)
    return points[0].norm2()
}
