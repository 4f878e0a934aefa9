package dev.fluxion.transformer.ir;

/**
 * The kinds of instruction. Within a kind, {@link Instruction#opcode()} holds the JVM opcode that
 * says exactly what is computed ({@code DADD}, {@code IF_ICMPLT}, {@code INVOKESTATIC}, ...), so
 * the IR is typed three-address code over the JVM's own operations, with every operand explicit.
 */
public enum Op {
    /** Value of the operand for the predecessor the block was entered from (operand i for pred i). */
    PHI,
    /** Arithmetic, bitwise and shift operations, negation included ({@code IADD} .. {@code LXOR}). */
    ARITHMETIC,
    /** Primitive conversions ({@code I2D}, {@code D2I}, ...). */
    CONVERT,
    /** {@code LCMP}, {@code FCMPL}, {@code FCMPG}, {@code DCMPL}, {@code DCMPG}: an int -1, 0 or 1. */
    COMPARE,
    ARRAY_LOAD,
    /** Operands: array, index, value. */
    ARRAY_STORE,
    ARRAY_LENGTH,
    /** {@code NEWARRAY}, {@code ANEWARRAY}, {@code MULTIANEWARRAY}; operands are the dimensions. */
    NEW_ARRAY,
    /** {@code NEW} fused with its constructor call; operands are the constructor's arguments. */
    NEW_OBJECT,
    /** {@code GETSTATIC}, {@code GETFIELD}. */
    FIELD_GET,
    /** {@code PUTSTATIC}, {@code PUTFIELD}; the value is the last operand. */
    FIELD_PUT,
    /** {@code INVOKESTATIC}, {@code INVOKEVIRTUAL}, {@code INVOKESPECIAL}, {@code INVOKEINTERFACE}. */
    INVOKE,
    INVOKE_DYNAMIC,
    CHECKCAST,
    INSTANCEOF,
    /**
     * The exception a landing block catches: a landing is entered only by a {@link #TRY}, and this
     * is its first instruction. Type operand: the class the handler names, {@code null} for any.
     */
    CATCH,
    /** Terminator: unconditional jump. */
    GOTO,
    /** Terminator: {@code IFEQ} .. {@code IF_ACMPNE}, {@code IFNULL}, {@code IFNONNULL}; targets [taken, not taken]. */
    IF,
    /** Terminator: targets [default, case 0, case 1, ...] with {@link Instruction#keys()}. */
    SWITCH,
    /** Terminator: returns its operand, if any. */
    RETURN,
    /** Terminator: throws its operand. */
    THROW,
    /**
     * Terminator of a <em>guard</em>: enters targets[0], whose first instruction may throw; if it
     * does, none of that block has run and control goes to one of targets[1..], the landing blocks
     * of the handlers that may catch it, in the order the JVM tries them (see {@code ExceptionEdges}).
     */
    TRY;

    public boolean isTerminator() {
        return this == GOTO || this == IF || this == SWITCH || this == RETURN || this == THROW || this == TRY;
    }
}
