package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.fixtures.bad.ActiveArrayCapturedByLambda;
import dev.fluxion.fixtures.bad.ActiveArrayInField;
import dev.fluxion.fixtures.bad.ActiveArrayScannedInPlace;
import dev.fluxion.fixtures.bad.ActiveConstructorArgument;
import dev.fluxion.fixtures.bad.ActiveStaticFieldWrite;
import dev.fluxion.fixtures.bad.AliasedArguments;
import dev.fluxion.fixtures.bad.ArrayInObjectArray;
import dev.fluxion.fixtures.bad.ArrayWrittenBeforeItsMaximumIsRead;
import dev.fluxion.fixtures.bad.BitsOfADouble;
import dev.fluxion.fixtures.bad.CallThrowingInTryBlock;
import dev.fluxion.fixtures.bad.CalleeMovesRows;
import dev.fluxion.fixtures.bad.CallsAFailingCallee;
import dev.fluxion.fixtures.bad.ChosenFromAnEarlierArray;
import dev.fluxion.fixtures.bad.ChosenSlotGivenAnotherObject;
import dev.fluxion.fixtures.bad.DataToOverridable;
import dev.fluxion.fixtures.bad.ElementOrNewObject;
import dev.fluxion.fixtures.bad.ElementPassedToALibrary;
import dev.fluxion.fixtures.bad.EscapingValueObject;
import dev.fluxion.fixtures.bad.FieldReadBeforeAssigned;
import dev.fluxion.fixtures.bad.GridOfCells;
import dev.fluxion.fixtures.bad.HelperOfAHiddenClass;
import dev.fluxion.fixtures.bad.LambdaOfAnotherClassPassedOn;
import dev.fluxion.fixtures.bad.ListElementUsedAfterGrowth;
import dev.fluxion.fixtures.bad.ListElementUsedAfterSet;
import dev.fluxion.fixtures.bad.ListOfObjectsFromOutside;
import dev.fluxion.fixtures.bad.ListPassedToALibrary;
import dev.fluxion.fixtures.bad.ListWithRemove;
import dev.fluxion.fixtures.bad.LoggerLambdaWithSideEffect;
import dev.fluxion.fixtures.bad.ManySorts;
import dev.fluxion.fixtures.bad.MathWithoutRule;
import dev.fluxion.fixtures.bad.MismatchedGradientOf;
import dev.fluxion.fixtures.bad.MismatchedRule;
import dev.fluxion.fixtures.bad.NonDifferentiableCallee;
import dev.fluxion.fixtures.bad.NumberReadBackFromText;
import dev.fluxion.fixtures.bad.ObjectAddedTwice;
import dev.fluxion.fixtures.bad.ObjectChangedAfterStored;
import dev.fluxion.fixtures.bad.OneObjectInEverySlot;
import dev.fluxion.fixtures.bad.OneOfObjectsMadeAgain;
import dev.fluxion.fixtures.bad.OverridableHelper;
import dev.fluxion.fixtures.bad.ReturnsArray;
import dev.fluxion.fixtures.bad.ReturnsInt;
import dev.fluxion.fixtures.bad.RuleWithoutReceiver;
import dev.fluxion.fixtures.bad.SeveralProblems;
import dev.fluxion.fixtures.bad.SlotGivenAnotherObject;
import dev.fluxion.fixtures.bad.StreamInTryBlock;
import dev.fluxion.fixtures.bad.StreamIterate;
import dev.fluxion.fixtures.bad.StreamMappedToObjects;
import dev.fluxion.fixtures.bad.StreamSummaryStatistics;
import dev.fluxion.fixtures.bad.StreamToListChanged;
import dev.fluxion.fixtures.bad.SynchronizedBlock;
import dev.fluxion.fixtures.bad.SynchronizedMethod;
import dev.fluxion.fixtures.bad.TwoBadMethods;
import dev.fluxion.fixtures.bad.ValueKeptByAPlainMethod;
import dev.fluxion.fixtures.bad.ValueObjectOfAHiddenClass;
import dev.fluxion.fixtures.bad.WriteIntoFieldArray;
import dev.fluxion.fixtures.bad.WriteIntoReturnedArray;
import dev.fluxion.fixtures.ok.BesideComputation;
import dev.fluxion.fixtures.ok.NotAnnotated;
import dev.fluxion.fixtures.ok.ShownNotComputed;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.diagnostics.Diagnostic;
import dev.fluxion.transformer.diagnostics.DifferentiationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The diagnostics of the transformer, Error-Prone style: each test names a fixture class (in
 * {@code src/test/java/dev/fluxion/fixtures/bad}), repeats its offending code in a comment, and
 * states the exact message expected. The line a diagnostic must point at is marked in the fixture
 * with a {@code // ERROR} comment and read from the fixture's source, so editing a fixture cannot
 * silently break the expected line numbers.
 *
 * <p>Diagnostics about the method as a whole (synchronized, instance method, return type) point at
 * the first line of the method's body: a class file records no line for the declaration itself.
 */
class DiagnosticsTest {
    private static final String NOT_DIFFERENTIABLE_ADVICE =
            "Annotate it @Differentiable, or compute the value in a @Differentiable method of your own.";
    private static final String OBJECT_ADVICE = "Fluxion differentiates objects that stay in the differentiated code: "
            + "records and final classes of final fields, mutable objects, and arrays or lists of such objects (List.of, "
            + "Arrays.asList, or an ArrayList filled with add and read with get, set, size, isEmpty and for-each), made in "
            + "the method, and variables that choose among them; this one escapes (passed to a method that is not inlined, "
            + "returned or stored). Pass the numbers as double arguments or double[] arrays, or keep the objects in an "
            + "array or an ArrayList made in the method.";
    private static final String RETURN_TYPE_ADVICE =
            "Return the scalar to differentiate, or write the results into a double[] parameter.";

    // @Differentiable static double f(double[] x) {
    //     double y = x[0] * 2;
    //     return lib(y);                       // ERROR: lib is not @Differentiable
    // }
    // static double lib(double v) { return v > 10 ? v : lib(v * v + 1); }   // recursive: not differentiated through
    @Test
    void activeValuePassedToNonDifferentiableMethod() {
        Diagnostic d = expectOne(NonDifferentiableCallee.class, "f",
                "active value passed to dev.fluxion.fixtures.bad.NonDifferentiableCallee.lib(double), which is not "
                        + "@Differentiable, and not a helper Fluxion differentiates through (one it can read, that no "
                        + "subclass overrides, not recursive, at most 500 instructions)",
                NOT_DIFFERENTIABLE_ADVICE);
        assertTrue(d.message().contains("which is not @Differentiable"), d.message());
    }

    // @Differentiable static double f(double[] x) {
    //     return Gains.scaled(x[0]) + x[1];   // ERROR: Gains (another package) reads Table.GAIN, Table not public
    // }
    // (private members of other classes are reached through method handles; a class that may not be named is not)
    @Test
    void aHelperThatUsesAClassThisOneMayNotNameSaysSoFirst() {
        expectOne(HelperOfAHiddenClass.class, "f",
                "active value passed to dev.fluxion.fixtures.bad.other.Gains.scaled(double), whose code uses the field "
                        + "dev.fluxion.fixtures.bad.other.Table.GAIN, which dev.fluxion.fixtures.bad.HelperOfAHiddenClass may "
                        + "not reach (a class of another package that is not public): Fluxion cannot differentiate through it "
                        + "there",
                "Make the class public (its members may stay private: Fluxion reaches those through method handles), or "
                        + "annotate the method @Differentiable, so it has derivatives of its own.");
    }

    // @Differentiable static double f(double[] x) {
    //     return new Frame(x[0], x[1]).total();   // ERROR: Frame.total (another package) reads Table.GAIN, Table not public
    // }
    @Test
    void aValueObjectWhoseCodeUsesAClassThisOneMayNotNameSaysSoFirst() {
        expectOne(ValueObjectOfAHiddenClass.class, "f",
                "the code reads the field dev.fluxion.fixtures.bad.other.Table.GAIN, which "
                        + "dev.fluxion.fixtures.bad.ValueObjectOfAHiddenClass may not reach (a class of another package that "
                        + "is not public, or one Fluxion cannot read), so Fluxion kept this method's objects as they are, and "
                        + "then: active value passed to the constructor of dev.fluxion.fixtures.bad.other.Frame",
                "Make the class public (its members may stay private: Fluxion reaches those through method handles). "
                        + OBJECT_ADVICE);
    }

    // @Differentiable static double f(double[] x) {
    //     double[] a = x.clone();
    //     LOG.fine(() -> { a[0] = a[1]; return "moved"; });   // ERROR: the lambda writes a, it does not only show it
    //     return a[0] * a[1];
    // }
    @Test
    void aLoggerLambdaThatWritesIsNotASideChannel() {
        expectOne(LoggerLambdaWithSideEffect.class, "f",
                "active value captured by a lambda that Fluxion cannot follow to its calls (it is stored, returned, chosen "
                        + "by a branch, or passed to a method that is not inlined)",
                "Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines (one that is "
                        + "not recursive), so each call runs its body in view.");
    }

    // static class Shape { double scale(double v) { return 2 * v; } }   // neither final nor private
    // @Differentiable static double f(double[] x) {
    //     return SHAPE.scale(x[0]) * x[1];     // ERROR: a subclass of Shape may override scale
    // }
    @Test
    void activeValuePassedToAnOverridableHelper() {
        expectOne(OverridableHelper.class, "f",
                "active value passed to dev.fluxion.fixtures.bad.OverridableHelper.Shape.scale(double), which a "
                        + "subclass may override",
                "Make the method private, final or static (or its class final): Fluxion differentiates through a "
                        + "helper when it knows the code the call runs.");
    }

    // @Differentiable static double f(double[] x) {
    //     double r = Math.sinpi(x[0]);   // ERROR: no derivative rule (a function of a later JDK)
    //     return x[1] * r;
    // }
    @Test
    void mathFunctionWithoutDerivativeRule() {
        byte[] laterJdk = callsMovedTo("java/lang/Math", classBytes(MathWithoutRule.class));
        Diagnostic d = expectOne(MathWithoutRule.class, laterJdk, "f",
                "active value passed to java.lang.Math.sinpi(double), for which Fluxion has no derivative rule",
                "Write the function in a @Differentiable method of your own, or keep its argument independent of the "
                        + "differentiated inputs.");
        assertTrue(d.message().contains("no derivative rule"), d.message());
    }

    // static final double[] W = {1, 2};
    // @Differentiable static double f(double[] x) {
    //     W[0] = x[0] * x[1];                  // ERROR
    //     return W[0] + W[1];
    // }
    @Test
    void activeValuesWrittenIntoFieldArray() {
        expectOne(WriteIntoFieldArray.class, "f",
                "differentiated values written into the array in field dev.fluxion.fixtures.bad.WriteIntoFieldArray.W",
                "Copy the array into a local first (W.clone()) and write into the copy.");
    }

    // @Differentiable static double f(double[] x) {
    //     double[] t = make(2);                // ERROR: make is not @Differentiable, and recursive
    //     t[0] = x[0] * x[1];
    //     return t[0] + t[1];
    // }
    @Test
    void activeValuesWrittenIntoReturnedArray() {
        expectOne(WriteIntoReturnedArray.class, "f",
                "differentiated values in the array returned by dev.fluxion.fixtures.bad.WriteIntoReturnedArray.make(int)"
                        + ", which is not @Differentiable",
                "Annotate it @Differentiable, or allocate the array in the caller and pass it to a @Differentiable "
                        + "method that fills it.");
    }

    // @Differentiable static double f(double[] x) {
    //     double[] a = x.clone();
    //     Object[] box = new Object[1];
    //     box[0] = a;                          // ERROR
    //     return ((double[]) box[0])[0] * a[1];
    // }
    @Test
    void activeArrayStoredIntoObjectArray() {
        expectOne(ArrayInObjectArray.class, "f", "differentiated array stored into an array of java.lang.Object[]",
                "Keep differentiated arrays in double[]/float[] variables or in double[][] arrays; other containers "
                        + "are not differentiated.");
    }

    // @Differentiable static double shift(double[] from, double[] to) { ... to[i] = from[i - 1] * from[i - 1]; ... }
    // @Differentiable static double f(double[] x) {
    //     double[] a = x.clone();
    //     return shift(a, a);                  // ERROR
    // }
    @Test
    void sameArrayPassedTwiceToACalleeThatWritesIt() {
        expectOne(AliasedArguments.class, "f", "arguments 0 and 1 of dev.fluxion.fixtures.bad.AliasedArguments.shift(double[], double[]) "
                + "are the same array, and the callee writes into one of them",
                "Pass a copy (a.clone()) as one of them, so the callee's writes cannot change what it reads.");
    }

    // static double scale(double[] v, double c) { ... }
    // @AdjointOf("scale") static double scaleAdjoint(double[] v, double c, double[] vBar) { ... }
    // @Differentiable static double f(double[] x) {
    //     return scale(x, 2.0) + x[1];         // ERROR
    // }
    @Test
    void adjointRuleWithTheWrongSignature() {
        expectOne(MismatchedRule.class, "f", "the @AdjointOf rule dev.fluxion.fixtures.bad.MismatchedRule.scaleAdjoint(double[], "
                + "double, double[]) does not fit dev.fluxion.fixtures.bad.MismatchedRule.scale(double[], double): it must "
                + "be declared double scaleAdjoint(double[], double, double[], double, double[])",
                "Declare the rule with exactly that signature (see dev.fluxion.AdjointOf), or remove its @AdjointOf "
                        + "annotation.");
    }

    // double times(double v) { return k * v; }                     (an instance method of Gain)
    // @AdjointOf(value = "times", in = Gain.class) static double timesAdjoint(double v, double seed, double[] bars)
    // @Differentiable static double f(double[] x) {
    //     return GAIN.times(x[0]) * x[1];     // ERROR: the rule needs the receiver first
    // }
    @Test
    void adjointRuleOfAnInstanceMethodWithoutTheReceiver() {
        expectOne(RuleWithoutReceiver.class, "f", "the @AdjointOf rule dev.fluxion.fixtures.bad.RuleWithoutReceiver."
                + "timesAdjoint(double, double, double[]) does not fit the instance method dev.fluxion.fixtures.bad."
                + "RuleWithoutReceiver.Gain.times(double): it must be declared double timesAdjoint(dev.fluxion.fixtures."
                + "bad.RuleWithoutReceiver.Gain, double, double, double[])",
                "Declare the rule with exactly that signature (see dev.fluxion.AdjointOf), or remove its @AdjointOf "
                        + "annotation.");
    }

    // @Differentiable static double f(double[] w, double b) { return w[0] * b; }
    // @GradientOf(value = "f", wrt = {0, 1})
    // static double fGradient(double[] w, double b, double[] dw) {
    //     throw Fluxion.notTransformed();      // ERROR: the output for b is missing
    // }
    @Test
    void gradientDeclarationThatDoesNotFit() {
        expectOne(MismatchedGradientOf.class, "fGradient", "@GradientOf method double fGradient(double[], double, double[]) "
                + "does not fit double f(double[], double) differentiated with respect to parameters [0, 1]: it must be "
                + "declared double fGradient(double[], double, double[], double[])",
                "Declare the method with that signature: the parameters of f, then one output per differentiated "
                        + "parameter (an array of the same type for an array, a double[] for a double); it returns the value.");
    }

    // @Differentiable static double f(double[] x) {
    //     double[] a = x.clone();
    //     Arrays.sort(a);                      // ERROR
    //     return a[0] * 2 + a[a.length - 1];
    // }
    /** Each sort past the budget is reported (one or two calls of the model, depending on where the budget ran out). */
    @Test
    void moreModelsThanOneMethodInlines() {
        DifferentiationException e = assertThrows(DifferentiationException.class, () -> transform(ManySorts.class));
        assertTrue(e.diagnostics().size() >= 1);
        for (Diagnostic d : e.diagnostics()) {
            assertTrue(d.message().matches("fluxion: dev\\.fluxion\\.fixtures\\.bad\\.ManySorts\\.f\\(ManySorts\\.java:2[0-9]\\): "
                    + "active value passed to dev\\.fluxion\\.internal\\.JdkModels\\.sort\\(double\\[\\](, int, int)?\\), "
                    + "Fluxion's model of a JDK method or stream pipeline, which it could not inline here: the method's "
                    + "helpers, models and pipelines together are more code than Fluxion inlines into one method\\. Split "
                    + "the method: move some of its sorts or pipelines into @Differentiable methods of their own, which it "
                    + "calls\\."), d.message());
        }
    }

    @Test
    void aLambdaOfAnotherClassPassedWhereItsCallsAreNotInView() {
        expectOne(LambdaOfAnotherClassPassedOn.class, "f", "a lambda made by a helper of "
                + "dev.fluxion.fixtures.bad.Scalers is used where Fluxion cannot follow its calls, in a class that may not "
                + "reach its body", "Call the lambda in code Fluxion inlines (pass it to a small helper, not to a library "
                        + "method), or make the lambda where it is used.");
    }

    @Test
    void activeArrayScannedByLibrary() {
        expectOne(ActiveArrayScannedInPlace.class, "f",
                "active value passed to java.util.Arrays.parallelPrefix(double[], java.util.function.DoubleBinaryOperator), a JDK "
                        + "method Fluxion does not differentiate",
                "Compute the value in a @Differentiable method of your own, or give a static method a derivative "
                        + "with @AdjointOf.");
    }

    // static final class Box { double v; void put(double x) { v = x; } }
    // static final Box SHARED = new Box();
    // @Differentiable static double f(double[] p) {
    //     SHARED.put(p[0] * p[0]);             // ERROR: put, differentiated through, stores the value in a
    //     return SHARED.v + p[1];              //        field of a shared object, and SHARED.v reads it back
    // }
    @Test
    void activeValueKeptByAPlainMethod() {
        expectOne(ValueKeptByAPlainMethod.class, "f",
                "active value written to field dev.fluxion.fixtures.bad.ValueKeptByAPlainMethod.Box.v (Fluxion kept "
                        + "this method's objects as they are: a mutable object from outside (a field, an array, a "
                        + "call's result) is used)",
                "Keep differentiated values in local variables and return them; fields are not differentiated.");
    }

    // @Differentiable static void keep(double v) { kept = v * v; }      // ERROR: a field
    // @Differentiable static double f(double[] x) {
    //     keep(x[0]);                          // ERROR: keep cannot be differentiated
    //     return kept + x[1];
    // }
    @Test
    void callerOfACalleeThatCannotBeDifferentiated() {
        Class<?> fixture = CallsAFailingCallee.class;
        DifferentiationException e = assertThrows(DifferentiationException.class, () -> transform(fixture));
        List<Integer> lines = errorLines(fixture);
        String cls = fixture.getName();
        List<String> messages = e.diagnostics().stream().map(Diagnostic::message).toList();
        String keep = cls + ".keep(CallsAFailingCallee.java:" + lines.get(0) + "): active value written to field "
                + cls + ".kept";
        assertEquals(List.of("fluxion: " + keep + ". Keep differentiated values in local variables and return them; "
                + "fields are not differentiated.",
                "fluxion: " + cls + ".f(CallsAFailingCallee.java:" + lines.get(1) + "): active value passed to " + cls
                        + ".keep(double), which cannot be differentiated (" + keep + "). Fix that method first: its "
                        + "own message says how."), messages);
    }

    // static double[] last;
    // @Differentiable static double f(double[] x) {
    //     double[] a = x.clone();
    //     a[0] = a[0] * a[1];
    //     last = a;                            // ERROR
    //     return a[0];
    // }
    @Test
    void activeArrayStoredIntoField() {
        expectOne(ActiveArrayInField.class, "f",
                "active value written to field dev.fluxion.fixtures.bad.ActiveArrayInField.last",
                "Keep differentiated values in local variables and return them; fields are not differentiated.");
    }

    // @Differentiable static double f(double[] x) {
    //     double[] a = x.clone();
    //     DoubleSupplier first = x[2] > 0 ? () -> a[0] : () -> a[1];   // ERROR: chosen at run time
    //     return first.getAsDouble() * a[1];
    // }
    @Test
    void activeArrayCapturedByLambda() {
        expectOne(ActiveArrayCapturedByLambda.class, "f", "active value captured by a lambda that Fluxion cannot follow to its calls (it is stored, returned, chosen by a "
                        + "branch, or passed to a method that is not inlined)",
                "Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines (one that "
                        + "is not recursive), so each call runs its body in view.");
    }

    // @Differentiable static void swapRows(double[][] m, int i, int j) { ... m[i] = m[j]; m[j] = t; }
    // @Differentiable static double f(double[] x) {
    //     double[][] m = {{x[0], x[1]}, {x[2], x[3]}};
    //     swapRows(m, 0, 1);                   // ERROR: was a silently wrong gradient
    //     ...
    // }
    @Test
    void calleeMovingRowsOfActiveArray() {
        expectOne(CalleeMovesRows.class, "f",
                "differentiated double[][] passed to dev.fluxion.fixtures.bad.CalleeMovesRows.swapRows(double[][], int, int), which "
                        + "may replace or move its rows",
                "Replace or move rows (m[i] = row, arraycopy of rows) in this method; a @Differentiable callee may "
                        + "write the elements of the rows.");
    }

    // static double last;
    // @Differentiable static double f(double[] x) {
    //     double y = x[0] * x[1];
    //     last = y;                            // ERROR
    //     return y;
    // }
    @Test
    void activeValueWrittenToStaticField() {
        expectOne(ActiveStaticFieldWrite.class, "f",
                "active value written to field dev.fluxion.fixtures.bad.ActiveStaticFieldWrite.last",
                "Keep differentiated values in local variables and return them; fields are not differentiated.");
    }

    // @Differentiable static double f(double[] x) {
    //     double[] out = new double[x.length];
    //     try {
    //         Model.squares(x, out);               // ERROR: @Differentiable, of another class
    //     } catch (IllegalArgumentException e) {
    //         return 0;
    //     }
    //     return out[0] + out[out.length - 1];
    // }
    @Test
    void callThrowingInTryBlock() {
        expectOne(CallThrowingInTryBlock.class, "f", "a call to "
                + "dev.fluxion.fixtures.bad.CallThrowingInTryBlock.Model.squares(double[], double[]), which is "
                + "differentiated as a call of its own, inside a try block whose handler may catch what it throws: if it "
                + "throws half-way, Fluxion cannot reverse the part that ran", "Catch the exception inside that method, "
                + "move the try/catch out of the @Differentiable method, or, for a helper of this class, remove its "
                + "@Differentiable: Fluxion then inlines it into the try block and follows the throw.");
    }

    // @Differentiable static double f(double[] x) {
    //     double s;
    //     try {
    //         s = Arrays.stream(x).map(v -> v * v).sum(); // ERROR
    //     } catch (IllegalStateException e) {
    //         s = 0;
    //     }
    //     return s;
    // }
    @Test
    void streamInTryBlock() {
        expectOne(StreamInTryBlock.class, "f", "a call to java.util.Arrays.stream inside a try block, which Fluxion "
                + "replaces by code of its own (a stream, a lambda, a list's method, a model of a JDK method): an "
                + "exception thrown there would not reach the handler", "Move the call out of the try block, or catch "
                + "the exception inside a helper the call is in.");
    }

    // @Differentiable static double f(double[] x) {
    //     double s = x[0];
    //     synchronized (LOCK) {                // ERROR
    //         s = s * x[1];
    //     }
    //     return s;
    // }
    @Test
    void synchronizedBlock() {
        expectOne(SynchronizedBlock.class, "f", "synchronized block",
                "Remove the synchronized block; a @Differentiable method should be a pure function of its arguments.");
    }

    // @Differentiable static synchronized double f(double[] x) {
    //     double s = x[0] * x[1];              // ERROR: first line of the body
    //     return s;
    // }
    @Test
    void synchronizedMethod() {
        expectOne(SynchronizedMethod.class, "f", "synchronized method",
                "Remove 'synchronized'; a @Differentiable method should be a pure function of its arguments.");
    }

    // @Differentiable static int f(double[] x) {
    //     int n = x.length;                    // ERROR: first line of the body
    //     return n + (int) x[0];
    // }
    @Test
    void methodReturningInt() {
        expectOne(ReturnsInt.class, "f",
                "the method returns int; only methods returning double or float, double[] or float[] (or void "
                        + "methods that write their results into array parameters) can be differentiated",
                RETURN_TYPE_ADVICE);
    }

    // @Differentiable static int[] f(double[] x) {
    //     double s = x[0] * x[1];              // ERROR: first line of the body
    //     return new int[] {(int) s};
    // }
    @Test
    void methodReturningArray() {
        expectOne(ReturnsArray.class, "f",
                "the method returns int[]; only methods returning double or float, double[] or float[] (or void "
                        + "methods that write their results into array parameters) can be differentiated",
                RETURN_TYPE_ADVICE);
    }

    // @Differentiable static double f(double[] x) {
    //     double y = x[0] * x[1];
    //     Holder h = new Holder(y);            // ERROR: it escapes into a static field
    //     last = h;
    //     return h.value;
    // }
    @Test
    void activeValuePassedToConstructor() {
        expectOne(ActiveConstructorArgument.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.ActiveConstructorArgument.Holder "
                        + "(Fluxion kept this method's objects as they are: an object is stored in the field "
                        + "dev.fluxion.fixtures.bad.ActiveConstructorArgument.last)",
                OBJECT_ADVICE);
    }

    // record Point(double v) {}
    // static final List<Point> SEEN = new ArrayList<>();
    // @Differentiable static double f(double[] x) {
    //     SEEN.add(new Point(x[0] * x[1]));    // ERROR: the record escapes into a list from outside
    //     return SEEN.get(SEEN.size() - 1).v();
    // }
    @Test
    void valueObjectThatEscapes() {
        expectOne(EscapingValueObject.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.EscapingValueObject.Point (Fluxion "
                        + "kept this method's objects as they are: an object is passed to java.util.List.add("
                        + "java.lang.Object), which is not inlined)",
                OBJECT_ADVICE);
    }

    // List<Body> bodies = new ArrayList<>();
    // bodies.add(new Body(p[0]));            // ERROR
    // Body old = bodies.get(0);
    // bodies.set(0, new Body(2));            // old is no longer in the list
    // return old.x * bodies.get(0).x;
    @Test
    void listElementUsedAfterSetReplacedIt() {
        expectOne(ListElementUsedAfterSet.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.ListElementUsedAfterSet.Body (Fluxion kept this method's objects as they are: "
                        + "an element of a list is used after its slot may be given another object)",
                OBJECT_ADVICE);
    }

    // Body b = new Body(p[0]);               // ERROR
    // bodies.add(b);
    // bodies.add(b);                         // one object, two slots
    @Test
    void objectAddedToAListTwice() {
        expectOne(ObjectAddedTwice.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.ObjectAddedTwice.Body (Fluxion kept this method's objects as they are: one "
                        + "object is stored in two slots of a list (added twice, or stored twice))",
                OBJECT_ADVICE);
    }

    // bodies.add(new Body(p[0]));            // ERROR
    // Body first = bodies.get(0);
    // for (int i = 1; i < p.length; i++) bodies.add(new Body(p[i]));   // the list may grow
    // first.x *= 2;
    @Test
    void listElementUsedAfterTheListGrew() {
        expectOne(ListElementUsedAfterGrowth.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.ListElementUsedAfterGrowth.Body "
                        + "(Fluxion kept this method's objects as they are: an element of a list is used after the list may have "
                        + "grown (add copies its objects to a longer array): read the element from the list again after adding)",
                OBJECT_ADVICE);
    }

    // points.add(new Point(p[0]));           // ERROR
    // points.add(new Point(p[1]));
    // points.remove(0);                      // not followed
    @Test
    void listWithAMethodFluxionDoesNotFollow() {
        expectOne(ListWithRemove.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.ListWithRemove.Point (Fluxion kept this method's objects as they are: "
                        + "an object is put in a list that Fluxion does not follow: java.util.List.remove(int) is called on "
                        + "it, and Fluxion follows only add, get, set, size, isEmpty and iteration on an ArrayList)",
                OBJECT_ADVICE);
    }

    // points.add(new Point(p[0]));           // ERROR
    // points.add(new Point(p[1]));
    // Collections.reverse(points);           // the list given to the JDK
    @Test
    void listPassedToALibrary() {
        expectOne(ListPassedToALibrary.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.ListPassedToALibrary.Point (Fluxion kept this method's objects as they are: "
                        + "an object is put in a list that Fluxion does not follow: the list is passed to "
                        + "java.util.Collections.reverse(java.util.List), which is not inlined)",
                OBJECT_ADVICE);
    }

    // bodies.add(new Body(p[0]));            // ERROR
    // bodies.add(ORIGIN);                    // an object from outside in the same list
    @Test
    void listOfObjectsMadeHereAndFromOutside() {
        expectOne(ListOfObjectsFromOutside.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.ListOfObjectsFromOutside.Body "
                        + "(Fluxion kept this method's objects as they are: a list holds objects made here and objects from "
                        + "outside the method (a field's, a parameter's, a call's result))",
                OBJECT_ADVICE);
    }

    // StringBuilder sb = new StringBuilder();
    // sb.append(x[0] * x[0]);
    // return Double.parseDouble(sb.toString()) + x[1];   // ERROR: the value comes back through text
    @Test
    void numberReadBackFromText() {
        expectOne(NumberReadBackFromText.class, "f", "a number read from text (java.lang.Double.parseDouble("
                + "java.lang.String)) in a method that turns differentiated values into text", "Fluxion does not follow "
                        + "derivatives through text: compute with the numbers themselves, and read your input outside "
                        + "the @Differentiable method.");
    }

    // return Double.longBitsToDouble(Double.doubleToRawLongBits(x[0]) & 0x7fff...L) * x[1];   // ERROR
    @Test
    void bitsOfADouble() {
        expectOne(BitsOfADouble.class, "f", "active value passed to java.lang.Double.doubleToRawLongBits(double), a JDK "
                + "method Fluxion does not differentiate", "Compute the value in a @Differentiable method of your own, or "
                        + "give a static method a derivative with @AdjointOf.");
    }

    // OptionalDouble m = Arrays.stream(y).max();   // ERROR: the stream reads y here
    // y[0] = 10 * x[0];
    // return m.getAsDouble();                // a loop here would read it changed
    @Test
    void arrayWrittenBetweenAStreamsMaximumAndItsRead() {
        expectOne(ArrayWrittenBeforeItsMaximumIsRead.class, "f",
                "active value passed to java.util.Arrays.stream(double[]), a stream pipeline Fluxion follows elsewhere but "
                        + "could not replace by a loop here (java.util.Arrays.stream(double[]).max(..)): a loop in its place "
                        + "would not read what the stream read, for example an array written before the stream's result "
                        + "is used",
                "Fluxion follows streams over arrays, slices, IntStream.range and lists with map, filter, sorted, limit "
                        + "and skip, ending in sum(), reduce, toArray, max, min or average; write other pipelines as a loop.");
    }

    // Cell[] cells = new Cell[2];
    // Cell first = new Cell();
    // cells[0] = first;
    // cells[1] = new Cell();
    // first.value = x[0] * x[1];              // ERROR: also cells[0].value
    @Test
    void objectChangedAfterItIsStoredInAnArray() {
        expectOne(ObjectChangedAfterStored.class, "f",
                "active value written to field dev.fluxion.fixtures.bad.ObjectChangedAfterStored.Cell.value (Fluxion "
                        + "kept this method's objects as they are: an object stored in an array of "
                        + "dev.fluxion.fixtures.bad.ObjectChangedAfterStored.Cell is used through another variable too)",
                OBJECT_ADVICE);
    }

    // bodies[0] = new Body(p[0], p[1]);      // ERROR
    // Body old = bodies[0];
    // bodies[0] = new Body(old.x + old.v, old.v);   // the slot given another object
    // return old.x;                          // the first one still
    @Test
    void elementUsedAfterItsSlotIsGivenAnotherObject() {
        expectOne(SlotGivenAnotherObject.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.SlotGivenAnotherObject.Body (Fluxion "
                        + "kept this method's objects as they are: an element of an array of "
                        + "dev.fluxion.fixtures.bad.SlotGivenAnotherObject.Body is used after its slot may be given another "
                        + "object)",
                OBJECT_ADVICE);
    }

    // Body[] bodies = {new Body(p[0], p[1]), new Body(p[1], p[0])};   // ERROR
    // Body fastest = null;
    // for (Body b : bodies) if (fastest == null || b.v > fastest.v) fastest = b;
    // bodies[0] = new Body(0, 0);            // the slot fastest may have chosen given another object
    // return fastest.x;
    @Test
    void chosenElementUsedAfterItsSlotIsGivenAnotherObject() {
        expectOne(ChosenSlotGivenAnotherObject.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.ChosenSlotGivenAnotherObject.Body "
                        + "(Fluxion kept this method's objects as they are: a variable that chooses an element of an array of "
                        + "dev.fluxion.fixtures.bad.ChosenSlotGivenAnotherObject.Body is used after the element's slot may be "
                        + "given another object: choose the element's index (an int) instead, and read the element when it is "
                        + "used)",
                OBJECT_ADVICE);
    }

    // Body best = null;
    // for (int round = 0; round < 2; round++) {
    //     Body[] bodies = {new Body(p[0] * round, p[1]), new Body(p[1], p[0])};   // ERROR
    //     for (Body b : bodies) if (best == null || b.v > best.v) best = b;   // best: perhaps last round's
    //     total += best.x;
    // }
    @Test
    void variableChoosesFromAnArrayMadeAgain() {
        expectOne(ChosenFromAnEarlierArray.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.ChosenFromAnEarlierArray.Body (Fluxion "
                        + "kept this method's objects as they are: a variable that chooses an element of an array of "
                        + "dev.fluxion.fixtures.bad.ChosenFromAnEarlierArray.Body may keep it while the array is made again "
                        + "(it is declared before the loop that makes the array): declare it after)",
                OBJECT_ADVICE);
    }

    // List<Point> pts = List.of(new Point(p[0], p[1]), new Point(p[1], p[0]));   // ERROR
    // List<Point> moved = pts.stream().map(q -> new Point(q.x() + 1, q.y())).filter(q -> q.x() > 0)
    //         .collect(Collectors.toList());      a filter after the map: not followed
    @Test
    void listStreamedIntoObjects() {
        expectOne(StreamMappedToObjects.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.StreamMappedToObjects.Point (Fluxion "
                        + "kept this method's objects as they are: an object is put in a list that Fluxion does not follow: it "
                        + "is streamed in a pipeline Fluxion does not follow: it follows stream().mapToDouble(f), perhaps after "
                        + "one filter(p) or one map(g) to objects, ending as a DoubleStream does (sum, average, max, min, "
                        + "reduce, toArray), stream().map(g).toList() (then only read) or collect(Collectors.toList()), and "
                        + "stream().max(Comparator.comparingDouble(key)).get() (or min); not other collectors, nor more steps "
                        + "between stream() and toList())",
                OBJECT_ADVICE);
    }

    // List<Point> moved = pts.stream().map(q -> new Point(q.x() + 1, q.y())).toList();
    // moved.set(0, new Point(0, 0));              toList()'s list cannot be changed: the JDK's throws
    @Test
    void aListThatToListMadeChanged() {
        expectOne(StreamToListChanged.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.StreamToListChanged.Point (Fluxion "
                        + "kept this method's objects as they are: an object is put in a list that Fluxion does not follow: it "
                        + "is streamed in a pipeline Fluxion does not follow: it follows stream().mapToDouble(f), perhaps after "
                        + "one filter(p) or one map(g) to objects, ending as a DoubleStream does (sum, average, max, min, "
                        + "reduce, toArray), stream().map(g).toList() (then only read) or collect(Collectors.toList()), and "
                        + "stream().max(Comparator.comparingDouble(key)).get() (or min); not other collectors, nor more steps "
                        + "between stream() and toList())",
                OBJECT_ADVICE);
    }

    // Particle kept = null;
    // for (int i = 0; i < p.length; i++) {
    //     Particle q = new Particle(p[i]);   // ERROR
    //     if (i == 0) kept = q;              // kept: the first; q: made again each round
    // }
    // return kept.x * 10;
    @Test
    void variableKeepsAnObjectMadeAgain() {
        expectOne(OneOfObjectsMadeAgain.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.OneOfObjectsMadeAgain.Particle (Fluxion "
                        + "kept this method's objects as they are: a variable may be one of several mutable objects, and one "
                        + "of them is made again (in a loop) while the variable may still be the one made before)",
                OBJECT_ADVICE);
    }

    // Body[] bodies = {new Body(p[0], p[1]), new Body(p[1], p[0])};   // ERROR
    // Body pick = p[0] > 0 ? bodies[1] : new Body(1, 2);   // an element, or an object of its own
    @Test
    void variableHoldsAnElementOrANewObject() {
        expectOne(ElementOrNewObject.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.ElementOrNewObject.Body (Fluxion "
                        + "kept this method's objects as they are: a variable holds either an element of an array of "
                        + "dev.fluxion.fixtures.bad.ElementOrNewObject.Body or another object)",
                OBJECT_ADVICE);
    }

    // DoubleSummaryStatistics stats = Arrays.stream(p).map(v -> v * v).summaryStatistics();   // ERROR
    @Test
    void streamPipelineNotFollowedIsNamed() {
        expectOne(StreamSummaryStatistics.class, "f",
                "active value passed to java.util.Arrays.stream(double[]), the source of a stream pipeline Fluxion does "
                        + "not follow (java.util.Arrays.stream(double[]).map(..).summaryStatistics(..))",
                "Fluxion follows streams over arrays, slices, IntStream.range and lists with map, filter, sorted, limit "
                        + "and skip, ending in sum(), reduce, toArray, max, min or average; write other pipelines as a loop.");
    }

    // return MODEL.eval(x[0], WEIGHTS);   // ERROR: eval may be overridden by one that writes into WEIGHTS
    @Test
    void dataInAFieldGivenToAnOverridableMethodNamesTheCall() {
        expectOne(DataToOverridable.class, "f",
                "differentiated values may be written into the array in field "
                        + "dev.fluxion.fixtures.bad.DataToOverridable.WEIGHTS by the call of "
                        + "dev.fluxion.fixtures.bad.DataToOverridable.Model.eval(double, double[]), which Fluxion cannot "
                        + "see only reads it (a subclass may override it, say)",
                "Make that method final, private or static (or its class final), so Fluxion sees what it does with the "
                        + "array, or pass a copy (WEIGHTS.clone()).");
    }

    // IntStream.iterate(0, i -> i < x.length, i -> i + 2).mapToDouble(i -> x[i] * x[i]).sum();   // ERROR
    @Test
    void aLambdaGivenToAStreamNotFollowedNamesThePipeline() {
        expectOne(StreamIterate.class, "f",
                "active value captured by a lambda given to the source of a stream pipeline Fluxion does not follow "
                        + "(java.util.stream.IntStream.iterate(int, java.util.function.IntPredicate, "
                        + "java.util.function.IntUnaryOperator).mapToDouble(..).sum(..))",
                "Fluxion follows streams over arrays, slices, IntStream.range and lists with map, filter, sorted, limit "
                        + "and skip, ending in sum(), reduce, toArray, max, min or average; write other pipelines as a loop.");
    }

    // Cell[][] grid = new Cell[n][n];
    // grid[i][j] = new Cell(p[i * n + j], k);   // ERROR: a grid of objects is an array of arrays of them
    @Test
    void gridOfObjectsNamesTheOneDimensionalWay() {
        expectOne(GridOfCells.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.GridOfCells.Cell (Fluxion kept this "
                        + "method's objects as they are: an object is read from an array of arrays of objects "
                        + "(dev.fluxion.fixtures.bad.GridOfCells.Cell[][]), which Fluxion does not split as it splits a "
                        + "dev.fluxion.fixtures.bad.GridOfCells.Cell[]: index one dev.fluxion.fixtures.bad.GridOfCells.Cell[] "
                        + "of rows * columns elements as [i * columns + j])",
                OBJECT_ADVICE);
    }

    // Cell proto = new Cell();
    // proto.a = p[0];                        // ERROR
    // for (int j = 0; j < cells.length; j++) cells[j] = proto;   // one object in every slot
    @Test
    void oneObjectStoredIntoEverySlot() {
        expectOne(OneObjectInEverySlot.class, "f",
                "active value written to field dev.fluxion.fixtures.bad.OneObjectInEverySlot.Cell.a (Fluxion kept this "
                        + "method's objects as they are: an object stored in an array of "
                        + "dev.fluxion.fixtures.bad.OneObjectInEverySlot.Cell is used through another variable too)",
                OBJECT_ADVICE);
    }

    // cells[i] = new Cell();
    // cells[i].value = x[i] * x[i];          // ERROR
    // SEEN.add(cells[0]);                    // an element given to a library: the array stays
    @Test
    void elementOfAnArrayOfObjectsPassedToALibrary() {
        expectOne(ElementPassedToALibrary.class, "f",
                "active value written to field dev.fluxion.fixtures.bad.ElementPassedToALibrary.Cell.value (Fluxion "
                        + "kept this method's objects as they are: an element of an array of "
                        + "dev.fluxion.fixtures.bad.ElementPassedToALibrary.Cell: an object is passed to "
                        + "java.util.List.add(java.lang.Object), which is not inlined)",
                OBJECT_ADVICE);
    }

    // Odd(double x) { b = twiceA(); a = x; }   // twiceA() reads a before it is assigned: b is 0
    // @Differentiable static double f(double[] x) {
    //     Odd o = new Odd(x[0]);               // ERROR: not replaced by its numbers, so reported
    //     return o.a * o.b + x[0];
    // }
    @Test
    void valueObjectWhoseConstructorReadsAFieldBeforeAssigningIt() {
        expectOne(FieldReadBeforeAssigned.class, "f",
                "active value passed to the constructor of dev.fluxion.fixtures.bad.FieldReadBeforeAssigned.Odd (Fluxion "
                        + "kept this method's objects as they are: field a read before it is assigned)",
                OBJECT_ADVICE);
    }

    // @Differentiable static double good(double[] x) { return x[0] * x[1]; }
    // @Differentiable static double storesField(double[] x) {
    //     double y = Math.sin(x[0]);
    //     last = y;                            // ERROR
    //     return y;
    // }
    // @Differentiable static double callsLibrary(double[] x) {
    //     double y = x[0] + x[1];
    //     return plain(y);                     // ERROR: plain is recursive, not differentiated through
    // }
    @Test
    void allDiagnosticsOfAClassAtOnce() {
        Class<?> fixture = TwoBadMethods.class;
        DifferentiationException e = assertThrows(DifferentiationException.class, () -> transform(fixture));
        List<Integer> lines = errorLines(fixture);
        assertEquals(2, lines.size(), "the fixture marks two lines with // ERROR");
        List<Diagnostic> ds = e.diagnostics();
        assertEquals(2, ds.size(), () -> "expected two diagnostics, got:\n" + e.getMessage());
        String cls = "dev.fluxion.fixtures.bad.TwoBadMethods";
        assertEquals("fluxion: " + cls + ".storesField(TwoBadMethods.java:" + lines.get(0) + "): active value written "
                + "to field " + cls + ".last. Keep differentiated values in local variables and return them; fields "
                + "are not differentiated.", ds.get(0).message());
        assertEquals("fluxion: " + cls + ".callsLibrary(TwoBadMethods.java:" + lines.get(1) + "): active value passed "
                + "to " + cls + ".plain(double), which is not @Differentiable, and not a helper Fluxion differentiates through (one it can read, that no "
                + "subclass overrides, not recursive, at most 500 instructions). " + NOT_DIFFERENTIABLE_ADVICE,
                ds.get(1).message());
        assertEquals(ds.stream().map(Diagnostic::message).collect(Collectors.joining("\n")), e.getMessage());
    }

    // @Differentiable static double f(double[] x) {
    //     last = x[0];                         // ERROR: a field
    //     double y = plain(x[1]);              // ERROR: not @Differentiable
    //     double k = x[0] * y;
    //     DoubleUnaryOperator scale = x[2] > 0 ? v -> k * v : v -> v / k;   // ERROR: lambdas chosen at run time
    //     return scale.applyAsDouble(y) + y;
    // }
    @Test
    void everyProblemOfAMethodInOneReport() {
        Class<?> fixture = SeveralProblems.class;
        DifferentiationException e = assertThrows(DifferentiationException.class, () -> transform(fixture));
        List<Integer> lines = errorLines(fixture);
        assertEquals(lines, e.diagnostics().stream().map(Diagnostic::line).toList(), e.getMessage());
        List<String> problems = e.diagnostics().stream().map(Diagnostic::problem).toList();
        String cls = fixture.getName();
        assertEquals(List.of("active value written to field " + cls + ".last",
                "active value passed to " + cls + ".plain(double), which is not @Differentiable, and not a helper Fluxion differentiates through (one it can read, that no "
                + "subclass overrides, not recursive, at most 500 instructions)",
                "active value captured by a lambda that Fluxion cannot follow to its calls (it is stored, returned, chosen by a "
                        + "branch, or passed to a method that is not inlined)"), problems);
    }

    /** The agent's way: the class keeps the derivatives of the method that can be differentiated. */
    @Test
    void oneMethodsFailureIsItsOwn() throws Exception {
        Transformer.Result r = transformer().transformEach(classBytes(TwoBadMethods.class));
        assertEquals(List.of("storesField", "callsLibrary"), r.problems().stream().map(Diagnostic::method).toList());
        assertNotNull(r.bytes());
        TransformingClassLoader.verify(TwoBadMethods.class.getName(), r.bytes());
        var names = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(r.bytes()).accept(names, 0);
        List<String> generated = names.methods.stream().map(m -> m.name).filter(n -> n.startsWith("fluxion$")).toList();
        assertTrue(generated.contains("fluxion$adjoint$good") && generated.contains("fluxion$tangent$good"), generated.toString());
        assertTrue(generated.stream().noneMatch(n -> n.endsWith("$storesField") || n.endsWith("$callsLibrary")),
                generated.toString());
    }

    // @Differentiable static double f(double[] x) {
    //     int evaluations = 0;
    //     double s = 0;
    //     for (int i = 0; i < x.length; i++) { s += x[i] * x[i]; evaluations++; }
    //     System.out.println(x[0]);
    //     String message = "s = " + s + " after " + evaluations + " terms, x[0] = " + x[0];
    //     ...
    //     return s;
    // }
    @Test
    void codeBesideTheComputationIsAccepted() {
        byte[] out = transform(BesideComputation.class);
        assertNotNull(out, "BesideComputation should have been transformed");
        TransformingClassLoader.verify(BesideComputation.class.getName(), out);
    }

    // String.format("s = %.3f, x0 = %s", s, x[0]); System.out.printf(...); new StringBuilder().append(s);
    // Arrays.toString(x); LOG.fine(line); LOG.fine(() -> ...); Double.isNaN(s); Double.toString(s)
    @Test
    void valuesShownBesideTheComputationAreAccepted() {
        byte[] out = transform(ShownNotComputed.class);
        assertNotNull(out, "ShownNotComputed should have been transformed");
        TransformingClassLoader.verify(ShownNotComputed.class.getName(), out);
    }

    @Test
    void classWithoutDifferentiableMethodsIsLeftAlone() {
        assertNull(transform(NotAnnotated.class));
    }

    @Test
    void transformedClassIsNotTransformedAgain() {
        byte[] once = transform(BesideComputation.class);
        assertNotNull(once);
        assertNull(transformer().transform(once));
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Transforms {@code fixture}, expects exactly one diagnostic, at the line marked {@code // ERROR},
     * and checks every part of it and its rendered message.
     */
    static Diagnostic expectOne(Class<?> fixture, String method, String problem, String advice) {
        return expectOne(fixture, classBytes(fixture), method, problem, advice);
    }

    /** As above, for the fixture's class file changed to {@code bytes}. */
    static Diagnostic expectOne(Class<?> fixture, byte[] bytes, String method, String problem, String advice) {
        DifferentiationException e = assertThrows(DifferentiationException.class, () -> transformer().transform(bytes),
                () -> fixture.getSimpleName() + " should not be differentiable");
        assertEquals(1, e.diagnostics().size(), () -> "expected one diagnostic, got:\n" + e.getMessage());
        Diagnostic d = e.diagnostics().get(0);
        int line = errorLine(fixture);
        String sourceFile = fixture.getSimpleName() + ".java";
        String expected = "fluxion: " + fixture.getName() + "." + method + "(" + sourceFile + ":" + line + "): "
                + problem + ". " + advice;
        assertEquals(expected, d.message());
        assertEquals(fixture.getName().replace('.', '/'), d.owner());
        assertEquals(method, d.method());
        assertEquals(sourceFile, d.sourceFile());
        assertEquals(line, d.line(), "line of the diagnostic");
        assertEquals(problem, d.problem());
        assertEquals(advice, d.advice());
        assertFalse(d.advice().isBlank(), "the diagnostic must say what to do");
        assertTrue(d.advice().endsWith("."), "the advice must be a full sentence: " + d.advice());
        assertEquals(expected, e.getMessage());
        return d;
    }

    private static Transformer transformer() {
        return new Transformer(ClassFileLocator.ofClassLoader(DiagnosticsTest.class.getClassLoader()), null);
    }

    private static byte[] transform(Class<?> fixture) {
        return transformer().transform(classBytes(fixture));
    }

    /** {@code bytes} with every call of a static method of a nested class made a call of the same method of {@code owner}. */
    private static byte[] callsMovedTo(String owner, byte[] bytes) {
        ClassWriter out = new ClassWriter(0);
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, out) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String o, String n, String d, boolean isInterface) {
                        super.visitMethodInsn(opcode, opcode == Opcodes.INVOKESTATIC && o.contains("$") ? owner : o, n, d,
                                isInterface);
                    }
                };
            }
        }, 0);
        return out.toByteArray();
    }

    /** The fixture's class file, as found on the test class path. */
    private static byte[] classBytes(Class<?> fixture) {
        String resource = fixture.getName().replace('.', '/') + ".class";
        try (InputStream in = DiagnosticsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "class file not found: " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single line of {@code fixture}'s source marked {@code // ERROR}. */
    private static int errorLine(Class<?> fixture) {
        List<Integer> lines = errorLines(fixture);
        assertEquals(1, lines.size(), () -> fixture.getSimpleName() + ".java must mark exactly one line with // ERROR");
        return lines.get(0);
    }

    /** The 1-based numbers of the lines of {@code fixture}'s source marked {@code // ERROR}, in order. */
    private static List<Integer> errorLines(Class<?> fixture) {
        List<String> source;
        try {
            source = Files.readAllLines(sourceOf(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains("// ERROR")) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    /**
     * The fixture's source file. Maven runs tests in the module directory (and sets {@code basedir});
     * an IDE may run them from the repository root.
     */
    private static Path sourceOf(Class<?> fixture) {
        String relative = "src/test/java/" + fixture.getName().replace('.', '/') + ".java";
        List<Path> candidates = new ArrayList<>();
        String basedir = System.getProperty("basedir");
        if (basedir != null && !basedir.isEmpty()) {
            candidates.add(Path.of(basedir, relative));
        }
        candidates.add(Path.of(relative));
        candidates.add(Path.of("transformer", relative));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("source of " + fixture.getName() + " not found; tried " + candidates);
    }
}
