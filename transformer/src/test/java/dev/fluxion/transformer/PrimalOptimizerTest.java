package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fluxion.Fluxion;
import dev.fluxion.testing.CorpusCase;
import dev.fluxion.transformer.analysis.ForLoops;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.frontend.BytecodeParser;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.optimize.PrimalOptimizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the primal optimisations rewrite, and what they leave alone, on the SSA of {@code
 * corpus.Temporaries} and {@code corpus.LogSumExps} (the corpus checks that the derivatives are right
 * either way; this checks that the rewrites happen where they should and not where a write in
 * between, or a derivative that does not cancel, forbids them).
 */
class PrimalOptimizerTest {
    private static final ClassNode TEMPORARIES = classNode("dev/fluxion/corpus/Temporaries");

    @Test
    void forwardsTheRefilledTemporaryAndMergesTheSquaredRead() {
        // as written: t[a] twice in t[a] * t[a], t[row] and t[col] in the triangle
        assertEquals(4, readsOfArray(parse("refilledTemporary", false), 0));
        // t[a] * t[a] reads once and is forwarded, so is t[col]; t[row] (an inner loop's index) stays
        assertEquals(1, readsOfArray(parse("refilledTemporary", true), 0));
    }

    @Test
    void foldsConstantArithmeticAndTheLengthOfAnArrayOfConstantLength() {
        IrFunction written = parse("fixedLengthState", false);
        IrFunction folded = parse("fixedLengthState", true);
        assertEquals(1, count(written, insn -> insn.op() == Op.ARRAY_LENGTH));
        assertEquals(0, count(folded, insn -> insn.op() == Op.ARRAY_LENGTH));
        java.util.function.Predicate<Instruction> ofConstants = insn -> insn.op() == Op.ARITHMETIC
                && insn.operands().stream().allMatch(v -> v instanceof dev.fluxion.transformer.ir.Constant);
        assertEquals(1, count(written, ofConstants)); // 0.5 * h
        assertEquals(0, count(folded, ofConstants));
    }

    private static long count(IrFunction f, java.util.function.Predicate<Instruction> p) {
        return f.blocks().stream().flatMap(b -> b.body().stream()).filter(p).count();
    }

    @Test
    void forwardsAtTheReadWhenTheFillingLoopRunsInsideTheReadingLoop() {
        assertEquals(0, readsOfArray(parse("fillInsideTheReadingLoop", true), 0));
    }

    @Test
    void forwardsFloatTemporaries() {
        assertEquals(2, readsOfArray(parse("refilledFloatTemporary", false), 0)); // t[a] * t[a] as written
        assertEquals(0, readsOfArray(parse("refilledFloatTemporary", true), 0));
    }

    @Test
    void removesTheStoresOfATemporaryNothingReadsAnyMore() {
        IrFunction f = parse("forwardedAway", true);
        assertEquals(0, readsOfArray(f, 0));
        assertEquals(0, uses(f, 0, Op.ARRAY_STORE));
        assertEquals(1, uses(parse("unreadButMayThrow", true), 0, Op.ARRAY_STORE)); // may throw: kept
    }

    @Test
    void keepsReadsOfATemporaryWrittenBetween() {
        assertEquals(2, readsOfArray(parse("temporaryWrittenBetween", true), 0)); // 3 * t[0], and t[a] once
    }

    @Test
    void keepsReadsOfATemporaryWhoseSourceChangedBetween() {
        assertEquals(1, readsOfArray(parse("sourceWrittenBetween", true), 1));
    }

    @Test
    void keepsReadsOfATemporaryWhoseFillingReadsItself() {
        assertEquals(2, readsOfArray(parse("fillReadsItself", true), 0)); // t[a] in the fill, t[a] after
    }

    @Test
    void keepsReadsOfATemporaryWhoseSourceTheReadingLoopWrites() {
        assertEquals(1, readsOfArray(parse("sourceWrittenInTheReadingLoop", true), 0)); // t (y is a clone)
    }

    @Test
    void keepsReadsOfATemporaryFilledByALoopThatBreaks() {
        assertEquals(1, readsOfArray(parse("fillingLoopBreaks", true), 0));
    }

    @Test
    void keepsRereadsAfterAStoreOrACall() {
        assertEquals(2, readsOfArray(parse("reloadAfterStore", true), 0));
        assertEquals(3, readsOfArray(parse("reloadAfterCall", true), 0));
    }

