package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.frontend.ListsMadeHere;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What to say about a call into a library that takes a differentiated value where Fluxion cannot
 * follow it (the call is not a side channel, {@link SideChannels}): a box ({@code Double.valueOf},
 * which a {@code List<Double>}, a Kotlin {@code Double?}, a generic type or a Kotlin function type
 * makes) that the frontend's {@code Boxes} could not replace by its number, or a compiled function of Kotlin's standard library ({@code DoubleArray.sum()}); its
 * inline functions ({@code sumOf}, {@code DoubleArray(n) { ... }}, {@code repeat}) are compiled into
 * the caller and differentiated with it.
 */
final class LibraryCalls {
    private static final Set<String> BOXES = Set.of("java/lang/Double", "java/lang/Float");

    private LibraryCalls() {
    }

    /** The diagnostic for {@code call}, which takes a differentiated value, or {@code null} if it is no such call. */
    static Unsupported unsupported(Instruction call) {
        MemberRef m = call.member();
        if (isBox(m)) {
            return new Unsupported(call.line(), "active value boxed into a " + Type.getReturnType(m.descriptor()).getClassName()
                    + " (" + JavaSyntax.method(m) + ") that goes where Fluxion cannot follow it" + listKept(call), "Fluxion follows "
                            + "Doubles kept in the method: locals (null too), Double[] arrays and lists made there "
                            + "(List.of, Arrays.asList, an ArrayList), read, iterated, sorted (Collections.sort, "
                            + "List.sort) and searched (Collections.max, min); not a box put in a list or a field from "
                            + "outside, passed to a method that is not inlined or compared with ==, nor a Float. Else "
                            + "keep differentiated values in double and double[] (Kotlin: Double and DoubleArray; "
                            + "listOf, a Double?, a value of a generic type and the parameters of a lambda that is not "
                            + "inlined are boxes).");
        }
        if (isKotlinLibrary(m)) {
            return new Unsupported(call.line(), "active value passed to " + JavaSyntax.method(m) + ", a function of "
                    + "Kotlin's standard library that Fluxion does not differentiate", "Write the loop in a "
                            + "@Differentiable function (for (i in x.indices) s += x[i]), or use an inline function of the "
                            + "standard library, which kotlinc compiles into your function (x.sumOf { it }, "
                            + "DoubleArray(n) { i -> ... }, repeat(n) { ... }); lists of values hold boxes, which are not "
                            + "differentiated.");
        }
        return null;
    }

    /** Why the list made in the method that the box is put in is kept as the JDK's list, in parentheses; else nothing. */
    private static String listKept(Instruction box) {
        for (Instruction user : box.users()) {
            if (user.op() == Op.INVOKE && user.opcode() != Opcodes.INVOKESTATIC && user.operand(0) != box) {
                String why = ListsMadeHere.whyKept(user.operand(0));
                if (why != null) {
                    return " (it is put in a list that Fluxion keeps as the JDK's: " + why + ")";
                }
            }
        }
        return "";
    }

    /** Kotlin's standard library, whose functions no user can annotate. */
    static boolean isKotlinLibrary(MemberRef m) {
        return m.owner().startsWith("kotlin/");
    }

    private static boolean isBox(MemberRef m) {
        Type[] args = Type.getArgumentTypes(m.descriptor());
        return BOXES.contains(m.owner()) && m.name().equals("valueOf") && args.length == 1
                && args[0].getSort() != Type.OBJECT;
    }
}
