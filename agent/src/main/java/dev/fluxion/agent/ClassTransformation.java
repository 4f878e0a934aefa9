package dev.fluxion.agent;

import dev.fluxion.internal.TransformationLog;
import dev.fluxion.transformer.Transformer;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.diagnostics.Diagnostic;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * Plugs the transformer core into Byte Buddy's class-writing pipeline: buffers the class, runs
 * {@link Transformer#transformEach} on its bytes, and replays the result: the class with the
 * derivatives of every method that can be differentiated, after reporting the others' diagnostics.
 */
final class ClassTransformation extends AsmVisitorWrapper.AbstractBase {
    private final ClassLoader loader;

    ClassTransformation(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor, Implementation.Context context,
            TypePool typePool, FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags,
            int readerFlags) {
        return new ClassNode(Opcodes.ASM9) {
            @Override
            public void visitEnd() {
                super.visitEnd();
                ClassWriter writer = new ClassWriter(0);
                accept(writer);
                byte[] transformed = transform(writer.toByteArray());
                if (transformed == null) {
                    accept(classVisitor);
                } else {
                    new ClassReader(transformed).accept(classVisitor, 0);
                }
            }
        };
    }

    /**
     * The class with the derivatives of every method that can be differentiated; each method that
     * cannot is reported, and its diagnostic recorded for {@code Fluxion.gradient} to repeat.
     */
    private byte[] transform(byte[] original) {
        try {
            Transformer.Result result = Transformer.withSystemProperties(ClassFileLocator.ofClassLoader(loader))
                    .transformEach(original);
            for (Diagnostic d : result.problems()) {
                System.err.println(d.message());
            }
            result.messagesByMethod().forEach((m, text) -> TransformationLog.failed(m.get(0), m.get(1), m.get(2), text));
            return result.bytes();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("fluxion: internal error while transforming a class, left untouched: " + e);
            return null;
        }
    }
}