    @Test
    void detachesTheShiftOfALogSumExpAtItsTwoUses() {
        assertEquals(2, detaches(parse(LOG_SUM_EXPS, "shiftUsedAgain", true))); // not the third use, m * m
        assertEquals(2, detaches(parse(classNode("dev/fluxion/corpus/Loops"), "logSumExp", true))); // m + log(s)
    }

    @Test
    void leavesTheShiftAloneWhereItsDerivativesDoNotCancel() {
        assertEquals(0, detaches(parse(LOG_SUM_EXPS, "sumFromOne", true)));
        assertEquals(0, detaches(parse(LOG_SUM_EXPS, "logUsedAgain", true)));
        assertEquals(0, detaches(parse(LOG_SUM_EXPS, "sumUsedAgain", true)));
        assertEquals(0, detaches(parse(LOG_SUM_EXPS, "shiftPerTerm", true)));
    }

    private static final ClassNode LOG_SUM_EXPS = classNode("dev/fluxion/corpus/LogSumExps");

    @Test
    void replacesSmallArraysWrittenOnceBeforeTheirReads() {
        ClassNode vectors = classNode("dev/fluxion/corpus/SmallVectors");
        assertEquals(1, newArrays(parse(vectors, "unwrittenElement", false)));
        assertEquals(0, newArrays(parse(vectors, "unwrittenElement", true)));
        assertEquals(0, newArrays(parse(vectors, "indexTable", true)));
    }

    @Test
    void keepsSmallArraysWhoseReadsDependOnThePath() {
        ClassNode vectors = classNode("dev/fluxion/corpus/SmallVectors");
        assertEquals(1, newArrays(parse(vectors, "writtenTwice", true)));
        assertEquals(1, newArrays(parse(vectors, "writtenOnOneBranch", true)));
        assertEquals(1, newArrays(parse(vectors, "accumulator", true)));
        assertEquals(1, newArrays(parse(classNode("dev/fluxion/corpus/SideOutputs"), "readsTheSideOutput", true)));
    }

    @Test
    void laysOutFlatTheMatricesWhoseIndicesStayWithinThem() {
        ClassNode grids = classNode("dev/fluxion/corpus/Grids");
        // u and next: two matrices of 6 rows as written, two flat arrays of 36 after
        assertEquals(2, matrices(parse(grids, "heatCopiedBack", false)));
        assertEquals(0, matrices(parse(grids, "heatCopiedBack", true)));
        assertEquals(2, newArrays(parse(grids, "heatCopiedBack", true)));
        // the rotation's 3 x 3 matrix, read in loops over its rows and columns: nine numbers in a row
        assertEquals(1, matrices(parse(grids, "rotatedPoints", false)));
        assertEquals(0, matrices(parse(grids, "rotatedPoints", true)));
    }

    @Test
    void readsTheSameElementOfAFlatMatrixOnce() {
        // u[i][j] twice in the stencil's block (in the laplacian and in the update): one read, as for rows
        IrFunction f = parse(classNode("dev/fluxion/corpus/Grids"), "heatCopiedBack", true);
        Instruction u = f.blocks().stream().flatMap(b -> b.instructions().stream())
                .filter(i -> i.op() == Op.NEW_ARRAY).findFirst().orElseThrow();
        // u[i - 1][j], u[i + 1][j], u[i][j - 1], u[i][j + 1], u[i][j]: five reads where the code has six
        assertEquals(5, f.blocks().stream().mapToLong(b -> b.body().stream()
                .filter(i -> i.op() == Op.ARRAY_LOAD && i.operand(0) == u).count()).max().orElseThrow());
        // and no index is computed for a row only measured (j < u[i].length): the loop keeps its one block
        assertEquals(0, f.blocks().stream().flatMap(b -> b.body().stream())
                .filter(i -> i.op() == Op.ARITHMETIC && i.users().isEmpty()).count());
    }

    @Test
    void keepsTheRowsOfMatricesItCannotProveFlat() {
        ClassNode grids = classNode("dev/fluxion/corpus/Grids");
        assertEquals(2, matrices(parse(grids, "heatSwapped", true))); // u = next: a phi of matrices
        assertEquals(1, matrices(parse(grids, "pairwiseSquares", true))); // n x n, n known at run time
        assertEquals(1, matrices(parse(grids, "groupMoments", true))); // row i % 3: not bounded here
        assertEquals(1, matrices(parse(grids, "oneRowTooFar", true))); // i < 4 over 3 rows: row 3 does not exist
    }

