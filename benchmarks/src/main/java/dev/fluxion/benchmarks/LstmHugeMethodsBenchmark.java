package dev.fluxion.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link LstmBenchmark}'s objective, Fluxion and hand-written gradients with
 * {@code -XX:-DontCompileHugeMethods}. Fluxion's adjoint of {@link Lstm#objective} (with the
 * layer step and the sigmoid inlined into it) is 8474 bytes of bytecode, over HotSpot's 8000-byte
 * limit above which a method is never JIT-compiled by default: under default flags the gradient
 * runs in the interpreter. This row shows what the generated code costs once compiled
 * ({@code HugeAdjointTest} checks that Fluxion now stays under it).
 */
@Fork(value = 1, jvmArgsAppend = "-XX:-DontCompileHugeMethods")
public class LstmHugeMethodsBenchmark extends LstmBenchmark {
}
