package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Calls that take a differentiated value only to show it: building and formatting text, printing,
 * logging, and the JDK's tests of a double ({@code Double.isNaN}, {@code compare}; not its bits,
 * which are the number again). Their effects come back as a number only if the text is read back,
 * which the {@link DifferentiabilityCheck} rejects in a method that shows differentiated values
 * ({@link #isParse}); so the differentiated computation may pass them anything.
 *
 * <p>Every other call that Fluxion does not differentiate may keep the value somewhere (in its
 * receiver, a field, an array it can reach) where later code reads it back, so the
 * {@link DifferentiabilityCheck} rejects an active argument to it: the dependence would be lost.
 * A box ({@code Double.valueOf(x)}, as {@code String.format("%.3f", x)} makes one) is a side
 * channel when every use of it is: an argument of such a call, or an element of a varargs array
 * that only such calls read.
 *
 * <p>Checks are side channels too: Kotlin's null checks ({@code Intrinsics.checkNotNullParameter(x, "x")}
 * at the entry of every function with a {@code DoubleArray} parameter, {@code checkNotNull(x)} for
 * {@code x!!} and in lambdas, {@code checkNotNullExpressionValue} after a Java call) take the value only
 * to throw if it is null, and return nothing ({@link #isCheck}).
 */
public final class SideChannels {
    /** Classes all of whose methods only show values: text, printing, logging. */
    private static final Set<String> DISPLAY_CLASSES = Set.of("java/lang/String", "java/lang/StringBuilder",
            "java/lang/StringBuffer", "java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter",
            "java/util/logging/Logger", "java/lang/System$Logger", "org/slf4j/Logger",
            "org/apache/logging/log4j/Logger");
    /** Boxes, some of whose static queries on a value ({@link #QUERIES}) return no number. */
    private static final Set<String> BOXES = Set.of("java/lang/Double", "java/lang/Float");

    private SideChannels() {
    }

    /**
     * Whether a method only checks its arguments, reading nothing in them and returning nothing:
     * Kotlin's {@code kotlin.jvm.internal.Intrinsics.checkNotNull*} and {@code check*IsNotNull}.
     */
    public static boolean isCheck(MemberRef m) {
        return m.owner().equals("kotlin/jvm/internal/Intrinsics") && m.name().startsWith("check")
                && (m.descriptor().equals("(Ljava/lang/Object;)V") || m.descriptor().equals("(Ljava/lang/Object;Ljava/lang/String;)V"));
    }

    /** Whether {@code call} only shows or checks its arguments (a box's uses are judged by {@link #isBoxForDisplay}). */
    public static boolean isDisplay(Instruction call) {
        MemberRef m = call.member();
        if (DISPLAY_CLASSES.contains(m.owner()) || isCheck(m)) {
            return true;
        }
        if (m.owner().equals("java/util/Arrays") || m.owner().equals("java/util/Objects")) {
            return m.name().equals("toString") || m.name().equals("deepToString");
        }
        // not doubleToLongBits and its kind: the bits are the number again (longBitsToDouble)
        return BOXES.contains(m.owner()) && call.opcode() == Opcodes.INVOKESTATIC && QUERIES.contains(m.name());
    }

    /** A box's static queries that give no number back: a test, an order, text, a hash. */
    private static final Set<String> QUERIES = Set.of("isNaN", "isInfinite", "isFinite", "compare", "toString",
            "toHexString", "hashCode");

    /**
     * Whether {@code call} reads a number from text ({@code Double.parseDouble}, a box's
     * {@code valueOf(String)}, {@code new BigDecimal(String)}, a {@code Scanner}): text that a method
     * made from differentiated values gives them back, and Fluxion does not follow derivatives
     * through text.
     */
    static boolean isParse(Instruction call) {
        MemberRef m = call.member();
        if (m == null) {
            return false;
        }
        boolean fromString = m.descriptor().startsWith("(Ljava/lang/String;") || m.descriptor().startsWith("(Ljava/lang/CharSequence;");
        return switch (m.owner()) {
            case "java/lang/Double", "java/lang/Float", "java/lang/Integer", "java/lang/Long" ->
                    fromString && (m.name().startsWith("parse") || m.name().equals("valueOf") || m.name().equals("decode"));
            case "java/math/BigDecimal", "java/math/BigInteger" -> fromString && m.name().equals("<init>");
            case "java/util/Scanner" -> m.name().startsWith("next");
            default -> false;
        };
    }

    /**
     * Whether {@code indy} makes a lambda that only shows the values it captures, given only to
     * display calls: {@code LOG.fine(() -> "y = " + y)}. Its body (read from its class) builds text
     * and nothing else: string concatenation, formatting, a box's {@code toString}; no store into an
     * array or a field, no other call. The logger may call it or not; either way no number comes back.
     */
    public static boolean isShowingLambda(Instruction indy, Callees callees) {
        if (indy.bootstrap() == null || !indy.bootstrap().bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                || indy.bootstrap().bsmArgs.length < 2 || !(indy.bootstrap().bsmArgs[1] instanceof org.objectweb.asm.Handle impl)
                || indy.users().isEmpty()) {
            return false;
        }
        for (Instruction user : indy.users()) {
            if (user.op() != Op.INVOKE || !isDisplay(user)) {
                return false;
            }
        }
        org.objectweb.asm.tree.MethodNode body = callees.code(new MemberRef(impl.getOwner(), impl.getName(), impl.getDesc()));
        if (body == null || body.instructions.size() == 0) {
            return false;
        }
        // a varargs array for String.format is built with aastore; it may store nothing into the
        // lambda's captured arrays, so none of those may hold references (rows of a matrix)
        boolean capturesArraysOfReferences = java.util.Arrays.stream(Type.getArgumentTypes(impl.getDesc()))
                .anyMatch(t -> t.getSort() == Type.ARRAY && (t.getDimensions() > 1 || t.getElementType().getSort() == Type.OBJECT));
        for (org.objectweb.asm.tree.AbstractInsnNode insn : body.instructions) {
            int op = insn.getOpcode();
            boolean varargs = op == Opcodes.AASTORE && !capturesArraysOfReferences;
            if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE && !varargs || op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC) {
                return false;
            }
            if (insn instanceof org.objectweb.asm.tree.MethodInsnNode call) {
                boolean text = DISPLAY_CLASSES.contains(call.owner) || BOXES.contains(call.owner)
                        && (call.name.equals("toString") || call.name.equals("valueOf") && !call.desc.startsWith("(Ljava/lang/String;"))
                        || call.owner.equals("java/util/Arrays") && (call.name.equals("toString") || call.name.equals("deepToString"));
                if (!text) {
                    return false;
                }
            }
            if (insn instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode d
                    && !d.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code created}, a new object, is only shown: printed, concatenated into a string, its
     * {@code toString}, {@code equals} or {@code hashCode} taken ({@code ObjectMethods}), or held by
     * another object only shown (a record made again to be printed, {@code ValueObjects}).
     */
    static boolean isShownObject(Instruction created) {
        if (created.users().isEmpty()) {
            return false;
        }
        for (Instruction user : created.users()) {
            boolean shown = switch (user.op()) {
                case INVOKE -> isObjectMethod(user.member())
                        || isDisplay(user) && !(user.opcode() != Opcodes.INVOKESTATIC && user.operand(0) == created);
                case INVOKE_DYNAMIC -> user.bootstrap() != null
                        && (user.bootstrap().bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")
                                || user.bootstrap().bsm.getOwner().equals("java/lang/runtime/ObjectMethods"));
                case NEW_OBJECT -> isShownObject(user);
                default -> false;
            };
            if (!shown) {
                return false;
            }
        }
        return true;
    }

    /** {@code toString()}, {@code equals(Object)} or {@code hashCode()}: text, a test, a hash; no number. */
    public static boolean isObjectMethod(MemberRef m) {
        return m.name().equals("toString") && m.descriptor().equals("()Ljava/lang/String;")
                || m.name().equals("hashCode") && m.descriptor().equals("()I")
                || m.name().equals("equals") && m.descriptor().equals("(Ljava/lang/Object;)Z");
    }

    /**
     * Whether {@code call} is {@code toString}, {@code equals} or {@code hashCode} on objects only
     * shown ({@link #isShownObject}): a record made again to be compared or turned into text.
     */
    static boolean isCallOnShownObjects(Instruction call) {
        if (call.op() != Op.INVOKE || !isObjectMethod(call.member())) {
            return false;
        }
        for (Value v : call.operands()) {
            if (!(v instanceof Instruction i && i.op() == Op.NEW_OBJECT && isShownObject(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code call} boxes a value ({@code Double.valueOf(double)}) whose every use only shows it. */
    public static boolean isBoxForDisplay(Instruction call) {
        MemberRef m = call.member();
        if (!BOXES.contains(m.owner()) || !m.name().equals("valueOf")
                || Type.getArgumentTypes(m.descriptor())[0].getSort() == Type.OBJECT) {
            return false;
        }
        return onlyShown(call, 0);
    }

    /** Whether {@code array} is only filled and shown: the varargs array of a {@code printf} or a {@code String.format}. */
    public static boolean isShownArray(Value array) {
        return onlyShown(array, 0);
    }

    /** Whether every use of {@code v} passes it to a display call or stores it into an array only display calls read. */
    private static boolean onlyShown(Value v, int depth) {
        if (depth > 4) {
            return false;
        }
        for (Instruction user : v.users()) {
            boolean shown = switch (user.op()) {
                case INVOKE -> isDisplay(user);
                case INVOKE_DYNAMIC -> user.type().getSort() == Type.OBJECT
                        && user.type().getInternalName().equals("java/lang/String"); // string concatenation
                // filling the varargs array v, or storing v into one
                case ARRAY_STORE -> user.operand(0) == v || user.operand(0) instanceof Instruction array
                        && array.op() == Op.NEW_ARRAY && onlyShown(array, depth + 1);
                default -> false;
            };
            if (!shown) {
                return false;
            }
        }
        return true;
    }
}
