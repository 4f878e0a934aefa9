package dev.fluxion.transformer;

import static org.objectweb.asm.Opcodes.*;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.ir.MemberRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Methods declared {@code @GradientOf("f")}, whose bodies Fluxion supplies. Each gets an adjoint of
 * {@code f} specialised to its {@code wrt} parameters (the others are inactive data), and a body that
 * calls it: copy the arrays {@code f} writes into, zero the gradient outputs, run the adjoint with
 * seed 1, move the scalar parameters' adjoints from the tape into their outputs, return the value.
 */
final class DeclaredGradients {
    private static final String TAPE = Naming.TAPE_INTERNAL_NAME;
    private static final String ARRAY_ADJOINTS = "dev/fluxion/internal/ArrayAdjoints";

    /** A checked declaration: the declared method, the primal it differentiates, and the differentiated parameters. */
    record Declaration(MethodNode declared, MethodNode primal, Set<Integer> wrt) {
    }

    private DeclaredGradients() {
    }

    /** The {@code @GradientOf} annotation of {@code m}, or {@code null}. */
    static AnnotationNode annotation(MethodNode m) {
        if (m.visibleAnnotations == null) {
            return null;
        }
        return m.visibleAnnotations.stream().filter(a -> a.desc.equals(Naming.GRADIENT_OF_DESCRIPTOR)).findFirst()
                .orElse(null);
    }

    /** Checks a declaration against the method it names. */
    static Declaration resolve(ClassNode owner, MethodNode declared) {
        AnnotationNode a = annotation(declared);
        String target = null;
        List<Integer> wrt = List.of();
        for (int i = 0; i + 1 < a.values.size(); i += 2) {
            if (a.values.get(i).equals("value")) {
                target = (String) a.values.get(i + 1);
            } else if (a.values.get(i).equals("wrt")) {
                @SuppressWarnings("unchecked")
                List<Integer> listed = (List<Integer>) a.values.get(i + 1);
                wrt = listed;
            }
        }
        int line = firstLine(declared);
        if ((declared.access & ACC_STATIC) == 0) {
            throw new Unsupported(line, "@GradientOf method " + declared.name + " is not static", "Make it static.");
        }
        MethodNode primal = null;
        for (MethodNode m : owner.methods) {
            if (m.name.equals(target) && DifferentiableMethods.isAnnotated(m) && (m.access & ACC_STATIC) != 0
                    && declared.desc.startsWith(m.desc.substring(0, m.desc.indexOf(')')))) {
                primal = m;
            }
        }
        if (primal == null) {
            throw new Unsupported(line, "@GradientOf(\"" + target + "\") names no @Differentiable static method " + target
                    + " of this class whose parameters begin " + declared.name + "'s", "Declare the gradient in the class of "
                            + "the method, with that method's parameters first, then one output per differentiated parameter.");
        }
        Type[] params = Type.getArgumentTypes(primal.desc);
        Set<Integer> indices = new TreeSet<>(wrt);
        if (indices.isEmpty()) {
            for (int j = 0; j < params.length; j++) {
                if (isDoubleBased(params[j])) {
                    indices.add(j);
                }
            }
        }
        for (int j : indices) {
            if (j < 0 || j >= params.length || !isDoubleBased(params[j])) {
                throw new Unsupported(line, "@GradientOf(\"" + target + "\") lists parameter " + j + ", which is not a "
                        + "double, double[] or double[][] parameter of " + target, "List the indices of the parameters to "
                                + "differentiate, counting from 0.");
            }
        }
        String expected = expectedDescriptor(primal.desc, indices);
        if (!declared.desc.equals(expected)) {
            throw new Unsupported(line, "@GradientOf method " + JavaSyntax.declaration(declared.name, declared.desc)
                    + " does not fit " + JavaSyntax.declaration(target, primal.desc) + " differentiated with respect to "
                    + "parameters " + indices + ": it must be declared " + JavaSyntax.declaration(declared.name, expected),
                    "Declare the method with that signature: the parameters of "
                            + target + ", then one output per differentiated parameter (an array of the same type for "
                            + "an array, a double[] for a double); it returns the value.");
        }
        return new Declaration(declared, primal, indices);
    }

    private static boolean isDoubleBased(Type t) {
        return t.getSort() == Type.DOUBLE || t.getSort() == Type.ARRAY && t.getElementType().getSort() == Type.DOUBLE;
    }

    private static String expectedDescriptor(String primalDesc, Set<Integer> wrt) {
        Type[] params = Type.getArgumentTypes(primalDesc);
        StringBuilder outputs = new StringBuilder();
        for (int j : wrt) {
            outputs.append(params[j].getSort() == Type.DOUBLE ? "[D" : params[j].getDescriptor());
        }
        int close = primalDesc.indexOf(')');
        return primalDesc.substring(0, close) + outputs + primalDesc.substring(close);
    }