    /** Where a row index runs past the matrix, the gradient throws where the primal throws. */
    @Test
    void theGradientOfAMatrixReadPastItsRowsThrowsAsThePrimal() {
        double[] x = {0.5};
        Exception primal = assertThrows(ArrayIndexOutOfBoundsException.class, () -> dev.fluxion.corpus.Grids.oneRowTooFar(x));
        Exception derivative = assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> Fluxion.gradient(dev.fluxion.corpus.Grids::oneRowTooFar).gradient(x));
        assertEquals(primal.getMessage(), derivative.getMessage());
    }

    private static long matrices(IrFunction f) {
        return f.blocks().stream().flatMap(b -> b.instructions().stream())
                .filter(i -> i.op() == Op.NEW_ARRAY && i.type().getDimensions() == 2).count();
    }

    private static long newArrays(IrFunction f) {
        return f.blocks().stream().flatMap(b -> b.instructions().stream()).filter(i -> i.op() == Op.NEW_ARRAY).count();
    }

    @Test
    void movesALengthBoundOutOfItsLoop() {
        ClassNode iterations = classNode("dev/fluxion/corpus/Iterations");
        // the loop over points has its bound outside; a < r.length and a < w.length compute theirs in the header
        assertEquals(1, forLoops(parse(iterations, "pointTermsByLength", false)));
        assertEquals(3, forLoops(parse(iterations, "pointTermsByLength", true)));
    }

    @Test
    void testsAnIndexPlusAnOffsetAgainstTheLengthLessTheOffset() {
        // i + 1 < x.length becomes i < x.length - 1, computed before the loop: a for loop
        ClassNode arithmetic = classNode("dev/fluxion/corpus/Arithmetic");
        assertEquals(0, forLoops(parse(arithmetic, "differences", false)));
        assertEquals(1, forLoops(parse(arithmetic, "differences", true)));
        // k + 1 < n for n = x.length / 2, not a length: n - 1 could overflow, so the test stays
        // (its two loops over i and the one over the rounds are for loops, the one over k is not)
        assertEquals(3, forLoops(parse(classNode("dev/fluxion/corpus/ArrayShapes"), "rowRotation", true)));
        // i + 1 < x.length from a start computed at run time: i + 1 could overflow, so the test stays
        assertEquals(0, forLoops(parse(classNode("dev/fluxion/corpus/Loops"), "offsetFromAComputedStart", true)));
    }

    @Test
    void leavesABoundTheLoopChangesInItsHeader() {
        // i < m / 2 with m decremented in the body: m / 2 is the loop's own, and stays in its header
        IrFunction f = parse(classNode("dev/fluxion/corpus/Loops"), "boundChangedInTheLoop", true);
        assertEquals(0, forLoops(f));
        assertEquals(1, f.blocks().stream().filter(b -> b.phis().size() > 0 && b.body().stream()
                .anyMatch(i -> i.op() == Op.ARITHMETIC && i.opcode() == org.objectweb.asm.Opcodes.IDIV)).count());
    }

    @Test
    void fusesAReadingLoopIntoTheLoopBeforeWhereNoLaterIterationWritesWhatItReads() {
        ClassNode fused = classNode("dev/fluxion/corpus/FusedLoops");
        // the diagonal, the triangle's two loops, the norm: the norm runs at the end of the triangle's columns
        assertEquals(4, forLoops(parse(fused, "lowerTriangleThenNorm", false)));
        assertEquals(3, forLoops(parse(fused, "lowerTriangleThenNorm", true)));
        // t[a + 1] and t[a] read after t[b + 1] is written, in the same iteration or the one before
        assertEquals(1, forLoops(parse(fused, "readsWhatWasWritten", true)));
        // the upper triangle's column b writes z[row] for row < b, and t[b] is written after t[a + 1] is read
        assertEquals(4, forLoops(parse(fused, "upperTriangleThenNorm", true)));
        assertEquals(2, forLoops(parse(fused, "readsAheadOfTheWrites", true)));
        // pointTerms fills r[a] and reads it in the next loop: one loop per point
        assertEquals(3, forLoops(parse(classNode("dev/fluxion/corpus/Iterations"), "pointTerms", false)));
        assertEquals(2, forLoops(parse(classNode("dev/fluxion/corpus/Iterations"), "pointTerms", true)));
    }

    @Test
    void removesALoopLeftReadingWhatTheNextLoopReadsAgain() {
        // the two filling loops, forwarded away, only read x[a] and x[n + a]: the norm's loop reads both
        // again (with the loop over the passes, four loops as written, two left)
        assertEquals(4, forLoops(parse(TEMPORARIES, "differencesThenScaled", false)));
        assertEquals(2, forLoops(parse(TEMPORARIES, "differencesThenScaled", true)));
        assertEquals(0, idleLoops(parse(TEMPORARIES, "differencesThenScaled", true)));
        // a store between the differences and the loop after: the idle loop stays
        IrFunction storeBetween = parse(TEMPORARIES, "differencesWithAStoreBetween", true);
        assertEquals(3, forLoops(storeBetween));
        assertEquals(1, idleLoops(storeBetween));
    }

    /** Where the removed loop's read would have thrown, the gradient throws: the same exception, at the same element. */
    @Test
    void theGradientThrowsWhereThePrimalThrewAfterTheLoopIsRemoved() throws Exception {
        CorpusCase c = CorpusTest.cases().filter(k -> k.name().equals("Temporaries.differencesOfACount")).findFirst()
                .orElseThrow();
        double[] x = {3.5, 1, 2, 3, 4}; // n = 3: x[1 + n + 1] is out of range
        assertEquals(2, forLoops(parse(TEMPORARIES, "differencesOfACount", true)));
        Exception primal = assertThrows(ArrayIndexOutOfBoundsException.class, () -> c.value(x.clone()));
        Exception derivative = assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> Fluxion.gradient(c.f()).gradient(x.clone()));
        assertEquals(primal.getMessage(), derivative.getMessage());
    }

    /** Loops of one block whose only phi is the index and whose values no one outside uses. */
    private static long idleLoops(IrFunction f) {
        ForLoops loops = new ForLoops(f);
        return f.blocks().stream().map(loops::ofHeader).filter(l -> l != null && l.body().size() == 2
                && l.header().phis().size() == 1
                && l.latch().body().stream().allMatch(i -> i.users().stream().allMatch(u -> l.body().contains(u.block()))))
                .count();
    }

    private static long forLoops(IrFunction f) {
        ForLoops loops = new ForLoops(f);
        return f.blocks().stream().filter(b -> loops.ofHeader(b) != null).count();
    }

    private static long detaches(IrFunction f) {
        return f.blocks().stream().flatMap(b -> b.instructions().stream())
                .filter(i -> i.op() == Op.INVOKE && i.member().name().equals("detach")).count();
    }

    private static IrFunction parse(String name, boolean optimize) {
        return parse(TEMPORARIES, name, optimize);
    }

    private static IrFunction parse(ClassNode owner, String name, boolean optimize) {
        MethodNode m = owner.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
        IrFunction f = BytecodeParser.parse(owner.name, m);
        if (optimize) {
            DifferentiableMethods callees = new DifferentiableMethods(
                    ClassFileLocator.ofClassLoader(PrimalOptimizerTest.class.getClassLoader()));
            callees.register(owner);
            PrimalOptimizer.optimize(f, callees);
        }
        return f;
    }

    /** Element reads of the {@code k}-th array the function allocates (in layout order). */
    private static long readsOfArray(IrFunction f, int k) {
        return uses(f, k, Op.ARRAY_LOAD);
    }

    /** Instructions of kind {@code op} on the {@code k}-th array the function allocates (in layout order). */
    private static long uses(IrFunction f, int k, Op op) {
        List<Instruction> all = new ArrayList<>();
        for (Block b : f.blocks()) {
            all.addAll(b.instructions());
        }
        Instruction array = all.stream().filter(i -> i.op() == Op.NEW_ARRAY).skip(k).findFirst().orElseThrow();
        return all.stream().filter(i -> i.op() == op && i.operand(0) == array).count();
    }

    private static ClassNode classNode(String internalName) {
        try (InputStream in = PrimalOptimizerTest.class.getResourceAsStream("/" + internalName + ".class")) {
            ClassNode node = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(node, 0);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
