package dev.fluxion.transformer.ir;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * An SSA value: defined once, by a parameter, a constant or an instruction. Every value knows the
 * instructions that use it, so a pass can replace it everywhere at once.
 *
 * <p>Types are ASM {@link Type}s with the JVM's computational view of small integers:
 * {@code boolean}, {@code byte}, {@code char} and {@code short} values are {@link Type#INT_TYPE}.
 */
public abstract class Value {
    private Type type;
    private final List<Instruction> users = new ArrayList<>();
    int id = -1;

    protected Value(Type type) {
        this.type = type;
    }

    public Type type() {
        return type;
    }

    /** Narrows a reference type once its definition is better known (phis of arrays, say). */
    public void refineType(Type narrower) {
        this.type = narrower;
    }

    /** The instructions that have this value as an operand (one entry per operand slot). */
    public List<Instruction> users() {
        return users;
    }

    /** Makes every user of this value use {@code replacement} instead. */
    public void replaceAllUsesWith(Value replacement) {
        for (Instruction user : List.copyOf(users)) {
            user.replaceOperand(this, replacement);
        }
    }

    void addUser(Instruction user) {
        users.add(user);
    }

    void removeUser(Instruction user) {
        users.remove(user);
    }

    public boolean isFloating() {
        return Types.isFloating(type);
    }

    /** The name this value has in the text form ({@code v12}, {@code p0}, {@code 1.5}). */
    public abstract String name();

    @Override
    public String toString() {
        return name();
    }
}