    /**
     * The declared method's new body.
     *
     * @param adjoint the adjoint it runs, where the derivative registry puts it ({@code DerivativeRequests#declaredGradient})
     * @param written parameters {@code f} writes into: copied first, so the caller's arrays stay as they are
     * @param activeData non-differentiated array parameters that the specialised adjoint still gives
     *     a shadow (values are written into them): passed a scratch shadow instead of {@code null}
     */
    static MethodNode body(Declaration d, MemberRef adjoint, List<Integer> written, Set<Integer> activeData) {
        MethodNode m = new MethodNode(ASM9, d.declared().access, d.declared().name, d.declared().desc,
                d.declared().signature, d.declared().exceptions == null ? null
                        : d.declared().exceptions.toArray(String[]::new));
        m.visibleAnnotations = d.declared().visibleAnnotations;
        m.invisibleAnnotations = d.declared().invisibleAnnotations;
        m.visibleParameterAnnotations = d.declared().visibleParameterAnnotations;
        m.parameters = d.declared().parameters;
        Type[] params = Type.getArgumentTypes(d.primal().desc);
        Type[] all = Type.getArgumentTypes(d.declared().desc);
        int[] slot = new int[all.length];
        int next = 0;
        for (int i = 0; i < all.length; i++) {
            slot[i] = next;
            next += all[i].getSize();
        }
        int tape = next;
        int result = tape + 1;
        m.visitCode();
        m.visitMethodInsn(INVOKESTATIC, TAPE, "current", "()" + Naming.TAPE_DESCRIPTOR, false);
        m.visitVarInsn(ASTORE, tape);
        for (int j : written) {
            m.visitVarInsn(ALOAD, slot[j]);
            m.visitMethodInsn(INVOKESTATIC, ARRAY_ADJOINTS, "deepCopy", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            m.visitTypeInsn(CHECKCAST, params[j].getInternalName());
            m.visitVarInsn(ASTORE, slot[j]);
        }
        List<Integer> wrt = new ArrayList<>(d.wrt());
        for (int k = 0; k < wrt.size(); k++) {
            if (params[wrt.get(k)].getSort() == Type.ARRAY) {
                m.visitVarInsn(ALOAD, slot[params.length + k]);
                m.visitMethodInsn(INVOKESTATIC, ARRAY_ADJOINTS, "zero", "(Ljava/lang/Object;)V", false);
            }
        }
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        m.visitTryCatchBlock(start, end, handler, null);
        m.visitVarInsn(ALOAD, tape);
        m.visitMethodInsn(INVOKEVIRTUAL, TAPE, "enter", "()V", false);
        m.visitLabel(start);
        for (int j = 0; j < params.length; j++) {
            m.visitVarInsn(params[j].getOpcode(ILOAD), slot[j]);
        }
        for (int j = 0; j < params.length; j++) {
            if (!Naming.isShadowed(params[j].getDescriptor())) {
                continue;
            }
            if (d.wrt().contains(j)) {
                m.visitVarInsn(ALOAD, slot[params.length + wrt.indexOf(j)]);
            } else if (activeData.contains(j)) {
                m.visitVarInsn(ALOAD, slot[j]);
                m.visitMethodInsn(INVOKESTATIC, ARRAY_ADJOINTS, "zerosLike", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                m.visitTypeInsn(CHECKCAST, params[j].getInternalName());
            } else {
                m.visitInsn(ACONST_NULL); // an inactive parameter: its shadow is never touched
            }
        }
        m.visitInsn(DCONST_1);
        m.visitVarInsn(ALOAD, tape);
        m.visitMethodInsn(INVOKESTATIC, adjoint.owner(), adjoint.name(), adjoint.descriptor(), adjoint.isInterface());
        m.visitVarInsn(DSTORE, result);
        for (int j = params.length - 1; j >= 0; j--) {
            if (params[j].getSort() != Type.DOUBLE && params[j].getSort() != Type.FLOAT) {
                continue;
            }
            String pop = params[j].getSort() == Type.DOUBLE ? "popDouble" : "popFloat";
            if (d.wrt().contains(j)) {
                m.visitVarInsn(ALOAD, slot[params.length + wrt.indexOf(j)]);
                m.visitInsn(ICONST_0);
                m.visitVarInsn(ALOAD, tape);
                m.visitMethodInsn(INVOKEVIRTUAL, TAPE, pop, "()D", false);
                m.visitInsn(DASTORE);
            } else {
                m.visitVarInsn(ALOAD, tape);
                m.visitMethodInsn(INVOKEVIRTUAL, TAPE, pop, "()" + params[j].getDescriptor(), false);
                m.visitInsn(params[j].getSize() == 2 ? POP2 : POP);
            }
        }
        m.visitLabel(end);
        m.visitVarInsn(ALOAD, tape);
        m.visitMethodInsn(INVOKEVIRTUAL, TAPE, "leave", "()V", false);
        m.visitVarInsn(DLOAD, result);
        m.visitInsn(DRETURN);
        m.visitLabel(handler);
        m.visitVarInsn(ALOAD, tape); // an abrupt sweep left recordings: drop them, rethrow
        m.visitMethodInsn(INVOKEVIRTUAL, TAPE, "unwindToMark", "()V", false);
        m.visitVarInsn(ALOAD, tape);
        m.visitMethodInsn(INVOKEVIRTUAL, TAPE, "leave", "()V", false);
        m.visitInsn(ATHROW);
        m.visitMaxs(0, 0);
        m.visitEnd();
        return m;
    }

    private static int firstLine(MethodNode m) {
        for (var insn : m.instructions) {
            if (insn instanceof LineNumberNode ln) {
                return ln.line;
            }
        }
        return -1;
    }
}
